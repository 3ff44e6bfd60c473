import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { isPublicAddress, NotPublicError, publicUrlProblem, resolvePublic } from './public-address.js';

export interface OutboundPolicy {
  /** LOKET_OUTBOUND_ALLOW_PRIVATE: tests and closed networks that deliver to local receivers. */
  allowPrivate: boolean;
  /** Which addresses count as public; tests name a loopback address to exercise the guarded path end to end. */
  allowAddress?: (address: string) => boolean;
}

const MAX_REDIRECTS = 5;

/**
 * Checks a URL an administrator saves: http(s) without credentials (400 `format`, as before), and — unless the
 * policy allows private addresses — a host that resolves to public addresses only (422 `url_not_allowed`, the
 * field's code `url.not_public` or `url.unresolvable`).
 * Delivery checks again (publicFetch): what a name resolves to may change after it was saved.
 */
export async function assertAllowedUrl(url: string, policy: OutboundPolicy, field: string): Promise<void> {
  const problem = await publicUrlProblem(url);
  if (problem === null || (policy.allowPrivate && problem !== 'format')) return;
  if (problem === 'format') throw new AppError('validation_failed', { errors: [{ field, code: 'format' }] });
  throw new AppError('url_not_allowed', { errors: [{ field, code: `url.${problem}` }] });
}

/**
 * `fetch` for URLs set by administrators: the connection goes only to an address that was checked to be public
 * (public-address.ts). The check happens inside the connection's own DNS look-up, so a name that answers with a
 * public address to a first look-up and a private one to the next (DNS rebinding) cannot slip through; a literal
 * IP address is checked before connecting. Redirects are followed only when asked (`redirect: 'follow'`, fetch's
 * default) and each hop is checked the same way. With `allowPrivate` this is plain fetch.
 */
export async function publicFetch(url: string, init: RequestInit, policy: OutboundPolicy): Promise<Response> {
  if (policy.allowPrivate) return fetch(url, init);
  const allowed = policy.allowAddress ?? isPublicAddress;
  // Request turns any body fetch accepts (a string, FormData …) into bytes and its content type, once.
  const first = new Request(url, init);
  let outgoing: Outgoing = {
    url: new URL(first.url),
    method: first.method,
    headers: Object.fromEntries(first.headers),
    body: first.body ? Buffer.from(await first.arrayBuffer()) : undefined,
  };
  for (let hop = 0; ; hop++) {
    const response = await send(outgoing, init.signal ?? undefined, allowed);
    const location = response.headers.get('location');
    const redirected = [301, 302, 303, 307, 308].includes(response.status) && location;
    if (!redirected || (init.redirect ?? 'follow') !== 'follow') return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new TypeError(`too many redirects from ${url}`);
    // As fetch does: 303 (and 301/302 after a POST) continue as a GET without the body.
    const keepsBody = response.status === 307 || response.status === 308 || outgoing.method === 'GET';
    outgoing = {
      url: new URL(location, outgoing.url),
      method: keepsBody ? outgoing.method : 'GET',
      headers: keepsBody ? outgoing.headers : withoutBodyHeaders(outgoing.headers),
      body: keepsBody ? outgoing.body : undefined,
    };
  }
}

interface Outgoing {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  const { 'content-type': _type, 'content-length': _length, ...rest } = headers;
  return rest;
}

/** The connection's DNS look-up: only allowed addresses come out (Node asks for `all` when racing families). */
const checkedLookup =
  (allowed: (address: string) => boolean): LookupFunction =>
  (hostname, options, callback) => {
    resolvePublic(hostname, allowed).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        const first = wanted[0];
        if (!first) {
          callback(new NotPublicError(hostname, 'unresolvable'), '', 0);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: typeof wanted) => void)(null, wanted);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };

async function send(
  request: Outgoing,
  signal: AbortSignal | undefined,
  allowed: (address: string) => boolean,
): Promise<Response> {
  const target = request.url;
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new TypeError(`unsupported protocol ${target.protocol}`);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !allowed(literal)) throw new NotPublicError(target.hostname, 'not_public');
  const headers = {
    ...request.headers,
    ...(request.body ? { 'content-length': String(request.body.length) } : {}),
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const outgoing = client.request(
      target,
      { method: request.method, headers, lookup: checkedLookup(allowed), ...(signal ? { signal } : {}) },
      (incoming) => {
        const status = incoming.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers))
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            responseHeaders.append(name, one);
        const empty = status === 204 || status === 304 || request.method === 'HEAD';
        if (empty) incoming.resume();
        resolve(
          new Response(empty ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>), {
            status,
            statusText: incoming.statusMessage ?? '',
            headers: responseHeaders,
          }),
        );
      },
    );
    // Like fetch: an abort rejects with the signal's reason (a TimeoutError for AbortSignal.timeout).
    outgoing.on('error', (error) => reject(signal?.aborted ? signal.reason : error));
    outgoing.end(request.body);
  });
}
