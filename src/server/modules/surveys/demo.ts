import type { Db } from '../../db/connection.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { answerQuestion } from '../knowledge/assistant.js';
import { giveCaseFeedback } from './case-feedback.js';
import { SKM_ELEMENTS, type SkmAnswers } from './ikm.js';
import type { SkmProfile, SkmSource } from './model.js';
import { PROFILE_CHOICES } from './model.js';
import { submitSkmResponse } from './submit-response.js';

/**
 * Demo satisfaction data, through the real commands: a year of SKM answers (about 60 a quarter, slowly improving,
 * waiting time U3 and complaint handling U9 the weakest as in published immigration SKM reports), ratings on a few
 * resolved demo cases, and questions asked to the assistant so the dashboard's topics are filled.
 */
const DAY_MS = 86_400_000;

/** A small deterministic generator, so every demo start shows the same figures. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Per element, the chance of each score 1–4 drifts upward over the year (`progress` 0 → 1). */
function answersFor(next: () => number, progress: number): SkmAnswers {
  const weak = new Set(['u3', 'u9']);
  const answer = (element: string) => {
    const r = next();
    const good = (weak.has(element) ? 0.35 : 0.55) + 0.15 * progress;
    if (r < 0.03) return 1;
    if (r < 0.03 + (weak.has(element) ? 0.25 : 0.1)) return 2;
    if (r < 1 - good * 0.5) return 3;
    return 4;
  };
  return Object.fromEntries(SKM_ELEMENTS.map((e) => [e, answer(e)])) as SkmAnswers;
}

function profileFor(next: () => number): SkmProfile {
  if (next() < 0.3) return {};
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return {
    ageBand: pick(PROFILE_CHOICES.ageBand),
    sex: pick(PROFILE_CHOICES.sex),
    education: pick(PROFILE_CHOICES.education),
    occupation: pick(PROFILE_CHOICES.occupation),
  };
}

const SERVICES = ['paspor', 'paspor', 'paspor', 'izin-tinggal', 'visa', 'layanan-umum'];
const SOURCES: SkmSource[] = ['kiosk', 'kiosk', 'web', 'case', 'passport'];

const QUESTIONS: [string, number][] = [
  ['berapa biaya paspor elektronik 10 tahun', 9],
  ['syarat membuat paspor baru', 8],
  ['cara daftar antrean m-paspor', 7],
  ['paspor hilang apa yang harus dilakukan', 6],
  ['berapa lama paspor jadi', 5],
  ['jam buka kantor imigrasi', 5],
  ['how much is an e-passport', 3],
];

export async function seedDemoSurveys(
  db: Db,
  secret: string,
  officeCode: string,
  resolvedCodes: string[],
  now: Date,
): Promise<void> {
  const next = random(20261128);
  const days = 360;
  for (let i = 0; i < 240; i++) {
    const daysAgo = days - Math.floor((i / 240) * days) - 1;
    await submitSkmResponse(
      db,
      { secret },
      {
        officeCode,
        serviceCode: SERVICES[Math.floor(next() * SERVICES.length)]!,
        answers: answersFor(next, i / 240),
        profile: profileFor(next),
        language: next() < 0.85 ? 'id' : 'en',
        source: SOURCES[Math.floor(next() * SOURCES.length)]!,
      },
      { now: new Date(now.getTime() - daysAgo * DAY_MS) },
    );
  }
  const comments = ['Petugas ramah dan jelas.', null, 'Terima kasih, sudah beres.', null];
  for (const [i, code] of resolvedCodes.slice(0, 4).entries()) {
    const found = await findCaseByTrackingCode(db, code);
    if (!found) continue;
    await giveCaseFeedback(db, CITIZEN_ACTOR, found, {
      rating: [5, 4, 5, 3][i]!,
      comment: comments[i] ?? undefined,
    });
  }
  for (const [question, times] of QUESTIONS)
    for (let i = 0; i < times; i++)
      await answerQuestion(db, { question, lang: question.startsWith('how') ? 'en' : 'id', channel: 'web' });
}
