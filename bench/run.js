#!/usr/bin/env node
// Loket HTTP benchmark: builds, seeds a throw-away SQLite database, starts a bare Fastify baseline and Loket,
// loads both with autocannon and checks the figures against the targets. See bench/README.md.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatSummary, summarizeProfile } from './cpuprofile-summary.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = path.join(ROOT, 'bench');

const USAGE = `Usage: node bench/run.js [options]     (or: npm run bench -- [options])

  --cases N         synthetic cases to seed (default 100000)
  --duration S      seconds of each measured run (default 10)
  --warmup S        seconds of the discarded warm-up before each run (default 3)
  --connections N   autocannon connections (default 32)
  --max-wait S      before each measured run, wait up to S seconds (default 120, quick 10) for other
                    processes on the machine to go quiet (< 0.25 busy cores); 0 = do not wait
  --retries N       repeat a measured run that other processes disturbed (≥ 0.25 busy cores), up to N
                    times (default 3); the last attempt counts, marked DISTURBED if still disturbed
  --quick           smoke check: 5000 cases, 3 s runs, 1 s warm-ups
  --no-build        skip "npm run build" (use the dist/ that is there)
  --skip-info-log   skip the extra runs with LOKET_LOG_LEVEL=info
  --cpu-prof        afterwards, profile Loket (node --cpu-prof) under creation and lookup load and print the
                    top self-time functions; profiles go to bench/profiles/
  --strict          exit with status 1 when a target check fails
  -h, --help        this text`;

const TARGETS = {
  lookupRatio: 0.35,
  createRps: 4000,
  createP99Ms: 50,
  idleRssMb: 150,
  peakRssMb: 300,
};

// ---------------------------------------------------------------- options

function options() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      retries: { type: 'string' },
      'max-wait': { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'skip-info-log': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name, fallback, min) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      console.error(`--${name}: expected a whole number ≥ ${min}, got "${raw}"\n\n${USAGE}`);
      process.exit(64);
    }
    return n;
  };
  return {
    cases: number('cases', values.quick ? 5000 : 100_000, 1),
    duration: number('duration', values.quick ? 3 : 10, 1),
    warmup: number('warmup', values.quick ? 1 : 3, 0),
    connections: number('connections', 32, 1),
    retries: number('retries', 3, 0),
    maxWait: number('max-wait', values.quick ? 10 : 120, 0),
    quick: values.quick,
    build: !values['no-build'],
    infoLog: !values['skip-info-log'],
    cpuProf: values['cpu-prof'],
    strict: values.strict,
  };
}

// ---------------------------------------------------------------- processes and cleanup

const children = new Set();
let tmpDir;
let currentCannon;
let cleaningUp;

function spawnNode(name, args, env, { stdoutFile, stderrFile }) {
  const out = openSync(stdoutFile, 'a');
  const err = openSync(stderrFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, err],
  });
  closeSync(out);
  closeSync(err);
  child.label = name;
  child.stderrFile = stderrFile;
  child.exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  children.add(child);
  child.exited.then(() => children.delete(child));
  return child;
}

function alive(child) {
  return child.exitCode === null && child.signalCode === null;
}

async function stopChild(child, graceMs = 15_000) {
  if (!alive(child)) return;
  child.kill('SIGTERM');
  const result = await Promise.race([child.exited, sleep(graceMs).then(() => 'timeout')]);
  if (result === 'timeout' && alive(child)) {
    console.error(`  ${child.label} did not stop within ${graceMs / 1000} s of SIGTERM: killing it`);
    child.kill('SIGKILL');
    await child.exited;
  }
}

