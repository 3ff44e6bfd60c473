import { createHmac, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { CROCKFORD } from '../../lib/crockford.js';
import { open, seal } from '../../lib/secret-box.js';

/** TOTP (RFC 6238, 30-second steps, 6 digits) with one step of clock drift allowed either way. */
const PURPOSE = 'totp-secret';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer = 'Loket'): string {
  return generateURI({ secret, issuer, label: account });
}

export function sealTotpSecret(appSecret: string, totpSecret: string): string {
  return seal(appSecret, PURPOSE, totpSecret);
}

/**
 * The time step of a valid code, or null. Callers store the step and refuse codes from the same or an earlier
 * step, so an observed code cannot be replayed.
 */
export function verifyTotp(
  appSecret: string,
  sealedSecret: string,
  code: string,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret: open(appSecret, PURPOSE, sealedSecret),
    token: code,
    epochTolerance: 30,
  });
  if (!result.valid) return null;
  const step = (result as { timeStep: number }).timeStep;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Ten single-use recovery codes like `K7QM-3XP9-TRV2` (60 bits each); only their HMACs are stored. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let code = '';
    for (let i = 0; i < 12; i++) code += CROCKFORD[randomInt(32)];
    return code.match(/.{4}/g)!.join('-');
  });
}

export function hashRecoveryCode(appSecret: string, code: string): string {
  const normalized = code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return createHmac('sha256', appSecret).update(`recovery:${normalized}`).digest('hex');
}
