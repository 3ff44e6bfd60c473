import type { Db } from '../db/connection.js';
import { type Actor, CITIZEN_ACTOR, SYSTEM_ACTOR } from '../events/catalogue.js';
import { addCitizenMessage, addStaffMessage } from '../modules/cases/add-message.js';
import { createCase } from '../modules/cases/create-case.js';
import type { Case } from '../modules/cases/model.js';
import { findCaseByTrackingCode } from '../modules/cases/storage.js';
import { transitionCase } from '../modules/cases/transition-case.js';
import { seedDemoMail } from '../modules/email/demo.js';
import { seedDemoKnowledge } from '../modules/knowledge/demo-seed.js';
import { seedDemoMessaging } from '../modules/messaging/demo.js';
import { createOffice } from '../modules/offices/create-office.js';
import { seedDemoPassports } from '../modules/passports/demo.js';
import { seedDemoPublications } from '../modules/publications/demo.js';
import { seedDemoSurveys } from '../modules/surveys/demo.js';
import { demoCases, demoServices } from './demo-content.js';
import type { DemoCase, DemoStep } from './demo-data-types.js';

const HOUR = 3_600_000;

export const DEMO_OFFICE_CODE = 'SBY';

/** True when the database holds no office yet: the only state in which demo data is added. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('offices').select('id').limit(1).executeTakeFirst()) === undefined;
}

export interface SeededCase {
  trackingCode: string;
  accessKey: string;
  status: Case['status'];
  subject: string;
}

/**
 * The demo office with its services and a few dozen cases whose histories are replayed through the real
 * commands at back-dated times, so every timeline and event looks as it would in production.
 */
export async function seedDemo(db: Db, secret: string, now = new Date()): Promise<SeededCase[]> {
  await createOffice(
    db,
    SYSTEM_ACTOR,
    {
      code: DEMO_OFFICE_CODE,
      nameId: 'Kantor Imigrasi Kelas I Khusus TPI Surabaya',
      nameEn: 'Surabaya Class I Special Immigration Office (TPI)',
      timeZone: 'Asia/Jakarta',
      address: 'Jl. Contoh No. 1, Surabaya (alamat contoh)',
      phone: '+62 31 0000 0000',
      email: 'informasi@example.go.id',
      website: 'https://example.go.id',
      whatsapp: '+62 811-0000-0000',
      contactIsExample: true,
      logoText: 'SBY',
      brandColor: '#0b4f8a',
      // Example hours, like the address above: the real office's come from its own configuration.
      openingHours: {
        id: 'Senin–Jumat 08.00–16.00 WIB (jam contoh)\nSabtu, Minggu dan hari libur nasional: tutup',
        en: 'Monday–Friday 08:00–16:00 WIB (example hours)\nSaturday, Sunday and public holidays: closed',
      },
      services: demoServices,
    },
    new Date(now.getTime() - 90 * 24 * HOUR),
  );
  await seedDemoKnowledge(
    db,
    { type: 'staff', id: null, name: 'Tim Humas (demo)' },
    DEMO_OFFICE_CODE,
    new Date(now.getTime() - 30 * 24 * HOUR),
  );
  const seeded: SeededCase[] = [];
  for (const demo of demoCases) seeded.push(await replayCase(db, secret, demo, now));
  await seedDemoPassports(db, DEMO_OFFICE_CODE, now);
  await seedDemoMail(db, DEMO_OFFICE_CODE);
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', DEMO_OFFICE_CODE)
    .executeTakeFirstOrThrow();
  await seedDemoPublications(db, secret, office.id, now);
  await seedDemoMessaging(db, secret, DEMO_OFFICE_CODE, now);
  const resolved = seeded.filter((c) => c.status === 'resolved').map((c) => c.trackingCode);
  await seedDemoSurveys(db, secret, DEMO_OFFICE_CODE, resolved, now);
  return seeded;
}

async function replayCase(db: Db, secret: string, demo: DemoCase, now: Date): Promise<SeededCase> {
  const receivedAt = now.getTime() - demo.receivedDaysAgo * 24 * HOUR;
  const created = await createCase(
    db,
    CITIZEN_ACTOR,
    {
      type: demo.type,
      officeCode: DEMO_OFFICE_CODE,
      subject: demo.subject,
      description: demo.description,
      serviceCode: demo.serviceCode,
      categoryCode: demo.categoryCode,
      channel: demo.channel,
      language: demo.language,
      priority: demo.priority,
      contact: demo.contact,
      anonymous: demo.anonymous,
      confidential: demo.confidential,
    },
    { secret, now: new Date(receivedAt) },
  );
  const code = created.case.trackingCode;
  for (const step of demo.steps)
    await replayStep(db, code, step, new Date(receivedAt + step.afterHours * HOUR));
  const final = await findCaseByTrackingCode(db, code);
  return { trackingCode: code, accessKey: created.accessKey, status: final!.status, subject: demo.subject };
}

async function replayStep(db: Db, code: string, step: DemoStep, at: Date): Promise<void> {
  const current = (await findCaseByTrackingCode(db, code))!;
  switch (step.action) {
    case 'citizen':
      await addCitizenMessage(db, CITIZEN_ACTOR, current, { body: step.body }, at);
      return;
    case 'reply':
    case 'note':
      await addStaffMessage(
        db,
        staff(step.staffName),
        current,
        { kind: step.action === 'reply' ? 'public_reply' : 'internal_note', body: step.body },
        at,
      );
      return;
    case 'status':
      await transitionCase(db, staff(step.staffName), code, { to: step.to, reason: step.reason }, at);
      return;
  }
}

function staff(name: string): Actor {
  return { type: 'staff', id: null, name };
}
