/**
 * Whether a message arriving on the agent's live socket ends the visitor's "typing…". Only a new message from the
 * visitor does: watching a conversation replays the messages after the last one shown, and those can arrive just
 * after the server has said the visitor is typing; an agent's or the assistant's message says nothing about the
 * visitor either.
 */
export function endsVisitorTyping(message: { seq: number; author: string }, lastShownSeq: number): boolean {
  return message.author === 'visitor' && message.seq > lastShownSeq;
}
