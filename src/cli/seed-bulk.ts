import type { Db } from '../server/db/connection.js';
import type { NewCaseRow } from '../server/db/schema.js';
import { DEMO_OFFICE_CODE } from '../server/demo/seed-demo.js';
import { newId } from '../server/lib/ids.js';
import { generateAccessKey, hashAccessKey } from '../server/modules/cases/access-key.js';
import { generateTrackingCode } from '../server/modules/cases/tracking-code.js';
import { indexDocument } from '../server/modules/search/search-index.js';
import { CASE_TYPES, CHANNELS, PRIORITIES } from '../shared/enums.js';

const STATUSES = ['received', 'in_progress', 'waiting_on_citizen', 'resolved', 'closed'] as const;
const BATCH = 400;

/**
 * Adds `count` synthetic cases to the demo office, straight into the tables in large batches: a load-test
 * fixture, not a way to create real cases (which go through createCase). Returns up to 1000 codes with keys.
 */
export async function seedBulkCases(
  db: Db,
  secret: string,
  count: number,
): Promise<{ trackingCode: string; accessKey: string }[]> {
  const office = await db
    .selectFrom('offices')
    .select(['id'])
    .where('code', '=', DEMO_OFFICE_CODE)
    .executeTakeFirst();
  if (!office)
    throw new Error(`The demo office ${DEMO_OFFICE_CODE} is missing: run "loket seed --demo" first.`);
  const categories = await db
    .selectFrom('categories')
    .select(['id', 'service_id'])
    .where('office_id', '=', office.id)
    .execute();
  const sample: { trackingCode: string; accessKey: string }[] = [];
  const codes = new Set<string>();
  const start = Date.now() - 365 * 24 * 3_600_000;
  for (let done = 0; done < count; done += BATCH) {
    const rows: NewCaseRow[] = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const receivedAt = new Date(start + Math.floor((i / count) * 364 * 24 * 3_600_000));
      let code = generateTrackingCode(DEMO_OFFICE_CODE, receivedAt.getUTCFullYear());
      while (codes.has(code)) code = generateTrackingCode(DEMO_OFFICE_CODE, receivedAt.getUTCFullYear());
      codes.add(code);
      const accessKey = generateAccessKey();
      if (sample.length < 1000) sample.push({ trackingCode: code, accessKey });
      const category = categories[i % categories.length]!;
      const at = receivedAt.toISOString();
      rows.push({
        id: newId(receivedAt.getTime()),
        office_id: office.id,
        tracking_code: code,
        access_key_hash: hashAccessKey(secret, accessKey)!,
        type: CASE_TYPES[i % CASE_TYPES.length]!,
        status: STATUSES[i % STATUSES.length]!,
        subject: `Pertanyaan layanan nomor ${i + 1}`,
        description: 'Kasus sintetis untuk uji beban. Isinya sengaja singkat dan tidak berisi data pribadi.',
        service_id: category.service_id,
        category_id: category.id,
        channel: CHANNELS[i % CHANNELS.length]!,
        language: i % 7 === 0 ? 'en' : 'id',
        priority: PRIORITIES[i % PRIORITIES.length]!,
        contact_name: null,
        contact_email: null,
        contact_phone: null,
        anonymous: i % 11 === 0,
        confidential: false,
        assignee_id: null,
        team_id: null,
        rejection_reason: null,
        received_at: at,
        first_response_at: null,
        waiting_since: null,
        resolved_at: null,
        closed_at: null,
        due_at: null,
        updated_at: at,
        version: 1,
        merged_into_id: null,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(rows).execute();
      for (const row of rows) {
        await indexDocument(trx, 'case', row.id, `${row.subject}\n${row.description}`, row.language);
      }
    });
  }
  return sample;
}
