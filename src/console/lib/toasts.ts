export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'success' | 'error';
}

/** At most this many toasts are shown at once. */
export const MAX_TOASTS = 4;

/**
 * The toasts with `added` at the end, keeping at most MAX_TOASTS. To make room, the oldest notice (`info`, such as
 * "new case received") goes first: the answer to what the user just did (saved, sent, failed) must not be pushed
 * out by notices that arrive after it. Only when every toast shown is such an answer does the oldest one go.
 */
export function withToast(shown: readonly Toast[], added: Toast): Toast[] {
  const all = [...shown, added];
  while (all.length > MAX_TOASTS) {
    const oldestNotice = all.findIndex((toast) => toast.kind === 'info');
    all.splice(oldestNotice >= 0 && oldestNotice < all.length - 1 ? oldestNotice : 0, 1);
  }
  return all;
}
