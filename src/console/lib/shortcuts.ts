/**
 * Keyboard shortcuts as a small pure state machine: single keys (`j`, `?`) and two-key sequences (`g i`).
 * Keys typed into fields never trigger shortcuts, and neither do Ctrl/Alt/Meta combinations.
 */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** True when the focus is in an input, textarea, select or contenteditable element. */
  inField?: boolean;
  /** Milliseconds, e.g. event.timeStamp. */
  time: number;
}

export interface ShortcutState {
  pending: string | null;
  since: number;
}

export const INITIAL_SHORTCUT_STATE: ShortcutState = { pending: null, since: 0 };

/** How long the second key of a sequence may wait. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** `bindings` are shortcut strings such as 'j', '?', 'g i'. Returns the matched binding (or null) and the next state. */
export function matchShortcut(
  bindings: readonly string[],
  state: ShortcutState,
  input: KeyInput,
): { match: string | null; state: ShortcutState } {
  if (input.ctrlKey || input.altKey || input.metaKey || input.inField) {
    return { match: null, state: INITIAL_SHORTCUT_STATE };
  }
  const key = input.key;
  if (key === 'Shift' || key === 'Control' || key === 'Alt' || key === 'Meta') return { match: null, state };
  if (state.pending !== null && input.time - state.since <= SEQUENCE_TIMEOUT_MS) {
    const sequence = `${state.pending} ${key}`;
    if (bindings.includes(sequence)) return { match: sequence, state: INITIAL_SHORTCUT_STATE };
  }
  if (bindings.some((b) => b.startsWith(`${key} `))) {
    return { match: null, state: { pending: key, since: input.time } };
  }
  if (bindings.includes(key)) return { match: key, state: INITIAL_SHORTCUT_STATE };
  return { match: null, state: INITIAL_SHORTCUT_STATE };
}

/** Whether an element takes typed text (so single-letter shortcuts must stay quiet). */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'submit', 'checkbox', 'radio', 'reset'].includes(type);
  }
  return (element as HTMLElement).isContentEditable === true;
}
