import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Stateless protections for the portal's forms, keyed with LOKET_SECRET:
 * - CSRF (signed double submit): a random cookie value, and in every form an HMAC of it. A forged request from
 *   another site has neither the cookie's value nor the secret, so it cannot produce the pair.
 * - Sealed values: data the visitor carries between pages (the draft on the summary page) comes back unchanged
 *   or not at all.
 */
export const CSRF_COOKIE = 'loket_csrf';
export const CSRF_FIELD = 'csrf';

function mac(secret: string, purpose: string, value: string): Buffer {
  return createHmac('sha256', secret).update(`portal:${purpose}:${value}`).digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newCsrfCookieValue(): string {
  return randomBytes(18).toString('base64url');
}

export function csrfToken(secret: string, cookieValue: string): string {
  return mac(secret, 'csrf', cookieValue).toString('base64url');
}

export function csrfTokenValid(
  secret: string,
  cookieValue: string | undefined,
  token: string | undefined,
): boolean {
  if (!cookieValue || !token || token.length > 64) return false;
  return sameBytes(Buffer.from(token), Buffer.from(csrfToken(secret, cookieValue)));
}

/** Signs a JSON value with an expiry: `payload.signature`, both base64url. */
export function seal(
  secret: string,
  purpose: string,
  value: unknown,
  ttlMs: number,
  now = Date.now(),
): string {
  const payload = Buffer.from(JSON.stringify({ v: value, exp: now + ttlMs })).toString('base64url');
  return `${payload}.${mac(secret, purpose, payload).toString('base64url')}`;
}

/** The sealed value, or undefined when it was changed, sealed for another purpose or has expired. */
export function unseal<T>(
  secret: string,
  purpose: string,
  sealed: string | undefined,
  now = Date.now(),
): T | undefined {
  if (!sealed) return undefined;
  const [payload, signature, ...rest] = sealed.split('.');
  if (!payload || !signature || rest.length) return undefined;
  if (!sameBytes(Buffer.from(signature), Buffer.from(mac(secret, purpose, payload).toString('base64url')))) {
    return undefined;
  }
  try {
    const { v, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      v: T;
      exp: number;
    };
    return exp > now ? v : undefined;
  } catch {
    return undefined;
  }
}
