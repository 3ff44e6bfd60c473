import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test-support/database.js';
import { ENGINE } from '../../../test-support/engine.js';
import { buildOffice } from '../../../test-support/factories.js';
import { demoServices } from '../../demo/demo-content.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { type Answer, answerQuestion } from './assistant.js';
import { seedDemoKnowledge } from './demo-seed.js';
import { EVALUATION_QUESTIONS } from './evaluation/questions.js';

/**
 * The assistant against the labelled evaluation set, on the seeded demo content and the engine under test.
 * An answerable question counts as right when the answer's top source (or the entry it was taken from) is the
 * expected article or FAQ entry; an off-topic question counts as a false answer when it is answered at all.
 */
const MIN_ACCURACY = 0.9;
const MAX_FALSE_ANSWERS = 0.1;

const database = await createTestDatabase();
const db = database.db;

beforeAll(async () => {
  await buildOffice(db, { code: 'SBY', services: demoServices });
  await seedDemoKnowledge(db, SYSTEM_ACTOR, 'SBY');
}, 120_000);

function isRight(answer: Answer, expected: string): boolean {
  return answer.answered && (answer.matched?.key === expected || answer.sources[0]?.key === expected);
}

describe(`assistant evaluation (${ENGINE})`, () => {
  it('answers the answerable questions and declines the rest', async () => {
    const answerable = EVALUATION_QUESTIONS.filter((q) => q.expected !== null);
    const offTopic = EVALUATION_QUESTIONS.filter((q) => q.expected === null);
    expect(answerable.length + offTopic.length).toBeGreaterThanOrEqual(150);
    expect(offTopic.length).toBeGreaterThanOrEqual(20);

    const misses: string[] = [];
    const byStyle = new Map<string, { right: number; total: number }>();
    let right = 0;
    for (const q of answerable) {
      const answer = await answerQuestion(db, { question: q.question, lang: q.lang, log: false });
      const ok = isRight(answer, q.expected!);
      if (ok) right++;
      else
        misses.push(
          `  ✗ [${q.style}] ${q.question} → expected ${q.expected}, got ${answer.answered ? (answer.matched?.key ?? '?') : 'declined'} (${answer.confidence})`,
        );
      const tally = byStyle.get(q.style) ?? { right: 0, total: 0 };
      tally.total++;
      if (ok) tally.right++;
      byStyle.set(q.style, tally);
    }
    let falseAnswers = 0;
    for (const q of offTopic) {
      const answer = await answerQuestion(db, { question: q.question, lang: q.lang, log: false });
      if (answer.answered) {
        falseAnswers++;
        misses.push(
          `  ✗ [off-topic] ${q.question} → answered with ${answer.matched?.key} (${answer.confidence})`,
        );
      }
    }
    const accuracy = right / answerable.length;
    const falseRate = falseAnswers / offTopic.length;
    const styles = [...byStyle].map(([style, t]) => `${style} ${t.right}/${t.total}`).join(', ');
    console.log(
      [
        `Assistant evaluation on ${ENGINE}: top-1 accuracy ${(accuracy * 100).toFixed(1)}% (${right}/${answerable.length}; ${styles}); ` +
          `off-topic answered ${(falseRate * 100).toFixed(1)}% (${falseAnswers}/${offTopic.length})`,
        ...misses,
      ].join('\n'),
    );
    expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(falseRate).toBeLessThanOrEqual(MAX_FALSE_ANSWERS);
  }, 120_000);
});
