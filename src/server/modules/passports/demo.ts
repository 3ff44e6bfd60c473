import type { Db } from '../../db/connection.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { findOfficeByCode } from '../offices/storage.js';
import { type ApplicationInput, applyRecords } from './apply.js';
import { linkCaseToApplication } from './link-case.js';
import { MAIN_PATH, type PassportService, type Stage } from './model.js';
import { findApplicationByNumber } from './storage.js';

/**
 * Applications the demo file lists for trying the status check: number, date of birth and where they stand. They
 * are part of the generated set below (its first entries), so the list and the data cannot drift apart.
 */
export const DEMO_STATUS_EXAMPLES: readonly { number: string; birthDate: string; stage: Stage }[] = [
  { number: 'SBY2611000001', birthDate: '1990-08-17', stage: 'ready_for_pickup' },
  { number: 'SBY2611000002', birthDate: '1985-03-04', stage: 'needs_documents' },
  { number: 'SBY2611000003', birthDate: '1978-12-25', stage: 'adjudicated' },
  { number: 'SBY2611000004', birthDate: '2001-06-30', stage: 'paid' },
];

const FIRST = [
  'Andi',
  'Budi',
  'Citra',
  'Dewi',
  'Eko',
  'Fitri',
  'Gilang',
  'Hana',
  'Irfan',
  'Joko',
  'Kartika',
  'Lukman',
  'Maya',
  'Nanda',
  'Oki',
  'Putri',
  'Rizky',
  'Sari',
  'Tono',
  'Wulan',
];
// Surnames that say what they are: nobody real.
const LAST = ['Contoh', 'Fiktif', 'Rekaan', 'Sampel', 'Percobaan', 'Simulasi', 'Peraga', 'Ilustrasi'];
const OFFICERS = [
  'Petugas Loket 1',
  'Petugas Loket 2',
  'Petugas Wawancara A',
  'Petugas Wawancara B',
  'Kasi Dokumen',
];
const NOTES = [
  'Akta kelahiran asli belum dibawa',
  'Kartu Keluarga terbaru (nama ibu berbeda di KTP)',
  'Surat keterangan hilang dari kepolisian',
];
const DAY = 86_400_000;

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface DemoApplication {
  base: Omit<ApplicationInput, 'stage' | 'stageAt' | 'stageOfficer' | 'stageNote'>;
  /** The stages it went through, with times. */
  history: { stage: Stage; at: Date; note?: string }[];
}

/** About 300 applications of the last three weeks, at every stage, a few late, a few missing documents. */
function generate(now: Date, count = 300): DemoApplication[] {
  const next = random(26);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const apps: DemoApplication[] = [];
  for (let i = 1; i <= count; i++) {
    const example = DEMO_STATUS_EXAMPLES[i - 1];
    const daysAgo = example ? [9, 6, 8, 1][i - 1]! : Math.floor(next() * 21);
    const appointment = new Date(today - daysAgo * DAY);
    const weekend = appointment.getUTCDay() === 0 || appointment.getUTCDay() === 6;
    if (weekend) appointment.setTime(appointment.getTime() - 2 * DAY);
    const sameDay = next() < 0.08;
    const first = pick(FIRST);
    const birth =
      example?.birthDate ??
      new Date(Date.UTC(1950 + Math.floor(next() * 60), Math.floor(next() * 12), 1 + Math.floor(next() * 28)))
        .toISOString()
        .slice(0, 10);
    const consent = next() < 0.3;
    const base: DemoApplication['base'] = {
      applicationNumber: example?.number ?? `SBY2611${String(i).padStart(6, '0')}`,
      applicantName: `${first} ${pick(LAST)}`,
      birthDate: birth,
      nik: null,
      contactEmail: consent ? `${first.toLowerCase()}.${i}@example.com` : null,
      contactConsent: consent,
      language: next() < 0.9 ? 'id' : 'en',
      passportKind: next() < 0.7 ? 'electronic' : 'non_electronic',
      validityYears: next() < 0.85 ? 10 : 5,
      service: pick<PassportService>([
        'new',
        'new',
        'renewal',
        'renewal',
        'replacement_lost',
        'replacement_damaged',
      ]),
      speed: sameDay ? 'same_day' : 'regular',
      appointmentDate: appointment.toISOString().slice(0, 10),
      priorityGroup:
        next() < 0.08 ? pick(['elderly', 'disability', 'child_under_5', 'pregnant'] as const) : null,
    };
    // How far it got: older appointments further along; some stuck (late), some branch off.
    const target = example?.stage ?? chooseStage(daysAgo, next, sameDay);
    const history: DemoApplication['history'] = [];
    let at = appointment.getTime() - (3 + Math.floor(next() * 10)) * DAY + 2 * 3_600_000; // booked days before, 09:00 WIB
    history.push({ stage: 'booked', at: new Date(at) });
    at = appointment.getTime() + 1 * 3_600_000 + Math.floor(next() * 4) * 3_600_000; // 08:00–12:00 WIB
    const path =
      target === 'needs_documents' || target === 'rejected' || target === 'cancelled'
        ? MAIN_PATH.slice(1, 2)
        : MAIN_PATH.slice(1, MAIN_PATH.indexOf(target) + 1);
    const stepHours = sameDay ? 1 : 20;
    for (const stage of path) {
      history.push({ stage, at: new Date(Math.min(at, now.getTime() - 3_600_000)) });
      at += (stage === 'printed' ? 24 : stepHours) * 3_600_000 * (0.5 + next());
    }
    if (target === 'needs_documents' || target === 'rejected' || target === 'cancelled') {
      history.push({
        stage: target,
        at: new Date(Math.min(at, now.getTime() - 3_600_000)),
        note:
          target === 'cancelled'
            ? undefined
            : target === 'rejected'
              ? 'Data kependudukan tidak sesuai'
              : pick(NOTES),
      });
    }
    apps.push({ base, history });
  }
  return apps;
}

