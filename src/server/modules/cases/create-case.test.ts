import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildCase, buildOffice } from '../../../test-support/factories.js';
import { findCaseByTrackingCode, listCaseEvents } from './storage.js';

/** Codes the generator hands out before it goes back to random ones: a clash made to order. */
const nextCodes: string[] = [];

vi.mock('./tracking-code.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./tracking-code.js')>();
  return {
    ...actual,
    generateTrackingCode: (office: string, year: number) =>
      nextCodes.shift() ?? actual.generateTrackingCode(office, year),
  };
});

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
});

describe('a tracking code that is already taken', () => {
  it('gives the new case another code and leaves the case that has it alone', async () => {
    const { case: first } = await buildCase(database.db, { subject: 'Kasus pertama' });
    nextCodes.push(first.trackingCode, first.trackingCode);
    // Two submissions at once, so also within one group commit: both clash, both get codes of their own.
    const [second, third] = await Promise.all([
      buildCase(database.db, { subject: 'Kasus kedua' }),
      buildCase(database.db, { subject: 'Kasus ketiga' }),
    ]);
    expect(nextCodes).toEqual([]);
    const codes = [first.trackingCode, second.case.trackingCode, third.case.trackingCode];
    expect(new Set(codes).size).toBe(3);
    expect((await findCaseByTrackingCode(database.db, first.trackingCode))?.subject).toBe('Kasus pertama');
    expect((await findCaseByTrackingCode(database.db, second.case.trackingCode))?.subject).toBe(
      'Kasus kedua',
    );
    expect((await findCaseByTrackingCode(database.db, third.case.trackingCode))?.subject).toBe(
      'Kasus ketiga',
    );
    // The event names the code the case was given, not the one that was taken.
    const [created] = await listCaseEvents(database.db, second.case.id, ['case.created']);
    expect(created?.payload).toMatchObject({ trackingCode: second.case.trackingCode });
  });
});
