import { createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
import { open, seal } from '../../lib/secret-box.js';
import { publicBase } from '../email/links.js';

/**
 * One-time survey links. The token is the invitation itself, sealed with LOKET_SECRET (AES-GCM): which office and
 * service it is for and a reference the answer is checked against — nothing is stored when a link is made. Once
 * answered, an HMAC of that reference goes into `skm_used_tokens`; the answer row never holds it, so an answer
 * cannot be joined back to the case or application.
 */
const PURPOSE = 'skm-invitation';
/** Links stay valid for 90 days: a quarter's survey period. */
const VALID_MS = 90 * 24 * 3_600_000;

export interface Invitation {
  /** `kiosk`: a counter session's nonce, never put in a link. */
  kind: 'case' | 'passport' | 'kiosk';
  /** The case or application id: only ever inside the sealed token. */
  ref: string;
  officeId: string;
  /** The service the case was about; null lets the respondent choose. */
  serviceId: string | null;
  language: 'id' | 'en';
  expires: number;
}

export function makeInvitationToken(
  config: Pick<Config, 'secret'>,
  invitation: Omit<Invitation, 'expires'>,
  now = Date.now(),
): string {
  const body = JSON.stringify({ ...invitation, expires: now + VALID_MS });
  // The sealed format's dots would end a URL path segment in some mail clients' link detection: use `~`.
  return seal(config.secret, PURPOSE, body).replaceAll('.', '~');
}

export function openInvitationToken(
  config: Pick<Config, 'secret'>,
  token: string,
  now = Date.now(),
): Invitation | undefined {
  if (token.length > 600 || !/^[A-Za-z0-9_~-]+$/.test(token)) return undefined;
  try {
    const invitation = JSON.parse(open(config.secret, PURPOSE, token.replaceAll('~', '.'))) as Invitation;
    return invitation.expires > now ? invitation : undefined;
  } catch {
    return undefined;
  }
}

/** What `skm_used_tokens` keeps: one key per case or application, however many links were made for it. */
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
export function caseSurveyUrl(
  config: Config,
  subject: { id: string; officeId: string; serviceId: string | null; language: 'id' | 'en' },
): string {
  const token = makeInvitationToken(config, {
    kind: 'case',
    ref: subject.id,
    officeId: subject.officeId,
    serviceId: subject.serviceId,
    language: subject.language,
  });
  return surveyUrl(config, token);
}
