import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { batchResponseWrites } from './write-batching.js';

/** A server whose every step writes to `log`: the handler when it answers, a later onSend hook when it sends. */
async function loggingServer() {
  const log: string[] = [];
  const app = Fastify({ logger: false });
  batchResponseWrites(app);
  app.addHook('onSend', async (request, _reply, payload) => {
    log.push(`sent ${request.method} ${request.url}`);
    return payload;
  });
  app.get('/read/:n', (request) => {
    log.push(`handled GET ${request.url}`);
    return { n: (request.params as { n: string }).n };
  });
  app.post('/write', () => {
    log.push('handled POST /write');
    return { ok: true };
  });
  await app.ready();
  return { app, log };
}

describe('batchResponseWrites', () => {
  it('sends the answers to reads that arrive together after all of them are handled', async () => {
    const { app, log } = await loggingServer();
    const answers = await Promise.all([app.inject('/read/1'), app.inject('/read/2'), app.inject('/read/3')]);
    expect(answers.map((answer) => answer.json())).toEqual([{ n: '1' }, { n: '2' }, { n: '3' }]);
    expect(log).toEqual([
      'handled GET /read/1',
      'handled GET /read/2',
      'handled GET /read/3',
      'sent GET /read/1',
      'sent GET /read/2',
      'sent GET /read/3',
    ]);
    await app.close();
  });

  it('sends the answer to a write at once', async () => {
    const { app, log } = await loggingServer();
    const [write] = await Promise.all([app.inject({ method: 'POST', url: '/write' }), app.inject('/read/1')]);
    expect(write.json()).toEqual({ ok: true });
    expect(log.indexOf('sent POST /write')).toBe(log.indexOf('handled POST /write') + 1);
    await app.close();
  });

  it('answers a read that arrives alone, and the next one too', async () => {
    const { app } = await loggingServer();
    expect((await app.inject('/read/1')).json()).toEqual({ n: '1' });
    expect((await app.inject('/read/2')).json()).toEqual({ n: '2' });
    await app.close();
  });
});
