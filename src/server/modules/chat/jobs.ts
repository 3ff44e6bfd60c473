import { Type } from 'typebox';
import type { Db } from '../../db/connection.js';
import { defineJob, definePeriodicJob } from '../../jobs/registry.js';
import { convertToMessage } from './conversations.js';
import { listTimedOut } from './storage.js';

/** How long a visitor waits for a person before the chat becomes a message with a tracking code. */
export const QUEUE_TIMEOUT_MS = 5 * 60_000;

/** Waiting chats nobody accepted within the timeout become messages (the visitor is told at once). */
export async function sweepWaitingChats(
  db: Db,
  now = new Date(),
  timeoutMs = QUEUE_TIMEOUT_MS,
): Promise<number> {
  const timedOut = await listTimedOut(db, new Date(now.getTime() - timeoutMs).toISOString());
  let converted = 0;
  for (const conversation of timedOut) {
    if (await convertToMessage(db, conversation, 'nobody_free', now)) converted++;
  }
  return converted;
}

export const chatQueueJob = defineJob('chat.queue-timeout', {
  payload: Type.Object({ slot: Type.String() }),
  maxAttempts: 3,
  async run(ctx) {
    await sweepWaitingChats(ctx.db, ctx.now());
  },
});
definePeriodicJob(chatQueueJob, { everyMs: 20_000, payload: (slot) => ({ slot: slot.toISOString() }) });