function chooseStage(daysAgo: number, next: () => number, sameDay: boolean): Stage {
  const r = next();
  if (r < 0.05) return 'needs_documents';
  if (r < 0.07) return 'cancelled';
  if (r < 0.08 && daysAgo > 1) return 'rejected';
  if (daysAgo === 0) return sameDay ? 'printed' : 'biometrics_taken';
  // A few that should be ready by now but are stuck: the late ones staff must chase.
  if (daysAgo > 6 && r < 0.14) return 'adjudicated';
  const reached = Math.min(MAIN_PATH.length - 1, 1 + Math.floor(daysAgo * 0.8 + next() * 2));
  return MAIN_PATH[reached]!;
}

/**
 * Seeds the demo office's applications through the same batched path as imports (one batch per step, so each
 * gets its stage history), and links the demo cases about a particular passport to one. Notifications queued by
 * the replayed history are dropped: the demo mails nobody.
 */
export async function seedDemoPassports(db: Db, officeCode: string, now = new Date()): Promise<number> {
  const office = await findOfficeByCode(db, officeCode);
  if (!office) return 0;
  const apps = generate(now);
  const steps = Math.max(...apps.map((a) => a.history.length));
  for (let step = 0; step < steps; step++) {
    const records = apps
      .filter((a) => a.history.length > step)
      .map((a) => {
        const entry = a.history[step]!;
        return {
          ...a.base,
          stage: entry.stage,
          stageAt: entry.at.toISOString(),
          stageOfficer: step === 0 ? null : OFFICERS[step % OFFICERS.length]!,
          stageNote: entry.note ?? null,
        };
      });
    await db.transaction().execute((trx) =>
      applyRecords(trx, SYSTEM_ACTOR, office.id, records, {
        source: 'demo',
        now: records[0] ? new Date(records[0].stageAt) : now,
      }),
    );
  }
  await linkDemoCases(db, office.id);
  await db
    .deleteFrom('jobs')
    .where('kind', '=', 'passport.notify-applicant')
    .where('status', '=', 'pending')
    .execute();
  return apps.length;
}

/** Demo cases about one particular passport, and the demo application each is about. */
const DEMO_LINKS: readonly { subjectStart: string; applicationNumber: string }[] = [
  { subjectStart: 'Sudah 6 hari kerja paspor belum jadi', applicationNumber: 'SBY2611000003' },
  { subjectStart: 'Bisa paspor jadi hari ini', applicationNumber: 'SBY2611000004' },
  { subjectStart: 'Paspor anak saya hilang', applicationNumber: 'SBY2611000002' },
];

async function linkDemoCases(db: Db, officeId: string): Promise<void> {
  const cases = await db
    .selectFrom('cases')
    .select(['tracking_code', 'subject'])
    .where('office_id', '=', officeId)
    .execute();
  for (const link of DEMO_LINKS) {
    const found = cases.find((c) => c.subject.startsWith(link.subjectStart));
    const subject = found && (await findCaseByTrackingCode(db, found.tracking_code));
    const app = await findApplicationByNumber(db, officeId, link.applicationNumber);
    if (subject && app) await linkCaseToApplication(db, SYSTEM_ACTOR, subject, app, { by: 'staff' });
  }
}
