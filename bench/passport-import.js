#!/usr/bin/env node
// Passport import benchmark: generates a realistic CSV of N applications (default 100,000) for the demo office SBY
// and imports it with `loket import passports` on SQLite and on PostgreSQL, twice each: into an empty table
// (fresh) and again (re-import: every row unchanged, nothing written). Target: 100,000 rows in < 60 s on SQLite.
// Usage: node bench/passport-import.js [--rows 100000] [--engines sqlite,postgres] [--pg postgres://…/test]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const rows = Number(values.rows);

const FIRST = [
  'Andi',
  'Budi',
  'Citra',
  'Dewi',
  'Eko',
  'Fajar',
  'Gita',
  'Hadi',
  'Indah',
  'Joko',
  'Kartika',
  'Lestari',
];
const LAST = ['Contoh', 'Fiktif', 'Percobaan', 'Sampel', 'Rekaan', 'Uji', 'Simulasi', 'Demo'];
const STAGES = [
  'booked',
  'documents_verified',
  'paid',
  'biometrics_taken',
  'interviewed',
  'adjudicated',
  'printed',
  'ready_for_pickup',
  'collected',
];

/** A deterministic pseudo-random sequence, so every run imports the same file. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function generateCsv(file, count) {
  const next = random(7);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const lines = [
    '\uFEFFapplication_number;office_code;applicant_name;birth_date;passport_kind;validity_years;service;speed;appointment_date;priority_group;nik;email;contact_consent;stage;stage_at;stage_officer;stage_note',
  ];
  const start = Date.UTC(2026, 9, 1);
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor(next() * 55) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const birth = new Date(
      Date.UTC(1950 + Math.floor(next() * 70), Math.floor(next() * 12), 1 + Math.floor(next() * 28)),
    );
    const r = next();
    const stage =
      r < 0.03 ? 'needs_documents' : r < 0.04 ? 'cancelled' : r < 0.045 ? 'rejected' : pick(STAGES);
    const note =
      stage === 'needs_documents'
        ? '"Akta kelahiran asli; Kartu Keluarga terbaru"'
        : stage === 'rejected'
          ? 'Dokumen tidak sah'
          : '';
    const name = `${pick(FIRST)} ${pick(LAST)} ${i % 97}`;
    const nik = `3578${String(Math.floor(next() * 1e12)).padStart(12, '0')}`;
    const consent = next() < 0.4;
    lines.push(
      [
        `SBY${date.slice(2, 4)}${date.slice(5, 7)}${String(i).padStart(7, '0')}`,
        'SBY',
        name,
        birth.toISOString().slice(0, 10),
        next() < 0.7 ? 'e-paspor' : 'biasa',
        next() < 0.8 ? 10 : 5,
        pick(['baru', 'baru', 'penggantian', 'hilang', 'rusak']),
        next() < 0.1 ? 'percepatan' : 'reguler',
        date,
        next() < 0.08 ? pick(['lansia', 'disabilitas', 'balita', 'ibu hamil']) : '',
        nik,
        consent ? `pemohon${i}@example.com` : '',
        consent ? 'ya' : 'tidak',
        stage,
        `${date} ${String(8 + Math.floor(next() * 8)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}`,
        `Petugas ${1 + Math.floor(next() * 12)}`,
        note,
      ].join(';'),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function loket(env, ...args) {
  return execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOKET_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function timed(env, file) {
  const started = process.hrtime.bigint();
  const output = loket(env, 'import', 'passports', file, '--office', 'SBY');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, output: output.trim().split('\n').pop() };
}

async function pgAdmin(url, statement) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-passport-bench-'));
const file = path.join(dir, 'applications.csv');
const results = [];
try {
  const generated = process.hrtime.bigint();
  generateCsv(file, rows);
  console.log(
    `Generated ${rows} rows in ${(Number(process.hrtime.bigint() - generated) / 1e9).toFixed(1)} s: ${file}`,
  );
  for (const engine of values.engines.split(',')) {
    let url;
    let cleanup = async () => {};
    if (engine === 'sqlite') url = `sqlite:${path.join(dir, 'loket.db')}`;
    else {
      const name = `loket_passport_bench_${process.pid}_${Date.now()}`;
      await pgAdmin(values.pg, `create database ${name}`);
      const parsed = new URL(values.pg);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
      cleanup = () => pgAdmin(values.pg, `drop database if exists ${name} with (force)`);
    }
    try {
      const env = {
        LOKET_DATABASE_URL: url,
        LOKET_DATA_DIR: dir,
        LOKET_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      };
      loket(env, 'seed', '--demo');
      for (const run of ['fresh', 're-import']) {
        const { seconds, output } = timed(env, file);
        results.push({ engine, run, seconds, output });
        console.log(`${engine.padEnd(8)} ${run.padEnd(9)} ${seconds.toFixed(1).padStart(6)} s  ${output}`);
      }
    } finally {
      await cleanup();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ rows, cpus: os.cpus().length, node: process.version, results }));
