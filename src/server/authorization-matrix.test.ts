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
import { startConversation } from './modules/chat/conversations.js';
import { applyRecords } from './modules/passports/apply.js';

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

let applicationCounter = 0;
/** A new passport application of office TST (booked), by id. */
async function freshApplication() {
  applicationCounter++;
  const result = await applyRecords(
    t.db,
    { type: 'system', id: null, name: null },
    officeId,
    [
      {
        applicationNumber: `TST26110${String(applicationCounter).padStart(5, '0')}`,
        applicantName: 'Pemohon Fiktif',
        birthDate: '1990-01-01',
        passportKind: 'electronic',
        validityYears: 10,
        service: 'new',
        speed: 'regular',
        stage: 'booked',
        stageAt: '2026-11-20T01:00:00.000Z',
      },
    ],
    { source: 'demo', now: new Date() },
  );
  return result.results[0]!.applicationId!;
}

interface Route {
  name: string;
  allowed: readonly Role[];
  request: () => Promise<{
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: object | string;
    contentType?: string;
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
    allowed: ['integrity_officer', 'auditor'],
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
    name: 'download an integrity report file (only an officer with an unlocked key; locked here)',
    allowed: [],
    request: async () => ({
      method: 'GET',
      url: `/api/v1/staff/integrity/reports/${crypto.randomUUID()}/attachments/${crypto.randomUUID()}`,
    }),
  },
  {
    name: 'send files to an integrity reporter (only an officer with an unlocked key; locked here)',
    allowed: [],
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/integrity/reports/${crypto.randomUUID()}/files`,
      payload: {},
    }),
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
  {
    name: 'search passport applications',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/passport-applications?q=fiktif' }),
  },
  {
    name: 'read a passport application',
    allowed: READERS,
    request: async () => ({
      method: 'GET',
      url: `/api/v1/staff/passport-applications/${await freshApplication()}`,
    }),
  },
  {
    name: 'record a passport stage',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${await freshApplication()}/stage`,
      payload: { stage: 'documents_verified', version: 1 },
    }),
  },
  {
    name: 'record a passport applicant’s consent withdrawal',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${await freshApplication()}/consent-withdrawal`,
      payload: { version: 1 },
    }),
  },
  {
    name: 'link a case to a passport application',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${await freshApplication()}/cases`,
      payload: { trackingCode: await freshCase() },
    }),
  },
  {
    name: 'passport application beside a case',
    allowed: READERS,
    request: async () => ({
      method: 'GET',
      url: `/api/v1/staff/cases/${await freshCase()}/passport-application`,
    }),
  },
  {
    name: 'check a passport import (dry run)',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/passport-imports?office=TST',
      contentType: 'text/csv',
      payload:
        'application_number,applicant_name,birth_date,passport_kind,service,stage,stage_at\nTST2611099999,Uji,1990-01-01,biasa,baru,booked,2026-11-20 09:00\n',
    }),
  },
  {
    name: 'SKM report (JSON)',
    allowed: ['supervisor', 'auditor'],
    request: async () => ({
      method: 'GET',
      url: '/api/v1/staff/surveys/report?from=2026-10-01&to=2026-12-31',
    }),
  },
  {
    name: 'SKM report (XLSX)',
    allowed: ['supervisor', 'auditor'],
    request: async () => ({
      method: 'GET',
      url: '/api/v1/staff/surveys/report?from=2026-10-01&to=2026-12-31&format=xlsx',
    }),
  },
  {
    name: 'SKM follow-up plan',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/surveys/follow-up',
      payload: { from: '2026-10-01', to: '2026-12-31', plan: 'Tambah petugas loket pada Senin pagi.' },
    }),
  },
  {
    name: 'read a case’s satisfaction rating',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: `/api/v1/staff/cases/${await resolvedCase()}/feedback` }),
  },
  {
    name: 'passport report',
    allowed: ['supervisor', 'auditor'],
    request: async () => ({
      method: 'GET',
      url: '/api/v1/staff/passport-reports?from=2026-11-01&to=2026-11-30',
    }),
  },
  {
    name: 'read passport completion settings',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/offices/TST/passport-settings' }),
  },
  {
    name: 'save a passport completion setting',
    allowed: ['admin'],
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/offices/TST/passport-settings',
      payload: { speed: 'regular', workingDays: 4, source: 'Standar pelayanan kantor' },
    }),
  },
  {
    name: 'list integration API keys',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/api-keys' }),
  },
  {
    name: 'create an integration API key',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/api-keys',
      payload: { office: 'TST', name: 'SIMKIM', permissions: ['applications:write'] },
    }),
  },
];

