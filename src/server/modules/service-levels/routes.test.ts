import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  type TestApp,
} from '../../../test-support/factories.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import type { StaffUser } from '../accounts/model.js';
import { addStaffMessage } from '../cases/add-message.js';
import { transitionCase } from '../cases/transition-case.js';
import { sweepServiceLevels } from './sweep.js';

let t: TestApp;
let officeId: string;
let admin: StaffHeaders;
let officeAdmin: StaffHeaders;
let supervisor: StaffHeaders;
let agent: StaffHeaders;
let agentUser: StaffUser;
let supervisorUser: StaffUser;
const wib = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
  admin = await sessionHeaders(t.db, await buildStaff(t.db, { roles: ['admin'], officeId: null }), t.config);
  officeAdmin = await sessionHeaders(t.db, await buildStaff(t.db, { roles: ['admin'], officeId }), t.config);
  supervisorUser = await buildStaff(t.db, { roles: ['supervisor'], officeId });
  supervisor = await sessionHeaders(t.db, supervisorUser, t.config);
  agentUser = await buildStaff(t.db, { roles: ['agent'], officeId });
  agent = await sessionHeaders(t.db, agentUser, t.config);
});

describe(`service-level routes on ${ENGINE}`, () => {
  it('shows the calendar of a year with national days and says when cuti bersama is missing', async () => {
    const y2026 = await t.app.inject({
      url: '/api/v1/staff/offices/TST/calendar?year=2026',
      headers: supervisor,
    });
    expect(y2026.statusCode).toBe(200);
    const body = y2026.json();
    expect(body.workingHours).toContainEqual({ weekday: 1, opens: '08:00', closes: '16:00' });
    expect(body.days).toHaveLength(25);
    expect(body.hasCollectiveLeave).toBe(true);
    expect(body.canEdit).toBe(false);
    const y2027 = (
      await t.app.inject({ url: '/api/v1/staff/offices/TST/calendar?year=2027', headers: admin })
    ).json();
    expect(y2027.hasCollectiveLeave).toBe(false);
    expect(y2027.days.length).toBeGreaterThan(10);
    expect(y2027.canEditNational).toBe(true);
    const agents = await t.app.inject({
      url: '/api/v1/staff/offices/TST/calendar?year=2026',
      headers: agent,
    });
    expect(agents.statusCode).toBe(403);
  });

  it('lets administrators change hours and closures, with clear errors', async () => {
    const overlap = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/offices/TST/calendar/working-hours',
      headers: officeAdmin,
      payload: {
        hours: [
          { weekday: 1, opens: '08:00', closes: '12:00' },
          { weekday: 1, opens: '11:00', closes: '16:00' },
        ],
      },
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0]).toMatchObject({ code: 'overlap' });
    const backwards = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/offices/TST/calendar/working-hours',
      headers: officeAdmin,
      payload: { hours: [{ weekday: 1, opens: '16:00', closes: '08:00' }] },
    });
    expect(backwards.statusCode).toBe(400);

    const closure = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/calendar/days',
      headers: officeAdmin,
      payload: { date: '2026-07-03', kind: 'closure', nameId: 'Renovasi', nameEn: 'Renovation' },
    });
    expect(closure.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/calendar/days',
      headers: officeAdmin,
      payload: { date: '2026-07-03', kind: 'closure', nameId: 'Renovasi', nameEn: 'Renovation' },
    });
    expect(again.statusCode).toBe(409);
    const badDate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/calendar/days',
      headers: officeAdmin,
      payload: { date: '2026-02-30', kind: 'closure', nameId: 'x', nameEn: 'x' },
    });
    expect(badDate.statusCode).toBe(400);
    // An office administrator cannot declare national days.
    const national = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/calendar/days',
      headers: officeAdmin,
      payload: {
        date: '2027-03-11',
        kind: 'collective_leave',
        national: true,
        nameId: 'Cuti',
        nameEn: 'Leave',
      },
    });
    expect(national.statusCode).toBe(403);
    const byNational = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/calendar/days',
      headers: admin,
      payload: {
        date: '2027-03-11',
        kind: 'collective_leave',
        national: true,
        nameId: 'Cuti bersama Idul Fitri',
        nameEn: 'Collective leave',
        source: 'SKB 3 Menteri 2027',
      },
    });
    expect(byNational.statusCode).toBe(201);

    // The closure moves due times: Thursday 2 July + 1 working day is now Monday 6 July.
    const { case: created } = await buildCase(
      t.db,
      { type: 'request', priority: 'urgent' },
      wib('2026-07-02T10:00:00'),
    );
    expect(created.dueAt).toBe(wib('2026-07-07T16:00:00').toISOString()); // urgent: 2 working days, Friday closed

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/staff/calendar/days/${closure.json().id}`,
      headers: officeAdmin,
    });
    expect(removed.statusCode).toBe(204);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/calendar/public-holidays',
      headers: admin,
      payload: { year: 2028 },
    });
    expect(imported.json().added).toBeGreaterThan(10);
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/calendar/public-holidays',
      headers: admin,
      payload: { year: 2028 },
    });
    expect(twice.json()).toMatchObject({ added: 0 });
  });

  it('edits policies and escalation rules; refuses policies without a target or with foreign ids', async () => {
    const list = (
      await t.app.inject({ url: '/api/v1/staff/offices/TST/service-levels', headers: supervisor })
    ).json();
    expect(list.policies.length).toBeGreaterThanOrEqual(5);
    expect(list.canEdit).toBe(false);
    const policy = {
      name: 'Biaya paspor',
      caseType: null,
      serviceId: null,
      categoryId: null,
      priority: 'low',
      firstResponse: { value: 2, unit: 'working_days' },
      resolution: { value: 10, unit: 'working_days' },
      warnPercent: 25,
      source: 'Standar pelayanan Kanim (contoh)',
      active: true,
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/service-levels/policies',
      headers: officeAdmin,
      payload: policy,
    });
    expect(created.statusCode).toBe(201);
    const { case: low } = await buildCase(t.db, { priority: 'low' }, wib('2026-07-06T09:00:00'));
    expect(low.dueAt).toBe(wib('2026-07-20T16:00:00').toISOString());

    const none = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/service-levels/policies/${created.json().id}`,
      headers: officeAdmin,
      payload: { ...policy, firstResponse: null, resolution: null },
    });
    expect(none.statusCode).toBe(400);
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/service-levels/policies/${created.json().id}`,
      headers: officeAdmin,
      payload: { ...policy, categoryId: '00000000-0000-7000-8000-000000000000' },
    });
    expect(foreign.statusCode).toBe(400);
    const bySupervisor = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/service-levels/policies',
      headers: supervisor,
      payload: policy,
    });
    expect(bySupervisor.statusCode).toBe(403);

    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/service-levels/escalation-rules',
      headers: officeAdmin,
      payload: {
        name: 'Telat respons',
        milestone: 'first_response.breached',
        priority: null,
        categoryId: null,
        raisePriority: false,
        assignTeamId: null,
        assignUserId: supervisorUser.id,
        notifySupervisors: true,
        active: true,
      },
    });
    expect(rule.statusCode).toBe(201);
    const idle = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/service-levels/escalation-rules/${rule.json().id}`,
      headers: officeAdmin,
      payload: {
        ...(rule.json() as Record<string, unknown>),
        id: undefined,
        updatedAt: undefined,
        assignUserId: null,
        notifySupervisors: false,
      },
    });
    expect(idle.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/staff/service-levels/escalation-rules/${rule.json().id}`,
          headers: officeAdmin,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('shows due time, state and working time left on cases, and lists overdue cases', async () => {
    const { case: fresh } = await buildCase(t.db, { subject: 'Masih lama' });
    const { case: old } = await buildCase(
      t.db,
      { subject: 'Sudah lewat' },
      new Date(Date.now() - 90 * 86_400_000),
    );
    const detail = (
      await t.app.inject({ url: `/api/v1/staff/cases/${fresh.trackingCode}`, headers: supervisor })
    ).json();
    expect(detail.sla.clock).toBe('first_response');
    expect(['on_track', 'due_soon']).toContain(detail.sla.state);
    expect(detail.sla.remainingWorkingMinutes).toBeGreaterThan(0);
    expect(detail.firstResponseDueAt).toBe(fresh.firstResponseDueAt);
    const overdue = (
      await t.app.inject({ url: '/api/v1/staff/cases?overdue=true&limit=100', headers: supervisor })
    ).json();
    const codes = overdue.items.map((c: { trackingCode: string }) => c.trackingCode);
    expect(codes).toContain(old.trackingCode);
    expect(codes).not.toContain(fresh.trackingCode);
    const late = overdue.items.find((c: { trackingCode: string }) => c.trackingCode === old.trackingCode);
    expect(late.sla).toMatchObject({ state: 'breached' });
    expect(late.sla.remainingWorkingMinutes).toBeLessThan(0);
  });

  it('reports compliance per team, category and month, as JSON and CSV', async () => {
    // Two requests due in July 2026: one resolved in time, one not.
    const { case: onTime } = await buildCase(
      t.db,
      { type: 'request', categoryCode: 'biaya' },
      wib('2026-07-13T09:00:00'),
    );
    const { case: late } = await buildCase(
      t.db,
      { type: 'request', categoryCode: 'biaya' },
      wib('2026-07-13T09:00:00'),
    );
    for (const [code, at] of [
      [onTime.trackingCode, '2026-07-14T10:00:00'],
      [late.trackingCode, '2026-07-27T10:00:00'],
    ] as const) {
      await transitionCase(t.db, SYSTEM_ACTOR, code, { to: 'in_progress' }, wib(at));
      await transitionCase(t.db, SYSTEM_ACTOR, code, { to: 'resolved' }, wib(at));
    }
    const report = await t.app.inject({
      url: '/api/v1/staff/reports/sla?office=TST&from=2026-07&to=2026-07',
      headers: supervisor,
    });
    expect(report.statusCode).toBe(200);
    const row = report
      .json()
      .rows.find((r: { category: { code: string } | null }) => r.category?.code === 'biaya');
    expect(row).toMatchObject({ month: '2026-07', met: 1, breached: 1, percent: 50 });
    const csv = await t.app.inject({
      url: '/api/v1/staff/reports/sla.csv?office=TST&from=2026-07&to=2026-07',
      headers: { ...supervisor, 'accept-language': 'en' },
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('sla-TST-2026-07-2026-07.csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'office,month,team,category,due,met,breached,pending,percent_met,first_response_due,first_response_met,first_response_percent_met',
    );
    expect(csv.body).toContain('TST,2026-07,,Fees,2,1,1,0,50');
    const backwards = await t.app.inject({
      url: '/api/v1/staff/reports/sla?office=TST&from=2026-08&to=2026-07',
      headers: supervisor,
    });
    expect(backwards.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          url: '/api/v1/staff/reports/sla?office=TST&from=2026-07&to=2026-07',
          headers: agent,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('notifies on assignment and @mentions, with unread counts, mark read and preferences', async () => {
    const { case: created } = await buildCase(t.db);
    const assign = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/cases/${created.trackingCode}`,
      headers: supervisor,
      payload: { version: 1, assigneeId: agentUser.id },
    });
    expect(assign.statusCode).toBe(200);
    const handle = agentUser.email.split('@')[0];
    await addStaffMessage(
      t.db,
      { type: 'staff', id: supervisorUser.id, name: supervisorUser.displayName },
      created,
      { kind: 'internal_note', body: `@${handle} tolong cek, cc warga@example.com` },
    );
    const mine = (await t.app.inject({ url: '/api/v1/staff/notifications', headers: agent })).json();
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['assigned', 'mentioned']);
    expect(mine.items[0]).toMatchObject({
      trackingCode: created.trackingCode,
      actorName: supervisorUser.displayName,
    });
    // Nobody else sees them.
    expect(
      (await t.app.inject({ url: '/api/v1/staff/notifications', headers: supervisor })).json().items,
    ).toEqual([]);

    const read = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notifications/read',
      headers: agent,
      payload: { ids: [mine.items[0].id] },
    });
    expect(read.json()).toEqual({ changed: 1, unread: 1 });
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notifications/read',
      headers: agent,
      payload: { all: true },
    });
    expect(all.json()).toEqual({ changed: 1, unread: 0 });

    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/notifications/preferences',
      headers: agent,
      payload: { items: [{ kind: 'mentioned', inApp: false, email: false }] },
    });
    expect(off.json().items).toContainEqual({ kind: 'mentioned', inApp: false, email: false });
    await addStaffMessage(
      t.db,
      { type: 'staff', id: supervisorUser.id, name: supervisorUser.displayName },
      created,
      { kind: 'internal_note', body: `@${handle} lagi` },
    );
    expect(
      (await t.app.inject({ url: '/api/v1/staff/notifications/unread-count', headers: agent })).json(),
    ).toEqual({
      unread: 0,
    });
  });

  it('sends staff notifications by e-mail through the email.send job when the preference asks for it', async () => {
    const { case: created } = await buildCase(t.db, {}, wib('2026-07-06T09:00:00'));
    await sweepServiceLevels(t.db, wib('2026-07-09T16:00:00')); // first response breached
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', '=', 'email.send')
      .execute();
    const forCase = jobs.filter((j) => JSON.stringify(j.payload).includes(created.id));
    expect(forCase.length).toBeGreaterThan(0);
    const payload =
      typeof forCase[0]!.payload === 'string' ? JSON.parse(forCase[0]!.payload) : forCase[0]!.payload;
    expect(payload.subject).toContain(created.trackingCode);
    expect(payload.text).not.toContain(created.subject);
  });
});
