import { onEvent } from '../../events/reactions.js';
import { invalidateCalendars } from '../calendar/storage.js';
import { seedOfficeServiceLevels } from './defaults.js';
import { invalidateServiceLevels } from './policies.js';

/** A new office starts with the default working hours, service levels and escalation rule (see defaults.ts). */
onEvent('office.created', async (trx, event) => {
  if (!event.officeId) return;
  await seedOfficeServiceLevels(trx, event.officeId, event.at);
  invalidateCalendars(trx);
  invalidateServiceLevels(trx);
});
