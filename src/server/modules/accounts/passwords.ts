import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password rules after NIST SP 800-63B: at least 12 characters, not a known common password and not built from
 * the person's own name or e-mail; no composition rules. Hashing is argon2id (the library default) with its
 * recommended memory and time costs.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Words people here pick that no general list knows. */
const LOCAL_WORDS = [
  'imigrasi',
  'kemenimipas',
  'paspor',
  'loket',
  'surabaya',
  'indonesia',
  'merdeka',
  'bismillah',
  'sayangku',
  'rahasia',
  'katasandi',
  'password',
];

let commonPasswords: Set<string> | undefined;

function common(): Set<string> {
  // Loaded on first use (about 50,000 entries, only needed when a password is set), so a server that sets no
  // password does not keep the list in memory.
  if (!commonPasswords) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as {
      dictionary: Record<string, string[]>;
    };
    commonPasswords = new Set((dictionary['passwords-common'] ?? []).map((p) => p.toLowerCase()));
  }
  return commonPasswords;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'personal' | 'repetitive';

export function passwordProblem(password: string, personal: string[] = []): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) return 'repetitive';
  // A common password padded with digits or symbols ("password2024!") is still a common password.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (
    common().has(lower) ||
    common().has(core) ||
    LOCAL_WORDS.some((w) => core === w || core === `${w}${w}`)
  ) {
    return 'common';
  }
  // Take the person's names and e-mail parts out; if little of substance is left, the password is about them.
  const parts = personal
    .flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part.length >= 4);
  let rest = lower;
  for (const part of parts) rest = rest.replaceAll(part, '');
  if (rest !== lower && rest.replace(/[^a-z]/g, '').length < 6) return 'personal';
  if (LOCAL_WORDS.some((w) => core.startsWith(w) && core.length - w.length < 4)) return 'common';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so both cases take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoy(): Promise<string> {
  decoyHash ??= hash('decoy password that never matches');
  return decoyHash;
}
