import { describe, expect, it } from 'vitest';
import { INITIAL_SHORTCUT_STATE, matchShortcut, SEQUENCE_TIMEOUT_MS, type ShortcutState } from './shortcuts';

const bindings = ['g i', 'g a', 'j', 'k', 'r', 'n', '/', '?'];

function press(keys: { key: string; time?: number; inField?: boolean; ctrlKey?: boolean }[]) {
  let state: ShortcutState = INITIAL_SHORTCUT_STATE;
  const matches: (string | null)[] = [];
  let time = 0;
  for (const k of keys) {
    time = k.time ?? time + 100;
    const result = matchShortcut(bindings, state, { ...k, time });
    state = result.state;
    matches.push(result.match);
  }
  return matches;
}

describe('matchShortcut', () => {
  it('matches single keys', () => {
    expect(press([{ key: 'j' }, { key: 'k' }, { key: '?' }, { key: '/' }])).toEqual(['j', 'k', '?', '/']);
  });

  it('matches two-key sequences and ignores Shift on its own', () => {
    expect(press([{ key: 'g' }, { key: 'i' }])).toEqual([null, 'g i']);
    expect(press([{ key: 'g' }, { key: 'Shift' }, { key: 'a' }])).toEqual([null, null, 'g a']);
  });

  it('drops a sequence after the timeout, and an unknown second key', () => {
    expect(
      press([
        { key: 'g', time: 0 },
        { key: 'i', time: SEQUENCE_TIMEOUT_MS + 1 },
      ]),
    ).toEqual([null, null]);
    expect(press([{ key: 'g' }, { key: 'x' }, { key: 'i' }])).toEqual([null, null, null]);
  });

  it('a second key that is itself a shortcut runs when the sequence does not match', () => {
    expect(press([{ key: 'g' }, { key: 'j' }])).toEqual([null, 'j']);
  });

  it('stays quiet while typing in a field or with modifier keys', () => {
    expect(
      press([
        { key: 'r', inField: true },
        { key: 'j', ctrlKey: true },
      ]),
    ).toEqual([null, null]);
    expect(press([{ key: 'g' }, { key: 'i', inField: true }])).toEqual([null, null]);
  });
});
