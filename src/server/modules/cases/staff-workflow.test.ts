import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  type TestApp,
} from '../../../test-support/factories.js';
import type { StaffUser } from '../accounts/model.js';
import { createTeam } from '../accounts/teams.js';

let t: TestApp;
let supervisor: StaffHeaders;
let agent: StaffUser;
let agentHeaders: StaffHeaders;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  const officeId = await officeIdOf(t.db, 'TST');
  teamId = (
    await createTeam(
      t.db,
      { type: 'system', id: null, name: null },
      { officeId, code: 'paspor', nameId: 'Tim Paspor', nameEn: 'Passport team' },
    )
  ).id;
  supervisor = await sessionHeaders(
    t.db,
    await buildStaff(t.db, { roles: ['supervisor'], officeId }),
    t.config,
  );
  agent = await buildStaff(t.db, { roles: ['agent'], officeId, teamIds: [teamId] });
  agentHeaders = await sessionHeaders(t.db, agent, t.config);
});

function get(url: string, headers: StaffHeaders = supervisor) {
  return t.app.inject({ method: 'GET', url: `/api/v1/staff${url}`, headers });
}

function send(method: 'POST' | 'PATCH', url: string, payload: object, headers: StaffHeaders = supervisor) {
  return t.app.inject({ method, url: `/api/v1/staff${url}`, headers, payload });
}

const codesOf = (body: { items: { trackingCode: string }[] }) => body.items.map((c) => c.trackingCode).sort();

