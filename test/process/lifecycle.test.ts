import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyTemplate } from '../../src/test-support/database.js';
import { ENGINE } from '../../src/test-support/engine.js';
import {
  collect,
  PROCESS_TEST_OPTIONS,
  runEntry,
  type ServerProcess,
  startServer,
  tempDataDir,
} from './server-process.js';

type CaseList = { items: { status: string }[] };
type Created = { trackingCode: string; accessKey: string };

const running: ServerProcess[] = [];
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGKILL');
});

async function freshEnv() {
  return { LOKET_DATABASE_URL: await copyTemplate(), LOKET_DATA_DIR: tempDataDir() };
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

function logLines(output: string): { msg?: string; [key: string]: unknown }[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe('server lifecycle', PROCESS_TEST_OPTIONS, () => {
  it('starts with demo data, tells where to go, and a second start changes nothing', async () => {
    // On SQLite start from nothing at all: no directory, no file; PostgreSQL starts from a migrated template.
    const dataDir = tempDataDir();
    const env =
      ENGINE === 'sqlite'
        ? { LOKET_DATABASE_URL: `sqlite:${path.join(dataDir, 'new', 'loket.db')}`, LOKET_DATA_DIR: dataDir }
        : await freshEnv();
    const first = await startServer(env);
    running.push(first);
    expect(first.output()).toContain(`Loket is running at ${first.url}`);
    expect(first.output()).toContain('/api/docs');
    const messages = logLines(first.output()).map((l) => l.msg);
    expect(messages).toContain('demo data added');
    if (ENGINE === 'sqlite') expect(messages).toContain('database migrated');

    const offices = (await (await fetch(`${first.url}/api/v1/offices/SBY`)).json()) as {
      name: { id: string };
    };
    expect(offices.name.id).toBe('Kantor Imigrasi Kelas I Khusus TPI Surabaya');
    // The banner shows the first administrator's one-time password; the demo staff are in a file.
    expect(first.output()).toMatch(/First administrator: admin@loket\.local\n\s+One-time password:\s+\S{23}/);
    const [, staffLine] = readFileSync(path.join(env.LOKET_DATA_DIR, 'demo-staff.txt'), 'utf8').split('\n');
    const [email, password] = staffLine!.split('\t');
    const cookie = await signIn(first.url, email!, password!);
    const list = (await (
      await fetch(`${first.url}/api/v1/staff/cases?limit=100`, { headers: { cookie } })
    ).json()) as CaseList;
    expect(list.items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(list.items.map((c: { status: string }) => c.status))).toEqual(
      new Set(['received', 'in_progress', 'waiting_on_citizen', 'resolved', 'closed', 'rejected']),
    );
    // The demo keys file opens the demo cases as their citizens would.
    const [, keyLine] = readFileSync(path.join(env.LOKET_DATA_DIR, 'demo-access-keys.txt'), 'utf8').split(
      '\n',
    );
    const [code, key] = keyLine!.split('\t');
    expect(
      (await fetch(`${first.url}/api/v1/cases/${code}`, { headers: { 'x-access-key': key! } })).status,
    ).toBe(200);

    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = await startServer(env);
    running.push(second);
    const secondMessages = logLines(second.output()).map((l) => l.msg);
    expect(secondMessages).not.toContain('database migrated');
    expect(secondMessages).not.toContain('demo data added');
    expect(second.output()).not.toContain('One-time password');
    // Sessions live in the database: the cookie from before the restart still works.
    const again = (await (
      await fetch(`${second.url}/api/v1/staff/cases?limit=100`, { headers: { cookie } })
    ).json()) as CaseList;
    expect(again.items.length).toBe(list.items.length);
  });

  it('finishes requests in flight on SIGTERM, then exits cleanly', async () => {
    const env = { ...(await freshEnv()), LOKET_RATE_LIMITS: 'off' };
    const server = await startServer(env);
    running.push(server);
    const body = JSON.stringify({
      type: 'opinion',
      officeCode: 'SBY',
      subject: 'Saran',
      description: 'Tambah kursi.',
    });
    const requests = Array.from({ length: 40 }, () =>
      fetch(`${server.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
        .then(async (r) => ({
          status: r.status,
          json: r.status === 201 ? ((await r.json()) as Created) : undefined,
        }))
        .catch(() => ({ status: 0, json: undefined })),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGTERM');
    const results = await Promise.all(requests);
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    const messages = logLines(server.output()).map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['stopping: finishing requests in flight', 'stopped']));
    // Every request either completed or was never accepted; none got a server error.
    expect(results.every((r) => r.status === 201 || r.status === 0 || r.status === 503)).toBe(true);

    const restarted = await startServer(env);
    running.push(restarted);
    for (const created of results.filter((r) => r.status === 201)) {
      const response = await fetch(`${restarted.url}/api/v1/cases/${created.json!.trackingCode}`, {
        headers: { 'x-access-key': created.json!.accessKey },
      });
      expect(response.status).toBe(200);
    }
  });

  it.each([
    ['PORT', 'abc'],
    ['LOKET_DATABASE_URL', 'mysql://localhost/loket'],
    ['LOKET_DEMO', 'maybe'],
    ['LOKET_RATE_LIMIT_CASE_CREATION', 'lots'],
  ])('refuses to start with a bad %s and names it', async (variable, value) => {
    const result = await collect(
      runEntry('src/server/main.ts', [], { ...(await freshEnv()), [variable]: value }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(variable);
  });

  it('never logs personal data, access keys or tokens', async () => {
    const env = await freshEnv();
    const server = await startServer(env);
    running.push(server);
    const created = (await (
      await fetch(`${server.url}/api/v1/cases?utm=x`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'complaint',
          officeCode: 'SBY',
          subject: 'Petugas kasar',
          description: 'Uraian',
          contact: { name: 'Rahasia Orang', email: 'rahasia@example.com', phone: '+62 812-0000-9999' },
        }),
      })
    ).json()) as Created;
    await fetch(`${server.url}/api/v1/cases/${created.trackingCode}`, {
      headers: { 'x-access-key': created.accessKey },
    });
    await fetch(`${server.url}/api/v1/staff/cases`, { headers: { cookie: 'loket_session=not-the-token' } });
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@loket.local', password: 'not-the-password' }),
    });
    server.child.kill('SIGTERM');
    await server.exited;
    const output = server.output();
    expect(output).toContain('request completed');
    for (const secret of [
      'Rahasia Orang',
      'rahasia@example.com',
      '0000-9999',
      created.accessKey,
      'not-the-token',
      'not-the-password',
      'utm=x',
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('loket CLI', PROCESS_TEST_OPTIONS, () => {
  it('migrates idempotently, shows a case, and refuses demo data on a used database', async () => {
    const env = await freshEnv();
    const migrate = await collect(runEntry('src/cli/main.ts', ['migrate'], env));
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('Already up to date.');

    const seed = await collect(runEntry('src/cli/main.ts', ['seed', '--demo'], env));
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/Added the demo office and \d+ cases/);
    const again = await collect(runEntry('src/cli/main.ts', ['seed', '--demo'], env));
    expect(again.code).toBe(1);

    const [, line] = readFileSync(path.join(env.LOKET_DATA_DIR, 'demo-access-keys.txt'), 'utf8').split('\n');
    const code = line!.split('\t')[0]!;
    const show = await collect(runEntry('src/cli/main.ts', ['case', 'show', code.toLowerCase()], env));
    expect(show.code).toBe(0);
    const shown = JSON.parse(show.stdout);
    expect(shown.trackingCode).toBe(code);
    expect(shown.events[0].type).toBe('case.created');
    expect(show.stdout).not.toContain('accessKeyHash');

    expect((await collect(runEntry('src/cli/main.ts', ['case', 'show', 'nonsense'], env))).code).toBe(1);
    expect((await collect(runEntry('src/cli/main.ts', ['frobnicate'], env))).code).toBe(64);
  });
});

describe('loket user commands', PROCESS_TEST_OPTIONS, () => {
  it('creates, resets and disables staff accounts', async () => {
    const env = { ...(await freshEnv()), LOKET_DEMO: '0' };
    await collect(runEntry('src/cli/main.ts', ['migrate'], env));
    const noOffice = await collect(
      runEntry(
        'src/cli/main.ts',
        ['user', 'create', '--email', 'a@example.go.id', '--name', 'A', '--role', 'agent', '--office', 'SBY'],
        env,
      ),
    );
    expect(noOffice.code).toBe(1);
    const created = await collect(
      runEntry(
        'src/cli/main.ts',
        [
          'user',
          'create',
          '--email',
          'Sari@Example.go.id',
          '--name',
          'Sari',
          '--role',
          'auditor',
          '--role',
          'admin',
        ],
        env,
      ),
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created sari@example.go.id (admin, auditor, all offices)');
    expect(created.stdout).toMatch(/Password \(shown only now\): \S{23}/);
    expect(created.stdout).toContain('two-step verification');
    const duplicate = await collect(
      runEntry(
        'src/cli/main.ts',
        ['user', 'create', '--email', 'sari@example.go.id', '--name', 'S', '--role', 'agent'],
        env,
      ),
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('email_taken');
    const badRole = await collect(
      runEntry(
        'src/cli/main.ts',
        ['user', 'create', '--email', 'b@example.go.id', '--name', 'B', '--role', 'king'],
        env,
      ),
    );
    expect(badRole.code).toBe(64);
    for (const action of ['reset-password', 'reset-2fa', 'disable', 'enable']) {
      const result = await collect(
        runEntry('src/cli/main.ts', ['user', action, '--email', 'sari@example.go.id'], env),
      );
      expect(result.code, action).toBe(0);
    }
    const missing = await collect(
      runEntry('src/cli/main.ts', ['user', 'disable', '--email', 'nobody@example.go.id'], env),
    );
    expect(missing.code).toBe(1);
  });
});