// ---- messaging apps, contacts, phone and counter (issue #11) ----
let extensionCounter = 200;
async function contactIdOfFreshCase() {
  const { case: created } = await buildCase(t.db, {
    contact: { name: 'Dewi', phone: `0812-7000-${1000 + extensionCounter++}` },
  });
  const row = await t.db
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', '=', created.id)
    .executeTakeFirstOrThrow();
  return row.contact_id;
}
const messagingRoutes: Route[] = [
  {
    name: 'read the app conversation of a case',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: `/api/v1/staff/cases/${await freshCase()}/channel` }),
  },
  {
    name: "read a case's contact history",
    allowed: READERS,
    request: async () => ({ method: 'GET', url: `/api/v1/staff/cases/${await freshCase()}/contact` }),
  },
  {
    name: 'find a contact by phone',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/contacts?phone=081200000001' }),
  },
  {
    name: 'read a contact',
    allowed: READERS,
    request: async () => ({ method: 'GET', url: `/api/v1/staff/contacts/${await contactIdOfFreshCase()}` }),
  },
  {
    name: 'log a phone contact',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/contacts/log',
      payload: {
        channel: 'phone',
        callerNumber: '0812-3333-4444',
        outcome: 'answered',
        answer: 'Jam buka 08.00.',
      },
    }),
  },
  {
    name: 'read the phone and counter report',
    allowed: READERS,
    request: async () => ({
      method: 'GET',
      url: '/api/v1/staff/reports/contacts?from=2026-11-01&to=2026-11-30',
    }),
  },
  {
    name: 'read my PBX extension',
    allowed: EVERYONE,
    request: async () => ({ method: 'GET', url: '/api/v1/staff/me/extension' }),
  },
  {
    name: 'set my PBX extension',
    allowed: HANDLERS,
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/me/extension',
      payload: { extension: String(extensionCounter++) },
    }),
  },
  {
    // One WhatsApp number and one bot serve the whole installation: national administrators only.
    name: 'read messaging channel settings',
    allowed: [],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/admin/channels/whatsapp' }),
  },
  {
    name: 'save messaging channel settings',
    allowed: [],
    request: async () => ({
      method: 'PUT',
      url: '/api/v1/staff/admin/channels/telegram',
      payload: { officeCode: 'TST' },
    }),
  },
];
routes.push(...messagingRoutes);

// ---- knowledge base ----
const KB_READERS: readonly Role[] = ['publisher', 'auditor', 'admin'];
const KB_WRITERS: readonly Role[] = ['publisher', 'admin'];
let kbCounter = 0;

