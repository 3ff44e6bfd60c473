import { NotPublicError } from '../../lib/public-address.js';
import { type OutboundPolicy, publicFetch } from '../../lib/public-fetch.js';

/**
 * A failed call to a messaging platform. `retryable` errors (rate limits, outages, network) make the send job try
 * again — after `retryAfterMs` when the platform said how long to wait; the others fail the message for good.
 */
export class PlatformError extends Error {
  constructor(
    readonly platform: 'whatsapp' | 'telegram',
    readonly code: string,
    readonly title: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(`${platform} error ${code}: ${title}`);
    this.name = 'PlatformError';
  }
}

const TIMEOUT_MS = 20_000;

/**
 * fetch with a timeout, to public addresses only unless the policy allows private ones (the base URL may be an
 * administrator's override); a network failure becomes a retryable PlatformError, a refused address a final one.
 */
export async function callPlatform(
  platform: 'whatsapp' | 'telegram',
  url: string,
  init: RequestInit,
  policy: OutboundPolicy,
): Promise<Response> {
  try {
    return await publicFetch(
      url,
      { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' },
      policy,
    );
  } catch (error) {
    if (error instanceof NotPublicError)
      throw new PlatformError(platform, 'address_refused', error.message.slice(0, 200), false);
    throw new PlatformError(platform, 'network', (error as Error).message.slice(0, 200), true);
  }
}
