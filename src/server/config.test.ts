import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, redactUrl } from './config.js';

const CWD = path.resolve(tmpdir(), 'loket-config-cwd');
const LONG_SECRET = 's'.repeat(32);

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('parseConfig defaults', () => {
  const config = parseConfig({}, CWD);

  it('listens on 127.0.0.1:3000 and leaves the public URL unset (the listening address is used)', () => {
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBeUndefined();
  });

  it('uses an SQLite file under ./data, resolved against cwd to an absolute path', () => {
    expect(config.databaseUrl).toBe(`sqlite:${path.join(CWD, 'data', 'loket.db')}`);
    expect(path.isAbsolute(config.databaseUrl.slice('sqlite:'.length))).toBe(true);
    expect(config.dataDir).toBe(path.join(CWD, 'data'));
  });

  it('resolves a relative cwd and a relative sqlite path to absolute paths', () => {
    const relative = parseConfig({ LOKET_DATABASE_URL: 'sqlite:db/x.db', LOKET_DATA_DIR: 'store' }, 'rel');
    expect(relative.databaseUrl).toBe(`sqlite:${path.resolve('rel', 'db', 'x.db')}`);
    expect(path.isAbsolute(relative.dataDir)).toBe(true);
  });

  it('keeps sqlite::memory: as is', () => {
    expect(parseConfig({ LOKET_DATABASE_URL: 'sqlite::memory:' }, CWD).databaseUrl).toBe('sqlite::memory:');
  });

  it('enables demo mode, disables proxy trust and leaves secrets to loadConfig', () => {
    expect(config.demo).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.logLevel).toBe('info');
    expect(config.sqliteSynchronous).toBe('normal');
    expect(config.role).toBe('all');
    expect(config.secret).toBeUndefined();
  });

  it('turns rate limits on with the documented defaults', () => {
    expect(config.rateLimits).toEqual({
      enabled: true,
      requests: { limit: 3000, windowMs: 60_000 },
      caseCreation: { limit: 60, windowMs: 600_000 },
      lookupFailures: { limit: 30, windowMs: 600_000 },
      codeFailures: { limit: 10, windowMs: 3_600_000 },
      loginFailures: { limit: 30, windowMs: 900_000 },
      assistantQuestions: { limit: 30, windowMs: 60_000 },
    });
  });

  it('sets session timeouts and reads the first administrator', () => {
    expect(config.sessions).toEqual({ idleMs: 120 * 60_000, absoluteMs: 12 * 3_600_000 });
    const custom = parseConfig(
      {
        LOKET_SESSION_IDLE_MINUTES: '30',
        LOKET_SESSION_MAX_HOURS: '8',
        LOKET_ADMIN_EMAIL: 'Admin@Example.go.id',
      },
      CWD,
    );
    expect(custom.sessions).toEqual({ idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 });
    expect(custom.adminEmail).toBe('admin@example.go.id');
    expect(() => parseConfig({ LOKET_ADMIN_EMAIL: 'nobody' }, CWD)).toThrow(/LOKET_ADMIN_EMAIL/);
    expect(() => parseConfig({ LOKET_SESSION_IDLE_MINUTES: '1' }, CWD)).toThrow(/LOKET_SESSION_IDLE_MINUTES/);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ PORT: '', HOST: '', LOKET_DEMO: '', LOKET_DATABASE_URL: '' }, CWD)).toEqual(config);
  });
});

