import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  type TestApp,
} from '../test-support/factories.js';
import { newId } from './lib/ids.js';
import type { StaffUser } from './modules/accounts/model.js';
import { ROLES, type Role } from './modules/accounts/roles.js';
import { createTeam } from './modules/accounts/teams.js';
import { transitionCase } from './modules/cases/transition-case.js';

/**
 * Every staff route × every role (and no session at all): allowed means a 2xx answer; denied means 401 without
 * a session and 403 or 404 with one. The expected sets are the product rules of issue #3, written out here
 * independently of the policy code.
 */
type Who = Role | 'anonymous';
const EVERYONE: readonly Role[] = ROLES;
const HANDLERS: readonly Role[] = ['agent', 'supervisor'];
const READERS: readonly Role[] = ['agent', 'supervisor', 'auditor'];

let t: TestApp;
let officeId: string;
let teamId: string;
const headers = new Map<Who, StaffHeaders | Record<string, string>>();
const users = new Map<Role, StaffUser>();
let colleague: StaffUser;

async function freshCase() {
  return (await buildCase(t.db)).case.trackingCode;
}

async function resolvedCase() {
  const code = await freshCase();
  const actor = { type: 'system' as const, id: null, name: null };
  await transitionCase(t.db, actor, code, { to: 'in_progress' });
  await transitionCase(t.db, actor, code, { to: 'resolved' });
  return code;
}

async function cannedId() {
  const supervisor = headers.get('supervisor')!;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/canned-responses',
    headers: supervisor,
    payload: { officeCode: 'TST', language: 'id', title: 'Salam', body: 'Yth. {{citizen_name}}' },
  });
  return response.json().id as string;
}

async function targetUserId() {
  return (await buildStaff(t.db, { roles: ['agent'], officeId })).id;
}

async function categoryId() {
  const row = await t.db
    .selectFrom('categories')
    .select('id')
    .where('office_id', '=', officeId)
    .executeTakeFirstOrThrow();
  return row.id;
}

let closureDay = 0;
/** A new date each call, so every role's attempt is a fresh closure. */
function nextClosureDate() {
  closureDay++;
  return new Date(Date.UTC(2030, 0, closureDay)).toISOString().slice(0, 10);
}

async function failedJobId() {
  const id = newId();
  const now = new Date().toISOString();
  await t.db
    .insertInto('jobs')
    .values({
      id,
      kind: 'jobs.prune',
      payload: '{}',
      status: 'failed',
      attempts: 8,
      max_attempts: 8,
      run_at: now,
      locked_until: null,
      locked_by: null,
      last_error: 'Error: test',
      dedupe_key: null,
      created_at: now,
      updated_at: now,
      finished_at: now,
    })
    .execute();
  return id;
}

interface Route {
  name: string;
  allowed: readonly Role[];
  request: () => Promise<{
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: object;
  }>;
}

