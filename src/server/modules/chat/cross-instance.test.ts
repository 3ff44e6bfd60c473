import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../../../test-support/chat-client.js';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  sessionHeaders,
  type TestApp,
} from '../../../test-support/factories.js';
import { buildApp } from '../../app.js';
import { createLimiters } from '../../http/rate-limit.js';
import { invalidateCalendars, replaceWorkingHours } from '../calendar/storage.js';

/**
 * Two instances behind a load balancer (PostgreSQL): the visitor's socket is on one, the agent's reply goes
 * through the other, and LISTEN/NOTIFY carries it across. On SQLite there is one process, so this is skipped.
 */
describe.skipIf(ENGINE !== 'postgres')('chat across instances', () => {
  let t: TestApp;
  let second: FastifyInstance;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    second = await buildApp(
      {
        db: t.db,
        dialect: t.database.dialect,
        config: t.config,
        limiters: createLimiters(t.config.rateLimits),
      },
      { logger: false },
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(t.db, 'TST');
    await replaceWorkingHours(
      t.db,
      officeId,
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 0, closes: 1440 })),
    );
    invalidateCalendars(t.db);
  });

  afterAll(async () => {
    for (const client of clients) client.kill();
    await second.close();
  });

  it('delivers a reply made on one instance to a socket on the other', async () => {
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const client = await ChatClient.open(`ws://127.0.0.1:${address.port}/api/v1/chat/socket`);
    clients.push(client);
    client.send({ t: 'start', lang: 'id' });
    await client.waitFor((f) => f.t === 'ready');
    client.send({ t: 'agent' });
    const receipt = await client.waitFor((f) => f.t === 'receipt');
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId: await officeIdOf(t.db, 'TST') });
    const reply = await second.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${receipt.trackingCode}/messages`,
      headers: await sessionHeaders(t.db, agent, t.config),
      payload: { kind: 'public_reply', body: 'Dari instans kedua' },
    });
    expect(reply.statusCode).toBe(201);
    const message = await client.waitFor((f) => f.t === 'msg' && f.body === 'Dari instans kedua');
    expect(message.author).toBe('agent');
  });
});
