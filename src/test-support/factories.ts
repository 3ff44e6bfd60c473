import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../server/app.js';
import { type Config, parseConfig } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { type Actor, CITIZEN_ACTOR, SYSTEM_ACTOR } from '../server/events/catalogue.js';
import { createLimiters } from '../server/http/rate-limit.js';
import { SESSION_COOKIE } from '../server/http/staff-auth.js';
import { createUser } from '../server/modules/accounts/create-user.js';
import type { StaffUser } from '../server/modules/accounts/model.js';
import type { Role } from '../server/modules/accounts/roles.js';
import { createSession } from '../server/modules/accounts/sessions.js';
import { replaceTeams } from '../server/modules/accounts/storage.js';
import { type CreatedCase, createCase, type NewCase } from '../server/modules/cases/create-case.js';
import { createOffice, type NewOffice } from '../server/modules/offices/create-office.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const STAFF_PASSWORD = 'kuda-laut-berenang-di-teluk-7';
export const STAFF: Actor = { type: 'staff', id: null, name: 'Rina (Petugas Informasi)' };

export function buildConfig(overrides: Partial<Config> = {}): Config {
  const parsed = parseConfig({ LOKET_DATABASE_URL: 'sqlite::memory:' });
  // Tests deliver webhooks and platform calls to receivers on this machine; the guard's own tests turn it off.
  return { ...parsed, secret: TEST_SECRET, demo: false, outboundAllowPrivate: true, ...overrides };
}

export function buildOfficeInput(overrides: Partial<NewOffice> = {}): NewOffice {
  return {
    code: 'TST',
    nameId: 'Kantor Imigrasi Uji',
    nameEn: 'Test Immigration Office',
    timeZone: 'Asia/Jakarta',
    contactIsExample: true,
    services: [
      {
        code: 'paspor',
        nameId: 'Paspor',
        nameEn: 'Passport',
        categories: [
          { code: 'antrean', nameId: 'Antrean', nameEn: 'Queue' },
          { code: 'biaya', nameId: 'Biaya', nameEn: 'Fees' },
        ],
      },
      {
        code: 'izin-tinggal',
        nameId: 'Izin Tinggal',
        nameEn: 'Stay permit',
        categories: [{ code: 'perpanjangan', nameId: 'Perpanjangan', nameEn: 'Extension' }],
      },
    ],
    ...overrides,
  };
}

export async function buildOffice(db: Db, overrides: Partial<NewOffice> = {}): Promise<string> {
  return createOffice(db, CITIZEN_ACTOR, buildOfficeInput(overrides));
}

export function buildCaseInput(overrides: Partial<NewCase> = {}): NewCase {
  return {
    type: 'complaint',
    officeCode: 'TST',
    subject: 'Antrean terlalu lama',
    description: 'Saya menunggu lebih dari tiga jam di loket paspor.',
    categoryCode: 'antrean',
    channel: 'web',
    language: 'id',
    contact: { name: 'Siti Aminah', email: 'siti@example.com', phone: '+62 812-0000-0001' },
    ...overrides,
  };
}

export async function buildCase(db: Db, overrides: Partial<NewCase> = {}, now?: Date): Promise<CreatedCase> {
  return createCase(db, CITIZEN_ACTOR, buildCaseInput(overrides), { secret: TEST_SECRET, now });
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  db: Db;
  config: Config;
}

/** The whole HTTP application on a fresh database with one office (TST). */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await buildOffice(database.db);
  const config = buildConfig(overrides);
  const app = await buildApp(
    { db: database.db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
    { logger: false },
  );
  afterAll(() => app.close());
  return { app, database, db: database.db, config };
}

let staffCounter = 0;

/** A staff account with the given roles in an office (by id; null = national). Password: STAFF_PASSWORD. */
export async function buildStaff(
  db: Db,
  options: { roles: Role[]; officeId: string | null; displayName?: string; teamIds?: string[] },
): Promise<StaffUser> {
  staffCounter++;
  const { user } = await createUser(db, SYSTEM_ACTOR, {
    email: `staff${staffCounter}-${Date.now()}@example.go.id`,
    displayName: options.displayName ?? `Petugas ${staffCounter}`,
    roles: options.roles,
    officeId: options.officeId,
    password: STAFF_PASSWORD,
  });
  if (options.teamIds?.length) {
    await replaceTeams(db, user.id, options.teamIds);
    return { ...user, teamIds: [...options.teamIds].sort() };
  }
  return user;
}

export interface StaffHeaders extends Record<string, string> {
  cookie: string;
  'x-csrf-token': string;
}

/** Headers of a signed-in session for the user, made directly (no password hashing, no second factor). */
export async function sessionHeaders(
  db: Db,
  user: StaffUser,
  config: Config = buildConfig(),
): Promise<StaffHeaders> {
  const { token, session } = await createSession(db, user.id, {
    twoFactorPending: false,
    settings: config.sessions,
    now: new Date(),
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': session.csrfToken };
}

/** The id of an office by code. */
export async function officeIdOf(db: Db, code: string): Promise<string> {
  const row = await db.selectFrom('offices').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** Signed-in headers for a new staff member of office TST with the given roles. */
export async function staffOf(t: TestApp, ...roles: Role[]): Promise<StaffHeaders> {
  const user = await buildStaff(t.db, { roles, officeId: await officeIdOf(t.db, 'TST') });
  return sessionHeaders(t.db, user, t.config);
}
