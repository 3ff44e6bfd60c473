import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  sessionHeaders,
  TEST_SECRET,
  type TestApp,
} from '../../../test-support/factories.js';
import { parseJson } from '../../db/dialect.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { createApiKey } from './api-keys.js';
import { importTable } from './import.js';
import { passportUnsubscribeToken } from './notifications.js';
import { findApplicationByNumber } from './storage.js';
import { parseCsv } from './table-file.js';

const HEADER =
  'application_number,office_code,applicant_name,birth_date,passport_kind,service,stage,stage_at,email,contact_consent';
const CONSENT_AT_HEADER = `${HEADER},consent_at`;

let t: TestApp;
let officeId: string;
let apiKey: string;

async function runImport(csv: string, now = new Date()) {
  const offices = (await t.db.selectFrom('offices').select(['id', 'code', 'time_zone']).execute()).map(
    (o) => ({
      id: o.id,
      code: o.code,
      timeZone: o.time_zone,
    }),
  );
  const report = await importTable(t.db, SYSTEM_ACTOR, parseCsv(csv), {
    offices,
    secret: TEST_SECRET,
    now,
    fileName: 'harian.csv',
  });
  expect(report.problems).toEqual([]);
  return report;
}

const line = (number: string, stage: string, stageAt: string, consent: string, consentAt?: string) =>
  [
    number,
    'TST',
    'Sri Lestari',
    '1985-04-21',
    'e-paspor',
    'baru',
    stage,
    stageAt,
    'sri@example.com',
    consent,
    ...(consentAt === undefined ? [] : [consentAt]),
  ].join(',');

async function stored(number: string) {
  return (await findApplicationByNumber(t.db, officeId, number))!;
}

async function push(number: string, eventId: string, contact: object) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/passport-applications/events',
    headers: { authorization: `Bearer ${apiKey}` },
    payload: {
      events: [
        {
          eventId,
          applicationNumber: number,
          stage: 'booked',
          at: '2026-11-20T01:00:00.000Z',
          application: {
            applicantName: 'Sri Lestari',
            birthDate: '1985-04-21',
            passportKind: 'electronic',
            service: 'new',
            contact: { email: 'sri@example.com', ...contact },
          },
        },
      ],
    },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
  apiKey = (
    await createApiKey(t.db, SYSTEM_ACTOR, { officeId, name: 'SIMKIM', permissions: ['applications:write'] })
  ).key;
});

describe(`passport consent withdrawal on ${ENGINE}`, () => {
  it('keeps notifications off after the unsubscribe link, whatever a later import or push says', async () => {
    await runImport([HEADER, line('TST2611000101', 'booked', '2026-11-20 08:00', 'ya')].join('\n'));
    const before = await stored('TST2611000101');
    expect(before.contactConsent).toBe(true);
    expect(before.consentWithdrawal).toBeNull();

    const token = passportUnsubscribeToken(TEST_SECRET, before.id);
    const unsubscribed = await t.app.inject({
      method: 'POST',
      url: `/passport/unsubscribe?id=${before.id}&token=${token}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsubscribed.statusCode).toBe(200);
    const withdrawn = await stored('TST2611000101');
    expect(withdrawn.contactConsent).toBe(false);
    expect(withdrawn.consentWithdrawal).toMatchObject({ source: 'unsubscribe' });
    const withdrawnAt = withdrawn.consentWithdrawal!.at;

    // The office's next day export still says "ya", with a stage change: the stage moves, consent stays off.
    await runImport(
      [HEADER, line('TST2611000101', 'documents_verified', '2026-11-21 09:00', 'ya')].join('\n'),
    );
    const reimported = await stored('TST2611000101');
    expect(reimported.stage).toBe('documents_verified');
    expect(reimported.contactConsent).toBe(false);
    const stageEvent = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'passport.stage_changed')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect((parseJson(stageEvent.payload) as { notify: boolean }).notify).toBe(false);

    // An integration push with consent: true and no consent time does not switch it back on either.
    await push('TST2611000101', 'simkim-1', { consent: true });
    expect((await stored('TST2611000101')).contactConsent).toBe(false);
    // Nor does a consent time from before the withdrawal (the old consent, re-sent).
    await push('TST2611000101', 'simkim-2', { consent: true, consentAt: '2026-11-01T00:00:00.000Z' });
    expect((await stored('TST2611000101')).contactConsent).toBe(false);
    expect((await stored('TST2611000101')).consentWithdrawal!.at).toBe(withdrawnAt);
  });

  it('lets a new explicit consent, timed after the withdrawal, switch notifications back on', async () => {
    // Twelve hours ahead, written as office-local time: after the withdrawal in any Indonesian time zone.
    const later = new Date(Date.now() + 12 * 3_600_000);
    const laterText = later.toISOString().replace('T', ' ').slice(0, 16);
    const earlier = '2026-11-01 10:00';
    await runImport(
      [
        CONSENT_AT_HEADER,
        line('TST2611000101', 'documents_verified', '2026-11-21 09:00', 'ya', earlier),
      ].join('\n'),
    );
    expect((await stored('TST2611000101')).contactConsent).toBe(false);
    await runImport(
      [
        CONSENT_AT_HEADER,
        line('TST2611000101', 'documents_verified', '2026-11-21 09:00', 'ya', laterText),
      ].join('\n'),
      new Date(later.getTime() + 3_600_000),
    );
    const again = await stored('TST2611000101');
    expect(again.contactConsent).toBe(true);
    expect(again.consentGivenAt).not.toBeNull();
    // The withdrawal stays on record beside the newer consent.
    expect(again.consentWithdrawal?.source).toBe('unsubscribe');
  });

  it('records a withdrawal by staff (agents and supervisors), shown on the application', async () => {
    await push('TST2611000202', 'simkim-3', { consent: true });
    const app = await stored('TST2611000202');
    expect(app.contactConsent).toBe(true);
    const auditor = await sessionHeaders(
      t.db,
      await buildStaff(t.db, { roles: ['auditor'], officeId }),
      t.config,
    );
    const agent = await sessionHeaders(
      t.db,
      await buildStaff(t.db, { roles: ['agent'], officeId }),
      t.config,
    );
    const url = `/api/v1/staff/passport-applications/${app.id}/consent-withdrawal`;
    expect(
      (await t.app.inject({ method: 'POST', url, headers: auditor, payload: { version: app.version } }))
        .statusCode,
    ).toBe(403);
    const stale = await t.app.inject({ method: 'POST', url, headers: agent, payload: { version: 99 } });
    expect(stale.statusCode).toBe(409);
    const done = await t.app.inject({
      method: 'POST',
      url,
      headers: agent,
      payload: { version: app.version },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ contactConsent: false, consentWithdrawal: { source: 'staff' } });
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/passport-applications/${app.id}`,
      headers: agent,
    });
    expect(page.json().consentWithdrawal).toMatchObject({ source: 'staff', at: expect.any(String) });
    await push('TST2611000202', 'simkim-4', { consent: true });
    expect((await stored('TST2611000202')).contactConsent).toBe(false);
    const event = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'passport.consent_withdrawn')
      .execute();
    expect(event.map((e) => (parseJson(e.payload) as { source: string }).source).sort()).toEqual([
      'staff',
      'unsubscribe',
    ]);
    // The event names the application, never the applicant or their address.
    expect(JSON.stringify(event)).not.toContain('sri@example.com');
  });
});
