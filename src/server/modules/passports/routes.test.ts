import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildCase,
  buildOffice,
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';

let t: TestApp;
let officeId: string;
let admin: StaffHeaders;
let supervisor: StaffHeaders;
let agent: StaffHeaders;
let writeKey: string;

const application = {
  applicantName: 'Sari Fiktif',
  birthDate: '1988-03-04',
  nik: '3578 0101 0101 0009',
  passportKind: 'electronic',
  service: 'renewal',
  appointmentDate: '2026-11-24',
  contact: { email: 'sari@example.com', consent: true },
} as const;

async function push(events: unknown[], key = writeKey) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/passport-applications/events',
    headers: { authorization: `Bearer ${key}` },
    payload: { events },
  });
}

async function status(applicationNumber: string, birthDate: string, app = t.app, ip = '203.0.113.5') {
  return app.inject({
    method: 'POST',
    url: '/api/v1/passport-applications/status',
    headers: { 'accept-language': 'en' },
    remoteAddress: ip,
    payload: { applicationNumber, birthDate },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
  admin = await sessionHeaders(t.db, await buildStaff(t.db, { roles: ['admin'], officeId }), t.config);
  supervisor = await staffOf(t, 'supervisor');
  agent = await staffOf(t, 'agent');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/api-keys',
    headers: admin,
    payload: { office: 'TST', name: 'SIMKIM export', permissions: ['applications:write'] },
  });
  expect(created.statusCode).toBe(201);
  writeKey = created.json().key;
});