describe('parseConfig with values', () => {
  it('reads PORT and HOST', () => {
    const config = parseConfig({ PORT: '8080', HOST: '::1' }, CWD);
    expect(config.port).toBe(8080);
    expect(config.host).toBe('::1');
    expect(parseConfig({ PORT: '0' }, CWD).port).toBe(0);
    expect(parseConfig({ PORT: '65535' }, CWD).port).toBe(65535);
  });

  it('takes LOKET_PUBLIC_URL without trailing slashes', () => {
    expect(parseConfig({ LOKET_PUBLIC_URL: 'https://loket.example.go.id//' }, CWD).publicUrl).toBe(
      'https://loket.example.go.id',
    );
  });

  it.each([
    'postgres://loket:pw@db.internal:5432/loket',
    'postgresql://loket@localhost/loket?sslmode=disable',
  ])('accepts the PostgreSQL URL %s unchanged', (url) => {
    expect(parseConfig({ LOKET_DATABASE_URL: url }, CWD).databaseUrl).toBe(url);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['YES', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['No', false],
    ['off', false],
  ])('reads LOKET_DEMO=%s as %s', (raw, expected) => {
    expect(parseConfig({ LOKET_DEMO: raw }, CWD).demo).toBe(expected);
  });

  it('turns rate limits off', () => {
    expect(parseConfig({ LOKET_RATE_LIMITS: 'off' }, CWD).rateLimits.enabled).toBe(false);
  });

  it.each([
    ['60/10m', { limit: 60, windowMs: 600_000 }],
    ['5/s', { limit: 5, windowMs: 1000 }],
    ['5/1s', { limit: 5, windowMs: 1000 }],
    ['100/m', { limit: 100, windowMs: 60_000 }],
    ['3/2h', { limit: 3, windowMs: 7_200_000 }],
  ])('parses the rule %s', (raw, expected) => {
    expect(parseConfig({ LOKET_RATE_LIMIT_CASE_CREATION: raw }, CWD).rateLimits.caseCreation).toEqual(
      expected,
    );
  });

  it('accepts secrets of 32 characters', () => {
    const config = parseConfig({ LOKET_SECRET: LONG_SECRET }, CWD);
    expect(config.secret).toBe(LONG_SECRET);
  });
});

describe('parseConfig rejects bad values, naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['LOKET_DATABASE_URL', 'mysql://x'],
    ['LOKET_DATABASE_URL', 'sqlite:'],
    ['LOKET_DATABASE_URL', 'postgres://[bad'],
    ['LOKET_DATABASE_URL', 'postgres://db:99999/loket'],
    ['LOKET_DEMO', 'maybe'],
    ['LOKET_TRUST_PROXY', '2'],
    ['LOKET_SECRET', 's'.repeat(31)],
    ['LOKET_PUBLIC_URL', 'ftp://x'],
    ['LOKET_PUBLIC_URL', 'not a url'],
    ['LOKET_LOG_LEVEL', 'verbose'],
    ['LOKET_SQLITE_SYNCHRONOUS', 'off'],
    ['LOKET_ROLE', 'both'],
    ['LOKET_RATE_LIMIT_CASE_CREATION', 'abc'],
    ['LOKET_RATE_LIMIT_CASE_CREATION', '0/1m'],
    ['LOKET_RATE_LIMIT_REQUESTS', '10/5d'],
    ['LOKET_RATE_LIMIT_LOOKUP_FAILURES', '10/5'],
    ['LOKET_RATE_LIMIT_CODE_FAILURES', '/1h'],
    ['LOKET_RATE_LIMITS', 'sometimes'],
  ])('%s=%s', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.name).toBe('ConfigError');
  });

  it('does not print the password of a rejected database URL', () => {
    const error = configError({ LOKET_DATABASE_URL: 'mysql://root:hunter2@db/loket' });
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('mysql://root:***@db/loket');
  });

  it('rejects a zero-length window such as 5/0m', () => {
    const error = configError({ LOKET_RATE_LIMIT_REQUESTS: '5/0m' });
    expect(error.variable).toBe('LOKET_RATE_LIMIT_REQUESTS');
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps everything else', () => {
    expect(redactUrl('postgres://loket:s3cret@db:5432/loket')).toBe('postgres://loket:***@db:5432/loket');
    expect(redactUrl('postgresql://u:p%40ss@h/d?sslmode=require')).toBe(
      'postgresql://u:***@h/d?sslmode=require',
    );
  });

  it('leaves URLs without a password alone', () => {
    expect(redactUrl('postgres://loket@db/loket')).toBe('postgres://loket@db/loket');
    expect(redactUrl('postgres://db:5432/loket')).toBe('postgres://db:5432/loket');
    expect(redactUrl('sqlite:/var/lib/loket/loket.db')).toBe('sqlite:/var/lib/loket/loket.db');
  });

  it('hides the password when the user name is empty', () => {
    expect(redactUrl('postgres://:s3cret@db/loket')).not.toContain('s3cret');
  });

  it('hides a password that contains an unencoded @', () => {
    expect(redactUrl('postgres://u:p@ss@db/x')).toBe('postgres://u:***@db/x');
  });
});

describe('loadConfig', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tempDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-config-'));
    dirs.push(dir);
    return dir;
  }

  it('generates the secret once, in a file with mode 0600', () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'nested', 'data');
    const first = loadConfig({ LOKET_DATA_DIR: dataDir }, dir);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ LOKET_DATA_DIR: dataDir }, dir);
    expect(second.secret).toBe(first.secret);
  });

  it('uses ./data under cwd by default', () => {
    const dir = tempDir();
    const config = loadConfig({}, dir);
    expect(config.dataDir).toBe(path.join(dir, 'data'));
    expect(readFileSync(path.join(dir, 'data', 'secret'), 'utf8').trim()).toBe(config.secret);
  });

  it('generates different secrets for different data directories', () => {
    const a = loadConfig({}, tempDir());
    const b = loadConfig({}, tempDir());
    expect(a.secret).not.toBe(b.secret);
  });

  it('writes no file when LOKET_SECRET is given', () => {
    const dir = tempDir();
    const config = loadConfig({ LOKET_SECRET: LONG_SECRET }, dir);
    expect(config.secret).toBe(LONG_SECRET);
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