describe('inbox views and search', () => {
  it('finds cases by words in subject and description, in Indonesian and English forms', async () => {
    const search = await createTestApp();
    const office = await officeIdOf(search.db, 'TST');
    const headers = await sessionHeaders(
      search.db,
      await buildStaff(search.db, { roles: ['agent'], officeId: office }),
      search.config,
    );
    const passport = await buildCase(search.db, {
      subject: 'Perpanjangan paspor anak',
      description: 'Anak saya butuh paspor baru.',
    });
    const queue = await buildCase(search.db, {
      subject: 'Antrean M-Paspor penuh',
      description: 'Kuota pendaftaran selalu habis.',
    });
    const english = await buildCase(search.db, {
      subject: 'Requirements for renewing',
      description: 'Which documents are required for a renewal?',
      language: 'en',
    });
    const find = async (q: string) =>
      codesOf(
        (
          await search.app.inject({
            method: 'GET',
            url: `/api/v1/staff/cases?q=${encodeURIComponent(q)}`,
            headers,
          })
        ).json(),
      );
    expect(await find('perpanjang')).toEqual([passport.case.trackingCode]);
    expect(await find('panjang')).toEqual([passport.case.trackingCode]);
    expect(await find('pendaftaran')).toEqual([queue.case.trackingCode]);
    expect(await find('daftar')).toEqual([queue.case.trackingCode]);
    expect(await find('paspor')).toEqual([passport.case.trackingCode, queue.case.trackingCode].sort());
    expect(await find('paspor anak')).toEqual([passport.case.trackingCode]);
    expect(await find('requirement')).toEqual([english.case.trackingCode]);
    expect(await find('renewal documents')).toEqual([english.case.trackingCode]);
    expect(await find('ANTREAN')).toEqual([queue.case.trackingCode]);
    expect(await find('visa')).toEqual([]);
    expect(await find('"; drop table cases; --')).toEqual([]);
    expect(await find('*')).toHaveLength(3);
  });

  it('shows mine, unassigned and team views with counts', async () => {
    const mine = await buildCase(t.db);
    const teamCase = await buildCase(t.db);
    const before = (await get('/cases/counts', agentHeaders)).json();
    const take = await send(
      'PATCH',
      `/cases/${mine.case.trackingCode}`,
      { version: 1, assigneeId: agent.id },
      agentHeaders,
    );
    expect(take.statusCode).toBe(200);
    expect(take.json()).toMatchObject({ assigneeId: agent.id, version: 2 });
    await send('PATCH', `/cases/${teamCase.case.trackingCode}`, { version: 1, teamId });
    const after = (await get('/cases/counts', agentHeaders)).json();
    expect(after.mine).toBe(before.mine + 1);
    expect(after.unassigned).toBe(before.unassigned - 1);
    expect(after.team).toBe(before.team + 1);
    expect(codesOf((await get('/cases?assignee=me', agentHeaders)).json())).toEqual([mine.case.trackingCode]);
    expect(codesOf((await get('/cases?team=mine', agentHeaders)).json())).toEqual([
      teamCase.case.trackingCode,
    ]);
    const unassigned = codesOf((await get('/cases?assignee=none&limit=100', agentHeaders)).json());
    expect(unassigned).toContain(teamCase.case.trackingCode);
    expect(unassigned).not.toContain(mine.case.trackingCode);
    expect((await get('/cases?assignee=someone')).statusCode).toBe(400);
    // Malformed ids never reach typed uuid columns (PostgreSQL would refuse them with an error).
    for (const payload of [
      { version: 2, assigneeId: 'not-a-uuid' },
      { version: 2, teamId: "1' or '1'='1" },
    ]) {
      const bad = await send('PATCH', `/cases/${mine.case.trackingCode}`, payload);
      expect(bad.statusCode).toBe(400);
    }
  });

  it('records assignment in the timeline and refuses colleagues outside the office', async () => {
    const { case: created } = await buildCase(t.db);
    const assigned = await send('PATCH', `/cases/${created.trackingCode}`, {
      version: 1,
      assigneeId: agent.id,
      teamId,
    });
    expect(assigned.json()).toMatchObject({ assigneeId: agent.id, teamId });
    const event = assigned.json().timeline.find((e: { type?: string }) => e.type === 'case.assigned');
    expect(event.payload).toMatchObject({ assigneeId: agent.id, teamId, previousAssigneeId: null });
    const outsider = await buildStaff(t.db, { roles: ['agent'], officeId: null, displayName: 'Pusat' });
    const publisher = await buildStaff(t.db, {
      roles: ['publisher'],
      officeId: await officeIdOf(t.db, 'TST'),
    });
    const refused = await send('PATCH', `/cases/${created.trackingCode}`, {
      version: 2,
      assigneeId: publisher.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('assigneeId');
    const national = await send('PATCH', `/cases/${created.trackingCode}`, {
      version: 2,
      assigneeId: outsider.id,
    });
    expect(national.statusCode).toBe(200);
    const cleared = await send('PATCH', `/cases/${created.trackingCode}`, {
      version: 3,
      assigneeId: null,
      teamId: null,
    });
    expect(cleared.json()).toMatchObject({ assigneeId: null, teamId: null });
  });
});

describe('related and duplicate cases', () => {
  it('links cases both ways', async () => {
    const a = await buildCase(t.db);
    const b = await buildCase(t.db);
    const linked = await send('POST', `/cases/${a.case.trackingCode}/links`, {
      relatedTrackingCode: b.case.trackingCode.toLowerCase(),
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().linkedCases).toEqual([
      expect.objectContaining({ trackingCode: b.case.trackingCode }),
    ]);
    const other = (await get(`/cases/${b.case.trackingCode}`)).json();
    expect(other.linkedCases).toEqual([expect.objectContaining({ trackingCode: a.case.trackingCode })]);
    await send('POST', `/cases/${a.case.trackingCode}/links`, { relatedTrackingCode: b.case.trackingCode });
    expect((await get(`/cases/${a.case.trackingCode}`)).json().linkedCases).toHaveLength(1);
    const self = await send('POST', `/cases/${a.case.trackingCode}/links`, {
      relatedTrackingCode: a.case.trackingCode,
    });
    expect(self.statusCode).toBe(422);
  });

  it('merges a duplicate: it closes, keeps its code for the citizen and shows where it went', async () => {
    const duplicate = await buildCase(t.db);
    const original = await buildCase(t.db);
    const merged = await send('POST', `/cases/${duplicate.case.trackingCode}/merge`, {
      intoTrackingCode: original.case.trackingCode,
      version: 1,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      status: 'closed',
      mergedInto: original.case.trackingCode,
      allowedTransitions: [],
    });
    expect(merged.json().allowedActions).not.toContain('reply');

    const citizen = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${duplicate.case.trackingCode}`,
      headers: { 'x-access-key': duplicate.accessKey },
    });
    expect(citizen.statusCode).toBe(200);
    expect(citizen.json()).toMatchObject({
      status: 'closed',
      mergedInto: original.case.trackingCode,
      canReply: false,
    });
    expect((await get(`/cases/${original.case.trackingCode}`)).json().linkedCases).toEqual([
      expect.objectContaining({ trackingCode: duplicate.case.trackingCode }),
    ]);
    const again = await send('POST', `/cases/${duplicate.case.trackingCode}/merge`, {
      intoTrackingCode: original.case.trackingCode,
      version: merged.json().version,
    });
    expect(again.statusCode).toBe(403);
    const intoMerged = await send('POST', `/cases/${(await buildCase(t.db)).case.trackingCode}/merge`, {
      intoTrackingCode: duplicate.case.trackingCode,
      version: 1,
    });
    expect(intoMerged.statusCode).toBe(422);
  });
});

describe('live updates', () => {
  it('streams case changes in the user’s scope as server-sent events', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/v1/staff/events`, {
      headers: { cookie: agentHeaders.cookie },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const { case: created } = await buildCase(t.db);
    let text = '';
    const deadline = Date.now() + 8000;
    while (!text.includes(created.trackingCode) && Date.now() < deadline) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: case');
    const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes(created.trackingCode))!;
    expect(JSON.parse(line.slice(6))).toMatchObject({
      type: 'case.created',
      trackingCode: created.trackingCode,
    });
    expect(line).not.toContain('siti');
    const denied = await fetch(`${address}/api/v1/staff/events`);
    expect(denied.status).toBe(401);
  });
});

describe('switched-off categories', () => {
  it('take no new cases once an administrator switches them off', async () => {
    const officeId = await officeIdOf(t.db, 'TST');
    const admin = await sessionHeaders(
      t.db,
      await buildStaff(t.db, { roles: ['admin'], officeId }),
      t.config,
    );
    const row = await t.db
      .selectFrom('categories')
      .select('id')
      .where('code', '=', 'biaya')
      .executeTakeFirstOrThrow();
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/categories/${row.id}`,
      headers: admin,
      payload: { active: false },
    });
    expect(off.json()).toMatchObject({ code: 'biaya', active: false });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        type: 'complaint',
        officeCode: 'TST',
        subject: 'Biaya',
        description: 'Berapa biayanya?',
        categoryCode: 'biaya',
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('unknown_category');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/categories/${row.id}`,
      headers: admin,
      payload: { active: true },
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        type: 'complaint',
        officeCode: 'TST',
        subject: 'Biaya',
        description: 'Berapa biayanya?',
        categoryCode: 'biaya',
      },
    });
    expect(accepted.statusCode).toBe(201);
  });
});
