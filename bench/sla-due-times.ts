/**
 * In-process cost of service levels on case creation: `dueTimesForNewCase` with warm caches (policies and the
 * office calendar in memory), as create-case calls it. Run: npx tsx bench/sla-due-times.ts
 */
import { openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { CITIZEN_ACTOR } from '../src/server/events/catalogue.js';
import { createOffice } from '../src/server/modules/offices/create-office.js';
import { dueTimesForNewCase } from '../src/server/modules/service-levels/due-times.js';

const database = openDatabase('sqlite::memory:');
await migrateToLatest(database.db);
const officeId = await createOffice(database.db, CITIZEN_ACTOR, {
  code: 'BEN',
  nameId: 'Bench',
  nameEn: 'Bench',
  timeZone: 'Asia/Jakarta',
  contactIsExample: true,
  services: [],
});
const classification = {
  type: 'complaint' as const,
  serviceId: null,
  categoryId: null,
  priority: 'normal' as const,
};
const start = Date.parse('2026-01-05T02:00:00Z');
// Warm the caches (first call loads policies and calendar; the calendar caches each day it meets).
for (let i = 0; i < 1000; i++)
  await dueTimesForNewCase(database.db, officeId, classification, new Date(start + i * 3_600_000));
const runs = 100_000;
const began = process.hrtime.bigint();
for (let i = 0; i < runs; i++) {
  // Receipt times spread over a year, so day caches of many dates are exercised.
  await dueTimesForNewCase(database.db, officeId, classification, new Date(start + (i % 8760) * 3_600_000));
}
const perCallUs = Number(process.hrtime.bigint() - began) / runs / 1000;
console.log(`dueTimesForNewCase, warm: ${perCallUs.toFixed(2)} µs per case creation (${runs} runs)`);
await database.close();
