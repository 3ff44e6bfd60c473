import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../server/db/connection.js';
import { SYSTEM_ACTOR } from '../server/events/catalogue.js';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportProblem,
  importTable,
} from '../server/modules/passports/import.js';
import { readTable, TableFileError } from '../server/modules/passports/table-file.js';

export const IMPORT_USAGE = `  import passports FILE [--office CODE] [--dry-run] [--map field=Header …]
                          import passport applications from CSV or XLSX: the whole file is checked first and
                          nothing is written if any row is wrong; re-importing the same file changes nothing`;

const PROBLEM_TEXT: Record<ImportProblem['code'], string> = {
  missing_column: 'the column is missing',
  duplicate_column: 'the column appears twice',
  required: 'a value is required',
  invalid_date: 'not a date (YYYY-MM-DD or DD/MM/YYYY)',
  invalid_time: 'not a time (ISO 8601, or YYYY-MM-DD HH:MM in the office time zone)',
  future_date: 'lies in the future',
  invalid_value: 'not an accepted value',
  invalid_number: 'not a number',
  too_long: 'too long',
  unknown_office: 'unknown office',
  office_mismatch: 'belongs to another office than --office',
  duplicate_in_file: 'the application appears more than once in the file',
  invalid_transition: 'the stage cannot follow the stored stage',
  note_required: 'this stage needs a note (missing documents or reason)',
};

export function describeProblem(problem: ImportProblem): string {
  const params = problem.params
    ? ` (${Object.entries(problem.params)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')})`
    : '';
  return `row ${problem.row}, column ${problem.column}: ${PROBLEM_TEXT[problem.code]}${params}`;
}

/** A progress bar on a terminal; nothing when the output is a file or a pipe. */
function progressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  return (done: number, total: number) => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) stream.write('\n');
  };
}

export async function importPassportsCommand(db: Db, secret: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      office: { type: 'string' },
      'dry-run': { type: 'boolean' },
      map: { type: 'string', multiple: true },
    },
  });
  const file = positionals[0];
  if (!file) return 64;
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const entry of values.map ?? []) {
    const [field, header] = entry.split('=', 2);
    if (!field || !header || !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      console.error(`--map expects field=Header with a field among: ${IMPORT_FIELDS.join(', ')}`);
      return 64;
    }
    mapping[field as ImportField] = header;
  }
  const started = Date.now();
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(readFileSync(file));
  } catch (error) {
    if (error instanceof TableFileError) {
      console.error(`Cannot read ${file}: ${error.code.replaceAll('_', ' ')}`);
      return 1;
    }
    throw error;
  }
  const offices = (await db.selectFrom('offices').select(['id', 'code', 'time_zone']).execute()).map((o) => ({
    id: o.id,
    code: o.code,
    timeZone: o.time_zone,
  }));
  const report = await importTable(db, SYSTEM_ACTOR, table, {
    offices,
    officeCode: values.office,
    mapping,
    secret,
    now: new Date(),
    dryRun: values['dry-run'] ?? false,
    fileName: path.basename(file),
    onProgress: progressBar(process.stderr),
  });
  if (report.ignoredColumns.length) console.log(`Ignored columns: ${report.ignoredColumns.join(', ')}`);
  if (report.problems.length > 0) {
    console.error(`${report.problems.length} problem(s) in ${report.rows} rows; nothing was imported.`);
    for (const problem of report.problems.slice(0, 200)) console.error(`  ${describeProblem(problem)}`);
    if (report.problems.length > 200) console.error(`  … and ${report.problems.length - 200} more`);
    return 1;
  }
  const { created, updated, unchanged, stale } = report.counts;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const verb = report.written ? 'Imported' : 'Dry run, nothing written:';
  console.log(
    `${verb} ${report.rows} rows in ${seconds} s: ${created} new, ${updated} updated, ${unchanged} unchanged, ${stale} older than stored (skipped).`,
  );
  return 0;
}
