import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeCrockford, randomCrockford } from '../../lib/crockford.js';

/**
 * The access key is the citizen's secret for one case: 16 Crockford characters = 80 random bits, shown once as
 * `7K3Q-9MXA-B2CD-EFGH`. Only an HMAC-SHA-256 of it is stored. A keyed fast hash is right here: the key is random
 * and long enough that guessing is hopeless, so a slow password hash would only cost throughput.
 */
const KEY_LENGTH = 16;

export function generateAccessKey(): string {
  return randomCrockford(KEY_LENGTH).match(/.{4}/g)!.join('-');
}

export function hashAccessKey(secret: string, key: string): string | null {
  const normalized = normalizeCrockford(key);
  if (!normalized || normalized.length !== KEY_LENGTH) return null;
  return createHmac('sha256', secret).update(`access-key:${normalized}`).digest('hex');
}

/** Constant-time comparison of a presented key with a stored hash. */
export function accessKeyMatches(secret: string, presented: string, storedHash: string): boolean {
  const hash = hashAccessKey(secret, presented);
  if (!hash || hash.length !== storedHash.length) return false;
  return timingSafeEqual(Buffer.from(hash), Buffer.from(storedHash));
}
