import type { Db } from '../../db/connection.js';
import { findOfficeByCode } from '../offices/storage.js';
import { saveMailSettings } from './storage.js';

export const DEMO_MAIL_ADDRESS = 'informasi@sby.example.go.id';

/**
 * The demo office's mail address (mail to it becomes cases once LOKET_SMTP_PORT is set). The demo's cases
 * replay months of history: the notifications their replay enqueued would have gone out back then, so they are
 * dropped instead of being sent now.
 */
export async function seedDemoMail(db: Db, officeCode: string): Promise<void> {
  const office = await findOfficeByCode(db, officeCode);
  if (!office) return;
  await saveMailSettings(db, office.id, { address: DEMO_MAIL_ADDRESS });
  await db
    .deleteFrom('jobs')
    .where('kind', '=', 'email.notify-citizen')
    .where('status', '=', 'pending')
    .execute();
}
