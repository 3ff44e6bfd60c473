import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../shared/enums.js';
import type { SafeHtml } from './html.js';

/**
 * The portal's Content-Security-Policy: nothing from anywhere else, no inline script, no plugins, no framing.
 * The only inline piece is the office colour, allowed by its hash. Islands may call the site's own API.
 */
export function contentSecurityPolicy(styleHash: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styleHash}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best compression the client accepts: brotli, then gzip. */
export function chooseEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** Compresses a response body when it is worth it and the client accepts it. */
export function compressed(
  reply: FastifyReply,
  request: FastifyRequest,
  body: Buffer,
  precompressed?: { br: Buffer; gzip: Buffer },
): Buffer {
  reply.header('vary', 'accept-encoding');
  if (body.length < 1024) return body;
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding === 'identity') return body;
  reply.header('content-encoding', encoding);
  if (precompressed) return precompressed[encoding];
  return encoding === 'br'
    ? brotliCompressSync(body, {
        // A page is a few kilobytes: a small window keeps the encoder's memory (and the garbage) small.
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_LGWIN]: 16,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 6 });
}

export interface PageOptions {
  status?: number;
  language: Language;
  styleHash: string;
  /** Pages that show a case, a key or a form token are never stored by browsers or proxies. */
  private?: boolean;
}

/** The portal's headers for a page. */
export function pageHeaders(reply: FastifyReply, options: Omit<PageOptions, 'status'>): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', options.language)
    .header('content-security-policy', contentSecurityPolicy(options.styleHash))
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=()')
    .header('cache-control', options.private === false ? 'no-cache' : 'no-store');
}

/** Sends a rendered page with the portal's security headers. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: SafeHtml, options: PageOptions) {
  const body = compressed(reply, request, Buffer.from(`<!doctype html>\n${page.value}`, 'utf8'));
  return pageHeaders(reply, options)
    .code(options.status ?? 200)
    .send(body);
}
