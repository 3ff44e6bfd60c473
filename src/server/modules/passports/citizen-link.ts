import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import type { Case } from '../cases/model.js';
import { linkCaseToApplication } from './link-case.js';
import { normaliseApplicationNumber } from './model.js';
import { findApplicationByNumber } from './storage.js';

/** The application number a citizen gave with a new case, checked for its shape before the case is made. */
export function citizenApplicationNumber(raw: string | undefined, field: string): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const number = normaliseApplicationNumber(raw);
  if (!number) throw new AppError('validation_failed', { errors: [{ field, code: 'pattern' }] });
  return number;
}

/**
 * Links a new case to the application the citizen named, in the case's transaction. A number the office does not
 * know links nothing and is not reported as unknown: the submit form must not tell which numbers exist. Staff
 * can still link the case by hand.
 */
export async function linkCitizenCase(
  trx: Db,
  subject: Pick<Case, 'id' | 'officeId' | 'trackingCode'>,
  number: string | undefined,
): Promise<boolean> {
  if (!number) return false;
  const app = await findApplicationByNumber(trx, subject.officeId, number);
  if (!app) return false;
  await linkCaseToApplication(trx, CITIZEN_ACTOR, subject, app, { by: 'citizen' });
  return true;
}