const routes: Route[] = [
  {
    name: 'list cases',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/cases' }),
  },
  {
    name: 'count views',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/cases/counts' }),
  },
  {
    name: 'read a case',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: `/api/v1/staff/cases/${await freshCase()}` }),
  },
  {
    name: 'change priority',
    allowed: HANDLERS,
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/cases/${await freshCase()}`,
      payload: { version: 1, priority: 'high' },
    }),
  },
  {
    name: 'assign to a colleague',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/cases/${await freshCase()}`,
      payload: { version: 1, assigneeId: colleague.id },
    }),
  },
  {
    name: 'assign to a team',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/cases/${await freshCase()}`,
      payload: { version: 1, teamId },
    }),
  },
  {
    name: 'reply to the citizen',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/cases/${await freshCase()}/messages`,
      payload: { kind: 'public_reply', body: 'Balasan' },
    }),
  },
  {
    name: 'add an internal note',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/cases/${await freshCase()}/messages`,
      payload: { kind: 'internal_note', body: 'Catatan' },
    }),
  },
  {
    name: 'start handling',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/cases/${await freshCase()}/transitions`,
      payload: { to: 'in_progress', version: 1 },
    }),
  },
  {
    name: 'reopen a resolved case',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/cases/${await resolvedCase()}/transitions`,
      payload: { to: 'in_progress', version: 3 },
    }),
  },
  {
    name: 'link cases',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/cases/${await freshCase()}/links`,
      payload: { relatedTrackingCode: await freshCase() },
    }),
  },
  {
    name: 'merge a duplicate',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/cases/${await freshCase()}/merge`,
      payload: { intoTrackingCode: await freshCase(), version: 1 },
    }),
  },
  {
    name: 'colleague directory',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/directory' }),
  },
  {
    name: 'list teams',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/teams' }),
  },
  {
    name: 'create a team',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/teams',
      payload: {
        officeCode: 'TST',
        code: `tim-${Math.random().toString(36).slice(2, 8)}`,
        nameId: 'Tim',
        nameEn: 'Team',
      },
    }),
  },
  {
    name: 'rename a team',
    allowed: ['admin'],
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/teams/${teamId}`,
      payload: { nameEn: `Team ${Math.random()}` },
    }),
  },
  {
    name: 'list accounts',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/users' }),
  },
  {
    name: 'invite an account',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/users',
      payload: {
        email: `new-${Math.random().toString(36).slice(2)}@example.go.id`,
        displayName: 'Baru',
        roles: ['agent'],
        officeCode: 'TST',
      },
    }),
  },
  {
    name: 'change an account',
    allowed: ['admin'],
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/users/${await targetUserId()}`,
      payload: { roles: ['agent', 'supervisor'] },
    }),
  },
  {
    name: 'reset an account’s second factor',
    allowed: ['admin'],
    request: async () => ({ method: 'POST', url: `/api/v1/staff/users/${await targetUserId()}/reset-2fa` }),
  },
  {
    name: 'reset an account’s password',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/users/${await targetUserId()}/reset-password`,
    }),
  },
  {
    name: 'list services and categories for editing',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/services' }),
  },
  {
    name: 'add a category',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/categories',
      payload: {
        serviceCode: 'paspor',
        code: `k-${Math.random().toString(36).slice(2, 8)}`,
        nameId: 'Kategori',
        nameEn: 'Category',
      },
    }),
  },
  {
    name: 'edit a category',
    allowed: ['admin'],
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/categories/${await categoryId()}`,
      payload: { nameEn: 'Queue' },
    }),
  },
  {
    name: 'list canned responses',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/canned-responses' }),
  },
  {
    name: 'write a canned response',
    allowed: ['supervisor', 'admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/canned-responses',
      payload: { officeCode: 'TST', language: 'en', title: 'Hello', body: 'Dear {{citizen_name}}' },
    }),
  },
  {
    name: 'edit a canned response',
    allowed: ['supervisor', 'admin'],
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/staff/canned-responses/${await cannedId()}`,
      payload: { title: 'Salam hangat' },
    }),
  },
  {
    name: 'delete a canned response',
    allowed: ['supervisor', 'admin'],
    request: async () => ({ method: 'DELETE', url: `/api/v1/staff/canned-responses/${await cannedId()}` }),
  },
  {
    name: 'list background jobs',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/jobs?status=failed' }),
  },
  {
    name: 'retry a failed job',
    allowed: ['admin'],
    request: async () => ({ method: 'POST', url: `/api/v1/staff/jobs/${await failedJobId()}/retry` }),
  },
  {
    name: 'discard a job',
    allowed: ['admin'],
    request: async () => ({ method: 'DELETE', url: `/api/v1/staff/jobs/${await failedJobId()}` }),
  },
  {
    name: 'read office mail settings',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/email/settings' }),
  },
  {
    name: 'change office mail settings',
    allowed: ['admin'],
    request: async () => ({
      method: 'PATCH',
      url: '/api/v1/staff/offices/TST/email/settings',
      payload: { address: 'informasi@tst.example.go.id' },
    }),
  },
  {
    name: 'list e-mail templates',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/email/templates' }),
  },
  {
    name: 'change an e-mail template',
    allowed: ['admin'],
    request: async () => ({
      method: 'PATCH',
      url: '/api/v1/staff/offices/TST/email/templates/reply/id',
      payload: {
        subject: 'Re: {{case.trackingCode}}',
        text: '{{reply.text}}',
        html: '<p>{{reply.text}}</p>',
      },
    }),
  },
  {
    name: 'preview an e-mail template',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/email/templates/reply/en/preview',
      payload: {
        subject: 'Re: {{case.trackingCode}}',
        text: '{{reply.text}}',
        html: '<p>{{reply.text}}</p>',
      },
    }),
  },
  {
    name: 'reset an e-mail template',
    allowed: ['admin'],
    request: async () => ({ method: 'DELETE', url: '/api/v1/staff/offices/TST/email/templates/reply/id' }),
  },
  {
    name: 'read the office calendar',
    allowed: ['supervisor', 'auditor', 'admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/calendar?year=2026' }),
  },
  {
    name: 'change working hours',
    allowed: ['admin'],
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/offices/TST/calendar/working-hours',
      payload: { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '16:00' })) },
    }),
  },
  {
    name: 'add an office closure',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/calendar/days',
      payload: { date: nextClosureDate(), kind: 'closure', nameId: 'Tutup', nameEn: 'Closed' },
    }),
  },
  {
    name: 'read service levels',
    allowed: ['supervisor', 'auditor', 'admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/service-levels' }),
  },
  {
    name: 'add a service-level policy',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/offices/TST/service-levels/policies',
      payload: {
        name: 'Uji',
        caseType: 'opinion',
        serviceId: null,
        categoryId: null,
        priority: 'low',
        firstResponse: { value: 5, unit: 'working_days' },
        resolution: null,
        warnPercent: 20,
        source: 'uji',
        active: false,
      },
    }),
  },
  {
    name: 'SLA compliance report',
    allowed: ['supervisor', 'auditor', 'admin'],
    request: async () => ({
      method: 'GET',
      url: '/api/v1/staff/reports/sla?office=TST&from=2026-01&to=2026-12',
    }),
  },
  {
    name: 'SLA compliance report as CSV',
    allowed: ['supervisor', 'auditor', 'admin'],
    request: async () => ({
      method: 'GET',
      url: '/api/v1/staff/reports/sla.csv?office=TST&from=2026-01&to=2026-12',
    }),
  },
  {
    name: 'own notifications',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/notifications' }),
  },
  {
    name: 'mark own notifications read',
    allowed: EVERYONE,
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/notifications/read',
      payload: { all: true },
    }),
  },
  {
    name: 'own notification preferences',
    allowed: EVERYONE,
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/notifications/preferences',
      payload: { items: [{ kind: 'assigned', inApp: true, email: false }] },
    }),
  },
  {
    name: 'browse the audit trail',
    allowed: ['auditor', 'admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/audit/events?type=case.' }),
  },
  {
    name: 'export the audit trail as CSV',
    allowed: ['auditor', 'admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/audit/events.csv?from=2026-01-01T00:00:00Z' }),
  },
  {
    name: 'verify the audit chain',
    allowed: ['auditor', 'admin'],
    request: async () => ({ method: 'POST', url: '/api/v1/staff/audit/verify' }),
  },
  {
    name: 'integrity report counts (aggregate only)',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/integrity/counts' }),
  },
  {
    name: 'own integrity key status',
    allowed: ['integrity_officer'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/integrity/key' }),
  },
  {
    name: 'list integrity reports',
    allowed: ['integrity_officer'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/integrity/reports' }),
  },
  {
    name: 'lock the integrity key',
    allowed: EVERYONE,
    request: async () => ({ method: 'POST', url: '/api/v1/staff/integrity/lock' }),
  },
  {
    name: 'retention settings',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/retention' }),
  },
  {
    name: 'change retention',
    allowed: ['admin'],
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/offices/TST/retention/compliment',
      payload: { anonymiseAfterMonths: 24 },
    }),
  },
  {
    name: 'list data-subject requests',
    allowed: ['supervisor', 'admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/privacy/requests' }),
  },
  {
    name: 'record a data-subject request',
    allowed: ['supervisor', 'admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/privacy/requests',
      payload: { kind: 'access', email: 'warga@example.com' },
    }),
  },
  {
    name: 'own session',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/auth/session' }),
  },
];

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
  teamId = (
    await createTeam(
      t.db,
      { type: 'system', id: null, name: null },
      { officeId, code: 'paspor', nameId: 'Tim Paspor', nameEn: 'Passport team' },
    )
  ).id;
  colleague = await buildStaff(t.db, { roles: ['agent'], officeId, displayName: 'Rekan' });
  headers.set('anonymous', {});
  for (const role of ROLES) {
    const user = await buildStaff(t.db, { roles: [role], officeId });
    users.set(role, user);
    headers.set(role, await sessionHeaders(t.db, user, t.config));
  }
});

