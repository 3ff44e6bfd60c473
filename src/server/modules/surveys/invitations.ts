import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { derivedKey } from '../../lib/secret-box.js';
import { publicBase } from '../email/links.js';

/**
 * One-time survey links. The token is the invitation itself, encrypted and authenticated with a key derived from
 * LOKET_SECRET (AES-256-GCM): which case or application it is for, the language and when it expires — nothing is
 * stored when a link is made. It is packed into 23 bytes so the link stays short (68 characters) for e-mail and
 * SMS. Once answered, an HMAC of the case or application goes into `skm_used_tokens`; the answer row never holds
 * it, so an answer cannot be joined back to the case.
 */
const PURPOSE = 'skm-invitation';
/** Links stay valid for 90 days: a quarter's survey period. */
const VALID_MS = 90 * 24 * 3_600_000;
const HOUR_MS = 3_600_000;
const KINDS = ['case', 'passport'] as const;

export interface Invitation {
  /** `kiosk`: a counter session's nonce, never put in a link. */
  kind: 'case' | 'passport' | 'kiosk';
  /** The case or application id (a UUID): only ever inside the encrypted token. */
  ref: string;
  language: 'id' | 'en';
  expires: number;
}

export function makeInvitationToken(
  config: Pick<Config, 'secret'>,
  invitation: { kind: 'case' | 'passport'; ref: string; language: 'id' | 'en' },
  now = Date.now(),
): string {
  const plain = Buffer.alloc(23);
  plain[0] = KINDS.indexOf(invitation.kind);
  plain[1] = invitation.language === 'en' ? 1 : 0;
  Buffer.from(invitation.ref.replaceAll('-', ''), 'hex').copy(plain, 2);
  plain.writeUInt32BE(Math.ceil((now + VALID_MS) / HOUR_MS), 18);
  plain[22] = 1; // format version
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(config.secret, PURPOSE), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

export function openInvitationToken(
  config: Pick<Config, 'secret'>,
  token: string,
  now = Date.now(),
): Invitation | undefined {
  if (!/^[A-Za-z0-9_-]{68}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', derivedKey(config.secret, PURPOSE), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(35));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, 35)), decipher.final()]);
    const kind = KINDS[plain[0]!];
    if (!kind || plain[22] !== 1) return undefined;
    const hex = plain.subarray(2, 18).toString('hex');
    const ref = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const expires = plain.readUInt32BE(18) * HOUR_MS;
    if (expires <= now) return undefined;
    return { kind, ref, language: plain[1] === 1 ? 'en' : 'id', expires };
  } catch {
    return undefined;
  }
}

/** The office and service a link is about, read from the case or application when the link is opened. */
export async function invitationTarget(
  db: Db,
  invitation: Invitation,
): Promise<{ officeId: string; serviceId: string | null } | undefined> {
  if (invitation.kind === 'case') {
    const row = await db
      .selectFrom('cases')
      .select(['office_id', 'service_id'])
      .where('id', '=', invitation.ref)
      .executeTakeFirst();
    return row && { officeId: row.office_id, serviceId: row.service_id };
  }
  if (invitation.kind === 'passport') {
    const row = await db
      .selectFrom('passport_applications')
      .select(['office_id'])
      .where('id', '=', invitation.ref)
      .executeTakeFirst();
    return row && { officeId: row.office_id, serviceId: null };
  }
  return undefined;
}

/** What `skm_used_tokens` keeps: one key per case, application or kiosk session, however many links were made. */
export function usedTokenKey(
  config: Pick<Config, 'secret'>,
  invitation: Pick<Invitation, 'kind' | 'ref'>,
): string {
  return createHmac('sha256', config.secret)
    .update(`skm-used:${invitation.kind}:${invitation.ref}`)
    .digest('base64url');
}

export function surveyUrl(config: Config, token: string): string {
  return `${publicBase(config)}/survey/${token}`;
}

/** The one-time link for a resolved case: in the resolution e-mail and on the case's status page. */
export function caseSurveyUrl(config: Config, subject: { id: string; language: 'id' | 'en' }): string {
  return surveyUrl(
    config,
    makeInvitationToken(config, { kind: 'case', ref: subject.id, language: subject.language }),
  );
}

/** The one-time link for a collected passport. */
export function passportSurveyUrl(config: Config, application: { id: string; language: string }): string {
  const language = application.language === 'en' ? 'en' : 'id';
  return surveyUrl(config, makeInvitationToken(config, { kind: 'passport', ref: application.id, language }));
}
