import { createHmac, timingSafeEqual } from 'node:crypto';

/** A visitor's conversation token lives this long; each resume hands out a fresh one. */
export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`loket-chat:${payload}`).digest('base64url');
}

/**
 * The visitor's proof that a conversation is theirs: its id and an expiry, signed with LOKET_SECRET. It travels in
 * the first WebSocket frame or an HttpOnly cookie, never in a URL, so it does not end up in access logs.
 */
export function signConversationToken(secret: string, conversationId: string, now = Date.now()): string {
  const payload = `${conversationId}.${(now + TOKEN_TTL_MS).toString(36)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The conversation id a token names, or null when it is forged, malformed or expired. */
export function verifyConversationToken(secret: string, token: unknown, now = Date.now()): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [id, expiry, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(secret, `${id}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number.parseInt(expiry, 36) < now) return null;
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}
