import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `vite build` puts the console: dist/console, from src/server/http or dist/server/http alike. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../dist/console', import.meta.url));

/**
 * The console may load only its own scripts, styles and API; images may also be data: URIs (the 2FA QR code).
 * No inline script or style is needed: Vite's build emits files only.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The staff console (a single-page app): hashed assets under /console/assets with immutable caching, and
 * index.html for /console and every client route below it. Without a build, /console explains how to make one.
 */
export async function consoleStatic(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? CONSOLE_DIST;
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/console/assets/',
    wildcard: true,
    index: false,
    cacheControl: false,
    // @fastify/static 10 passes the Fastify reply here (not the raw response).
    setHeaders: (reply: unknown) => {
      (reply as FastifyReply).header('cache-control', 'public, max-age=31536000, immutable');
    },
  });

  let cached: { mtimeMs: number; html: string } | undefined;
  async function indexHtml(): Promise<string | undefined> {
    const file = path.join(root, 'index.html');
    try {
      const { mtimeMs } = await stat(file);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: await readFile(file, 'utf8') };
      return cached.html;
    } catch {
      return undefined;
    }
  }

  async function sendIndex(reply: FastifyReply) {
    const html = await indexHtml();
    if (html === undefined) {
      return reply
        .code(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          'The staff console is not built yet. Run `npm run build` (or `npm start`, which builds first).\n',
        );
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-frame-options', 'DENY')
      .send(html);
  }

  const schema = { hide: true };
  app.get('/console', { schema }, (_request, reply) => sendIndex(reply));
  app.get('/console/*', { schema }, (_request, reply) => sendIndex(reply));
}
