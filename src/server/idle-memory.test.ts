import { describe, expect, it } from 'vitest';
import { idleAfterBusy } from './idle-memory.js';

describe('idle collection', () => {
  it('collects once when the process falls idle after start-up, and again only after another busy spell', () => {
    const fallsIdle = idleAfterBusy();
    const answers = [0.03, 0.002, 0.001, 0.004, 0.4, 0.9, 0.02, 0.005, 0.0].map(fallsIdle);
    // 0.03: neither busy nor idle; 0.002: idle after start-up → collect; 0.4/0.9: busy; 0.02: in between;
    // 0.005: idle again → collect once.
    expect(answers).toEqual([false, true, false, false, false, false, false, true, false]);
  });

  it('does not collect while the process stays busy', () => {
    const fallsIdle = idleAfterBusy();
    expect([0.5, 0.2, 0.06, 0.3].map(fallsIdle)).toEqual([false, false, false, false]);
  });
});
