import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The portal's static files, read once at start, named by a hash of their content (so they can be cached
 * for a year) and compressed ahead of time. They live in src/portal/assets/ and are found from src and dist.
 */
export interface Asset {
  path: string;
  contentType: string;
  etag: string;
  body: Buffer;
  br: Buffer;
  gzip: Buffer;
}

const SOURCE = new URL('../../src/portal/assets/', import.meta.url);

function load(name: string, contentType: string): Asset {
  const body = readFileSync(new URL(name, SOURCE));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [base, extension] = name.split('.');
  return {
    path: `/assets/${base}.${hash}.${extension}`,
    contentType,
    etag: `"${hash}"`,
    body,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(body, { level: 9 }),
  };
}

/** The stylesheet, the small script every page loads, and islands loaded only by the pages that use them. */
export interface PortalAssets {
  css: Asset;
  js: Asset;
  /** Instant search and the assistant widget on the knowledge pages (knowledge.js). */
  knowledge: Asset;
  /** The chat widget (chat.js), loaded only when a visitor opens it. */
  chat: Asset;
}

/** Islands a page may ask for by name. */
export type Island = 'knowledge' | 'chat';

let loaded: PortalAssets | undefined;

export function portalAssets(): PortalAssets {
  loaded ??= {
    css: load('portal.css', 'text/css; charset=utf-8'),
    js: load('portal.js', 'text/javascript; charset=utf-8'),
    knowledge: load('knowledge.js', 'text/javascript; charset=utf-8'),
    chat: load('chat.js', 'text/javascript; charset=utf-8'),
  };
  return loaded;
}

/** Every asset the portal serves under /assets/. */
export function servedAssets(): Asset[] {
  const all = portalAssets();
  return [all.css, all.js, all.knowledge, all.chat];
}
