import { describe, expect, it } from 'vitest';
import { endsVisitorTyping } from './chat-typing';

describe('endsVisitorTyping', () => {
  it('is true for a new message from the visitor', () => {
    expect(endsVisitorTyping({ seq: 8, author: 'visitor' }, 7)).toBe(true);
  });

  it('is false for a replayed message already shown, even the visitor’s', () => {
    expect(endsVisitorTyping({ seq: 7, author: 'visitor' }, 7)).toBe(false);
    expect(endsVisitorTyping({ seq: 3, author: 'visitor' }, 7)).toBe(false);
  });

  it('is false for messages of the agent, the assistant or the system', () => {
    for (const author of ['agent', 'assistant', 'system']) {
      expect(endsVisitorTyping({ seq: 8, author }, 7)).toBe(false);
    }
  });
});
