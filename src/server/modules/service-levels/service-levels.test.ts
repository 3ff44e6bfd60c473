import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ENGINE } from '../../../test-support/engine.js';
import { buildCase, buildOffice, buildStaff, STAFF } from '../../../test-support/factories.js';
import { CITIZEN_ACTOR, SYSTEM_ACTOR } from '../../events/catalogue.js';
import { createTeam } from '../accounts/teams.js';
import { officeCalendar } from '../calendar/storage.js';
import { addCitizenMessage, addStaffMessage } from '../cases/add-message.js';
import { assignCase } from '../cases/assign-case.js';
import { findCaseByTrackingCode, listCaseEvents } from '../cases/storage.js';
import { transitionCase } from '../cases/transition-case.js';
import { updateCase } from '../cases/update-case.js';
import { listNotifications } from '../notifications/storage.js';
import { invalidateServiceLevels } from './policies.js';
import { sweepServiceLevels } from './sweep.js';

let database: TestDatabase;
let officeId: string;
const wib = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => wib(local).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  officeId = await buildOffice(database.db);
});

async function reload(code: string) {
  return (await findCaseByTrackingCode(database.db, code))!;
}

async function row(code: string) {
  return database.db
    .selectFrom('cases')
    .selectAll()
    .where('tracking_code', '=', code)
    .executeTakeFirstOrThrow();
}

