import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { accessKeyMatches } from './access-key.js';
import type { Case } from './model.js';
import { findCaseByTrackingCode } from './storage.js';
import { parseTrackingCode } from './tracking-code.js';

/**
 * The case a tracking code and access key open, for the JSON API and the portal alike. An unknown code and a
 * wrong key fail the same way (`case_not_found`), so nobody learns which codes exist; failures are counted per
 * client address and per code, and once either is at its limit every attempt answers `rate_limited`.
 */
export async function caseForCitizen(
  { db, config, limiters }: Pick<AppContext, 'db' | 'config' | 'limiters'>,
  clientAddress: string,
  rawCode: string,
  key: string,
): Promise<Case> {
  const code = parseTrackingCode(rawCode);
  if (limiters.enabled) {
    const wait = Math.max(
      limiters.lookupFailures.blockedFor(clientAddress),
      limiters.codeFailures.blockedFor(code ?? ''),
    );
    if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
  }
  const found = code ? await findCaseByTrackingCode(db, code) : undefined;
  if (found && accessKeyMatches(config.secret, key, found.accessKeyHash)) return found;
  if (limiters.enabled) {
    limiters.lookupFailures.hit(clientAddress);
    if (code) limiters.codeFailures.hit(code);
  }
  throw code
    ? new AppError('case_not_found')
    : new AppError('invalid_tracking_code', { field: 'trackingCode' });
}