function tail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function cleanup() {
  cleaningUp ??= (async () => {
    currentCannon?.stop();
    await Promise.all([...children].map((child) => stopChild(child)));
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary data`);
    cleanup().finally(() => process.exit(code));
  });
}

/** Runs a command to completion, output captured (or passed through); rejects on a non-zero exit. */
function run(command, args, { env = {}, inherit = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${stderr}${stdout}`),
        );
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(child)) {
      throw new Error(`${child.label} exited during startup. Its stderr:\n${tail(child.stderrFile)}`);
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${child.label} was not ready at ${url} within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------- memory

function readStatusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const mb = (kb) => (kb === undefined ? undefined : Math.round((kb / 1024) * 10) / 10);

/** Samples VmRSS of a process every 100 ms until stopped; returns the peak in kB. */
function rssSampler(pid) {
  let peak = readStatusKb(pid, 'VmRSS') ?? 0;
  const timer = setInterval(() => {
    const rss = readStatusKb(pid, 'VmRSS');
    if (rss !== undefined && rss > peak) peak = rss;
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

// ---------------------------------------------------------------- load

async function cannon(config, seconds, connections) {
  const instance = autocannon({ connections, pipelining: 1, timeout: 10, ...config, duration: seconds });
  currentCannon = instance;
  try {
    return await instance;
  } finally {
    currentCannon = undefined;
  }
}

/** A warm-up run (discarded), then the measured run; memory of `pid` sampled during both when given. */
// ---------------------------------------------------------------- CPU accounting
// The machine may be shared (other builds, test runs). Each measured run records how many cores the server,
// this bench process (autocannon) and everything else kept busy, from /proc/stat and /proc/<pid>/stat.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function systemBusyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return user + nice + system + irq + softirq + steal;
}

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/**
 * Waits until the server process itself is idle: after a bulk seed its worker first chains the seeded events into
 * the audit trail and sweeps the service levels, and that start-up backlog is not what the requests cost. Idle =
 * under 2 % of a core over one second, at least 2 s after ready, at most 120 s. Returns the seconds waited.
 */
async function waitUntilIdle(pid) {
  const started = Date.now();
  await sleep(2000);
  while (Date.now() - started < 120_000) {
    const before = processTicks(pid);
    await sleep(1000);
    if (processTicks(pid) - before < 2) break;
  }
  return Math.round((Date.now() - started) / 1000);
}

/**
 * The RSS of an idle server once it has settled: V8's memory reducer hands the young generation and emptied
 * old-space pages back 20–55 s after activity stops (measured here: 35 s on one VM, 45–55 s on another), so the
 * RSS a few seconds after start-up is not what an idle server holds. Samples every second until the RSS has not
 * fallen for 60 s (at most 150 s); 30 s once stopped just before the fall.
 */
async function settledRss(pid) {
  const started = Date.now();
  let lowest = readStatusKb(pid, 'VmRSS') ?? 0;
  let lowestAt = Date.now();
  while (Date.now() - started < 150_000 && Date.now() - lowestAt < 60_000) {
    await sleep(1000);
    const rss = readStatusKb(pid, 'VmRSS') ?? lowest;
    if (rss < lowest - 512) lowestAt = Date.now();
    lowest = Math.min(lowest, rss);
  }
  return { kb: readStatusKb(pid, 'VmRSS'), seconds: Math.round((Date.now() - started) / 1000) };
}

/** Starts counting CPU; stop() gives busy cores (averaged over the interval) for the server, bench and others. */
function cpuMeter(serverPid) {
  const start = { at: process.hrtime.bigint(), system: systemBusyTicks(), server: processTicks(serverPid) };
  start.bench = processTicks(process.pid);
  return {
    stop() {
      const seconds = Number(process.hrtime.bigint() - start.at) / 1e9;
      const cores = (ticks) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
      const server = processTicks(serverPid) - start.server;
      const bench = processTicks(process.pid) - start.bench;
      const system = systemBusyTicks() - start.system;
      return {
        server: cores(server),
        bench: cores(bench),
        other: Math.max(0, cores(system - server - bench)),
      };
    },
  };
}

/** Waits (up to maxWait seconds) until processes other than ours keep less than `threshold` cores busy. */
async function waitQuiet(serverPid, opts, threshold) {
  if (opts.maxWait === 0) return;
  const deadline = Date.now() + opts.maxWait * 1000;
  let said = false;
  for (;;) {
    const meter = cpuMeter(serverPid);
    await sleep(1000);
    const { other } = meter.stop();
    if (other < threshold) return;
    if (Date.now() >= deadline) {
      console.log(`    (still ${other} cores busy elsewhere after ${opts.maxWait} s: measuring anyway)`);
      return;
    }
    if (!said) {
      process.stdout.write(`(waiting: ${other} cores busy elsewhere) `);
      said = true;
    }
  }
}

const QUIET = 0.25; // busy cores elsewhere below which the machine counts as quiet

/**
 * A warm-up run (discarded), then the measured run once the machine is quiet. A measured run during which other
 * processes kept ≥ QUIET cores busy is repeated (up to --retries times). RSS is sampled when asked.
 */
async function measure(name, config, opts, { child, rss = false, onStart, drain = false }) {
  const pid = child.pid;
  process.stdout.write(`  ${name}: `);
  const ticksAtStart = processTicks(pid);
  const sampler = rss ? rssSampler(pid) : undefined;
  let sent = 0;
  if (opts.warmup > 0) {
    const warm = await cannon(config, opts.warmup, opts.connections);
    sent += warm.requests.total;
    process.stdout.write(`warm-up ${Math.round(warm.requests.average)} req/s, `);
  }
  let result;
  let cpu;
  for (let attempt = 0; ; attempt++) {
    await waitQuiet(pid, opts, QUIET);
    onStart?.();
    const meter = cpuMeter(pid);
    result = await cannon(config, opts.duration, opts.connections);
    cpu = meter.stop();
    sent += result.requests.total;
    if (!alive(child)) {
      const { code, signal } = await child.exited;
      throw new Error(
        `${child.label} (pid ${pid}) exited during "${name}" (${signal ?? `exit ${code}`}` +
          `${signal === 'SIGTERM' || code === 0 ? ': stopped by a signal from something else on this machine?' : ''}). ` +
          `Its stderr:\n` +
          tail(child.stderrFile),
      );
    }
    if (cpu.other < QUIET || attempt >= opts.retries) break;
    process.stdout.write(
      `(disturbed: ${cpu.other} cores busy elsewhere, ${Math.round(result.requests.average)} req/s; again) `,
    );
  }
  // Work the requests left for later (the outbox: e-mails, audit chaining) runs in the same process; it is waited
  // for here, so the next endpoint is not measured against it, and counted: CPU of everything from the warm-up to
  // the drained backlog, per request sent.
  let withDeferred;
  if (drain) {
    const drainSeconds = await waitUntilIdle(pid);
    const us = ((processTicks(pid) - ticksAtStart) / TICKS_PER_SECOND / sent) * 1e6;
    withDeferred = { cpuUsPerRequest: Math.round(us), drainSeconds };
  }
  const peakKb = sampler?.stop();
  const row = {
    endpoint: name,
    rps: Math.round(result.requests.average),
    total: result.requests.total,
    sent,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    throughputMBs: Math.round((result.throughput.average / 1024 / 1024) * 10) / 10,
    cpu,
    disturbed: cpu.other >= QUIET,
    peakRssMb: mb(peakKb),
    withDeferred,
  };
  console.log(
    `${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors}, ` +
      `CPU cores server ${cpu.server} / bench ${cpu.bench} / other ${cpu.other}` +
      (peakKb ? `, peak RSS ${row.peakRssMb} MB` : '') +
      (withDeferred
        ? `; backlog drained ${withDeferred.drainSeconds} s later: ${withDeferred.cpuUsPerRequest} µs CPU per request with its deferred work`
        : '') +
      (row.disturbed ? '  ← DISTURBED by other processes' : ''),
  );
  return row;
}

// ---------------------------------------------------------------- Loket

const CASE_BODY = {
  type: 'complaint',
  officeCode: 'SBY',
  subject: 'Antrean M-Paspor penuh terus',
  description:
    'Sudah tiga hari saya mencoba mendaftar antrean M-Paspor untuk kantor Surabaya, tetapi kuota selalu habis ' +
    'beberapa detik setelah dibuka. Mohon informasi kapan kuota tambahan dibuka.',
  categoryCode: 'antrean-mpaspor',
  contact: { email: 'warga.bench@example.org' },
};

function loketEnv(dataDir, port, logLevel) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOKET_DATA_DIR: dataDir,
    LOKET_DATABASE_URL: `sqlite:${path.join(dataDir, 'loket.db')}`,
    LOKET_DEMO: '0',
    LOKET_RATE_LIMITS: 'off',
    LOKET_LOG_LEVEL: logLevel,
    NODE_ENV: 'production',
  };
}

/** The Node options `npm start` passes (package.json `scripts.start`), so the bench runs Loket as users do. */
function startOptions() {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const words = scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/server/main.js'));
}

async function startLoket(dataDir, { logLevel = 'warn', label = 'loket', nodeArgs = [] } = {}) {
  const port = await freePort();
  const child = spawnNode(
    label,
    [...startOptions(), ...nodeArgs, path.join(ROOT, 'dist/server/main.js')],
    loketEnv(dataDir, port, logLevel),
    {
      stdoutFile: path.join(dataDir, `${label}.stdout.log`),
      stderrFile: path.join(dataDir, `${label}.stderr.log`),
    },
  );
  child.stdoutFile = path.join(dataDir, `${label}.stdout.log`);
  await waitFor(`http://127.0.0.1:${port}/readyz`, child);
  return { child, port, url: `http://127.0.0.1:${port}` };
}

/** autocannon options per endpoint; `createPath` lets the bare server's echo get the very same POST load. */
function loketLoads(url, samples, createPath = '/api/v1/cases') {
  let next = 0;
  let counter = 0;
  // The body is built once; only the subject's number changes per request (autocannon recomputes Content-Length).
  const [head, rest] = JSON.stringify(CASE_BODY).split(`"${CASE_BODY.subject}"`);
  return {
    create: {
      url,
      requests: [
        {
          method: 'POST',
          path: createPath,
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            body: `${head}"${CASE_BODY.subject} #${++counter}"${rest}`,
          }),
        },
      ],
    },
    lookup: {
      url,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const sample = samples[next++ % samples.length];
            return {
              ...request,
              path: `/api/v1/cases/${sample.trackingCode}`,
              headers: { ...request.headers, 'x-access-key': sample.accessKey },
            };
          },
        },
      ],
    },
    offices: { url: `${url}/api/v1/offices` },
    healthz: { url: `${url}/healthz` },
  };
}