describe(`service levels on ${ENGINE}`, () => {
  it('a new office gets working hours Mon–Fri 08:00–16:00, default policies and an escalation rule', async () => {
    const hours = await database.db
      .selectFrom('office_working_hours')
      .selectAll()
      .where('office_id', '=', officeId)
      .execute();
    expect(hours.map((h) => [h.weekday, h.opens, h.closes]).sort()).toEqual(
      [1, 2, 3, 4, 5].map((d) => [d, 480, 960]),
    );
    const policies = await database.db
      .selectFrom('service_level_policies')
      .selectAll()
      .where('office_id', '=', officeId)
      .execute();
    expect(policies.length).toBeGreaterThanOrEqual(5);
    expect(policies.every((p) => p.source.length > 10)).toBe(true);
    const calendar = await officeCalendar(database.db, officeId);
    expect(calendar?.isWorkingDate('2026-06-01')).toBe(false); // national holidays apply
  });

  it('Friday afternoon before a holiday: the due times skip the weekend and the holiday', async () => {
    const { case: created } = await buildCase(database.db, {}, wib('2026-05-29T15:00:00'));
    // Complaint: first response 3 working days, resolution 14; Mon 1 June (Pancasila) and 16 June are holidays.
    expect(created.firstResponseDueAt).toBe(iso('2026-06-04T16:00:00'));
    expect(created.dueAt).toBe(iso('2026-06-22T16:00:00'));
    const stored = await row(created.trackingCode);
    expect(stored.sla_policy_id).not.toBeNull();
    // Warned with 20 % of the target left: 0.6 working days (288 min) before 4 June 16:00.
    expect(new Date(stored.first_response_warn_at!).toISOString()).toBe(iso('2026-06-04T11:12:00'));
    expect(new Date(stored.sla_next_check_at!).toISOString()).toBe(iso('2026-06-04T11:12:00'));
  });

  it('the most specific policy wins: urgent cases get hours, not days', async () => {
    const { case: urgent } = await buildCase(database.db, { priority: 'urgent' }, wib('2026-06-03T14:00:00'));
    expect(urgent.firstResponseDueAt).toBe(iso('2026-06-04T10:00:00')); // 4 working hours
    expect(urgent.dueAt).toBe(iso('2026-06-05T16:00:00')); // 2 working days
  });

  it('recomputes due times when priority or category change', async () => {
    const { case: created } = await buildCase(database.db, {}, wib('2026-06-03T09:00:00'));
    expect(created.dueAt).toBe(iso('2026-06-24T16:00:00'));
    const urgent = await updateCase(
      database.db,
      STAFF,
      created.trackingCode,
      { expectedVersion: 1, priority: 'urgent' },
      wib('2026-06-03T10:00:00'),
    );
    expect(urgent.dueAt).toBe(iso('2026-06-05T16:00:00'));
    expect((await reload(created.trackingCode)).firstResponseDueAt).toBe(iso('2026-06-03T13:00:00'));

    // A category policy is more specific than the complaint policy.
    const category = await database.db
      .selectFrom('categories')
      .select(['id', 'code'])
      .where('office_id', '=', officeId)
      .where('code', '=', 'biaya')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await database.db
      .insertInto('service_level_policies')
      .values({
        id: crypto.randomUUID(),
        office_id: officeId,
        name: 'Biaya',
        case_type: null,
        service_id: null,
        category_id: category.id,
        priority: 'urgent',
        first_response_target: 1,
        first_response_unit: 'working_hours',
        resolution_target: 60,
        resolution_unit: 'working_days',
        warn_percent: 10,
        source: 'test: needing inspection',
        active: true,
        created_at: now,
        updated_at: now,
      })
      .execute();
    invalidateServiceLevels(database.db);
    const recategorised = await updateCase(database.db, STAFF, created.trackingCode, {
      expectedVersion: 2,
      categoryCode: 'biaya',
    });
    expect(recategorised.firstResponseDueAt).toBe(iso('2026-06-03T10:00:00'));
    expect(new Date(recategorised.dueAt!).getTime()).toBeGreaterThan(wib('2026-08-01T00:00:00').getTime());
  });

  it('pauses while waiting on the citizen and pushes the due times back by the working time waited', async () => {
    const { case: created } = await buildCase(database.db, {}, wib('2026-06-03T09:00:00'));
    const before = await row(created.trackingCode);
    await transitionCase(
      database.db,
      STAFF,
      created.trackingCode,
      { to: 'in_progress' },
      wib('2026-06-03T09:30:00'),
    );
    await addStaffMessage(
      database.db,
      STAFF,
      created,
      { kind: 'public_reply', body: 'Mohon kirim nomor permohonan.' },
      wib('2026-06-03T09:40:00'),
    );
    await transitionCase(
      database.db,
      STAFF,
      created.trackingCode,
      { to: 'waiting_on_citizen' },
      wib('2026-06-04T10:00:00'),
    );
    expect((await row(created.trackingCode)).sla_next_check_at).toBeNull();
    // Weeks later — long past the original due time — the sweep sends nothing about it.
    await sweepServiceLevels(database.db, wib('2026-07-10T10:00:00'));
    const alerts = await database.db
      .selectFrom('sla_alerts')
      .selectAll()
      .where('case_id', '=', created.id)
      .execute();
    expect(alerts).toEqual([]);
    expect((await reload(created.trackingCode)).status).toBe('waiting_on_citizen');

    // The citizen answers on Monday 8 June 10:00: Thu 10–16 (360) + Fri (480) + Mon 8–10 (120) = 960 min waited.
    const current = await reload(created.trackingCode);
    const { case: resumed } = await addCitizenMessage(
      database.db,
      CITIZEN_ACTOR,
      current,
      { body: 'Nomornya 123.' },
      wib('2026-06-08T10:00:00'),
    );
    expect(resumed.status).toBe('in_progress');
    const after = await row(created.trackingCode);
    expect(after.sla_paused_minutes).toBe(960);
    expect(new Date(after.due_at!).toISOString()).toBe(iso('2026-06-26T16:00:00')); // two working days later
    expect(new Date(before.due_at!).toISOString()).toBe(iso('2026-06-24T16:00:00'));
    expect(after.sla_next_check_at).not.toBeNull();
  });

  it('warns the team’s supervisors once before the breach and once at it, then applies the escalation rule', async () => {
    const team = await createTeam(database.db, SYSTEM_ACTOR, {
      officeId,
      code: 'paspor',
      nameId: 'Tim Paspor',
      nameEn: 'Passport team',
    });
    const supervisor = await buildStaff(database.db, { roles: ['supervisor'], officeId, teamIds: [team.id] });
    const otherSupervisor = await buildStaff(database.db, { roles: ['supervisor'], officeId });
    const agent = await buildStaff(database.db, { roles: ['agent'], officeId, teamIds: [team.id] });
    const { case: created } = await buildCase(database.db, { type: 'request' }, wib('2026-07-06T09:00:00'));
    await assignCase(database.db, SYSTEM_ACTOR, created.trackingCode, {
      expectedVersion: 1,
      teamId: team.id,
      assigneeId: agent.id,
    });
    await addStaffMessage(
      database.db,
      STAFF,
      created,
      { kind: 'public_reply', body: 'Sedang kami periksa.' },
      wib('2026-07-06T10:00:00'),
    );
    // Request: resolution 5 working days → Mon 13 July 16:00; warning at 20 % of 2400 min = 480 min before.
    expect(created.dueAt).toBe(iso('2026-07-13T16:00:00'));

    const sweepAt = async (local: string) => sweepServiceLevels(database.db, wib(local));
    await sweepAt('2026-07-10T15:00:00');
    await sweepAt('2026-07-13T09:00:00'); // warning due at Fri 10 July 16:00 → sent now
    await sweepAt('2026-07-13T09:01:00');
    await sweepAt('2026-07-13T15:59:00');
    await sweepAt('2026-07-13T16:00:00'); // breach
    await sweepAt('2026-07-13T16:01:00');
    await sweepAt('2026-07-20T09:00:00');

    const kinds = async (userId: string) =>
      (await listNotifications(database.db, userId, { unreadOnly: false, limit: 50 }))
        .filter((n) => n.trackingCode === created.trackingCode)
        .map((n) => n.kind)
        .sort();
    expect(await kinds(supervisor.id)).toEqual(['escalated', 'sla_breached', 'sla_due_soon']);
    expect(await kinds(agent.id)).toEqual(['assigned', 'sla_breached', 'sla_due_soon']);
    expect(await kinds(otherSupervisor.id)).toEqual([]); // not in the case's team

    const events = (await listCaseEvents(database.db, created.id)).map((e) => e.type);
    expect(events.filter((t) => t === 'case.sla_warning')).toHaveLength(1);
    expect(events.filter((t) => t === 'case.sla_breached')).toHaveLength(1);
    expect(events.filter((t) => t === 'case.escalated')).toHaveLength(1);
    // The default rule raises the priority at a resolution breach.
    expect((await reload(created.trackingCode)).priority).toBe('high');
    expect((await row(created.trackingCode)).sla_next_check_at).toBeNull();
  });

  it('an escalation rule can hand the case to another team', async () => {
    const escalationTeam = await createTeam(database.db, SYSTEM_ACTOR, {
      officeId,
      code: 'eskalasi',
      nameId: 'Tim Eskalasi',
      nameEn: 'Escalations',
    });
    const member = await buildStaff(database.db, {
      roles: ['agent'],
      officeId,
      teamIds: [escalationTeam.id],
    });
    const now = new Date().toISOString();
    await database.db
      .insertInto('escalation_rules')
      .values({
        id: crypto.randomUUID(),
        office_id: officeId,
        name: 'First response late: escalation team',
        milestone: 'first_response.breached',
        priority: null,
        category_id: null,
        raise_priority: false,
        assign_team_id: escalationTeam.id,
        assign_user_id: null,
        notify_supervisors: false,
        active: true,
        created_at: now,
        updated_at: now,
      })
      .execute();
    invalidateServiceLevels(database.db);
    const { case: created } = await buildCase(database.db, {}, wib('2026-07-06T09:00:00'));
    await sweepServiceLevels(database.db, wib('2026-07-09T16:00:00'));
    const after = await reload(created.trackingCode);
    expect(after.teamId).toBe(escalationTeam.id);
    const assigned = (await listNotifications(database.db, member.id, { unreadOnly: true, limit: 10 })).map(
      (n) => n.kind,
    );
    expect(assigned).toContain('assigned');
  });
});
