import { afterEach, describe, expect, it } from 'vitest';
import { copyTemplate } from '../../src/test-support/database.js';
import { PROCESS_TEST_OPTIONS, type ServerProcess, startServer, tempDataDir } from './server-process.js';

const running: ServerProcess[] = [];
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGKILL');
});

const caseBody = JSON.stringify({
  type: 'complaint',
  officeCode: 'SBY',
  subject: 'Uji ketahanan',
  description: 'Kasus ini dibuat selama server dimatikan paksa.',
});

describe('crash safety', PROCESS_TEST_OPTIONS, () => {
  it('keeps every case whose 201 was received when the server is killed with SIGKILL mid-stream', async () => {
    const env = {
      LOKET_DATABASE_URL: await copyTemplate(),
      LOKET_DATA_DIR: tempDataDir(),
      LOKET_RATE_LIMITS: 'off',
      LOKET_LOG_LEVEL: 'warn',
    };
    const server = await startServer(env);
    running.push(server);

    const acknowledged: { trackingCode: string; accessKey: string }[] = [];
    let failures = 0;
    let killed = false;
    const killAfter = 150 + Math.floor(Math.random() * 150);
    // 16 clients create cases as fast as they can; the server is killed while requests are in flight.
    const client = async () => {
      for (;;) {
        try {
          const response = await fetch(`${server.url}/api/v1/cases`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: caseBody,
          });
          if (response.status === 201)
            acknowledged.push((await response.json()) as (typeof acknowledged)[number]);
          if (!killed && acknowledged.length >= killAfter) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        } catch {
          failures++;
          if (killed) return;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    const exit = await server.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(failures).toBeGreaterThan(0);

    const restarted = await startServer({ ...env, LOKET_DEMO: '1' });
    running.push(restarted);
    const missing: string[] = [];
    for (const { trackingCode, accessKey } of acknowledged) {
      const response = await fetch(`${restarted.url}/api/v1/cases/${trackingCode}`, {
        headers: { 'x-access-key': accessKey },
      });
      if (response.status !== 200) missing.push(`${trackingCode}: ${response.status}`);
    }
    expect(missing).toEqual([]);
  });
});