async function checkOnce(url, samples) {
  const created = await fetch(`${url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...CASE_BODY, subject: 'Cek awal' }),
  });
  if (created.status !== 201)
    throw new Error(`POST /api/v1/cases gave ${created.status}: ${await created.text()}`);
  await created.arrayBuffer();
  const found = await fetch(`${url}/api/v1/cases/${samples[0].trackingCode}`, {
    headers: { 'x-access-key': samples[0].accessKey },
  });
  if (found.status !== 200)
    throw new Error(`GET /api/v1/cases/{code} gave ${found.status}: ${await found.text()}`);
  await found.arrayBuffer();
}

// ---------------------------------------------------------------- report

function machine() {
  const cpu =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return {
    nproc: os.availableParallelism(),
    node: process.version,
    cpu,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function fmt(value, digits = 0) {
  if (value === undefined || value === null) return '–';
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : value;
}

function table(rows) {
  const header = [
    'Endpoint',
    'req/s (avg)',
    'p50 ms',
    'p99 ms',
    'vs bare',
    'non-2xx',
    'errors',
    'srv CPU µs/req',
    'with deferred work',
    'CPU srv/bench/other',
  ];
  const body = rows.map((r) => [
    r.endpoint,
    fmt(r.rps),
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    r.ratio === undefined ? '–' : `${Math.round(r.ratio * 1000) / 10} %`,
    fmt(r.non2xx),
    fmt(r.errors + r.timeouts),
    r.rps ? fmt((r.cpu.server * 1e6) / r.rps) : '–',
    r.withDeferred ? fmt(r.withDeferred.cpuUsPerRequest) : '–',
    `${r.cpu.server.toFixed(2)} / ${r.cpu.bench.toFixed(2)} / ${r.cpu.other.toFixed(2)}${r.disturbed ? ' !' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => String(line[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = options();
  const started = new Date();
  const info = machine();
  info.revision = await run('git', ['describe', '--always', '--dirty'])
    .then(({ stdout }) => stdout.trim())
    .catch(() => 'unknown');
  console.log(
    `Loket benchmark (${info.revision}) — ${info.nproc} CPU (${info.cpu}), ${info.memoryGb} GB, Node ${info.node}\n` +
      `  ${opts.cases} cases, ${opts.connections} connections, pipelining 1, ` +
      `${opts.warmup} s warm-up + ${opts.duration} s measured per endpoint`,
  );

  if (opts.build) {
    console.log('\n▸ npm run build');
    try {
      await run('npm', ['run', 'build', '--silent'], { inherit: true });
    } catch {
      throw new Error(
        'npm run build failed (see above): fix the build, or pass --no-build to use dist/ as it is',
      );
    }
  }

  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'loket-bench-'));
  const seedEnv = loketEnv(tmpDir, 0, 'warn');
  console.log(`\n▸ seeding ${tmpDir}`);
  await run(process.execPath, ['bin/loket.js', 'seed', '--demo'], { env: seedEnv });
  const seedStarted = Date.now();
  const seeded = await run(process.execPath, ['bin/loket.js', 'seed', '--bulk', String(opts.cases)], {
    env: seedEnv,
  });
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const lines = seeded.stdout.trim().split('\n');
  const samples = JSON.parse(lines.at(-1));
  if (!Array.isArray(samples) || samples.length === 0) throw new Error('seed --bulk printed no sample codes');
  const dbMb = mb(statSync(path.join(tmpDir, 'loket.db')).size / 1024);
  console.log(`  ${lines.at(-2)} Database ${dbMb} MB; ${samples.length} sample codes for the lookups.`);

  // --- baseline
  console.log('\n▸ bare Fastify baseline');
  const barePort = await freePort();
  const bare = spawnNode(
    'bare-server',
    [path.join(BENCH, 'bare-server.js')],
    { PORT: String(barePort) },
    {
      stdoutFile: path.join(tmpDir, 'bare.stdout.log'),
      stderrFile: path.join(tmpDir, 'bare.stderr.log'),
    },
  );
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitFor(`${bareUrl}/hello`, bare);
  const bareGet = await measure('bare GET /hello', { url: `${bareUrl}/hello` }, opts, { child: bare });
  const barePost = await measure('bare POST /echo', loketLoads(bareUrl, samples, '/echo').create, opts, {
    child: bare,
  });
  // The bare server stays up (idle) and is measured again after Loket: a VM's speed drifts over minutes, so
  // Loket is compared with the mean of the runs before and after it.

  // --- Loket, log level warn
  console.log('\n▸ Loket (LOKET_LOG_LEVEL=warn)');
  const loket = await startLoket(tmpDir);
  const settleSeconds = await waitUntilIdle(loket.child.pid);
  const firstIdleKb = readStatusKb(loket.child.pid, 'VmRSS');
  const settled = await settledRss(loket.child.pid);
  const idleKb = settled.kb;
  const idleSeconds = settleSeconds + settled.seconds;
  console.log(
    `  idle RSS: ${mb(firstIdleKb)} MB once idle (${settleSeconds} s after ready), ` +
      `${mb(idleKb)} MB settled (${idleSeconds} s after ready)`,
  );
  await checkOnce(loket.url, samples);
  const loads = loketLoads(loket.url, samples);
  const pid = loket.child.pid;
  const create = await measure('Loket POST /api/v1/cases', loads.create, opts, {
    child: loket.child,
    rss: true,
    drain: true,
  });
  const lookup = await measure('Loket GET /api/v1/cases/{code}', loads.lookup, opts, {
    child: loket.child,
    rss: true,
  });
  const offices = await measure('Loket GET /api/v1/offices', loads.offices, opts, {
    child: loket.child,
    rss: true,
  });
  const healthz = await measure('Loket GET /healthz (no database)', loads.healthz, opts, {
    child: loket.child,
    rss: true,
  });
  const hwmKb = readStatusKb(pid, 'VmHWM');
  if (!alive(loket.child)) throw new Error(`Loket died under load:\n${tail(loket.child.stderrFile)}`);
  const warnings = tail(loket.child.stdoutFile, 5);
  await stopChild(loket.child);

  console.log('\n▸ bare Fastify baseline again');
  const bareGet2 = await measure('bare GET /hello (after Loket)', { url: `${bareUrl}/hello` }, opts, {
    child: bare,
  });
  const barePost2 = await measure(
    'bare POST /echo (after Loket)',
    loketLoads(bareUrl, samples, '/echo').create,
    opts,
    { child: bare },
  );
  await stopChild(bare);
  // The mean of the undisturbed runs (of both when both or neither were disturbed).
  const baseline = (...runs) => {
    const clean = runs.filter((r) => !r.disturbed);
    const used = clean.length ? clean : runs;
    return Math.round(used.reduce((sum, r) => sum + r.rps, 0) / used.length);
  };
  const baseGet = baseline(bareGet, bareGet2);
  const basePost = baseline(barePost, barePost2);
  const drift = [
    [bareGet, bareGet2],
    [barePost, barePost2],
  ]
    .filter(
      ([a, b]) => !a.disturbed && !b.disturbed && Math.abs(a.rps - b.rps) / ((a.rps + b.rps) / 2) > 0.15,
    )
    .map(([a, b]) => `${a.endpoint}: ${a.rps} before, ${b.rps} after Loket`);

  // --- Loket, log level info (the production default)
  const infoRows = [];
  if (opts.infoLog) {
    console.log('\n▸ Loket (LOKET_LOG_LEVEL=info, request logs to a file)');
    const verbose = await startLoket(tmpDir, { logLevel: 'info', label: 'loket-info' });
    const infoLoads = loketLoads(verbose.url, samples);
    const before = statSync(verbose.child.stdoutFile).size;
    const infoCreate = await measure('Loket POST /api/v1/cases (log info)', infoLoads.create, opts, {
      child: verbose.child,
      rss: true,
      drain: true,
    });
    const infoLookup = await measure('Loket GET /api/v1/cases/{code} (log info)', infoLoads.lookup, opts, {
      child: verbose.child,
      rss: true,
    });
    const logged = statSync(verbose.child.stdoutFile).size - before;
    const requests = infoCreate.sent + infoLookup.sent;
    console.log(
      `  request logs: ${mb(logged / 1024)} MB for ${requests} requests, ~${Math.round(logged / requests)} bytes per request`,
    );
    infoRows.push(infoCreate, infoLookup);
    await stopChild(verbose.child);
  }

  // --- ratios, checks, report
  for (const row of [lookup, offices, healthz, infoRows[1]].filter(Boolean)) row.ratio = row.rps / baseGet;
  for (const row of [create, infoRows[0]].filter(Boolean)) row.ratio = row.rps / basePost;
  const peakKb = Math.round(
    Math.max(create.peakRssMb, lookup.peakRssMb, offices.peakRssMb, healthz.peakRssMb) * 1024,
  );
  const rows = [bareGet, barePost, bareGet2, barePost2, create, lookup, offices, healthz, ...infoRows];

  const caveat = (...measured) =>
    measured.some((row) => row.disturbed) ? ' (DISTURBED by other processes: not trustworthy)' : '';
  const check = (name, pass, actual) => ({ check: name, result: pass ? 'PASS' : 'FAIL', actual });
  const checks = [
    check(
      `lookup ≥ ${TARGETS.lookupRatio * 100} % of bare GET req/s`,
      lookup.ratio >= TARGETS.lookupRatio,
      `${Math.round(lookup.ratio * 1000) / 10} % (${lookup.rps} vs ${baseGet} req/s)${bareGet.disturbed && bareGet2.disturbed ? caveat(bareGet) : caveat(lookup)}`,
    ),
    check(
      `creation ≥ ${TARGETS.createRps} req/s with p99 < ${TARGETS.createP99Ms} ms`,
      create.rps >= TARGETS.createRps && create.p99 < TARGETS.createP99Ms,
      `${create.rps} req/s, p99 ${create.p99} ms${caveat(create)}`,
    ),
    check(`idle RSS < ${TARGETS.idleRssMb} MB`, mb(idleKb) < TARGETS.idleRssMb, `${mb(idleKb)} MB`),
    check(
      `peak RSS under load < ${TARGETS.peakRssMb} MB`,
      mb(peakKb) < TARGETS.peakRssMb,
      `${mb(peakKb)} MB`,
    ),
    check(
      'no non-2xx or errors on creation and lookup',
      create.non2xx + create.errors + lookup.non2xx + lookup.errors === 0,
      `creation ${create.non2xx} non-2xx / ${create.errors} errors, lookup ${lookup.non2xx} / ${lookup.errors}`,
    ),
  ];

  const command = `node bench/run.js${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  const checkWidth = Math.max(...checks.map((c) => c.check.length));
  const report = [
    table(rows),
    '',
    `Memory (Loket, VmRSS; MB = MiB): idle ${mb(idleKb)} MB (settled, ${idleSeconds} s after ready; ${mb(firstIdleKb)} MB ` +
      `when first idle, ${settleSeconds} s after ready), peak under load ${mb(peakKb)} MB ` +
      `(100 ms samples; kernel high-water mark VmHWM ${mb(hwmKb)} MB)`,
    '',
    ...checks.map((c) => `${c.result}  ${c.check.padEnd(checkWidth)}  ${c.actual}`),
    '',
    `Notes: "vs bare" compares GETs with bare GET /hello and POSTs with bare POST /echo (same JSON body), each the`,
    `mean of the runs before and after Loket, leaving out a disturbed one (${baseGet} and ${basePost} req/s).` +
      (drift.length ? ` The machine's speed drifted: ${drift.join('; ')}.` : ''),
    '"srv CPU µs/req": CPU time of the server process per answered request (busy cores / req/s).',
    '"with deferred work": for creation, the server\'s CPU from the warm-up until the background work the cases',
    'queued (receipt e-mails, audit chaining) was done, per request sent; the next endpoint waits for that.',
    `autocannon runs inside this bench process and shares the ${info.nproc} CPUs with the server under test.`,
    '"CPU srv/bench/other": average busy cores during the measured run of the server process, of this bench',
    'process (autocannon), and of everything else on the machine; "!" = other processes kept ≥ 0.25 cores busy',
    'even after the retries: that row is too low and not trustworthy.',
    'Loket runs with LOKET_LOG_LEVEL=warn and rate limits off; request logging at info (the production',
    'default) costs extra, see the "(log info)" rows (logs written to a file).',
  ].join('\n');
  console.log(`\n${report}`);
  if (warnings) console.log(`\nLast lines Loket logged at warn level:\n${warnings}`);

  const out = {
    date: started.toISOString(),
    command,
    machine: info,
    options: opts,
    seed: { cases: opts.cases, seconds: seedSeconds, databaseMb: dbMb, sampleCodes: samples.length },
    results: rows,
    baseline: { getRps: baseGet, postRps: basePost, drift },
    memory: {
      idleRssMb: mb(idleKb),
      idleSecondsAfterReady: idleSeconds,
      firstIdleRssMb: mb(firstIdleKb),
      peakRssMb: mb(peakKb),
      vmHwmMb: mb(hwmKb),
    },
    targets: TARGETS,
    checks,
    report,
  };

  if (opts.cpuProf) out.profiles = await profile(opts, samples);

  writeFileSync(path.join(BENCH, 'last-run.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nWritten to bench/last-run.json');
  return opts.strict && checks.some((c) => c.result === 'FAIL') ? 1 : 0;
}

/**
 * Profiles Loket (node --cpu-prof) under each load in turn, one process per load, and summarizes the samples taken
 * during the measured run only (startup, warm-up and shutdown are left out).
 */
async function profile(opts, samples) {
  const dir = path.join(BENCH, 'profiles');
  mkdirSync(dir, { recursive: true });
  const summaries = {};
  for (const name of ['create', 'lookup', 'offices']) {
    const file = `loket-${name}.cpuprofile`;
    rmSync(path.join(dir, file), { force: true });
    console.log(`\n▸ CPU profile of Loket under ${name} load (figures include the profiler's overhead)`);
    const loket = await startLoket(tmpDir, {
      label: `loket-prof-${name}`,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${file}`],
    });
    const loads = loketLoads(loket.url, samples);
    const window = {};
    await measure(`profiled ${name}`, loads[name], opts, {
      child: loket.child,
      onStart: () => {
        window.from = Number(process.hrtime.bigint() / 1000n);
      },
    });
    window.to = Number(process.hrtime.bigint() / 1000n);
    await stopChild(loket.child);
    const summary = summarizeProfile(path.join(dir, file), 25, window);
    console.log(`\n  bench/profiles/${file}\n${formatSummary(summary).replace(/^/gm, '  ')}`);
    summaries[name] = { file: `bench/profiles/${file}`, ...summary };
  }
  return summaries;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`);
    await cleanup();
    process.exit(1);
  });
