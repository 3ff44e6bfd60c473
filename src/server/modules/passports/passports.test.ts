import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ENGINE } from '../../../test-support/engine.js';
import { buildOffice, officeIdOf, TEST_SECRET } from '../../../test-support/factories.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { importTable } from './import.js';
import { allowedNextStages, canMove, isLate, MAIN_PATH, nikHash } from './model.js';
import { findApplicationByNumber, listStages } from './storage.js';
import { parseCsv, readTable } from './table-file.js';

const HEADER =
  'application_number,office_code,applicant_name,birth_date,passport_kind,service,stage,stage_at,appointment_date,nik,email,contact_consent,stage_note';
const row = (overrides: Partial<Record<string, string>> = {}) => {
  const values = {
    application_number: 'TST2612000001',
    office_code: 'TST',
    applicant_name: 'Budi Contoh',
    birth_date: '1990-08-17',
    passport_kind: 'e-paspor',
    service: 'baru',
    stage: 'booked',
    stage_at: '2026-12-01 08:30',
    appointment_date: '2026-12-01',
    nik: '3578010101900001',
    email: 'budi@example.com',
    contact_consent: 'ya',
    stage_note: '',
    ...overrides,
  };
  return Object.values(values).join(',');
};

let database: TestDatabase;
let officeId: string;
const NOW = new Date('2026-12-02T03:00:00Z');

async function runImport(csv: string, options: { dryRun?: boolean; officeCode?: string } = {}) {
  const offices = (await database.db.selectFrom('offices').select(['id', 'code', 'time_zone']).execute()).map(
    (o) => ({ id: o.id, code: o.code, timeZone: o.time_zone }),
  );
  return importTable(database.db, SYSTEM_ACTOR, parseCsv(csv), {
    offices,
    secret: TEST_SECRET,
    now: NOW,
    fileName: 'test.csv',
    ...options,
  });
}

const eventCount = async () =>
  Number(
    (
      await database.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', 'like', 'passport.%')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
  officeId = await officeIdOf(database.db, 'TST');
});

describe('the stage machine', () => {
  it('moves forward along the main path, possibly over unreported stages, never back', () => {
    expect(canMove('booked', 'documents_verified')).toBe(true);
    expect(canMove('booked', 'paid')).toBe(true);
    expect(canMove('printed', 'adjudicated')).toBe(false);
    expect(canMove('paid', 'booked')).toBe(false);
  });

  it('has the needs_documents, rejected and cancelled branches', () => {
    expect(canMove('interviewed', 'needs_documents')).toBe(true);
    expect(canMove('needs_documents', 'documents_verified')).toBe(true);
    expect(canMove('needs_documents', 'booked')).toBe(false);
    expect(canMove('booked', 'rejected')).toBe(false);
    expect(canMove('adjudicated', 'rejected')).toBe(true);
    expect(canMove('printed', 'needs_documents')).toBe(false);
    expect(canMove('ready_for_pickup', 'cancelled')).toBe(true);
  });

  it('ends in collected, rejected and cancelled', () => {
    for (const final of ['collected', 'rejected', 'cancelled'] as const)
      expect(allowedNextStages(final)).toEqual([]);
    expect(MAIN_PATH.at(-1)).toBe('collected');
  });

  it('flags lateness only while the office owes work', () => {
    const past = '2026-01-01T00:00:00.000Z';
    expect(isLate({ stage: 'printed', expectedAt: past }, NOW)).toBe(true);
    expect(isLate({ stage: 'ready_for_pickup', expectedAt: past }, NOW)).toBe(false);
    expect(isLate({ stage: 'needs_documents', expectedAt: past }, NOW)).toBe(false);
    expect(isLate({ stage: 'printed', expectedAt: null }, NOW)).toBe(false);
  });
});

describe('reading files', () => {
  it('reads a BOM, semicolons, quotes with delimiters, doubled quotes and line breaks', () => {
    const table = parseCsv('\uFEFFa;b;c\r\n1;"x; ""y""\nz";3\n\n4;5;6');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'x; "y"\nz', '3'] },
      { line: 5, cells: ['4', '5', '6'] },
    ]);
  });

  it('reads the first sheet of an XLSX file, dates included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(['Nomor Permohonan', 'Tanggal Lahir']);
    sheet.addRow(['TST2612000009', new Date(Date.UTC(1990, 7, 17))]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.header).toEqual(['Nomor Permohonan', 'Tanggal Lahir']);
    expect(table.rows).toEqual([{ line: 2, cells: ['TST2612000009', '1990-08-17'] }]);
  });
});

