import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { answerQuestion } from '../knowledge/assistant.js';
import type { ChatMessageData } from './model.js';

/**
 * The knowledge assistant's answer as a chat message: the same extractive answer as
 * `POST /api/v1/assistant/answer`, as plain text, with its sources as links. A declined question says so and
 * marks the message, so the widget can offer a person straight away.
 */
export async function answerAsAssistant(
  db: Db,
  question: string,
  language: Language,
): Promise<{ body: string; data: ChatMessageData }> {
  const answer = await answerQuestion(db, { question, lang: language, channel: 'chat' });
  const sources = answer.sources.map((source) => ({ title: source.title, url: source.url }));
  return {
    body: answer.answer,
    data: answer.answered ? { sources } : { sources, notice: 'no_answer' },
  };
}
