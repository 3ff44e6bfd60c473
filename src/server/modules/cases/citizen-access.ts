import type { AppContext } from '../../context.js';
import { hasSnapshotReads } from '../../db/snapshot-reads.js';
import { AppError } from '../../errors.js';
import { accessKeyMatches } from './access-key.js';
import type { Case, CitizenCase } from './model.js';
import {
  type CaseWithPublicTimeline,
  findCaseByTrackingCode,
  findCaseWithPublicTimeline,
  readCaseWithPublicTimeline,
} from './storage.js';
import { parseTrackingCode } from './tracking-code.js';

type CitizenAccessContext = Pick<AppContext, 'db' | 'config' | 'limiters'>;

/**
 * The case a tracking code and access key open, for the JSON API and the portal alike. An unknown code and a
 * wrong key fail the same way (`case_not_found`), so nobody learns which codes exist; failures are counted per
 * client address and per code, and once either is at its limit every attempt answers `rate_limited`.
 */
export async function caseForCitizen(
  ctx: CitizenAccessContext,
  clientAddress: string,
  rawCode: string,
  key: string,
): Promise<Case> {
  const code = checkedCode(ctx, clientAddress, rawCode);
  const found = code ? await findCaseByTrackingCode(ctx.db, code) : undefined;
  if (found && accessKeyMatches(ctx.config.secret, key, found.accessKeyHash)) return found;
  throw failedAttempt(ctx, clientAddress, code);
}

/** `caseForCitizen` together with the case's public timeline, read in the same snapshot. */
export async function caseWithTimelineForCitizen(
  ctx: CitizenAccessContext,
  clientAddress: string,
  rawCode: string,
  key: string,
): Promise<CaseWithPublicTimeline> {
  const code = checkedCode(ctx, clientAddress, rawCode);
  const opened = code ? await findCaseWithPublicTimeline(ctx.db, code, keyOpens(ctx, key)) : undefined;
  if (opened) return opened;
  throw failedAttempt(ctx, clientAddress, code);
}

/**
 * `caseWithTimelineForCitizen` without waiting, where the database can read at once (see
 * `readCaseWithPublicTimeline`); `null` when the caller must use the asynchronous one. Each await costs the
 * busiest public route measurably under load, so it is spared where it can be.
 */
export function caseWithTimelineForCitizenNow(
  ctx: CitizenAccessContext,
  clientAddress: string,
  rawCode: string,
  key: string,
): CaseWithPublicTimeline | null {
  // Decided before the code is checked, so that the asynchronous path is the only one to check it.
  if (!hasSnapshotReads(ctx.db)) return null;
  const code = checkedCode(ctx, clientAddress, rawCode);
  const opened = code ? readCaseWithPublicTimeline(ctx.db, code, keyOpens(ctx, key)) : undefined;
  if (opened) return opened;
  throw failedAttempt(ctx, clientAddress, code);
}

function keyOpens({ config }: CitizenAccessContext, key: string) {
  return (found: CitizenCase) => accessKeyMatches(config.secret, key, found.accessKeyHash);
}

/** The normalised code, or null if it is malformed; throws `rate_limited` while the client or code is blocked. */
function checkedCode({ limiters }: CitizenAccessContext, clientAddress: string, rawCode: string) {
  const code = parseTrackingCode(rawCode);
  if (limiters.enabled) {
    const wait = Math.max(
      limiters.lookupFailures.blockedFor(clientAddress),
      limiters.codeFailures.blockedFor(code ?? ''),
    );
    if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
  }
  return code;
}

function failedAttempt(
  { limiters }: CitizenAccessContext,
  clientAddress: string,
  code: string | null,
): AppError {
  if (limiters.enabled) {
    limiters.lookupFailures.hit(clientAddress);
    if (code) limiters.codeFailures.hit(code);
  }
  return code
    ? new AppError('case_not_found')
    : new AppError('invalid_tracking_code', { field: 'trackingCode' });
}