async function asPublisher(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) {
  const response = await t.app.inject({ method, url, headers: headers.get('publisher')!, payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.body ? response.json() : undefined;
}

async function kbArticle(publish = false): Promise<{ id: string; version: number }> {
  kbCounter++;
  const article = await asPublisher('POST', '/api/v1/staff/knowledge/articles', {
    translationKey: `matriks-${kbCounter}`,
    language: 'id',
    slug: `matriks-${kbCounter}`,
    title: 'Artikel uji',
    summary: 'Ringkasan',
    body: 'Isi artikel',
  });
  if (!publish) return article;
  return asPublisher('POST', `/api/v1/staff/knowledge/articles/${article.id}/transition`, {
    version: article.version,
    to: 'published',
  });
}

async function kbFaq(): Promise<{ id: string; version: number }> {
  kbCounter++;
  return asPublisher('POST', '/api/v1/staff/knowledge/faqs', {
    key: `faq-matriks-${kbCounter}`,
    language: 'id',
    questions: ['Pertanyaan uji?'],
    answer: 'Jawaban uji.',
  });
}

async function kbCategory(): Promise<string> {
  kbCounter++;
  return (
    await asPublisher('POST', '/api/v1/staff/knowledge/categories', {
      key: `kategori-${kbCounter}`,
      names: { id: 'Kategori', en: 'Category' },
    })
  ).id;
}

function feeBody() {
  kbCounter++;
  return {
    code: `FEE_${kbCounter}`,
    serviceCode: 'paspor',
    names: { id: 'Biaya uji', en: 'Test fee' },
    amount: 1000,
    legalBasis: 'PP uji',
    validFrom: '2025-01-01',
  };
}

async function kbFee(): Promise<string> {
  return (await asPublisher('POST', '/api/v1/staff/knowledge/fees', feeBody())).id;
}

async function kbSynonym(): Promise<string> {
  kbCounter++;
  return (
    await asPublisher('POST', '/api/v1/staff/knowledge/synonyms', {
      language: 'id',
      term: `istilah${kbCounter}`,
      means: 'arti',
    })
  ).id;
}

const STANDARD_COMPONENT_TEXTS = Object.fromEntries(
  [
    'legal_basis',
    'requirements',
    'procedure',
    'completion_time',
    'fees',
    'product',
    'facilities',
    'staff_competence',
    'internal_supervision',
    'complaint_handling',
    'staff_count',
    'service_guarantee',
    'security_guarantee',
    'performance_evaluation',
  ].map((c) => [c, { id: 'isi', en: 'text' }]),
);

const KB = '/api/v1/staff/knowledge';
const knowledgeRoutes: Route[] = [
  {
    name: 'list knowledge articles',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/articles` }),
  },
  {
    name: 'list articles due for review',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/articles/review-due?withinDays=30` }),
  },
  {
    name: 'read a knowledge article',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/articles/${(await kbArticle()).id}` }),
  },
  {
    name: 'write a knowledge article',
    allowed: KB_WRITERS,
    request: async () => {
      kbCounter++;
      return {
        method: 'POST',
        url: `${KB}/articles`,
        payload: {
          translationKey: `baru-${kbCounter}`,
          language: 'en',
          slug: `baru-${kbCounter}`,
          title: 't',
          summary: 's',
          body: 'b',
        },
      };
    },
  },
  {
    name: 'edit a knowledge article',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PATCH',
      url: `${KB}/articles/${(await kbArticle()).id}`,
      payload: { version: 1, title: 'Baru' },
    }),
  },
  {
    name: 'publish a knowledge article',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'POST',
      url: `${KB}/articles/${(await kbArticle()).id}/transition`,
      payload: { version: 1, to: 'published' },
    }),
  },
  {
    name: 'confirm an article was reviewed',
    allowed: KB_WRITERS,
    request: async () => {
      const article = await kbArticle(true);
      return {
        method: 'POST',
        url: `${KB}/articles/${article.id}/reviewed`,
        payload: { version: article.version },
      };
    },
  },
  {
    name: 'list and diff article revisions',
    allowed: KB_READERS,
    request: async () => ({
      method: 'GET',
      url: `${KB}/articles/${(await kbArticle()).id}/diff?from=1&to=1`,
    }),
  },
  {
    name: 'read article revisions',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/articles/${(await kbArticle()).id}/revisions` }),
  },
  {
    name: 'restore an article revision',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'POST',
      url: `${KB}/articles/${(await kbArticle()).id}/revisions/1/restore`,
      payload: { version: 1 },
    }),
  },
  {
    name: 'delete a draft article',
    allowed: KB_WRITERS,
    request: async () => ({ method: 'DELETE', url: `${KB}/articles/${(await kbArticle()).id}` }),
  },
  {
    name: 'list FAQ entries',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/faqs` }),
  },
  {
    name: 'write a FAQ entry',
    allowed: KB_WRITERS,
    request: async () => {
      kbCounter++;
      return {
        method: 'POST',
        url: `${KB}/faqs`,
        payload: { key: `faq-baru-${kbCounter}`, language: 'id', questions: ['Tanya?'], answer: 'Jawab.' },
      };
    },
  },
  {
    name: 'edit a FAQ entry',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PATCH',
      url: `${KB}/faqs/${(await kbFaq()).id}`,
      payload: { version: 1, answer: 'Baru.' },
    }),
  },
  {
    name: 'publish a FAQ entry',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'POST',
      url: `${KB}/faqs/${(await kbFaq()).id}/transition`,
      payload: { version: 1, to: 'published' },
    }),
  },
  {
    name: 'read FAQ revisions',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/faqs/${(await kbFaq()).id}/revisions/1` }),
  },
  {
    name: 'list knowledge categories',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/categories` }),
  },
  {
    name: 'add a knowledge category',
    allowed: KB_WRITERS,
    request: async () => {
      kbCounter++;
      return {
        method: 'POST',
        url: `${KB}/categories`,
        payload: { key: `kat-${kbCounter}`, names: { id: 'K', en: 'C' } },
      };
    },
  },
  {
    name: 'edit a knowledge category',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PATCH',
      url: `${KB}/categories/${await kbCategory()}`,
      payload: { sortOrder: 9 },
    }),
  },
  {
    name: 'remove a knowledge category',
    allowed: KB_WRITERS,
    request: async () => ({ method: 'DELETE', url: `${KB}/categories/${await kbCategory()}` }),
  },
  {
    name: 'list the fee schedule',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/fees` }),
  },
  {
    name: 'add a fee',
    allowed: KB_WRITERS,
    request: async () => ({ method: 'POST', url: `${KB}/fees`, payload: feeBody() }),
  },
  {
    name: 'change a fee',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PATCH',
      url: `${KB}/fees/${await kbFee()}`,
      payload: { validTo: '2025-12-31' },
    }),
  },
  {
    name: 'remove a fee',
    allowed: KB_WRITERS,
    request: async () => ({ method: 'DELETE', url: `${KB}/fees/${await kbFee()}` }),
  },
  {
    name: 'read service standards',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/standards?office=TST` }),
  },
  {
    name: 'save a service standard',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PUT',
      url: `${KB}/standards/TST/paspor`,
      payload: {
        legalBasis: 'UU 25/2009',
        effectiveFrom: '2025-01-01',
        components: STANDARD_COMPONENT_TEXTS,
      },
    }),
  },
  {
    name: 'read the maklumat',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/maklumat?office=TST` }),
  },
  {
    name: 'save the maklumat',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PUT',
      url: `${KB}/maklumat/TST`,
      payload: { effectiveFrom: '2025-01-01', text: { id: 'Kami sanggup', en: 'We pledge' } },
    }),
  },
  {
    name: 'list the dictionary',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/synonyms` }),
  },
  {
    name: 'add a dictionary entry',
    allowed: KB_WRITERS,
    request: async () => {
      kbCounter++;
      return {
        method: 'POST',
        url: `${KB}/synonyms`,
        payload: { language: 'en', term: `word${kbCounter}`, means: 'meaning' },
      };
    },
  },
  {
    name: 'change a dictionary entry',
    allowed: KB_WRITERS,
    request: async () => ({
      method: 'PATCH',
      url: `${KB}/synonyms/${await kbSynonym()}`,
      payload: { means: 'arti baru' },
    }),
  },
  {
    name: 'remove a dictionary entry',
    allowed: KB_WRITERS,
    request: async () => ({ method: 'DELETE', url: `${KB}/synonyms/${await kbSynonym()}` }),
  },
  {
    name: 'report unanswered questions',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/questions/unanswered?lang=id` }),
  },
  {
    name: 'read the question log',
    allowed: KB_READERS,
    request: async () => ({ method: 'GET', url: `${KB}/questions` }),
  },
];
routes.push(...knowledgeRoutes);

