import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/enums.js';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildCase, buildOffice, STAFF, TEST_SECRET } from '../../../test-support/factories.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { accessKeyMatches } from './access-key.js';
import { addCitizenMessage, addStaffMessage } from './add-message.js';
import { createCase } from './create-case.js';
import { TRANSITIONS } from './status-machine.js';
import { findCaseByTrackingCode, listCaseEvents, listCases, listMessages } from './storage.js';
import { parseTrackingCode } from './tracking-code.js';
import { transitionCase } from './transition-case.js';
import { updateCase } from './update-case.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
  await buildOffice(database.db, { code: 'JKT', nameId: 'Kantor Jakarta', nameEn: 'Jakarta office' });
});

async function reload(code: string) {
  return (await findCaseByTrackingCode(database.db, code))!;
}

describe(`case commands on ${process.env.LOKET_TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('creates a case with a tracking code of its office, a hashed key and a creation event', async () => {
    const { case: created, accessKey } = await buildCase(database.db, { categoryCode: 'biaya' });
    expect(parseTrackingCode(created.trackingCode)).toBe(created.trackingCode);
    expect(created.trackingCode).toMatch(/^TST-\d{2}-/);
    expect(created.accessKeyHash).not.toContain(accessKey);
    expect(accessKeyMatches(TEST_SECRET, accessKey, created.accessKeyHash)).toBe(true);

    const stored = await reload(created.trackingCode);
    expect(stored).toEqual(created);
    expect(stored).toMatchObject({ status: 'received', version: 1, anonymous: false, priority: 'normal' });
    expect(stored.contact.email).toBe('siti@example.com');
    expect(stored.serviceId).not.toBeNull();
    const events = await listCaseEvents(database.db, created.id);
    expect(events.map((e) => e.type)).toEqual(['case.created']);
  });

  it('uses the office time zone for the year in the code', async () => {
    // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Surabaya (UTC+7).
    const { case: created } = await buildCase(database.db, {}, new Date('2026-12-31T18:00:00Z'));
    expect(created.trackingCode).toMatch(/^TST-27-/);
  });

  it('rolls back everything when the classification is wrong', async () => {
    const before = await listCases(database.db, {}, 'newest', 100);
    await expect(buildCase(database.db, { categoryCode: 'no-such' })).rejects.toMatchObject({
      code: 'unknown_category',
    });
    await expect(buildCase(database.db, { officeCode: 'XXX' })).rejects.toMatchObject({
      code: 'unknown_office',
    });
    await expect(
      buildCase(database.db, { serviceCode: 'izin-tinggal', categoryCode: 'biaya' }),
    ).rejects.toMatchObject({ code: 'category_service_mismatch' });
    await expect(buildCase(database.db, { subject: '   ' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const after = await listCases(database.db, {}, 'newest', 100);
    expect(after.items.length).toBe(before.items.length);
  });

  it('stores booleans, blank contact fields and line endings consistently', async () => {
    const { case: created } = await buildCase(database.db, {
      anonymous: true,
      confidential: true,
      contact: { name: '  ', email: 'SITI@Example.COM' },
      description: 'baris satu\r\nbaris dua',
    });
    const stored = await reload(created.trackingCode);
    expect(stored.anonymous).toBe(true);
    expect(stored.confidential).toBe(true);
    expect(stored.contact).toEqual({ name: null, email: 'siti@example.com', phone: null });
    expect(stored.description).toBe('baris satu\nbaris dua');
  });

  it('walks a case through every legal status and stamps the times', async () => {
    const { case: created } = await buildCase(database.db);
    const code = created.trackingCode;
    const t = (minutes: number) => new Date(Date.parse(created.receivedAt) + minutes * 60_000);

    await transitionCase(database.db, STAFF, code, { to: 'in_progress', expectedVersion: 1 }, t(1));
    await addStaffMessage(
      database.db,
      STAFF,
      await reload(code),
      { kind: 'public_reply', body: 'Kami cek.' },
      t(2),
    );
    expect((await reload(code)).firstResponseAt).toBe(t(2).toISOString());

    await transitionCase(database.db, STAFF, code, { to: 'waiting_on_citizen' }, t(3));
    expect((await reload(code)).waitingSince).toBe(t(3).toISOString());

    // The citizen's answer puts the case back in progress by itself.
    const answered = await addCitizenMessage(
      database.db,
      CITIZEN_ACTOR,
      await reload(code),
      { body: 'Ini datanya.' },
      t(4),
    );
    expect(answered.case.status).toBe('in_progress');
    expect((await reload(code)).waitingSince).toBeNull();

    await transitionCase(database.db, STAFF, code, { to: 'resolved' }, t(5));
    expect((await reload(code)).resolvedAt).toBe(t(5).toISOString());
    await transitionCase(database.db, STAFF, code, { to: 'in_progress', reason: 'Dibuka kembali' }, t(6));
    expect((await reload(code)).resolvedAt).toBeNull();
    await transitionCase(database.db, STAFF, code, { to: 'resolved' }, t(7));
    await transitionCase(database.db, STAFF, code, { to: 'closed' }, t(8));

    const closed = await reload(code);
    expect(closed).toMatchObject({ status: 'closed', closedAt: t(8).toISOString(), version: 8 });
    const events = await listCaseEvents(database.db, created.id, ['case.status_changed']);
    expect(events.map((e) => `${e.payload.from}→${e.payload.to}`)).toEqual([
      'received→in_progress',
      'in_progress→waiting_on_citizen',
      'waiting_on_citizen→in_progress',
      'in_progress→resolved',
      'resolved→in_progress',
      'in_progress→resolved',
      'resolved→closed',
    ]);
    expect(events[2]).toMatchObject({ actorType: 'citizen', payload: { automatic: true } });
    expect(events[0]).toMatchObject({ actorType: 'staff', actorName: STAFF.name });
  });

  it('refuses every illegal transition with invalid_transition and changes nothing', async () => {
    // Reach each status once, then try every target that the table does not allow.
    const paths: Record<CaseStatus, CaseStatus[]> = {
      received: [],
      in_progress: ['in_progress'],
      waiting_on_citizen: ['in_progress', 'waiting_on_citizen'],
      resolved: ['in_progress', 'resolved'],
      closed: ['in_progress', 'resolved', 'closed'],
      rejected: ['rejected'],
    };
    for (const from of CASE_STATUSES) {
      const { case: created } = await buildCase(database.db);
      for (const to of paths[from]) {
        await transitionCase(database.db, STAFF, created.trackingCode, { to, reason: 'alasan' });
      }
      const reached = await reload(created.trackingCode);
      expect(reached.status).toBe(from);
      for (const to of CASE_STATUSES.filter((s) => !TRANSITIONS[from].includes(s))) {
        await expect(
          transitionCase(database.db, STAFF, created.trackingCode, { to, reason: 'alasan' }),
        ).rejects.toMatchObject({ code: 'invalid_transition' });
      }
      expect(await reload(created.trackingCode)).toEqual(reached);
    }
  });

  it('requires a reason to reject and shows it on the case', async () => {
    const { case: created } = await buildCase(database.db);
    await expect(
      transitionCase(database.db, STAFF, created.trackingCode, { to: 'rejected', reason: '  ' }),
    ).rejects.toMatchObject({ code: 'reason_required' });
    const rejected = await transitionCase(database.db, STAFF, created.trackingCode, {
      to: 'rejected',
      reason: 'Di luar kewenangan kantor imigrasi',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Di luar kewenangan kantor imigrasi',
    });
    expect(await reload(created.trackingCode)).toEqual(rejected);
  });

  it('detects stale versions', async () => {
    const { case: created } = await buildCase(database.db);
    await transitionCase(database.db, STAFF, created.trackingCode, { to: 'in_progress', expectedVersion: 1 });
    await expect(
      transitionCase(database.db, STAFF, created.trackingCode, { to: 'resolved', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(
      updateCase(database.db, STAFF, created.trackingCode, { expectedVersion: 1, priority: 'high' }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('lets only one of two concurrent transitions from the same version win', async () => {
    const { case: created } = await buildCase(database.db);
    const results = await Promise.allSettled([
      transitionCase(database.db, STAFF, created.trackingCode, { to: 'in_progress', expectedVersion: 1 }),
      transitionCase(database.db, STAFF, created.trackingCode, {
        to: 'rejected',
        reason: 'duplikat',
        expectedVersion: 1,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['version_conflict', 'invalid_transition']).toContain(failure.reason.code);
    expect((await reload(created.trackingCode)).version).toBe(2);
  });

  it('updates priority and category and logs only real changes', async () => {
    const { case: created } = await buildCase(database.db);
    const same = await updateCase(database.db, STAFF, created.trackingCode, {
      expectedVersion: 1,
      priority: 'normal',
    });
    expect(same.version).toBe(1);
    const changed = await updateCase(database.db, STAFF, created.trackingCode, {
      expectedVersion: 1,
      priority: 'urgent',
      categoryCode: 'perpanjangan',
    });
    expect(changed).toMatchObject({ priority: 'urgent', version: 2 });
    expect(await reload(created.trackingCode)).toEqual(changed);
    const events = await listCaseEvents(database.db, created.id, ['case.updated']);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!.payload.changes as object).sort()).toEqual(['category', 'priority']);
    await expect(
      updateCase(database.db, STAFF, created.trackingCode, { expectedVersion: 2, categoryCode: 'nope' }),
    ).rejects.toMatchObject({ code: 'unknown_category' });
  });

  it('keeps internal notes apart and refuses messages on final cases', async () => {
    const { case: created } = await buildCase(database.db);
    await addStaffMessage(database.db, STAFF, created, { kind: 'internal_note', body: 'Cek SIMKIM dulu' });
    await transitionCase(database.db, STAFF, created.trackingCode, {
      to: 'rejected',
      reason: 'Bukan kewenangan',
    });
    const rejected = await reload(created.trackingCode);
    await expect(
      addCitizenMessage(database.db, CITIZEN_ACTOR, rejected, { body: 'Kenapa?' }),
    ).rejects.toMatchObject({ code: 'case_closed' });
    await expect(
      addStaffMessage(database.db, STAFF, rejected, { kind: 'public_reply', body: 'Maaf' }),
    ).rejects.toMatchObject({ code: 'case_closed' });
    await addStaffMessage(database.db, STAFF, rejected, {
      kind: 'internal_note',
      body: 'Diteruskan ke Dukcapil',
    });
    const messages = await listMessages(database.db, created.id);
    expect(messages.map((m) => m.kind)).toEqual(['internal_note', 'internal_note']);
    expect(await listMessages(database.db, created.id, ['public_reply', 'citizen_message'])).toEqual([]);
    expect((await reload(created.trackingCode)).firstResponseAt).toBeNull();
  });
});

describe('listing cases', () => {
  let officeId: string;
  const codes: string[] = [];

  beforeAll(async () => {
    officeId = await buildOffice(database.db, { code: 'LST', nameId: 'Daftar', nameEn: 'List' });
    const base = Date.parse('2026-03-01T00:00:00Z');
    for (let i = 0; i < 23; i++) {
      const { case: c } = await createCase(
        database.db,
        CITIZEN_ACTOR,
        {
          type: i % 2 ? 'request' : 'complaint',
          officeCode: 'LST',
          subject: `Kasus ${i}`,
          description: 'Uraian',
          categoryCode: i % 3 ? 'antrean' : 'biaya',
          channel: 'web',
          language: 'id',
        },
        // Pairs share a timestamp so the id tie-breaker is exercised.
        { secret: TEST_SECRET, now: new Date(base + Math.floor(i / 2) * 3_600_000) },
      );
      codes.push(c.trackingCode);
    }
    await transitionCase(database.db, STAFF, codes[0]!, { to: 'in_progress' });
    await transitionCase(database.db, STAFF, codes[1]!, { to: 'in_progress' });
  });

  async function allPages(order: 'newest' | 'oldest' | 'due', limit: number, filter = {}) {
    const seen: string[] = [];
    let cursor: Awaited<ReturnType<typeof listCases>>['next'] | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await listCases(database.db, { officeId, ...filter }, order, limit, cursor ?? undefined);
      seen.push(...result.items.map((c) => c.trackingCode));
      if (!result.next) return seen;
      cursor = result.next;
    }
    throw new Error('pagination did not end');
  }

  it('pages through every case exactly once in each order', async () => {
    const newest = await allPages('newest', 5);
    expect(newest).toHaveLength(23);
    expect(new Set(newest).size).toBe(23);
    expect(await allPages('oldest', 4)).toEqual([...newest].reverse());
    const due = await allPages('due', 6);
    expect(new Set(due)).toEqual(new Set(codes));
  });

  it('filters by status, type, category and date range', async () => {
    expect(new Set(await allPages('newest', 10, { statuses: ['in_progress'] }))).toEqual(
      new Set([codes[0], codes[1]]),
    );
    const requests = await allPages('newest', 10, { types: ['request'] });
    expect(requests).toHaveLength(11);
    const from = '2026-03-01T02:00:00.000Z';
    const before = '2026-03-01T04:00:00.000Z';
    expect(new Set(await allPages('oldest', 10, { receivedFrom: from, receivedBefore: before }))).toEqual(
      new Set(codes.slice(4, 8)),
    );
    const multi = await allPages('newest', 10, {
      statuses: ['received', 'in_progress'],
      types: ['complaint'],
    });
    expect(multi).toHaveLength(12);
  });
});
