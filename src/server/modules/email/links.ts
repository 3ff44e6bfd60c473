import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import { caseSurveyUrl } from '../surveys/invitations.js';

/** The address the public reaches Loket at. */
export function publicBase(config: Config): string {
  return config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
}

/** The portal's page where a citizen follows a case (code and key are typed there, never put in a URL). */
export function statusUrl(config: Config): string {
  return `${publicBase(config)}/status`;
}

/**
 * Where the resolution e-mail asks for the citizen's rating: the case's one-time SKM link (modules/surveys/).
 * A template preview has no real case: it shows the survey page's address.
 */
export function satisfactionUrl(config: Config, subject: { id?: string; language: 'id' | 'en' }): string {
  if (!subject.id) return `${publicBase(config)}/survey`;
  return caseSurveyUrl(config, { id: subject.id, language: subject.language });
}

/** The token in an unsubscribe link: an HMAC of the tracking code, so links cannot be made for other cases. */
export function unsubscribeToken(secret: string, trackingCode: string): string {
  return createHmac('sha256', secret)
    .update(`email-unsubscribe:${trackingCode}`)
    .digest('base64url')
    .slice(0, 32);
}

export function checkUnsubscribeToken(secret: string, trackingCode: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, trackingCode));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribeUrl(config: Config, trackingCode: string): string {
  const query = new URLSearchParams({
    code: trackingCode,
    token: unsubscribeToken(config.secret, trackingCode),
  });
  return `${publicBase(config)}/email/unsubscribe?${query}`;
}