describe(`authorization matrix on ${process.env.LOKET_TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  for (const route of routes) {
    it(`${route.name}: ${route.allowed.join(', ')}`, async () => {
      const outcomes: string[] = [];
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        const { method, url, payload } = await route.request();
        const response = await t.app.inject({ method, url, headers: headers.get(who)!, payload });
        const allowed = response.statusCode >= 200 && response.statusCode < 300;
        const expected = who !== 'anonymous' && route.allowed.includes(who);
        if (allowed !== expected)
          outcomes.push(`${who}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        if (!allowed) {
          const denial = who === 'anonymous' ? [401] : [403, 404];
          if (!denial.includes(response.statusCode))
            outcomes.push(`${who}: denied with ${response.statusCode}`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  it('keeps other offices’ cases invisible (404) even to their supervisors and admins', async () => {
    const { buildOffice } = await import('../test-support/factories.js');
    const otherOffice = await buildOffice(t.db, {
      code: 'OTH',
      nameId: 'Lain',
      nameEn: 'Other',
      services: [],
    });
    const code = await freshCase();
    for (const role of ['supervisor', 'agent', 'auditor', 'admin'] as Role[]) {
      const outsider = await buildStaff(t.db, { roles: [role], officeId: otherOffice });
      const outsiderHeaders = await sessionHeaders(t.db, outsider, t.config);
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/v1/staff/cases/${code}`,
        headers: outsiderHeaders,
      });
      expect(read.statusCode, role).toBe(404);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/staff/cases?limit=100',
        headers: outsiderHeaders,
      });
      if (list.statusCode === 200) expect(list.json().items).toEqual([]);
    }
    const national = await buildStaff(t.db, { roles: ['supervisor'], officeId: null });
    const nationalRead = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${code}`,
      headers: await sessionHeaders(t.db, national, t.config),
    });
    expect(nationalRead.statusCode).toBe(200);
  });

  it('hides an anonymous citizen from staff outside the handling side', async () => {
    const { case: anonymous } = await buildCase(t.db, { anonymous: true });
    const supervisor = headers.get('supervisor')!;
    const read = (h: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `/api/v1/staff/cases/${anonymous.trackingCode}`, headers: h });
    // No team yet: the office's supervisors handle it and see the contact; agents do not.
    expect((await read(supervisor)).json().contact).toMatchObject({ email: 'siti@example.com' });
    expect((await read(headers.get('agent')!)).json().contact).toBeNull();
    expect((await read(headers.get('auditor')!)).json().contact).toBeNull();
    // Assigned to a team: its members see it, the supervisor outside the team no longer does.
    const member = await buildStaff(t.db, { roles: ['agent'], officeId, teamIds: [teamId] });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/cases/${anonymous.trackingCode}`,
      headers: supervisor,
      payload: { version: 1, teamId },
    });
    expect((await read(await sessionHeaders(t.db, member, t.config))).json().contact).toMatchObject({
      name: 'Siti Aminah',
    });
    expect((await read(supervisor)).json().contact).toBeNull();
  });
});
