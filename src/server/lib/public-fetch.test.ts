import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotPublicError } from './public-address.js';
import { publicFetch } from './public-fetch.js';

/**
 * The guarded fetch against a receiver on this machine: refused by default (it is loopback), and — with a policy
 * that counts loopback as public — the same guarded transport delivers, so the refusals below are the guard's.
 */
let server: Server;
let port: number;
const received: { method: string; url: string; type: string; body: string }[] = [];
const LOOPBACK_COUNTS = {
  allowPrivate: false,
  allowAddress: (a: string) => a === '127.0.0.1' || a === '::1',
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    received.push({
      method: request.method!,
      url: request.url!,
      type: request.headers['content-type'] ?? '',
      body: await bodyOf(request),
    });
    if (request.url === '/to-metadata') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      return;
    }
    if (request.url === '/moved') {
      response.writeHead(307, { location: '/hook' }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('publicFetch', () => {
  it('refuses loopback by address and by name without connecting', async () => {
    received.length = 0;
    const post = { method: 'POST', body: '{}' };
    await expect(publicFetch(`http://127.0.0.1:${port}/hook`, post, { allowPrivate: false })).rejects.toThrow(
      NotPublicError,
    );
    await expect(publicFetch(`http://localhost:${port}/hook`, post, { allowPrivate: false })).rejects.toThrow(
      /not a public address/,
    );
    expect(received).toEqual([]);
  });

  it('delivers through the checked look-up when the address is allowed, bodies and all', async () => {
    received.length = 0;
    const json = await publicFetch(
      `http://localhost:${port}/hook`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      LOOPBACK_COUNTS,
    );
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ ok: true });
    const form = new FormData();
    form.set('file', new Blob([Buffer.from('isi')], { type: 'text/plain' }), 'a.txt');
    await (
      await publicFetch(`http://127.0.0.1:${port}/upload`, { method: 'POST', body: form }, LOOPBACK_COUNTS)
    ).body?.cancel();
    expect(received[0]).toMatchObject({ method: 'POST', url: '/hook', body: '{"a":1}' });
    expect(received[1]!.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(received[1]!.body).toContain('isi');
  });

  it('follows a redirect only to an allowed address, keeping the body on 307', async () => {
    received.length = 0;
    const moved = await publicFetch(
      `http://127.0.0.1:${port}/moved`,
      { method: 'POST', body: 'tetap' },
      LOOPBACK_COUNTS,
    );
    expect(moved.status).toBe(200);
    expect(received.map((r) => [r.url, r.body])).toEqual([
      ['/moved', 'tetap'],
      ['/hook', 'tetap'],
    ]);
    await expect(publicFetch(`http://127.0.0.1:${port}/to-metadata`, {}, LOOPBACK_COUNTS)).rejects.toThrow(
      NotPublicError,
    );
    const manual = await publicFetch(
      `http://127.0.0.1:${port}/to-metadata`,
      { redirect: 'manual' },
      LOOPBACK_COUNTS,
    );
    expect(manual.status).toBe(302);
  });
});
