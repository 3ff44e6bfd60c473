import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/database.js';
import { ENGINE } from '../test-support/engine.js';
import {
  buildConfig,
  buildOffice,
  buildStaff,
  officeIdOf,
  STAFF_PASSWORD,
} from '../test-support/factories.js';
import { Visitor } from '../test-support/portal-client.js';
import { buildApp, loggerOptions } from './app.js';
import { SYSTEM_ACTOR } from './events/catalogue.js';
import { createLimiters } from './http/rate-limit.js';
import { enrolOfficer } from './modules/integrity/officers.js';
import { solveChallenge } from './modules/integrity/proof-of-work.js';

/**
 * UU 27/2022: personal data never appears in logs. The app runs with its production logger options, writing to
 * memory, while people do what carries personal data: sign in, submit a case with contact details, check a
 * passport status, send an integrity report; then the log is searched for every value they typed.
 */
const lines: string[] = [];
let app: FastifyInstance;
let staffEmail: string;

const SECRET_VALUES = {
  name: 'Kartika Sari Dewi',
  email: 'kartika.rahasia@example.com',
  phone: '+62 812-7777-3131',
  birthDate: '1987-03-09',
  description: 'Petugas meminta Rp750.000 di loket tujuh',
  password: STAFF_PASSWORD,
};

beforeAll(async () => {
  const database = await createTestDatabase();
  await buildOffice(database.db);
  const officeId = await officeIdOf(database.db, 'TST');
  const officer = await buildStaff(database.db, { roles: ['integrity_officer'], officeId });
  await enrolOfficer(database.db, officer, SYSTEM_ACTOR, 'frasa-sandi-yang-cukup-panjang', new Date());
  staffEmail = (await buildStaff(database.db, { roles: ['agent'], officeId })).email;
  const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-logging-')) });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp(
    { db: database.db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
    { logger: { ...(loggerOptions('debug') as object), stream } },
  );
});

afterAll(() => app?.close());

describe(`logs on ${ENGINE}`, () => {
  it('keep no personal data, secrets or query strings while people use the service', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: staffEmail, password: SECRET_VALUES.password },
    });
    expect(login.statusCode).toBe(200);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: SECRET_VALUES.email, password: 'salah-sekali-kata-sandinya' },
    });
    expect(wrong.statusCode).toBe(401);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        type: 'complaint',
        officeCode: 'TST',
        categoryCode: 'antrean',
        subject: 'Antrean paspor',
        description: 'Nomor antrean habis sebelum jam delapan pagi.',
        contact: { name: SECRET_VALUES.name, email: SECRET_VALUES.email, phone: SECRET_VALUES.phone },
      },
    });
    expect(created.statusCode).toBe(201);
    const { trackingCode, accessKey } = created.json();
    await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${trackingCode}?key=${accessKey}`,
      headers: { 'x-access-key': accessKey },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/passport-applications/status',
      payload: { applicationNumber: 'TST2611009999', birthDate: SECRET_VALUES.birthDate },
    });
    const visitor = new Visitor(app);
    const form = await visitor.get('/integrity');
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)![1]!;
    const sent = await visitor.post('/integrity', {
      challenge,
      pow: solveChallenge(challenge),
      category: 'pungli',
      description: `${SECRET_VALUES.description}, tanpa kuitansi.`,
      wants_contact: '1',
      contact: SECRET_VALUES.email,
    });
    expect(sent.statusCode).toBe(201);
    const receipt = /id="integrity-receipt">([\d ]+)</.exec(sent.body)![1]!;

    const log = lines.join('');
    // The requests were logged (this test would notice a silenced logger)…
    expect(log).toContain('"path":"/api/v1/cases"');
    expect(log).toContain('/api/v1/passport-applications/status');
    // …but none of what people typed, nor keys, receipts, cookies or query strings.
    for (const [what, value] of Object.entries(SECRET_VALUES)) expect(log, what).not.toContain(value);
    expect(log).not.toContain(accessKey);
    expect(log).not.toContain(receipt);
    expect(log).not.toContain(receipt.replace(/ /g, ''));
    for (const cookie of login.cookies) expect(log).not.toContain(cookie.value);
    expect(log).not.toContain('?key=');
    // The integrity channel leaves no request line at all: a log line would keep the precise time of a report.
    expect(log).not.toMatch(/"path":"\/integrity/);
  });
});
