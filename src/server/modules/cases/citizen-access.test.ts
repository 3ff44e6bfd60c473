import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildCase, buildConfig, buildOffice, STAFF } from '../../../test-support/factories.js';
import { createLimiters } from '../../http/rate-limit.js';
import { inTransaction } from '../../lib/transaction.js';
import { addStaffMessage } from './add-message.js';
import { caseWithTimelineForCitizen } from './citizen-access.js';
import { findCaseByTrackingCode } from './storage.js';

let database: TestDatabase;
const config = buildConfig();
const limiters = createLimiters({ ...config.rateLimits, enabled: false });

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
});

const access = () => ({ db: database.db, config, limiters });

describe('a citizen following a case', () => {
  it('gets the case and its public timeline, without internal notes', async () => {
    const created = await buildCase(database.db);
    const current = (await findCaseByTrackingCode(database.db, created.case.trackingCode))!;
    await addStaffMessage(database.db, STAFF, current, {
      kind: 'public_reply',
      body: 'Kami sedang memeriksa.',
    });
    await addStaffMessage(database.db, STAFF, current, { kind: 'internal_note', body: 'Catatan internal.' });

    const opened = await caseWithTimelineForCitizen(
      access(),
      '192.0.2.1',
      created.case.trackingCode,
      created.accessKey,
    );
    expect(opened.case.trackingCode).toBe(created.case.trackingCode);
    expect(opened.messages.map((m) => m.body)).toEqual(['Kami sedang memeriksa.']);
    expect(opened).not.toHaveProperty('case.contact');
  });

  it('answers a wrong key exactly like an unknown code', async () => {
    const created = await buildCase(database.db);
    const wrongKey = caseWithTimelineForCitizen(
      access(),
      '192.0.2.1',
      created.case.trackingCode,
      'AAAA-BBBB-CCCC-DDDD',
    );
    await expect(wrongKey).rejects.toMatchObject({ code: 'case_not_found' });
    const unknown = caseWithTimelineForCitizen(access(), '192.0.2.1', 'TST-26-0000000', created.accessKey);
    await expect(unknown).rejects.toMatchObject({
      code: expect.stringMatching(/case_not_found|invalid_tracking_code/),
    });
  });

  it('never sees a write that is not committed yet', async () => {
    const created = await buildCase(database.db);
    const current = (await findCaseByTrackingCode(database.db, created.case.trackingCode))!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const reply = new Promise<void>((resolve) => {
      written = resolve;
    });
    const writer = inTransaction(database.db, async (trx) => {
      await addStaffMessage(trx, STAFF, current, { kind: 'public_reply', body: 'Belum tersimpan.' });
      written();
      await held;
    });
    await reply;
    const during = await caseWithTimelineForCitizen(
      access(),
      '192.0.2.1',
      created.case.trackingCode,
      created.accessKey,
    );
    expect(during.messages).toEqual([]);
    release();
    await writer;
    const after = await caseWithTimelineForCitizen(
      access(),
      '192.0.2.1',
      created.case.trackingCode,
      created.accessKey,
    );
    expect(after.messages.map((m) => m.body)).toEqual(['Belum tersimpan.']);
  });
});
