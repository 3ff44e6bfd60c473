import type { Db } from '../../db/connection.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { isCalendarDate } from '../../lib/calendar-dates.js';
import { type ApplicationInput, applyRecords, officeRules, planChange } from './apply.js';
import {
  nikHash,
  normaliseApplicationNumber,
  normaliseNik,
  PASSPORT_KINDS,
  PRIORITY_GROUPS,
  SERVICES,
  SPEEDS,
  STAGES,
  stageNeedsNote,
} from './model.js';
import { findApplicationsByNumbers } from './storage.js';
import type { Table } from './table-file.js';

/** The columns an import understands. The first eight are required (issue #7); the rest are optional. */
export const IMPORT_FIELDS = [
  'application_number',
  'office_code',
  'applicant_name',
  'birth_date',
  'passport_kind',
  'service',
  'stage',
  'stage_at',
  'validity_years',
  'speed',
  'appointment_date',
  'priority_group',
  'nik',
  'email',
  'phone',
  'contact_consent',
  'consent_at',
  'language',
  'stage_officer',
  'stage_note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = IMPORT_FIELDS.slice(0, 8);

/** Header names recognised for each field (compared lower-case, with spaces and dashes as `_`). */
export const HEADER_ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  application_number: ['application_number', 'nomor_permohonan', 'no_permohonan', 'application_no', 'nomor'],
  office_code: ['office_code', 'kode_kantor', 'office', 'kantor'],
  applicant_name: ['applicant_name', 'nama_pemohon', 'nama', 'name'],
  birth_date: ['birth_date', 'tanggal_lahir', 'tgl_lahir', 'date_of_birth', 'dob'],
  passport_kind: ['passport_kind', 'jenis_paspor', 'kind'],
  service: ['service', 'layanan', 'jenis_layanan', 'jenis_permohonan'],
  stage: ['stage', 'tahap', 'status', 'tahapan'],
  stage_at: ['stage_at', 'waktu_tahap', 'waktu_status', 'tanggal_status', 'updated_at'],
  validity_years: ['validity_years', 'masa_berlaku', 'validity'],
  speed: ['speed', 'percepatan', 'jenis_percepatan', 'service_speed'],
  appointment_date: ['appointment_date', 'tanggal_kedatangan', 'tanggal_janji', 'jadwal', 'appointment'],
  priority_group: ['priority_group', 'kelompok_prioritas', 'prioritas', 'priority'],
  nik: ['nik', 'no_ktp', 'nomor_induk_kependudukan'],
  email: ['email', 'e_mail', 'surel'],
  phone: ['phone', 'telepon', 'no_hp', 'nomor_hp', 'hp'],
  contact_consent: ['contact_consent', 'persetujuan_kontak', 'consent', 'setuju_dihubungi'],
  consent_at: ['consent_at', 'waktu_persetujuan', 'tanggal_persetujuan', 'consent_time', 'consented_at'],
  language: ['language', 'bahasa'],
  stage_officer: ['stage_officer', 'petugas', 'officer'],
  stage_note: ['stage_note', 'catatan', 'note', 'keterangan'],
};

const VALUE_ALIASES: Partial<Record<ImportField, Record<string, string>>> = {
  passport_kind: {
    non_electronic: 'non_electronic',
    nonelectronic: 'non_electronic',
    non_elektronik: 'non_electronic',
    biasa: 'non_electronic',
    paspor_biasa: 'non_electronic',
    ordinary: 'non_electronic',
    electronic: 'electronic',
    elektronik: 'electronic',
    e_passport: 'electronic',
    epassport: 'electronic',
    e_paspor: 'electronic',
    epaspor: 'electronic',
    paspor_elektronik: 'electronic',
  },
  service: {
    new: 'new',
    baru: 'new',
    renewal: 'renewal',
    penggantian: 'renewal',
    perpanjangan: 'renewal',
    habis_berlaku: 'renewal',
    replacement_lost: 'replacement_lost',
    lost: 'replacement_lost',
    hilang: 'replacement_lost',
    replacement_damaged: 'replacement_damaged',
    damaged: 'replacement_damaged',
    rusak: 'replacement_damaged',
  },
  speed: {
    regular: 'regular',
    reguler: 'regular',
    biasa: 'regular',
    same_day: 'same_day',
    percepatan: 'same_day',
    sameday: 'same_day',
  },
  priority_group: {
    elderly: 'elderly',
    lansia: 'elderly',
    disability: 'disability',
    disabilitas: 'disability',
    child_under_5: 'child_under_5',
    balita: 'child_under_5',
    pregnant: 'pregnant',
    ibu_hamil: 'pregnant',
    hamil: 'pregnant',
  },
  contact_consent: {
    yes: 'true',
    ya: 'true',
    y: 'true',
    true: 'true',
    '1': 'true',
    no: 'false',
    tidak: 'false',
    t: 'false',
    n: 'false',
    false: 'false',
    '0': 'false',
  },
  language: { id: 'id', in: 'id', indonesia: 'id', en: 'en', english: 'en', inggris: 'en' },
};

