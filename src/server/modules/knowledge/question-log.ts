import type { Channel, Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toBool, toIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { dayEndIn, dayStartIn, isCalendarDate } from '../../lib/calendar-dates.js';
import { newId } from '../../lib/ids.js';
import { normaliseQuestion } from './scrub.js';

/**
 * The assistant's question log: what was asked (scrubbed of personal data, see scrub.ts), in which language,
 * whether it was answered, how sure the assistant was and from which source — never who asked or from where.
 */
export interface LoggedQuestion {
  question: string;
  language: Language;
  answered: boolean;
  confidence: number;
  matchedKind: string | null;
  matchedKey: string | null;
  channel: Channel;
}

export async function logQuestion(db: Db, entry: LoggedQuestion, at = new Date()): Promise<void> {
  await db
    .insertInto('kb_questions')
    .values({
      id: newId(at.getTime()),
      question: normaliseQuestion(entry.question),
      language: entry.language,
      answered: entry.answered,
      confidence: Math.round(entry.confidence * 100),
      matched_kind: entry.matchedKind,
      matched_key: entry.matchedKey,
      channel: entry.channel,
      created_at: at.toISOString(),
    })
    .execute();
}

export interface QuestionFilter {
  /** Inclusive calendar dates, in the time zone the caller passes (the staff member's office's). */
  from?: string;
  to?: string;
  lang?: Language;
  answered?: boolean;
  limit?: number;
}

/** Filter dates must be real calendar dates (a pattern alone lets 2025-02-30 through). */
function checkDates(filter: QuestionFilter): void {
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== undefined && !isCalendarDate(value))
      throw new AppError('validation_failed', { errors: [{ field, code: 'format' }] });
  }
}

export async function listQuestions(db: Db, filter: QuestionFilter, timeZone: string) {
  checkDates(filter);
  const rows = await db
    .selectFrom('kb_questions')
    .selectAll()
    .$if(filter.from !== undefined, (q) => q.where('created_at', '>=', dayStartIn(timeZone, filter.from!)))
    .$if(filter.to !== undefined, (q) => q.where('created_at', '<', dayEndIn(timeZone, filter.to!)))
    .$if(filter.lang !== undefined, (q) => q.where('language', '=', filter.lang!))
    .$if(filter.answered !== undefined, (q) => q.where('answered', '=', filter.answered!))
    .orderBy('created_at', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    question: row.question,
    language: row.language,
    answered: toBool(row.answered),
    confidence: row.confidence / 100,
    matchedKind: row.matched_kind,
    matchedKey: row.matched_key,
    channel: row.channel,
    askedAt: toIso(row.created_at),
  }));
}

/** Unanswered questions grouped by their normalised text, most asked first: what the knowledge base lacks. */
export async function unansweredQuestions(
  db: Db,
  filter: Omit<QuestionFilter, 'answered'>,
  timeZone: string,
) {
  checkDates(filter);
  const rows = await db
    .selectFrom('kb_questions')
    .select((eb) => [
      'question',
      'language',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.max('created_at').as('last_asked_at'),
      eb.fn.max('confidence').as('best_confidence'),
    ])
    .where('answered', '=', false)
    .$if(filter.from !== undefined, (q) => q.where('created_at', '>=', dayStartIn(timeZone, filter.from!)))
    .$if(filter.to !== undefined, (q) => q.where('created_at', '<', dayEndIn(timeZone, filter.to!)))
    .$if(filter.lang !== undefined, (q) => q.where('language', '=', filter.lang!))
    .groupBy(['question', 'language'])
    .orderBy('count', 'desc')
    .orderBy('last_asked_at', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    question: row.question,
    language: row.language,
    count: Number(row.count),
    lastAskedAt: toIso(row.last_asked_at as Date | string),
    bestConfidence: Number(row.best_confidence) / 100,
  }));
}
