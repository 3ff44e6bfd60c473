import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildCase, buildOffice } from '../../../test-support/factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
});

async function identitiesOfContact(caseId: string) {
  const link = await database.db
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const rows = await database.db
    .selectFrom('contact_identities')
    .select(['kind', 'value'])
    .where('contact_id', '=', link.contact_id)
    .orderBy('kind')
    .execute();
  return { contactId: link.contact_id, identities: rows.map((r) => `${r.kind}:${r.value}`) };
}

describe('linking new cases to their person', () => {
  it('adds only the identities a known person did not have yet, once', async () => {
    const first = await buildCase(database.db, { contact: { email: 'dewi@example.com' } });
    const second = await buildCase(database.db, {
      contact: { email: 'DEWI@example.com', phone: '0812-7777-0001' },
    });
    const third = await buildCase(database.db, {
      contact: { email: 'dewi@example.com', phone: '+62 812 7777 0001' },
    });
    const a = await identitiesOfContact(first.case.id);
    const b = await identitiesOfContact(second.case.id);
    const c = await identitiesOfContact(third.case.id);
    expect(b.contactId).toBe(a.contactId);
    expect(c.contactId).toBe(a.contactId);
    expect(c.identities).toEqual(['email:dewi@example.com', 'phone:6281277770001']);
  });
});