export interface ImportProblem {
  /** Row in the file (the header is row 1); 1 for problems with the header itself. */
  row: number;
  /** The column as named in the file (or the expected field when it is missing). */
  column: string;
  code:
    | 'missing_column'
    | 'duplicate_column'
    | 'required'
    | 'invalid_date'
    | 'invalid_time'
    | 'future_date'
    | 'invalid_value'
    | 'invalid_number'
    | 'too_long'
    | 'unknown_office'
    | 'office_mismatch'
    | 'duplicate_in_file'
    | 'invalid_transition'
    | 'note_required';
  /** Extra facts: the value's allowed list, the first row of a duplicate, the stages of a refused move. */
  params?: Record<string, string | number>;
}

export interface ImportOffice {
  id: string;
  code: string;
  timeZone: string;
}

export interface ImportOptions {
  /** Imports into this office only; rows naming another office are refused. Needed when the file has no office column. */
  officeCode?: string;
  /** Field → header in the file, for exports whose headers no alias recognises. */
  mapping?: Partial<Record<ImportField, string>>;
  offices: readonly ImportOffice[];
  secret: string;
  now: Date;
}

export interface ValidatedImport {
  problems: ImportProblem[];
  /** Unknown headers, reported so nobody wonders why a column had no effect. */
  ignoredColumns: string[];
  byOffice: Map<string, { office: ImportOffice; records: ApplicationInput[] }>;
  /** The file row of each record, by `officeId|applicationNumber`. */
  lineOf: Map<string, number>;
  rows: number;
}

const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
const normaliseToken = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');

/** Matches the file's headers to fields: the mapping override first, then the aliases. */
export function mapHeader(
  header: string[],
  mapping: ImportOptions['mapping'] = {},
): { columns: Partial<Record<ImportField, number>>; problems: ImportProblem[]; ignored: string[] } {
  const columns: Partial<Record<ImportField, number>> = {};
  const problems: ImportProblem[] = [];
  const normalised = header.map(normaliseHeader);
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const override = mapping[field];
    const candidates = override ? [normaliseHeader(override)] : HEADER_ALIASES[field];
    const matches = normalised
      .map((h, index) => (candidates.includes(h) && !used.has(index) ? index : -1))
      .filter((index) => index >= 0);
    const first = override
      ? matches[0]
      : candidates.map((c) => normalised.indexOf(c)).find((i) => i >= 0 && !used.has(i));
    if (first === undefined) {
      if (override) problems.push({ row: 1, column: override, code: 'missing_column', params: { field } });
      continue;
    }
    if (normalised.filter((h) => h === normalised[first]).length > 1)
      problems.push({ row: 1, column: header[first]!, code: 'duplicate_column' });
    columns[field] = first;
    used.add(first);
  }
  const ignored = header.filter((h, index) => !used.has(index) && h !== '');
  return { columns, problems, ignored };
}

/**
 * Validates a whole table before anything is written: every problem with its row and column. Records that pass
 * are grouped by office. Checks against stored data (transitions) are in `checkAgainstStored`.
 */
