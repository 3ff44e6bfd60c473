import type { IdentityKind } from '../../db/schema.js';

/** One way a person identifies themself, normalised so the same person is found whichever way they wrote it. */
export interface Identity {
  kind: IdentityKind;
  value: string;
}

/**
 * An Indonesian (or international) phone number as E.164 digits without the plus: 0812-3456-789, +62 812 3456 789,
 * 62812…, 0062812… and 812… all become 62812…; a landline 021-555… becomes 6221555…. Returns null for what
 * cannot be a number (too short or long, letters).
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  const international = trimmed.startsWith('+');
  if (!international) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    else if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
    // A mobile number typed without its 0 (812…) is still Indonesian.
    else if (/^8\d{8,11}$/.test(digits)) digits = `62${digits}`;
  }
  if (digits.startsWith('620')) digits = `62${digits.slice(3)}`;
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

/** +62 812-3456-7890 for an Indonesian mobile number, +<digits> otherwise. */
export function formatPhone(digits: string): string {
  const mobile = /^62(8\d{2})(\d{4})(\d{3,5})$/.exec(digits);
  return mobile ? `+62 ${mobile[1]}-${mobile[2]}-${mobile[3]}` : `+${digits}`;
}

export function normaliseEmail(raw: string | null | undefined): string | null {
  const value = raw?.trim().toLowerCase();
  return value && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254 ? value : null;
}

/** The identities a case's contact details give, without duplicates. */
export function identitiesOf(contact: {
  email?: string | null;
  phone?: string | null;
  telegram?: string | null;
}): Identity[] {
  const found: Identity[] = [];
  const email = normaliseEmail(contact.email);
  const phone = normalisePhone(contact.phone);
  if (email) found.push({ kind: 'email', value: email });
  if (phone) found.push({ kind: 'phone', value: phone });
  if (contact.telegram) found.push({ kind: 'telegram', value: contact.telegram });
  return found;
}
