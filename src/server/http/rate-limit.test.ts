import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLimiters, WindowCounter } from './rate-limit.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('WindowCounter', () => {
  it('allows `limit` hits, then returns the seconds until the window ends', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 3, windowMs: 60_000 }, clock.now);
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(60);
    clock.advance(15_000);
    expect(counter.hit('a')).toBe(45);
  });

  it('rounds the wait up to whole seconds', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 1, windowMs: 60_000 }, clock.now);
    counter.hit('a');
    clock.advance(10_001);
    expect(counter.hit('a')).toBe(50); // 49.999 s left
    clock.advance(49_998);
    expect(counter.hit('a')).toBe(1); // 1 ms left
  });

  it('never asks to wait less than 1 second, even for sub-second windows', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 1, windowMs: 200 }, clock.now);
    counter.hit('a');
    expect(counter.hit('a')).toBe(1);
    clock.advance(199);
    expect(counter.hit('a')).toBe(1);
  });

  it('does not count blocked hits, so the window is not extended', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 2, windowMs: 10_000 }, clock.now);
    counter.hit('a');
    counter.hit('a');
    for (let i = 0; i < 100; i++) {
      clock.advance(50);
      expect(counter.hit('a')).toBeGreaterThan(0);
    }
    clock.advance(5_000); // 10 s after the first hit
    expect(counter.hit('a')).toBe(0);
  });

  it('starts a fresh window once the old one has ended', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 2, windowMs: 10_000 }, clock.now);
    counter.hit('a');
    counter.hit('a');
    expect(counter.hit('a')).toBe(10);
    clock.advance(9_999);
    expect(counter.hit('a')).toBe(1);
    clock.advance(1); // exactly at resetAt
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(10);
  });

  it('counts fixed windows from the first hit, not sliding', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 2, windowMs: 10_000 }, clock.now);
    counter.hit('a');
    clock.advance(9_000);
    counter.hit('a');
    expect(counter.hit('a')).toBe(1);
    clock.advance(1_000);
    // A sliding window would still count the hit from 1 s ago; a fixed one has reset.
    expect(counter.hit('a')).toBe(0);
    expect(counter.hit('a')).toBe(0);
  });

  it('keeps keys independent', () => {
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 1, windowMs: 60_000 }, clock.now);
    expect(counter.hit('203.0.113.1')).toBe(0);
    expect(counter.hit('203.0.113.1')).toBe(60);
    expect(counter.hit('203.0.113.2')).toBe(0);
    expect(counter.blockedFor('203.0.113.2')).toBe(60);
    expect(counter.blockedFor('203.0.113.3')).toBe(0);
  });

  describe('blockedFor', () => {
    it('reports 0 below the limit and the wait at the limit', () => {
      const clock = fakeClock();
      const counter = new WindowCounter({ limit: 2, windowMs: 30_000 }, clock.now);
      expect(counter.blockedFor('a')).toBe(0);
      counter.hit('a');
      expect(counter.blockedFor('a')).toBe(0);
      counter.hit('a');
      expect(counter.blockedFor('a')).toBe(30);
      clock.advance(10_500);
      expect(counter.blockedFor('a')).toBe(20);
      clock.advance(19_500);
      expect(counter.blockedFor('a')).toBe(0);
    });

    it('does not count anything', () => {
      const clock = fakeClock();
      const counter = new WindowCounter({ limit: 2, windowMs: 30_000 }, clock.now);
      for (let i = 0; i < 10; i++) expect(counter.blockedFor('a')).toBe(0);
      expect(counter.hit('a')).toBe(0);
      for (let i = 0; i < 10; i++) expect(counter.blockedFor('a')).toBe(0);
      expect(counter.hit('a')).toBe(0);
      expect(counter.hit('a')).toBe(30);
    });
  });

  it('sweeps expired windows but keeps live ones', () => {
    // Observed through the public Map API the counter uses, not through its private fields.
    const deleteSpy = vi.spyOn(Map.prototype, 'delete');
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 1, windowMs: 10_000 }, clock.now);
    counter.hit('old');
    clock.advance(5_000);
    counter.hit('live');
    clock.advance(6_000); // 'old' ended 1 s ago, 'live' has 4 s left
    deleteSpy.mockClear();
    counter.hit('other');
    const deletedKeys = deleteSpy.mock.calls.map(([key]) => key);
    expect(deletedKeys).toContain('old');
    expect(deletedKeys).not.toContain('live');
    // The live window is intact; the swept one starts afresh.
    expect(counter.hit('live')).toBe(4);
    expect(counter.hit('old')).toBe(0);
    deleteSpy.mockRestore();
  });

  it('eventually sweeps every expired window, even keys that are never seen again', () => {
    const deleteSpy = vi.spyOn(Map.prototype, 'delete');
    const clock = fakeClock();
    const counter = new WindowCounter({ limit: 5, windowMs: 1_000 }, clock.now);
    const keys = Array.from({ length: 50 }, (_, i) => `client-${i}`);
    for (const key of keys) counter.hit(key);
    deleteSpy.mockClear();
    clock.advance(120_000);
    counter.hit('trigger');
    const deletedKeys = new Set(deleteSpy.mock.calls.map(([key]) => key));
    for (const key of keys) expect(deletedKeys.has(key)).toBe(true);
    deleteSpy.mockRestore();
  });
});

describe('createLimiters', () => {
  it('creates one counter per rule, each with its own rule and state', () => {
    const limiters = createLimiters({
      enabled: false,
      requests: { limit: 100, windowMs: 60_000 },
      caseCreation: { limit: 1, windowMs: 600_000 },
      lookupFailures: { limit: 2, windowMs: 600_000 },
      codeFailures: { limit: 3, windowMs: 3_600_000 },
      loginFailures: { limit: 100, windowMs: 60_000 },
      assistantQuestions: { limit: 100, windowMs: 60_000 },
    });
    expect(limiters.enabled).toBe(false);
    expect(limiters.caseCreation.rule).toEqual({ limit: 1, windowMs: 600_000 });
    expect(limiters.codeFailures.rule).toEqual({ limit: 3, windowMs: 3_600_000 });
    limiters.caseCreation.hit('ip');
    expect(limiters.caseCreation.hit('ip')).toBeGreaterThan(0);
    expect(limiters.lookupFailures.hit('ip')).toBe(0);
    expect(limiters.requests.blockedFor('ip')).toBe(0);
  });
});