// ---- publications (issue #9) ----
// Publications: publishers write, auditors read. Full enforcement records: supervisors only. Webhooks: admins.
const PUB_READERS: readonly Role[] = ['publisher', 'auditor'];
const PUB_WRITERS: readonly Role[] = ['publisher'];
const PUB = '/api/v1/staff/publications';
let pubCounter = 0;
let secondPublisher: StaffHeaders | undefined;

/** A publisher other than the matrix's one, who writes what the matrix's publisher approves. */
async function authorHeaders(): Promise<StaffHeaders> {
  secondPublisher ??= await sessionHeaders(
    t.db,
    await buildStaff(t.db, { roles: ['publisher'], officeId, displayName: 'Penulis' }),
    t.config,
  );
  return secondPublisher;
}

async function asAuthor(url: string, payload: object) {
  const response = await t.app.inject({ method: 'POST', url, headers: await authorHeaders(), payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A fresh publication by the other publisher: a draft, or submitted for review. */
async function publication(submitted = false): Promise<{ id: string; version: number }> {
  pubCounter++;
  const created = await asAuthor(PUB, {
    category: 'news',
    texts: { id: { title: `Berita uji ${pubCounter}`, summary: 'Ringkasan', body: 'Isi berita' } },
  });
  if (!submitted) return created;
  return asAuthor(`${PUB}/${created.id}/submit`, { version: created.version });
}

async function published(): Promise<{ id: string; version: number }> {
  const inReview = await publication(true);
  const response = await t.app.inject({
    method: 'POST',
    url: `${PUB}/${inReview.id}/approve`,
    headers: headers.get('publisher')!,
    payload: { version: inReview.version },
  });
  return response.json();
}

const recordBody = () => ({
  fullName: 'Orang Contoh',
  nationality: 'MY',
  documentNumber: 'A12345678',
  legalBasis: 'Pasal 122 huruf a UU 6/2011',
  action: 'deportation',
  decidedOn: '2026-11-20',
});

async function recordId(): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/enforcement-records',
    headers: headers.get('supervisor')!,
    payload: recordBody(),
  });
  return response.json().id;
}

