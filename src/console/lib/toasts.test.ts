import { describe, expect, it } from 'vitest';
import { MAX_TOASTS, type Toast, withToast } from './toasts';

const notice = (id: number): Toast => ({ id, text: `Kasus baru masuk ${id}`, kind: 'info' });
const answer = (id: number, kind: Toast['kind'] = 'success'): Toast => ({
  id,
  text: `Tersimpan ${id}`,
  kind,
});
const ids = (toasts: Toast[]) => toasts.map((toast) => toast.id);

describe('toasts', () => {
  it('keeps the answer to what the user did while notices keep arriving', () => {
    let shown = withToast([], answer(1));
    for (let id = 2; id <= 10; id++) shown = withToast(shown, notice(id));
    expect(shown).toHaveLength(MAX_TOASTS);
    expect(ids(shown)).toEqual([1, 8, 9, 10]);
  });

  it('makes room for an answer by dropping the oldest notice, not an older answer', () => {
    const shown = [answer(1, 'error'), notice(2), notice(3), answer(4)];
    expect(ids(withToast(shown, answer(5)))).toEqual([1, 3, 4, 5]);
  });

  it('drops the oldest answer only when nothing else is shown', () => {
    const shown = [answer(1), answer(2, 'error'), answer(3), answer(4)];
    expect(ids(withToast(shown, answer(5)))).toEqual([2, 3, 4, 5]);
    // A notice arriving then goes in too: the oldest answer makes room for it.
    expect(ids(withToast(shown, notice(5)))).toEqual([2, 3, 4, 5]);
  });
});
