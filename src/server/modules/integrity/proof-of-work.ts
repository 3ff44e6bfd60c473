import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Abuse limits for the anonymous integrity form that identify nobody:
 * - a hashcash-style challenge: the server signs {nonce, issued, bits}; the portal script finds a counter whose
 *   SHA-256 of `challenge:counter` starts with `bits` zero bits (about 2^bits hashes — a second or two on a phone);
 * - without JavaScript (or without WebCrypto, e.g. plain HTTP) the same challenge works as a *delay token*: it is
 *   accepted once it is DELAY_MS old, which costs a person writing a report nothing and a script its speed;
 * - each challenge is accepted once (remembered in memory until it expires).
 * Nothing about the sender — address, browser, time — is kept. A patient, parallel script can still pass the delay
 * path: the global per-office submission limit (portal routes) is the backstop.
 */
export const POW_BITS = 16;
export const DELAY_MS = 20_000;
const TTL_MS = 2 * 3_600_000;

interface Challenge {
  nonce: string;
  issued: number;
  bits: number;
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`integrity-pow:${body}`).digest('base64url');
}

export function issueChallenge(secret: string, now = Date.now()): string {
  const body = Buffer.from(
    JSON.stringify({
      nonce: randomBytes(12).toString('base64url'),
      issued: now,
      bits: POW_BITS,
    } satisfies Challenge),
  ).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

function readChallenge(secret: string, token: string): Challenge | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Challenge;
  } catch {
    return null;
  }
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Solves a challenge (tests, and the reference for portal.js). */
export function solveChallenge(token: string, bits = POW_BITS): string {
  for (let counter = 0; ; counter++) {
    if (leadingZeroBits(createHash('sha256').update(`${token}:${counter}`).digest()) >= bits)
      return String(counter);
  }
}

export type ChallengeOutcome = 'ok' | 'invalid' | 'too_early' | 'used';

export class ChallengeChecker {
  readonly #used = new Map<string, number>();

  constructor(private readonly secret: string) {}

  /** Checks (and spends) a challenge: solved, or old enough as a delay token. */
  check(token: string | undefined, solution: string | undefined, now = Date.now()): ChallengeOutcome {
    if (!token || token.length > 300) return 'invalid';
    const challenge = readChallenge(this.secret, token);
    if (!challenge || challenge.issued + TTL_MS < now || challenge.issued > now + 60_000) return 'invalid';
    for (const [nonce, expires] of this.#used) if (expires < now) this.#used.delete(nonce);
    if (this.#used.has(challenge.nonce)) return 'used';
    const solved =
      solution !== undefined &&
      /^\d{1,12}$/.test(solution) &&
      leadingZeroBits(createHash('sha256').update(`${token}:${solution}`).digest()) >= challenge.bits;
    if (!solved && now - challenge.issued < DELAY_MS) return 'too_early';
    this.#used.set(challenge.nonce, challenge.issued + TTL_MS);
    return 'ok';
  }
}