async function webhookId(): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/publication-webhooks',
    headers: headers.get('admin')!,
    payload: { name: 'Matriks', url: 'http://127.0.0.1:9/hook', active: false },
  });
  return response.json().id;
}

const publicationRoutes: Route[] = [
  { name: 'list publications', allowed: PUB_READERS, request: async () => ({ method: 'GET', url: PUB }) },
  {
    name: 'read a publication',
    allowed: PUB_READERS,
    request: async () => ({ method: 'GET', url: `${PUB}/${(await publication()).id}` }),
  },
  {
    name: 'read a publication’s revisions',
    allowed: PUB_READERS,
    request: async () => ({ method: 'GET', url: `${PUB}/${(await publication()).id}/revisions` }),
  },
  {
    name: 'list citable records (initials only)',
    allowed: PUB_READERS,
    request: async () => ({ method: 'GET', url: `${PUB}/citable-records` }),
  },
  {
    name: 'write a publication',
    allowed: PUB_WRITERS,
    request: async () => ({
      method: 'POST',
      url: PUB,
      payload: { category: 'news', texts: { id: { title: 'Baru', summary: 'Ringkas', body: 'Isi' } } },
    }),
  },
  {
    name: 'edit a publication',
    allowed: PUB_WRITERS,
    request: async () => {
      const draft = await publication();
      return {
        method: 'PATCH',
        url: `${PUB}/${draft.id}`,
        payload: { version: draft.version, category: 'announcement' },
      };
    },
  },
  {
    name: 'restore a publication revision',
    allowed: PUB_WRITERS,
    request: async () => {
      const draft = await publication();
      return {
        method: 'POST',
        url: `${PUB}/${draft.id}/revisions/1/restore`,
        payload: { version: draft.version },
      };
    },
  },
  {
    name: 'run the privacy check',
    allowed: PUB_WRITERS,
    request: async () => ({ method: 'POST', url: `${PUB}/${(await publication()).id}/check` }),
  },
  {
    name: 'submit a publication',
    allowed: PUB_WRITERS,
    request: async () => {
      const draft = await publication();
      return { method: 'POST', url: `${PUB}/${draft.id}/submit`, payload: { version: draft.version } };
    },
  },
  {
    name: 'approve a publication (second publisher)',
    allowed: PUB_WRITERS,
    request: async () => {
      const inReview = await publication(true);
      return { method: 'POST', url: `${PUB}/${inReview.id}/approve`, payload: { version: inReview.version } };
    },
  },
  {
    name: 'reject a publication',
    allowed: PUB_WRITERS,
    request: async () => {
      const inReview = await publication(true);
      return {
        method: 'POST',
        url: `${PUB}/${inReview.id}/reject`,
        payload: { version: inReview.version, comment: 'Perbaiki judul' },
      };
    },
  },
  {
    name: 'archive a publication',
    allowed: PUB_WRITERS,
    request: async () => {
      const live = await published();
      return { method: 'POST', url: `${PUB}/${live.id}/archive`, payload: { version: live.version } };
    },
  },
  {
    name: 'retry a webhook delivery',
    allowed: PUB_WRITERS,
    request: async () => {
      await webhookIdActive();
      const live = await published();
      const view = await t.app.inject({
        method: 'GET',
        url: `${PUB}/${live.id}`,
        headers: headers.get('publisher')!,
      });
      return { method: 'POST', url: `${PUB}/${live.id}/deliveries/${view.json().deliveries[0].id}/retry` };
    },
  },
  {
    name: 'upload a publication image',
    allowed: PUB_WRITERS,
    request: async () => ({
      method: 'POST',
      url: `${PUB}/images`,
      payload: {
        fileName: 'a.png',
        contentBase64:
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      },
    }),
  },
  {
    name: 'list enforcement records in full',
    allowed: ['supervisor'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/enforcement-records' }),
  },
  {
    name: 'read an enforcement record in full',
    allowed: ['supervisor'],
    request: async () => ({ method: 'GET', url: `/api/v1/staff/enforcement-records/${await recordId()}` }),
  },
  {
    name: 'record an enforcement action',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/enforcement-records',
      payload: recordBody(),
    }),
  },
  {
    name: 'correct an enforcement record',
    allowed: ['supervisor'],
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/staff/enforcement-records/${await recordId()}`,
      payload: { ...recordBody(), version: 1 },
    }),
  },
  {
    name: 'list publication webhooks',
    allowed: ['admin'],
    request: async () => ({ method: 'GET', url: '/api/v1/staff/publication-webhooks' }),
  },
  {
    name: 'add a publication webhook',
    allowed: ['admin'],
    request: async () => ({
      method: 'POST',
      url: '/api/v1/staff/publication-webhooks',
      payload: { name: 'Alat posting', url: 'https://hooks.example.org/loket', active: false },
    }),
  },
  {
    name: 'change a publication webhook',
    allowed: ['admin'],
    request: async () => ({
      method: 'PUT',
      url: `/api/v1/staff/publication-webhooks/${await webhookId()}`,
      payload: { name: 'Alat posting', url: 'https://hooks.example.org/loket', active: false },
    }),
  },
];
routes.push(...publicationRoutes);

let activeWebhook: string | undefined;
/** One active webhook (to an address nobody listens on), so publishing creates a delivery to retry. */
async function webhookIdActive(): Promise<string> {
  if (activeWebhook) return activeWebhook;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/publication-webhooks',
    headers: headers.get('admin')!,
    payload: { name: 'Aktif', url: 'http://127.0.0.1:9/hook', active: true },
  });
  activeWebhook = response.json().id as string;
  return activeWebhook;
}
/** A chat of office TST in the given state; waiting and active chats have a case, as after a hand-off. */
async function chatIn(state: 'waiting' | 'active') {
  const conversation = await startConversation(t.db, { officeId, language: 'id' });
  const caseId = (await buildCase(t.db, { channel: 'chat', type: 'request' })).case.id;
  await t.db
    .updateTable('chat_conversations')
    .set({ state, case_id: caseId, requested_at: new Date().toISOString() })
    .where('id', '=', conversation.id)
    .execute();
  return conversation.id;
}

const CHAT = '/api/v1/staff/chat';
const chatRoutes: Route[] = [
  {
    name: 'open the chat panel (queue)',
    allowed: HANDLERS,
    request: async () => ({ method: 'GET', url: `${CHAT}/queue` }),
  },
  {
    name: 'set my chat availability',
    allowed: HANDLERS,
    request: async () => ({ method: 'PUT', url: `${CHAT}/availability`, payload: { status: 'away' } }),
  },
  {
    name: 'list agents’ chat settings',
    allowed: ['supervisor', 'admin'],
    request: async () => ({ method: 'GET', url: `${CHAT}/agents` }),
  },
  {
    name: 'set an agent’s chat capacity',
    allowed: ['supervisor', 'admin'],
    request: async () => ({
      method: 'PUT',
      url: `${CHAT}/agents/${await targetUserId()}`,
      payload: { capacity: 2, languages: ['id', 'en'] },
    }),
  },
  {
    name: 'read a chat',
    allowed: HANDLERS,
    request: async () => ({ method: 'GET', url: `${CHAT}/conversations/${await chatIn('waiting')}` }),
  },
  {
    name: 'accept a chat',
    allowed: HANDLERS,
    request: async () => ({ method: 'POST', url: `${CHAT}/conversations/${await chatIn('waiting')}/accept` }),
  },
  {
    name: 'reply in a chat',
    allowed: HANDLERS,
    request: async () => ({
      method: 'POST',
      url: `${CHAT}/conversations/${await chatIn('active')}/messages`,
      payload: { id: `matrix-${Date.now()}`, body: 'Halo' },
    }),
  },
  {
    name: 'end a chat',
    allowed: HANDLERS,
    request: async () => ({ method: 'POST', url: `${CHAT}/conversations/${await chatIn('active')}/end` }),
  },
];
routes.push(...chatRoutes);

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
        const { method, url, payload, contentType } = await route.request();
        const sent = contentType ? { ...headers.get(who)!, 'content-type': contentType } : headers.get(who)!;
        const response = await t.app.inject({ method, url, headers: sent, payload });
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