export function validateTable(table: Table, options: ImportOptions): ValidatedImport {
  const { columns, problems, ignored } = mapHeader(table.header, options.mapping);
  const officeByCode = new Map(options.offices.map((o) => [o.code, o]));
  const forcedOffice = options.officeCode?.toUpperCase();
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] !== undefined) continue;
    if (field === 'office_code' && forcedOffice) continue;
    problems.push({ row: 1, column: field, code: 'missing_column' });
  }
  const byOffice: ValidatedImport['byOffice'] = new Map();
  if (problems.length > 0)
    return { problems, ignoredColumns: ignored, byOffice, lineOf: new Map(), rows: table.rows.length };
  if (forcedOffice && !officeByCode.has(forcedOffice)) {
    problems.push({ row: 1, column: 'office_code', code: 'unknown_office', params: { value: forcedOffice } });
    return { problems, ignoredColumns: ignored, byOffice, lineOf: new Map(), rows: table.rows.length };
  }

  const seen = new Map<string, number>();
  const today = options.now.toISOString().slice(0, 10);
  const offsets = new OffsetCache();
  for (const { line, cells } of table.rows) {
    const rowProblems: ImportProblem[] = [];
    const column = (field: ImportField) => table.header[columns[field]!] ?? field;
    const raw = (field: ImportField) => {
      const index = columns[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const problem = (field: ImportField, code: ImportProblem['code'], params?: ImportProblem['params']) => {
      rowProblems.push({ row: line, column: column(field), code, ...(params ? { params } : {}) });
      return undefined;
    };
    const required = (field: ImportField) => raw(field) || problem(field, 'required');
    const text = (field: ImportField, max: number) => {
      const value = raw(field);
      return value.length > max ? problem(field, 'too_long', { limit: max }) : value || null;
    };
    const choice = <T extends string>(
      field: ImportField,
      allowed: readonly T[],
      fallback?: T,
    ): T | undefined => {
      const value = raw(field);
      if (!value)
        return fallback ?? (REQUIRED_FIELDS.includes(field) ? problem(field, 'required') : undefined);
      const token = normaliseToken(value);
      const mapped = (VALUE_ALIASES[field]?.[token] ?? token) as T;
      return allowed.includes(mapped)
        ? mapped
        : problem(field, 'invalid_value', { allowed: allowed.join(', ') });
    };
    const date = (field: ImportField, isRequired: boolean) => {
      const value = raw(field);
      if (!value) return isRequired ? problem(field, 'required') : null;
      const iso = parseDate(value);
      return iso ?? problem(field, 'invalid_date');
    };

    // Office first: the time zone of stage times depends on it.
    const officeValue = raw('office_code').toUpperCase() || forcedOffice || '';
    let office = officeByCode.get(officeValue);
    if (!officeValue) problem('office_code', 'required');
    else if (!office) {
      problem('office_code', 'unknown_office', { value: officeValue.slice(0, 10) });
      office = undefined;
    } else if (forcedOffice && officeValue !== forcedOffice) {
      problem('office_code', 'office_mismatch', { office: forcedOffice });
      office = undefined;
    }

    const numberRaw = required('application_number');
    const applicationNumber = numberRaw ? normaliseApplicationNumber(numberRaw) : undefined;
    if (numberRaw && !applicationNumber) problem('application_number', 'invalid_value');
    const applicantName = required('applicant_name');
    if (applicantName && applicantName.length > 200) problem('applicant_name', 'too_long', { limit: 200 });
    const birthDate = date('birth_date', true);
    if (birthDate && birthDate > today) problem('birth_date', 'future_date');
    const passportKind = choice('passport_kind', PASSPORT_KINDS);
    const service = choice('service', SERVICES);
    const stage = choice('stage', STAGES);
    const stageAtRaw = required('stage_at');
    const stageAt = stageAtRaw && office ? parseDateTime(stageAtRaw, office.timeZone, offsets) : undefined;
    if (stageAtRaw && office && !stageAt) problem('stage_at', 'invalid_time');
    if (stageAt && stageAt > new Date(options.now.getTime() + 86_400_000).toISOString())
      problem('stage_at', 'future_date');
    let validityYears = 10;
    if (raw('validity_years')) {
      validityYears = Number(raw('validity_years'));
      if (validityYears !== 5 && validityYears !== 10)
        problem('validity_years', 'invalid_value', { allowed: '5, 10' });
    }
    const speed = choice('speed', SPEEDS, 'regular');
    const appointmentDate = date('appointment_date', false);
    const priorityGroup = choice('priority_group', PRIORITY_GROUPS) ?? null;
    const nikRaw = raw('nik');
    const nik = nikRaw ? normaliseNik(nikRaw) : undefined;
    if (nikRaw && !nik) problem('nik', 'invalid_value');
    const email = text('email', 254);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem('email', 'invalid_value');
    const phone = text('phone', 40);
    const consentValue = raw('contact_consent')
      ? choice('contact_consent', ['true', 'false'] as const)
      : 'false';
    // When the applicant consented: only a consent given after a withdrawal switches notifications back on.
    const consentAtRaw = raw('consent_at');
    const consentAt =
      consentAtRaw && office ? parseDateTime(consentAtRaw, office.timeZone, offsets) : undefined;
    if (consentAtRaw && office && !consentAt) problem('consent_at', 'invalid_time');
    if (consentAt && consentAt > new Date(options.now.getTime() + 86_400_000).toISOString())
      problem('consent_at', 'future_date');
    const language = choice('language', ['id', 'en'] as const, 'id');
    const stageOfficer = text('stage_officer', 120);
    const stageNote = text('stage_note', 500);
    if (stage && stageNeedsNote(stage) && !stageNote) problem('stage_note', 'note_required');

    if (applicationNumber && office) {
      const key = `${office.id}|${applicationNumber}`;
      const first = seen.get(key);
      if (first !== undefined) problem('application_number', 'duplicate_in_file', { firstRow: first });
      else seen.set(key, line);
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    let group = byOffice.get(office!.id);
    if (!group) {
      group = { office: office!, records: [] };
      byOffice.set(office!.id, group);
    }
    group.records.push({
      applicationNumber: applicationNumber!,
      applicantName: applicantName!,
      birthDate: birthDate!,
      nik: nik
        ? { hash: nikHash(options.secret, nik), last4: nik.slice(-4) }
        : columns.nik === undefined
          ? undefined
          : null,
      contactEmail: columns.email === undefined ? undefined : email,
      contactPhone: columns.phone === undefined ? undefined : phone,
      contactConsent: columns.contact_consent === undefined ? undefined : consentValue === 'true',
      contactConsentAt: consentAt ?? null,
      language: columns.language === undefined ? undefined : language,
      passportKind: passportKind!,
      validityYears,
      service: service!,
      speed: speed!,
      appointmentDate: columns.appointment_date === undefined ? undefined : appointmentDate,
      priorityGroup: columns.priority_group === undefined ? undefined : priorityGroup,
      stage: stage!,
      stageAt: stageAt!,
      stageOfficer,
      stageNote: columns.stage_note === undefined ? undefined : stageNote,
    });
  }
  return { problems, ignoredColumns: ignored, byOffice, lineOf: seen, rows: table.rows.length };
}

/** `YYYY-MM-DD`, `DD/MM/YYYY` or `DD-MM-YYYY` (the order Indonesian offices write) → `YYYY-MM-DD`. */
export function parseDate(value: string): string | undefined {
  let iso = value;
  const local = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(value);
  if (local) iso = `${local[3]}-${local[2]!.padStart(2, '0')}-${local[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/**
 * A stage time: ISO 8601 with a zone (`2026-11-27T09:15:00+07:00`, `…Z`), or a local date and time
 * (`2026-11-27 09:15`, `27/11/2026 09:15`, a bare date = start of that day) in the office's time zone.
 */
export function parseDateTime(value: string, timeZone: string, offsets: OffsetCache): string | undefined {
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (zoned) {
    const time = Date.parse(value);
    return Number.isNaN(time) || !isCalendarDate(value.slice(0, 10))
      ? undefined
      : new Date(time).toISOString();
  }
  const local = /^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!local) return undefined;
  const date = parseDate(local[1]!);
  if (!date) return undefined;
  const [h, m, s] = [Number(local[2] ?? 0), Number(local[3] ?? 0), Number(local[4] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return undefined;
  const wall = Date.parse(`${date}T00:00:00Z`) + ((h * 60 + m) * 60 + s) * 1000;
  return new Date(wall - offsets.offsetMs(timeZone, date)).toISOString();
}

/** UTC offsets of a zone per date, computed once (Intl is slow enough to matter over 100,000 rows). */
export class OffsetCache {
  readonly #cache = new Map<string, number>();

  offsetMs(timeZone: string, date: string): number {
    const key = `${timeZone}|${date}`;
    let offset = this.#cache.get(key);
    if (offset === undefined) {
      const noon = new Date(`${date}T12:00:00Z`);
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(noon)
        .find((p) => p.type === 'timeZoneName')?.value;
      const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '');
      offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
      this.#cache.set(key, offset);
    }
    return offset;
  }
}

/** Stage moves the stored data does not allow, as problems of the rows that ask for them. */
export async function checkAgainstStored(
  db: Db,
  validated: ValidatedImport,
  rowOf: (officeId: string, applicationNumber: string) => number,
): Promise<{ problems: ImportProblem[]; counts: ImportCounts }> {
  const problems: ImportProblem[] = [];
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, stale: 0 };
  for (const { office, records } of validated.byOffice.values()) {
    for (let i = 0; i < records.length; i += 5000) {
      const chunk = records.slice(i, i + 5000);
      const stored = await findApplicationsByNumbers(
        db,
        office.id,
        chunk.map((r) => r.applicationNumber),
      );
      for (const record of chunk) {
        const plan = planChange(stored.get(record.applicationNumber), record);
        if (plan.kind === 'invalid_transition')
          problems.push({
            row: rowOf(office.id, record.applicationNumber),
            column: 'stage',
            code: 'invalid_transition',
            params: { from: plan.from, to: plan.to },
          });
        else if (plan.kind === 'create') counts.created++;
        else if (plan.kind === 'update') counts.updated++;
        else counts[plan.kind]++;
      }
    }
  }
  return { problems, counts };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
}

export interface ImportReport {
  rows: number;
  problems: ImportProblem[];
  ignoredColumns: string[];
  /** What was written (or, on a dry run or when there are problems, what would be). */
  counts: ImportCounts;
  written: boolean;
}

const BATCH = 2000;

/**
 * The whole import: validate every row, check the moves against stored data, and only if nothing is wrong write
 * in transactions of a few thousand rows (each a handful of multi-row statements). `onProgress` hears how many
 * records are done.
 */
export async function importTable(
  db: Db,
  actor: Actor,
  table: Table,
  options: ImportOptions & {
    dryRun?: boolean;
    fileName: string;
    onProgress?: (done: number, total: number, phase: 'checking' | 'writing') => void;
  },
): Promise<ImportReport> {
  const validated = validateTable(table, options);
  const stored = await checkAgainstStored(
    db,
    validated,
    (officeId, number) => validated.lineOf.get(`${officeId}|${number}`) ?? 0,
  );
  const problems = [...validated.problems, ...stored.problems].sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    rows: validated.rows,
    problems,
    ignoredColumns: validated.ignoredColumns,
    counts: stored.counts,
    written: false,
  };
  if (problems.length > 0 || options.dryRun) return report;

  const total = [...validated.byOffice.values()].reduce((sum, g) => sum + g.records.length, 0);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, stale: 0 };
  let done = 0;
  for (const { office, records } of validated.byOffice.values()) {
    const rules = await officeRules(db, office.id);
    const officeCounts: ImportCounts = { created: 0, updated: 0, unchanged: 0, stale: 0 };
    for (let i = 0; i < records.length; i += BATCH) {
      const chunk = records.slice(i, i + BATCH);
      const result = await db
        .transaction()
        .execute((trx) =>
          applyRecords(trx, actor, office.id, chunk, { source: 'import', now: options.now, rules }),
        );
      for (const key of ['created', 'updated', 'unchanged', 'stale'] as const) {
        officeCounts[key] += result[key];
        counts[key] += result[key];
      }
      done += chunk.length;
      options.onProgress?.(done, total, 'writing');
    }
    // An import that changed nothing leaves no trace: re-importing a file is a no-op, events included.
    if (officeCounts.created + officeCounts.updated === 0) continue;
    await recordEvent(db, {
      type: 'passport.import_completed',
      actor,
      officeId: office.id,
      at: options.now,
      payload: { fileName: options.fileName.slice(0, 200), rows: records.length, ...officeCounts },
    });
  }
  return { ...report, counts, written: true };
}
