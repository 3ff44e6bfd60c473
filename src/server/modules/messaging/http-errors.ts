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

/** fetch with a timeout; a network failure becomes a retryable PlatformError. */
export async function callPlatform(
  platform: 'whatsapp' | 'telegram',
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new PlatformError(platform, 'network', (error as Error).message.slice(0, 200), true);
  }
}
