import { generateSync } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  STAFF_PASSWORD,
  type TestApp,
} from '../../../test-support/factories.js';
import type { StaffUser } from './model.js';
import { updateUser } from './update-user.js';

let t: TestApp;
let officeId: string;

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
});

interface Browser {
  cookie: string;
  csrf: string;
}

async function login(email: string, password = STAFF_PASSWORD, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
}

async function signedIn(user: StaffUser): Promise<Browser> {
  const response = await login(user.email);
  expect(response.statusCode).toBe(200);
  return { cookie: cookieOf(response), csrf: response.json().csrfToken };
}

function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : String(header);
  return first.split(';')[0]!;
}

function call(browser: Browser, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf },
    payload,
  });
}

async function events(type: string) {
  return t.db.selectFrom('events').selectAll().where('type', '=', type).execute();
}

describe('password sign-in', () => {
  it('signs an agent in with a server-side session cookie', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const response = await login(agent.email.toUpperCase());
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^loket_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const body = response.json();
    expect(body).toMatchObject({
      state: 'signed_in',
      user: { email: agent.email, roles: ['agent'], officeCode: 'TST', twoFactorEnabled: false },
      twoFactorRequiredByRole: false,
    });
    expect(JSON.stringify(body)).not.toMatch(/password|totp/i);
    const session = await call(
      { cookie: cookieOf(response), csrf: body.csrfToken },
      'GET',
      '/api/v1/auth/session',
    );
    expect(session.json().user.id).toBe(agent.id);
    expect((await events('auth.signed_in')).some((e) => e.actor_id === agent.id)).toBe(true);
    // The database keeps a hash of the token, never the token.
    const token = cookieOf(response).split('=')[1]!;
    expect(
      await t.db.selectFrom('sessions').select('id').where('id', '=', token).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const secure = await createTestApp({ trustProxy: true });
    const agent = await buildStaff(secure.db, {
      roles: ['agent'],
      officeId: await officeIdOf(secure.db, 'TST'),
    });
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: STAFF_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  it('answers a wrong password and an unknown account alike, and records both', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const wrong = await login(agent.email, 'salah-salah-salah-1');
    const unknown = await login('nobody@example.go.id', 'salah-salah-salah-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('invalid_credentials');
    const failures = await events('auth.sign_in_failed');
    expect(failures.some((e) => e.actor_id === agent.id)).toBe(true);
    expect(JSON.stringify(failures)).not.toContain('nobody@example.go.id');
  });

  it('locks an account after repeated failures, with a clear message', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    for (let i = 0; i < 5; i++)
      expect((await login(agent.email, 'salah-salah-salah-1')).statusCode).toBe(401);
    // The fifth failure locks the account: even the right password waits now.
    const locked = await login(agent.email, STAFF_PASSWORD, { 'accept-language': 'en' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    expect(locked.json().title).toMatch(/Too many failed sign-in attempts\. Try again in \d+ seconds\./);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles failed sign-ins per client address across accounts', async () => {
    const throttled = await createTestApp({
      rateLimits: { ...t.config.rateLimits, enabled: true, loginFailures: { limit: 3, windowMs: 60_000 } },
    });
    const attempt = (email: string) =>
      throttled.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'x' },
        remoteAddress: '10.1.1.1',
      });
    for (let i = 0; i < 3; i++) expect((await attempt(`u${i}@example.go.id`)).statusCode).toBe(401);
    const blocked = await attempt('u9@example.go.id');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
  });

  it('refuses disabled accounts', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const browser = await signedIn(agent);
    await updateUser(t.db, { type: 'system', id: null, name: null }, agent.id, { disabled: true });
    expect((await call(browser, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(agent.email)).statusCode).toBe(401);
  });

  it('ends sessions that were idle too long or are past their absolute lifetime', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const idle = await signedIn(agent);
    const old = new Date(Date.now() - t.config.sessions.idleMs - 1000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', agent.id).execute();
    expect((await call(idle, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);

    const expired = await signedIn(agent);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', agent.id)
      .execute();
    expect((await call(expired, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('sign-out and passwords', () => {
  it('signs out here, or everywhere', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const laptop = await signedIn(agent);
    const phone = await signedIn(agent);
    const out = await call(laptop, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('loket_session=;');
    expect((await call(laptop, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(phone, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);

    const tablet = await signedIn(agent);
    const everywhere = await call(phone, 'POST', '/api/v1/auth/logout-everywhere');
    expect(everywhere.json()).toEqual({ sessionsEnded: 2 });
    expect((await call(tablet, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await events('auth.signed_out')).filter((e) => e.actor_id === agent.id)).toHaveLength(2);
  });

  it('changes a password under the NIST rules and ends the other sessions', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId, displayName: 'Wulandari Kusuma' });
    const here = await signedIn(agent);
    const elsewhere = await signedIn(agent);
    const attempts: [string, string][] = [
      ['pendek', 'password.too_short'],
      ['password12345!', 'password.common'],
      ['qwertyuiop123', 'password.common'],
      ['imigrasi2026!!', 'password.common'],
      ['wulandari-kusuma', 'password.personal'],
      ['aaaaaaaaaaaaaaa', 'password.repetitive'],
    ];
    for (const [newPassword, code] of attempts) {
      const response = await call(here, 'POST', '/api/v1/auth/password', {
        currentPassword: STAFF_PASSWORD,
        newPassword,
      });
      expect(response.statusCode, newPassword).toBe(422);
      expect(response.json()).toMatchObject({ code: 'weak_password', field: 'password' });
      expect(response.json().errors[0].code).toBe(code);
    }
    const wrongCurrent = await call(here, 'POST', '/api/v1/auth/password', {
      currentPassword: 'tebakan-salah-sekali',
      newPassword: 'jembatan merah di kali mas',
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const changed = await call(here, 'POST', '/api/v1/auth/password', {
      currentPassword: STAFF_PASSWORD,
      newPassword: 'jembatan merah di kali mas',
    });
    expect(changed.statusCode).toBe(204);
    expect((await call(here, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await call(elsewhere, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(agent.email)).statusCode).toBe(401);
    expect((await login(agent.email, 'jembatan merah di kali mas')).statusCode).toBe(200);
  });

  it('ends sessions when roles change, so removed rights do not linger', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent', 'supervisor'], officeId });
    const browser = await signedIn(agent);
    await updateUser(t.db, { type: 'system', id: null, name: null }, agent.id, { roles: ['agent'] });
    expect((await call(browser, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const changes = (await events('user.updated')).map((e) =>
      typeof e.payload === 'string' ? e.payload : JSON.stringify(e.payload),
    );
    expect(changes.some((p) => p.includes('"roles"'))).toBe(true);
  });
});

describe('two-step verification', () => {
  async function enrol(browser: Browser) {
    const setup = await call(browser, 'POST', '/api/v1/auth/2fa/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri, qrSvg } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Loket:/);
    expect(qrSvg).toContain('<svg');
    const confirmed = await call(browser, 'POST', '/api/v1/auth/2fa/confirm', {
      code: generateSync({ secret }),
    });
    expect(confirmed.statusCode).toBe(200);
    return {
      secret,
      recoveryCodes: confirmed.json().recoveryCodes as string[],
      session: confirmed.json().session,
    };
  }

  it('makes an administrator enrol before anything else, then asks for a code at every sign-in', async () => {
    const admin = await buildStaff(t.db, { roles: ['admin'], officeId: null });
    const first = await signedIn(admin);
    const state = await call(first, 'GET', '/api/v1/auth/session');
    expect(state.json()).toMatchObject({ state: 'two_factor_setup_required', twoFactorRequiredByRole: true });
    const blocked = await call(first, 'GET', '/api/v1/staff/cases');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('two_factor_setup_required');

    const wrong = await call(first, 'POST', '/api/v1/auth/2fa/setup');
    const badConfirm = await call(first, 'POST', '/api/v1/auth/2fa/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(200);
    expect(badConfirm.statusCode).toBe(401);

    const { secret, recoveryCodes, session } = await enrol(first);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(session).toMatchObject({ state: 'signed_in', user: { twoFactorEnabled: true } });
    expect((await events('user.two_factor_enabled')).some((e) => e.actor_id === admin.id)).toBe(true);

    const second = await signedIn(admin);
    expect((await call(second, 'GET', '/api/v1/auth/session')).json().state).toBe('two_factor_required');
    expect((await call(second, 'GET', '/api/v1/staff/cases')).json().code).toBe('two_factor_required');
    // The code just used for enrolment cannot be replayed.
    const replay = await call(second, 'POST', '/api/v1/auth/2fa/verify', { code: generateSync({ secret }) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_code');
    const recovered = await call(second, 'POST', '/api/v1/auth/2fa/verify', {
      code: recoveryCodes[0]!.toLowerCase(),
    });
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json().state).toBe('signed_in');

    const third = await signedIn(admin);
    const reused = await call(third, 'POST', '/api/v1/auth/2fa/verify', { code: recoveryCodes[0]! });
    expect(reused.statusCode).toBe(401);
    const disable = await call(
      recovered.json().csrfToken ? { cookie: second.cookie, csrf: recovered.json().csrfToken } : second,
      'POST',
      '/api/v1/auth/2fa/disable',
    );
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe('two_factor_mandatory');
  });

  it('offers two-step verification to everyone and lets optional users turn it off', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const browser = await signedIn(agent);
    const { recoveryCodes } = await enrol(browser);
    const next = await signedIn(agent);
    expect((await call(next, 'GET', '/api/v1/auth/session')).json().state).toBe('two_factor_required');
    expect(
      (await call(next, 'POST', '/api/v1/auth/2fa/verify', { code: recoveryCodes[3]! })).statusCode,
    ).toBe(200);
    expect((await call(next, 'POST', '/api/v1/auth/2fa/disable')).statusCode).toBe(204);
    expect((await signedIn(agent)) && (await login(agent.email)).json().state).toBe('signed_in');
  });

  it('stores the TOTP secret encrypted', async () => {
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const browser = await signedIn(agent);
    const { secret } = await enrol(browser);
    const row = await t.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', agent.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_secret).toMatch(/^v1\./);
  });
});
