import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainAllEvents } from '../../../test-support/audit.js';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildCase,
  createTestApp,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { runDueJobs, schedulePeriodicJobs } from '../../jobs/worker.js';
import { checkSavedCheckpoint, isSignatureValid, loadSigningKey, publishCheckpoint } from './checkpoints.js';

let t: TestApp;
let auditor: StaffHeaders;
const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-audit-'));

beforeAll(async () => {
  t = await createTestApp({ dataDir });
  auditor = await staffOf(t, 'auditor');
});

describe(`audit trail API on ${ENGINE}`, () => {
  it('browses the trail with filters and pages', async () => {
    const { case: first } = await buildCase(t.db);
    await buildCase(t.db);
    await chainAllEvents(t.db);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/audit/events?limit=2',
      headers: auditor,
    });
    expect(all.statusCode).toBe(200);
    const page = all.json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/audit/events?limit=2&cursor=${page.nextCursor}`,
      headers: auditor,
    });
    expect(next.json().items[0].id).not.toBe(page.items[1].id);
    const byCase = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/audit/events?case=${first.trackingCode}&type=case.`,
      headers: auditor,
    });
    const items = byCase.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { trackingCode: string }) => i.trackingCode === first.trackingCode)).toBe(true);
    expect(items.find((i: { type: string }) => i.type === 'case.created').seq).toEqual(expect.any(Number));
    const future = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/audit/events?from=2999-01-01T00:00:00Z',
      headers: auditor,
    });
    expect(future.json().items).toEqual([]);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/audit/events?case=nonsense',
      headers: auditor,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows an office auditor only their office’s events, a national auditor all', async () => {
    const { buildOffice, buildStaff, sessionHeaders } = await import('../../../test-support/factories.js');
    const other = await buildOffice(t.db, { code: 'OTH', nameId: 'Lain', nameEn: 'Other', services: [] });
    const outsider = await buildStaff(t.db, { roles: ['auditor'], officeId: other });
    const headers = await sessionHeaders(t.db, outsider, t.config);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/audit/events?type=case.',
      headers,
    });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().items).toEqual([]);
    const national = await buildStaff(t.db, { roles: ['auditor'], officeId: null });
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/audit/events?type=case.',
      headers: await sessionHeaders(t.db, national, t.config),
    });
    expect(all.json().items.length).toBeGreaterThan(0);
  });

  it('exports CSV and records the export as an event', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/audit/events.csv?type=case.',
      headers: auditor,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,type,office_id,case,actor_type,actor_id,actor_name,payload');
    expect(lines.length).toBeGreaterThan(1);
    const exported = await t.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'audit.exported')
      .execute();
    expect(exported).toHaveLength(1);
    expect(JSON.parse(String(JSON.stringify(exported[0]!.payload)))).toBeTruthy();
  });

  it('verifies on request and records who verified', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/audit/verify',
      headers: auditor,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ intact: true, problem: null });
    const agent = await staffOf(t, 'agent');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/staff/audit/verify', headers: agent })).statusCode,
    ).toBe(403);
  });

  it('reports a broken chain through the API', async () => {
    const other = await createTestApp({ dataDir });
    const headers = await staffOf(other, 'admin');
    for (let i = 0; i < 3; i++) await buildCase(other.db);
    await chainAllEvents(other.db);
    if (ENGINE === 'postgres') await sql`drop trigger events_append_only on events`.execute(other.db);
    else await sql`drop trigger events_no_update`.execute(other.db);
    const third = await other.db
      .selectFrom('audit_chain')
      .select('event_id')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await other.db
      .updateTable('events')
      .set({ actor_name: 'Someone else' })
      .where('id', '=', third.event_id)
      .execute();
    const response = await other.app.inject({ method: 'POST', url: '/api/v1/staff/audit/verify', headers });
    expect(response.json()).toMatchObject({
      intact: false,
      entries: 2,
      problem: { kind: 'event_changed', seq: 3 },
    });
  });
});

describe(`audit checkpoints on ${ENGINE}`, () => {
  it('publishes a signed daily checkpoint through the periodic job, once a day', async () => {
    await buildCase(t.db);
    const now = new Date();
    await schedulePeriodicJobs(t.db, now);
    await runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config }, { now, limit: 50 });
    const rows = await t.db.selectFrom('audit_checkpoints').selectAll().execute();
    expect(rows).toHaveLength(1);
    const again = await publishCheckpoint(t.db, dataDir, now);
    expect(again?.seq).toBe(Number(rows[0]!.seq));
    expect(await t.db.selectFrom('audit_checkpoints').selectAll().execute()).toHaveLength(1);

    const published = await t.app.inject({ method: 'GET', url: '/api/v1/audit/checkpoints' });
    expect(published.statusCode).toBe(200);
    const { publicKey, items } = published.json();
    expect(publicKey).toBe(loadSigningKey(dataDir).publicKey);
    const latest = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/checkpoints/latest' })).json();
    expect(latest).toEqual(items[0]);
    expect(isSignatureValid(latest)).toBe(true);
    expect(isSignatureValid({ ...latest, seq: latest.seq + 1 })).toBe(false);
    expect(await checkSavedCheckpoint(t.db, latest, publicKey)).toEqual({
      ok: true,
      problem: null,
      seq: latest.seq,
    });
    expect(
      (await checkSavedCheckpoint(t.db, { ...latest, entryHash: 'f'.repeat(64) }, publicKey)).problem,
    ).toBe('bad_signature');
    expect((await checkSavedCheckpoint(t.db, { nonsense: 1 }, publicKey)).problem).toBe('malformed');
    // The checkpoint's publication is itself an event of the trail.
    expect(
      await t.db.selectFrom('events').select('id').where('type', '=', 'audit.checkpoint_published').execute(),
    ).toHaveLength(1);
  });

  it('shows that a saved checkpoint no longer matches a rewritten history', async () => {
    const other = await createTestApp({ dataDir });
    for (let i = 0; i < 3; i++) await buildCase(other.db);
    await chainAllEvents(other.db);
    const saved = await publishCheckpoint(other.db, dataDir, new Date());
    expect(saved).not.toBeNull();
    const key = loadSigningKey(dataDir).publicKey;
    expect((await checkSavedCheckpoint(other.db, saved, key)).ok).toBe(true);
    // An attacker rewrites the whole chain consistently (recomputed hashes) — only the checkpoint shows it.
    if (ENGINE === 'postgres') {
      await sql`drop trigger audit_chain_append_only on audit_chain`.execute(other.db);
      await sql`drop trigger audit_checkpoints_append_only on audit_checkpoints`.execute(other.db);
    } else {
      await sql`drop trigger audit_chain_no_update`.execute(other.db);
      await sql`drop trigger audit_chain_no_delete`.execute(other.db);
      await sql`drop trigger audit_checkpoints_no_delete`.execute(other.db);
    }
    await other.db
      .updateTable('audit_chain')
      .set({ entry_hash: 'a'.repeat(64) })
      .where('seq', '=', saved!.seq)
      .execute();
    expect((await checkSavedCheckpoint(other.db, saved, key)).problem).toBe('entry_changed');
    await other.db.deleteFrom('audit_chain').where('seq', '>=', saved!.seq).execute();
    expect((await checkSavedCheckpoint(other.db, saved, key)).problem).toBe('entry_missing');
    expect((await checkSavedCheckpoint(other.db, saved, 'another-key')).problem).toBe('foreign_key');
  });
});
