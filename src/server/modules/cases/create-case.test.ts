import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildCase, buildOffice } from '../../../test-support/factories.js';
import { inTransaction } from '../../lib/transaction.js';
import { findOfficeByCode } from '../offices/storage.js';
import { uniqueTrackingCode } from './create-case.js';
import { generateTrackingCode, parseTrackingCode } from './tracking-code.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
});

describe('a tracking code that is already taken', () => {
  it('is passed over for a fresh one, also for a case made earlier in the same transaction', async () => {
    const { case: earlier } = await buildCase(database.db, { subject: 'Kasus pertama' });
    const office = (await findOfficeByCode(database.db, earlier.trackingCode.slice(0, 3)))!;
    const offered: string[] = [];
    const code = await inTransaction(database.db, async (trx) => {
      const { case: inside } = await buildCase(trx, { subject: 'Kasus kedua' });
      // The generator hands out both taken codes first, then random ones again.
      const taken = [earlier.trackingCode, inside.trackingCode];
      return uniqueTrackingCode(trx, office, new Date(), (officeCode, year) => {
        const next = taken.shift() ?? generateTrackingCode(officeCode, year);
        offered.push(next);
        return next;
      });
    });
    expect(offered).toHaveLength(3);
    expect(code).toBe(offered[2]);
    expect(parseTrackingCode(code)).toBe(code);
    expect(code).not.toBe(earlier.trackingCode);
  });
});