describe(`importing passport applications on ${ENGINE}`, () => {
  it('reports every problem with row and column and writes nothing', async () => {
    const csv = [
      HEADER,
      row({ birth_date: '31/02/1990' }),
      row({ application_number: 'TST2612000002', office_code: 'XYZ' }),
      row({ application_number: 'TST2612000003', passport_kind: 'diplomatic' }),
      row({ application_number: 'TST2612000004' }),
      row({ application_number: 'TST2612000004' }),
      row({ application_number: 'TST2612000005', stage: 'needs_documents' }),
    ].join('\n');
    const report = await runImport(csv);
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([
      { row: 2, column: 'birth_date', code: 'invalid_date' },
      { row: 3, column: 'office_code', code: 'unknown_office', params: { value: 'XYZ' } },
      {
        row: 4,
        column: 'passport_kind',
        code: 'invalid_value',
        params: { allowed: 'non_electronic, electronic' },
      },
      { row: 6, column: 'application_number', code: 'duplicate_in_file', params: { firstRow: 5 } },
      { row: 7, column: 'stage_note', code: 'note_required' },
    ]);
    const count = await database.db
      .selectFrom('passport_applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('names missing columns and maps Indonesian headers by their aliases or an override', async () => {
    const missing = await runImport('nomor_permohonan,nama\nX,Y');
    expect(missing.problems.map((p) => p.column)).toEqual([
      'office_code',
      'birth_date',
      'passport_kind',
      'service',
      'stage',
      'stage_at',
    ]);
    const aliased = await runImport(
      'Nomor Permohonan;Kode Kantor;Nama Pemohon;Tgl Lahir;Jenis Paspor;Layanan;Tahap;Waktu Tahap;Kolom Lain\nTST2612000070;TST;Sari Fiktif;17/08/1990;biasa;hilang;booked;2026-12-01 08:00;x',
      { dryRun: true },
    );
    expect(aliased.problems).toEqual([]);
    expect(aliased.ignoredColumns).toEqual(['Kolom Lain']);
    expect(aliased.counts.created).toBe(1);
  });

  it('creates records with the NIK only as a hash and its last digits, and an expected date on the calendar', async () => {
    const report = await runImport([HEADER, row()].join('\n'));
    expect(report).toMatchObject({ written: true, counts: { created: 1, updated: 0, unchanged: 0 } });
    const app = (await findApplicationByNumber(database.db, officeId, 'TST2612000001'))!;
    expect(app).toMatchObject({
      applicantName: 'Budi Contoh',
      birthDate: '1990-08-17',
      nikHash: nikHash(TEST_SECRET, '3578010101900001'),
      nikLast4: '0001',
      contactConsent: true,
      passportKind: 'electronic',
      service: 'new',
      speed: 'regular',
      stage: 'booked',
      stageAt: '2026-12-01T01:30:00.000Z',
    });
    // Tuesday 1 December + 4 working days = Monday 7 December, at closing time (WIB).
    expect(app.expectedAt?.slice(0, 10)).toBe('2026-12-07');
    const stored = JSON.stringify(
      await database.db.selectFrom('passport_applications').selectAll().execute(),
    );
    expect(stored).not.toContain('3578010101900001');
  });

  it('re-imports idempotently: unchanged rows write nothing, a new stage appends to the history', async () => {
    const csv = [HEADER, row()].join('\n');
    const events = await eventCount();
    const again = await runImport(csv);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 1, stale: 0 });
    expect(await eventCount()).toBe(events);

    const moved = await runImport([HEADER, row({ stage: 'paid', stage_at: '2026-12-01 10:00' })].join('\n'));
    expect(moved.counts.updated).toBe(1);
    const app = (await findApplicationByNumber(database.db, officeId, 'TST2612000001'))!;
    expect((await listStages(database.db, app.id)).map((s) => s.stage)).toEqual(['booked', 'paid']);
    expect(await eventCount()).toBe(events + 2); // stage_changed + import_completed

    const stale = await runImport([HEADER, row()].join('\n'));
    expect(stale.counts.stale).toBe(1);
    expect((await findApplicationByNumber(database.db, officeId, 'TST2612000001'))!.stage).toBe('paid');
  });

  it('refuses a move the stage machine does not allow, before writing anything', async () => {
    const report = await runImport(
      [
        HEADER,
        row({ application_number: 'TST2612000050' }),
        row({ stage: 'collected', stage_at: '2026-12-01 11:00' }),
      ].join('\n'),
    );
    expect(report.problems).toEqual([]);
    const back = await runImport(
      [
        HEADER,
        row({ application_number: 'TST2612000051' }),
        row({ stage: 'booked', stage_at: '2026-12-01 12:00' }),
      ].join('\n'),
    );
    expect(back.problems).toEqual([
      { row: 3, column: 'stage', code: 'invalid_transition', params: { from: 'collected', to: 'booked' } },
    ]);
    expect(await findApplicationByNumber(database.db, officeId, 'TST2612000051')).toBeUndefined();
  });

  it('keeps the promised date through ordinary stages and restarts it when missing documents come in', async () => {
    const at = (local: string) => ({ stage_at: local });
    await runImport(
      [HEADER, row({ application_number: 'TST2612000060', ...at('2026-12-01 08:00') })].join('\n'),
    );
    const promised = (await findApplicationByNumber(database.db, officeId, 'TST2612000060'))!.expectedAt;
    await runImport(
      [HEADER, row({ application_number: 'TST2612000060', stage: 'paid', ...at('2026-12-01 09:00') })].join(
        '\n',
      ),
    );
    expect((await findApplicationByNumber(database.db, officeId, 'TST2612000060'))!.expectedAt).toBe(
      promised,
    );
    await runImport(
      [
        HEADER,
        row({
          application_number: 'TST2612000060',
          stage: 'needs_documents',
          stage_note: 'Akta kelahiran',
          ...at('2026-12-01 10:00'),
        }),
      ].join('\n'),
    );
    await runImport(
      [
        HEADER,
        row({ application_number: 'TST2612000060', stage: 'documents_verified', ...at('2026-12-02 09:00') }),
      ].join('\n'),
    );
    // Wednesday 2 December + 4 working days = Tuesday 8 December.
    const restarted = (await findApplicationByNumber(database.db, officeId, 'TST2612000060'))!.expectedAt;
    expect(restarted?.slice(0, 10)).toBe('2026-12-08');
  });
});
