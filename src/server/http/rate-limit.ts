import type { RateLimitRule, RateLimits } from '../config.js';

/**
 * Counts events per key in fixed windows, in memory. Enough for one instance; several instances behind a load
 * balancer each count on their own, which at worst multiplies the allowance by the number of instances.
 */
export class WindowCounter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #nextSweep = 0;

  constructor(
    readonly rule: RateLimitRule,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one event; returns the seconds to wait when the limit was already reached, otherwise 0. */
  hit(key: string): number {
    const now = this.clock();
    this.#sweep(now);
    const window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      this.#windows.set(key, { count: 1, resetAt: now + this.rule.windowMs });
      return 0;
    }
    if (window.count >= this.rule.limit) return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    window.count++;
    return 0;
  }

  /** The seconds to wait if the key is at its limit, without counting anything. */
  blockedFor(key: string): number {
    const now = this.clock();
    const window = this.#windows.get(key);
    if (!window || window.resetAt <= now || window.count < this.rule.limit) return 0;
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + Math.min(this.rule.windowMs, 60_000);
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
  }
}

export interface Limiters {
  enabled: boolean;
  requests: WindowCounter;
  caseCreation: WindowCounter;
  lookupFailures: WindowCounter;
  codeFailures: WindowCounter;
  loginFailures: WindowCounter;
  assistantQuestions: WindowCounter;
}

export function createLimiters(config: RateLimits): Limiters {
  return {
    enabled: config.enabled,
    requests: new WindowCounter(config.requests),
    caseCreation: new WindowCounter(config.caseCreation),
    lookupFailures: new WindowCounter(config.lookupFailures),
    codeFailures: new WindowCounter(config.codeFailures),
    loginFailures: new WindowCounter(config.loginFailures),
    assistantQuestions: new WindowCounter(config.assistantQuestions),
  };
}
