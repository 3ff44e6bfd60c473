import { describe, expect, it } from 'vitest';
import { csrfToken, csrfTokenValid, newCsrfCookieValue, seal, unseal } from './security.js';

const SECRET = 'portal-test-secret-portal-test-secret-0123';

describe('CSRF tokens', () => {
  it('accepts the token made from the cookie and nothing else', () => {
    const cookie = newCsrfCookieValue();
    const token = csrfToken(SECRET, cookie);
    expect(csrfTokenValid(SECRET, cookie, token)).toBe(true);
    expect(csrfTokenValid(SECRET, newCsrfCookieValue(), token)).toBe(false);
    expect(csrfTokenValid('another-secret-another-secret-another-0123', cookie, token)).toBe(false);
    expect(csrfTokenValid(SECRET, undefined, token)).toBe(false);
    expect(csrfTokenValid(SECRET, cookie, undefined)).toBe(false);
    expect(csrfTokenValid(SECRET, cookie, `${token}x`)).toBe(false);
  });
});

describe('sealed values', () => {
  it('round-trips, and refuses changed, misdirected or expired values', () => {
    const sealed = seal(SECRET, 'draft', { subject: 'Halo' }, 1000, 0);
    expect(unseal(SECRET, 'draft', sealed, 999)).toEqual({ subject: 'Halo' });
    expect(unseal(SECRET, 'draft', sealed, 1000)).toBeUndefined();
    expect(unseal(SECRET, 'receipt', sealed, 0)).toBeUndefined();
    const [payload, signature] = sealed.split('.');
    const forged = Buffer.from(JSON.stringify({ v: { subject: 'X' }, exp: 5000 })).toString('base64url');
    expect(unseal(SECRET, 'draft', `${forged}.${signature}`, 0)).toBeUndefined();
    expect(unseal(SECRET, 'draft', `${payload}.`, 0)).toBeUndefined();
    expect(unseal(SECRET, 'draft', 'garbage', 0)).toBeUndefined();
  });
});
