import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ENGINE } from '../../../test-support/engine.js';
import { listQuestions, logQuestion, unansweredQuestions } from './question-log.js';

const asked = (question: string) => ({
  question,
  language: 'id' as const,
  answered: false,
  confidence: 0.1,
  matchedKind: null,
  matchedKey: null,
  channel: 'web' as const,
});

describe(`question log (${ENGINE})`, () => {
  let db: TestDatabase['db'];

  beforeAll(async () => {
    ({ db } = await createTestDatabase());
    // 23:59 and 00:00 in Surabaya (UTC+7): two different local days, one UTC day.
    await logQuestion(db, asked('cara bikin sim'), new Date('2026-11-28T16:59:00Z'));
    await logQuestion(db, asked('jam buka kantor'), new Date('2026-11-28T17:00:00Z'));
  });

  it("reads a report's days in the given time zone, so midnight is the office's midnight", async () => {
    const on = async (day: string, timeZone: string) =>
      (await unansweredQuestions(db, { from: day, to: day }, timeZone)).map((q) => q.question);
    expect(await on('2026-11-28', 'Asia/Jakarta')).toEqual(['cara bikin sim']);
    expect(await on('2026-11-29', 'Asia/Jakarta')).toEqual(['jam buka kantor']);
    expect((await on('2026-11-28', 'UTC')).sort()).toEqual(['cara bikin sim', 'jam buka kantor']);
    const log = await listQuestions(db, { from: '2026-11-29' }, 'Asia/Jakarta');
    expect(log.map((q) => q.question)).toEqual(['jam buka kantor']);
  });
});
