import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM under a key derived from LOKET_SECRET, so a copy of
 * the database alone does not yield working second factors.
 */
const derivedKeys = new Map<string, Buffer>();

/**
 * The key for one secret and purpose, derived once: HKDF costs more than the AES it keys, and every receipt job
 * opens a sealed access key. A process knows a handful of secrets and purposes, so the map stays small.
 */
export function derivedKey(secret: string, purpose: string): Buffer {
  const name = `${purpose}\u0000${secret}`;
  let key = derivedKeys.get(name);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'loket', purpose, 32));
    derivedKeys.set(name, key);
  }
  return key;
}

export function seal(secret: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join('.');
}

export function open(secret: string, purpose: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', derivedKey(secret, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
