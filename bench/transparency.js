#!/usr/bin/env node
// Transparency dashboard benchmark (issue #8): p95 of `GET /transparansi` and of the open-data JSON with the
// aggregates of 1,000,000 cases, on SQLite or PostgreSQL. Target: p95 < 200 ms. See bench/README.md.
//
//   node bench/transparency.js                       # SQLite in a temporary directory, 1,000,000 cases
//   node bench/transparency.js --db postgres://postgres@127.0.0.1:5432/loket_bench   # an EMPTY database
//   node bench/transparency.js --cases 100000 --seconds 5 --no-build
//
// Seeding: inserting a million cases through the commands would take hours, so the bench writes the aggregates a
// million case histories produce, directly: each synthetic case (received time in office hours over three years,
// type, channel and category by realistic weights, 8 % confidential, first reply and resolution in working days,
// the SLA target of its type) is turned into counts by the same functions the event reactions use
// (`receivedCounts`, `resolutionCounts` in modules/transparency/rollup.ts) and added with `addCounts`, the same
// upsert. About 5 % of citizens answer the SKM; their answers go into `skm_daily` as the survey command would.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_P95_MS = 200;
const DAY_MS = 86_400_000;

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    db: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const totalCases = Number(values.cases);

if (!values['no-build']) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
const { buildApp } = await import('../dist/server/app.js');
const { loadConfig } = await import('../dist/server/config.js');
const { createLimiters } = await import('../dist/server/http/rate-limit.js');
const { prepareDatabase } = await import('../dist/server/startup.js');
const { addCounts, receivedCounts, resolutionCounts } = await import(
  '../dist/server/modules/transparency/rollup.js'
);
const { localDay } = await import('../dist/server/lib/calendar-dates.js');
const { default: autocannon } = await import('autocannon');

/** Deterministic pseudo-random numbers: the same history on every run and engine. */
let state = 20261128;
const random = () => {
  state = (state * 1_664_525 + 1_013_904_223) >>> 0;
  return state / 2 ** 32;
};
const pick = (weighted) => {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted.at(-1)[0];
};