describe(`integration API keys on ${ENGINE}`, () => {
  it('are created by administrators only, shown once and stored as a hash', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/api-keys',
      headers: supervisor,
      payload: { office: 'TST', name: 'x', permissions: ['applications:read'] },
    });
    expect(refused.statusCode).toBe(403);
    expect(writeKey).toMatch(/^loket_/);
    const stored = await t.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(writeKey);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/staff/api-keys', headers: admin });
    expect(list.json().items[0]).toMatchObject({
      name: 'SIMKIM export',
      permissions: ['applications:write'],
    });
    expect(JSON.stringify(list.json())).not.toContain(writeKey);
  });

  it('refuse a missing or wrong key, and a key without the permission', async () => {
    expect((await push([], 'loket_wrongwrongwrongwrongwrong')).statusCode).toBe(401);
    const readOnly = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/api-keys',
      headers: admin,
      payload: { office: 'TST', name: 'Dashboard', permissions: ['applications:read'] },
    });
    const response = await push(
      [{ eventId: 'e-0', applicationNumber: 'TST2612000100', stage: 'booked', at: '2026-11-24T01:00:00Z' }],
      readOnly.json().key,
    );
    expect(response.statusCode).toBe(403);
  });

  it('apply events once: a repeated event id is acknowledged without a second change', async () => {
    const first = await push([
      {
        eventId: 'simkim-1',
        applicationNumber: 'TST2612000100',
        stage: 'booked',
        at: '2026-11-24T01:00:00Z',
        application,
      },
      {
        eventId: 'simkim-2',
        applicationNumber: 'TST2612000100',
        stage: 'documents_verified',
        at: '2026-11-24T02:00:00Z',
      },
      { eventId: 'simkim-3', applicationNumber: 'TST2612000999', stage: 'paid', at: '2026-11-24T02:00:00Z' },
      {
        eventId: 'simkim-4',
        applicationNumber: 'TST2612000100',
        stage: 'booked',
        at: '2026-11-24T03:00:00Z',
      },
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.json().results.map((r: { result: string; code?: string }) => r.code ?? r.result)).toEqual([
      'applied',
      'applied',
      'unknown_application',
      'invalid_transition',
    ]);
    const stagesBefore = await t.db.selectFrom('passport_stages').select('id').execute();
    const again = await push([
      {
        eventId: 'simkim-2',
        applicationNumber: 'TST2612000100',
        stage: 'documents_verified',
        at: '2026-11-24T02:00:00Z',
      },
    ]);
    expect(again.json().results[0].result).toBe('duplicate');
    expect(await t.db.selectFrom('passport_stages').select('id').execute()).toHaveLength(stagesBefore.length);
    const keys = await t.app.inject({ method: 'GET', url: '/api/v1/staff/api-keys', headers: admin });
    const used = keys.json().items.find((k: { name: string }) => k.name === 'SIMKIM export');
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('let a key with applications:read look an application up in its own office', async () => {
    const reader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/api-keys',
      headers: admin,
      payload: { office: 'TST', name: 'Reader', permissions: ['applications:read'] },
    });
    const key = reader.json().key;
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/v1/passport-applications/TST2612000100',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      stage: 'documents_verified',
      stages: [{ stage: 'booked' }, { stage: 'documents_verified' }],
    });
    const writerCannotRead = await t.app.inject({
      method: 'GET',
      url: '/api/v1/passport-applications/TST2612000100',
      headers: { authorization: `Bearer ${writeKey}` },
    });
    expect(writerCannotRead.statusCode).toBe(403);
  });

  it('stop working once revoked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/api-keys',
      headers: admin,
      payload: { office: 'TST', name: 'Temporary', permissions: ['applications:write'] },
    });
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/staff/api-keys/${created.json().apiKey.id}`,
      headers: admin,
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await push([], created.json().key)).statusCode).toBe(401);
  });
});

describe(`the public status check on ${ENGINE}`, () => {
  it('tells the stage in plain words, what to do next and the expected date', async () => {
    const response = await status('tst 2612 000100', '1988-03-04');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      applicationNumber: 'TST2612000100',
      applicantInitials: 'S. F.',
      stage: 'documents_verified',
      stageText: 'Documents checked',
      nextStep: 'pay',
      expectedDate: '2026-11-30',
    });
    expect(JSON.stringify(response.json())).not.toMatch(/Sari|0009|sari@/);
  });

  it('answers one generic not-found for an unknown number and for a wrong date', async () => {
    const unknown = await status('TST2612009999', '1988-03-04');
    const wrongDate = await status('TST2612000100', '1988-03-05');
    expect(unknown.statusCode).toBe(404);
    expect(wrongDate.statusCode).toBe(404);
    expect(unknown.json().code).toBe('application_not_found');
    expect(wrongDate.json().title).toBe(unknown.json().title);
  });

  it('limits failed attempts per address and per application number', async () => {
    const limited = await createTestApp({
      rateLimits: {
        ...t.config.rateLimits,
        enabled: true,
        lookupFailures: { limit: 2, windowMs: 600_000 },
        codeFailures: { limit: 3, windowMs: 3_600_000 },
      },
    });
    for (let i = 0; i < 2; i++)
      expect((await status('TST2612000100', '1900-01-01', limited.app)).statusCode).toBe(404);
    expect((await status('TST2612000100', '1900-01-01', limited.app)).statusCode).toBe(429);
    // Another address: the number has one failure left, then it is blocked for everyone.
    expect((await status('TST2612000100', '1900-01-01', limited.app, '198.51.100.7')).statusCode).toBe(404);
    expect((await status('TST2612000100', '1900-01-01', limited.app, '198.51.100.8')).statusCode).toBe(429);
  });
});

describe(`staff work with applications on ${ENGINE}`, () => {
  it('finds applications by number, name and date of birth', async () => {
    for (const q of ['TST2612000100', 'sari', '?birthDate=1988-03-04']) {
      const url = q.startsWith('?')
        ? `/api/v1/staff/passport-applications${q}`
        : `/api/v1/staff/passport-applications?q=${encodeURIComponent(q)}`;
      const response = await t.app.inject({ method: 'GET', url, headers: agent });
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((a: { applicationNumber: string }) => a.applicationNumber)).toEqual([
        'TST2612000100',
      ]);
    }
    const none = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/passport-applications?q=zzz',
      headers: agent,
    });
    expect(none.json().items).toEqual([]);
  });

  it('links a case and shows the application beside it; the page has the timeline and the case', async () => {
    const { case: subject } = await buildCase(t.db);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/passport-applications?q=sari',
      headers: agent,
    });
    const id = list.json().items[0].id;
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${id}/cases`,
      headers: agent,
      payload: { trackingCode: subject.trackingCode },
    });
    expect(link.json()).toEqual({ result: 'linked' });
    const beside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${subject.trackingCode}/passport-application`,
      headers: agent,
    });
    expect(beside.json().application).toMatchObject({
      stage: 'documents_verified',
      applicationNumber: 'TST2612000100',
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/passport-applications/${id}`,
      headers: agent,
    });
    expect(page.json().stages.map((s: { stage: string }) => s.stage)).toEqual([
      'booked',
      'documents_verified',
    ]);
    expect(page.json().cases[0].trackingCode).toBe(subject.trackingCode);
    expect(page.json().nikLast4).toBe('0009');
    expect(page.json()).not.toHaveProperty('nikHash');
  });

  it('links a case the citizen submits with an application number; a malformed number is refused', async () => {
    const base = {
      type: 'complaint',
      officeCode: 'TST',
      subject: 'Paspor belum jadi',
      description: 'Sudah lewat empat hari kerja.',
      categoryCode: 'antrean',
    };
    const linked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...base, passportApplicationNumber: 'tst2612000100' },
    });
    expect(linked.statusCode).toBe(201);
    const beside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${linked.json().trackingCode}/passport-application`,
      headers: agent,
    });
    expect(beside.json().application.applicationNumber).toBe('TST2612000100');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...base, passportApplicationNumber: 'TST2612099999' },
    });
    expect(unknown.statusCode).toBe(201);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { ...base, passportApplicationNumber: '#!' },
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('lets supervisors record a stage, with a note where the applicant needs one', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/passport-applications?q=sari',
      headers: agent,
    });
    const { id, version } = list.json().items[0];
    const byAgent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${id}/stage`,
      headers: agent,
      payload: { stage: 'paid', version },
    });
    expect(byAgent.statusCode).toBe(403);
    const noNote = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${id}/stage`,
      headers: supervisor,
      payload: { stage: 'needs_documents', version },
    });
    expect(noNote.statusCode).toBe(422);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/passport-applications/${id}/stage`,
      headers: supervisor,
      payload: { stage: 'needs_documents', note: 'Akta kelahiran asli', version },
    });
    expect(moved.json()).toMatchObject({ stage: 'needs_documents', stageNote: 'Akta kelahiran asli' });
    const publicView = await status('TST2612000100', '1988-03-04');
    expect(publicView.json()).toMatchObject({ nextStep: 'bring_documents', note: 'Akta kelahiran asli' });
  });

  it('hides another office’s applications', async () => {
    await buildOffice(t.db, { code: 'OTH', nameId: 'Kantor Lain', nameEn: 'Other office' });
    const other = await sessionHeaders(
      t.db,
      await buildStaff(t.db, { roles: ['agent'], officeId: await officeIdOf(t.db, 'OTH') }),
      t.config,
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/passport-applications?q=sari',
      headers: agent,
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/passport-applications/${list.json().items[0].id}`,
      headers: other,
    });
    expect(page.statusCode).toBe(404);
    void officeId;
  });

  it('reports stages, time in stage and late applications', async () => {
    const report = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/passport-reports?from=2026-11-01&to=2026-11-30',
      headers: supervisor,
    });
    expect(report.statusCode).toBe(200);
    expect(report.json().perStage.find((s: { stage: string }) => s.stage === 'needs_documents').count).toBe(
      1,
    );
    expect(report.json().timeInStage.find((s: { stage: string }) => s.stage === 'booked')).toMatchObject({
      averageHours: 1,
      samples: 1,
    });
    const byAgent = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/passport-reports?from=2026-11-01&to=2026-11-30',
      headers: agent,
    });
    expect(byAgent.statusCode).toBe(403);
  });

  it('imports an uploaded file after a dry run that shows the validation report', async () => {
    const csv =
      'application_number,applicant_name,birth_date,passport_kind,service,stage,stage_at\nTST2612000200,Andi Uji,1970-01-02,biasa,baru,booked,2026-11-24 09:00\nTST2612000201,Dewi Uji,02-13-1970,biasa,baru,booked,2026-11-24 09:00\n';
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/passport-imports?fileName=day.csv',
      headers: { ...supervisor, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({
      written: false,
      problems: [{ row: 3, column: 'birth_date', code: 'invalid_date' }],
    });
    const fixed = csv.replace('02-13-1970', '13-02-1970');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/passport-imports?fileName=day.csv&dryRun=false',
      headers: { ...supervisor, 'content-type': 'text/csv' },
      payload: fixed,
    });
    expect(imported.json()).toMatchObject({ written: true, counts: { created: 2 } });
  });
});