const TYPES = [
  ['complaint', 45],
  ['request', 40],
  ['opinion', 10],
  ['compliment', 5],
];
const CHANNELS = [
  ['web', 30],
  ['whatsapp', 25],
  ['email', 15],
  ['counter', 12],
  ['phone', 8],
  ['social', 5],
  ['api', 3],
  ['chat', 2],
];
/** Working days to the first reply and to resolution, as a contact centre's histogram looks. */
const FIRST = [
  [1, 55],
  [2, 20],
  [3, 12],
  [4, 7],
  [5, 4],
  [8, 2],
];
const RESOLUTION_TARGET = { complaint: 14, request: 5, opinion: null, compliment: null };
const resolutionDays = () => {
  const r = random();
  return r < 0.5
    ? 1 + Math.floor(random() * 5)
    : r < 0.85
      ? 5 + Math.floor(random() * 10)
      : 14 + Math.floor(random() * 30);
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-transparency-bench-'));
let database;
let app;
try {
  const config = loadConfig(
    {
      LOKET_DATA_DIR: dir,
      LOKET_DATABASE_URL: values.db ?? `sqlite:${path.join(dir, 'loket.db')}`,
      LOKET_DEMO: '1',
      LOKET_RATE_LIMITS: 'off',
      LOKET_LOG_LEVEL: 'silent',
    },
    dir,
  );
  ({ database } = await prepareDatabase(config));
  const db = database.db;
  const office = await db
    .selectFrom('offices')
    .select(['id', 'time_zone'])
    .where('code', '=', 'SBY')
    .executeTakeFirstOrThrow();
  const categories = await db
    .selectFrom('categories')
    .select(['id'])
    .where('office_id', '=', office.id)
    .execute();
  const services = await db
    .selectFrom('services')
    .select(['code'])
    .where('office_id', '=', office.id)
    .execute();

  // ---------------------------------------------------------------- seed: the aggregates of N case histories
  const started = Date.now();
  const counts = new Map();
  const add = (list) => {
    for (const c of list) {
      const key = `${c.day}|${c.metric}|${c.bucket}`;
      counts.set(key, (counts.get(key) ?? 0) + c.n);
    }
  };
  const skm = new Map();
  const end = Date.now();
  const span = 3 * 365 * DAY_MS;
  for (let i = 0; i < totalCases; i++) {
    // Received on a working day in office hours (Mon–Fri 08:00–16:00 WIB), evenly over three years.
    let at = end - span + Math.floor((i / totalCases) * span);
    const weekday = new Date(at + 7 * 3_600_000).getUTCDay();
    if (weekday === 0) at += DAY_MS;
    if (weekday === 6) at += 2 * DAY_MS;
    const received = new Date(Math.floor(at / DAY_MS) * DAY_MS + (1 + random() * 8) * 3_600_000);
    const receivedDay = localDay(office.time_zone, received);
    const type = pick(TYPES);
    const confidential = random() < 0.08;
    add(
      receivedCounts(office.id, receivedDay, {
        type,
        channel: pick(CHANNELS),
        categoryId: categories[Math.floor(random() * categories.length)].id,
        confidential,
      }),
    );
    // Cases of the last two weeks are partly still open.
    const open = end - received.getTime() < 14 * DAY_MS && random() < 0.6;
    if (random() < 0.92 && !open) {
      const first = pick(FIRST);
      const firstDay = localDay(office.time_zone, new Date(received.getTime() + (first - 1) * 1.4 * DAY_MS));
      add([
        { officeId: office.id, day: firstDay, metric: 'first_response', bucket: String(first), n: 1 },
        {
          officeId: office.id,
          day: firstDay,
          metric: 'sla_first_response',
          bucket: first <= 3 ? 'met' : 'missed',
          n: 1,
        },
      ]);
    }
    if (!open && random() < 0.85) {
      const days = resolutionDays();
      const target = RESOLUTION_TARGET[type];
      const resolvedDay = localDay(office.time_zone, new Date(received.getTime() + days * 1.4 * DAY_MS));
      add(
        resolutionCounts(
          office.id,
          { receivedDay, resolvedDay, days, sla: target === null ? null : days <= target ? 'met' : 'missed' },
          1,
        ),
      );
      if (random() < 0.05) {
        const key = `${resolvedDay}|${services[Math.floor(random() * services.length)].code}`;
        const sums = skm.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        sums[0]++;
        for (let e = 1; e <= 9; e++)
          sums[e] +=
            e === 3 || e === 9
              ? pick([
                  [2, 2],
                  [3, 5],
                  [4, 3],
                ])
              : pick([
                  [2, 1],
                  [3, 5],
                  [4, 4],
                ]);
        skm.set(key, sums);
      }
    }
  }
  const rows = [...counts].map(([key, n]) => {
    const [day, metric, bucket] = key.split('|');
    return { officeId: office.id, day, metric, bucket, n };
  });
  for (let i = 0; i < rows.length; i += 2000) await addCounts(db, rows.slice(i, i + 2000));
  const skmRows = [...skm].map(([key, s]) => {
    const [day, service_code] = key.split('|');
    return {
      office_id: office.id,
      service_code,
      day,
      respondents: s[0],
      s1: s[1],
      s2: s[2],
      s3: s[3],
      s4: s[4],
      s5: s[5],
      s6: s[6],
      s7: s[7],
      s8: s[8],
      s9: s[9],
    };
  });
  for (let i = 0; i < skmRows.length; i += 1000)
    await db
      .insertInto('skm_daily')
      .values(skmRows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['office_id', 'day', 'service_code']).doNothing())
      .execute();
  console.log(
    `Seeded the aggregates of ${totalCases.toLocaleString('en')} cases: ${rows.length.toLocaleString('en')} transparency_daily rows, ${skmRows.length.toLocaleString('en')} skm_daily rows (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  // ---------------------------------------------------------------- measure over HTTP with autocannon
  app = await buildApp(
    { db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
    { logger: false },
  );
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const today = localDay(office.time_zone, new Date());
  const yearAgo = localDay(office.time_zone, new Date(Date.now() - 365 * DAY_MS));
  const threeYears = localDay(office.time_zone, new Date(Date.now() - 3 * 365 * DAY_MS));
  const targets = [
    { name: '`GET /transparansi` (this year)', path: '/transparansi' },
    { name: '`GET /transparansi` (last 12 months)', path: `/transparansi?from=${yearAgo}&to=${today}` },
    {
      name: '`GET /api/v1/transparency/dashboard` (3 years, JSON)',
      path: `/api/v1/transparency/dashboard?officeCode=SBY&from=${threeYears}&to=${today}`,
    },
  ];
  const results = [];
  for (const target of targets) {
    const check = await fetch(`${address}${target.path}`);
    if (check.status !== 200) throw new Error(`${target.name}: ${check.status}`);
    await run(`${address}${target.path}`, 2);
    const times = await run(`${address}${target.path}`, Number(values.seconds));
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    results.push({ ...target, requests: times.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) });
  }
  const engine = database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
  console.log(
    `\nTransparency dashboard, ${engine}, aggregates of ${totalCases.toLocaleString('en')} cases, autocannon ${values.connections} connections × ${values.seconds} s, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  console.log('| request | requests | p50 ms | p95 ms | p99 ms |');
  console.log('|:--|--:|--:|--:|--:|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`,
    );
  const failed = results.filter((r) => r.p95 >= TARGET_P95_MS);
  console.log(
    failed.length
      ? `\nFAILED: p95 ≥ ${TARGET_P95_MS} ms for ${failed.map((r) => r.name).join(', ')}`
      : `\nAll p95 < ${TARGET_P95_MS} ms.`,
  );
  process.exitCode = failed.length ? 1 : 0;
} finally {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Runs autocannon and returns every response time (ms): autocannon's own percentiles skip p95. */
function run(url, seconds) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon(
      {
        url,
        connections: Number(values.connections),
        duration: seconds,
        headers: { 'accept-encoding': 'gzip' },
      },
      (error) => (error ? reject(error) : resolve(times)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
    });
  });
}
