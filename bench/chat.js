#!/usr/bin/env node
// Live chat load benchmark (issue #11): one server process (the built dist/server/main.js, SQLite, demo office)
// holds N concurrent idle chat WebSockets (default 5,000) while sample conversations exchange messages.
// Measured: delivery latency — from a visitor's `send` on one socket to the `msg` frame on a second socket of
// the same conversation (write, signal, read, push) — p50/p95/p99, and the server's peak RSS (VmHWM) and RSS
// with every connection open. Targets: p99 < 100 ms, peak RSS < 300 MB.
//
// File descriptors: the server and this generator each need one per socket. The script raises its own soft
// limit and the server's (`ulimit -n`) up to the hard limit; if the hard limit is below N + 1,000 it says so.
//
//   node bench/chat.js [--connections 5000] [--samples 300] [--no-build]
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 300;

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '5000' },
    samples: { type: 'string', default: '300' },
    port: { type: 'string', default: '3917' },
    'no-build': { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const samples = Number(values.samples);
const port = Number(values.port);
const needFds = connections + samples + 1000;

// Raise this process's descriptor limit by running again under `ulimit -n` (Node cannot change its own).
if (!values.child) {
  const soft = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
  if (soft < needFds) {
    const hard = execSync('ulimit -Hn', { shell: '/bin/sh' }).toString().trim();
    const limit = hard === 'unlimited' ? needFds : Math.min(Number(hard), needFds);
    if (limit < needFds)
      console.warn(`hard descriptor limit ${hard} < ${needFds}: raise it (e.g. /etc/security/limits.conf)`);
    const args = process.argv
      .slice(1)
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(' ');
    execSync(`ulimit -n ${limit} && exec '${process.execPath}' ${args} --child`, {
      shell: '/bin/sh',
      stdio: 'inherit',
    });
    process.exit(0);
  }
}

if (!values['no-build']) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-chat-bench-'));
const server = spawn(
  '/bin/sh',
  [
    '-c',
    `ulimit -n ${needFds} 2>/dev/null || ulimit -n $(ulimit -Hn); exec '${process.execPath}' dist/server/main.js`,
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOKET_DATA_DIR: dir,
      LOKET_DATABASE_URL: `sqlite:${path.join(dir, 'loket.db')}`,
      LOKET_DEMO: '1',
      LOKET_RATE_LIMITS: 'off',
      LOKET_LOG_LEVEL: 'warn',
      LOKET_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const url = `ws://127.0.0.1:${port}/api/v1/chat/socket`;

function memory() {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function waitForServer() {
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error('the server did not start');
}

/** One chat socket: resolves with the socket and the `ready` frame. */
function open(first) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => reject(new Error('no ready frame')), 30_000);
    socket.once('error', reject);
    socket.on('message', function onReady(raw) {
      const frame = JSON.parse(String(raw));
      if (frame.t !== 'ready') return;
      clearTimeout(timer);
      socket.off('message', onReady);
      resolve({ socket, ready: frame });
    });
    socket.once('open', () => socket.send(JSON.stringify(first)));
  });
}

function waitFrame(socket, match, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', listener);
      reject(new Error('timed out'));
    }, timeoutMs);
    function listener(raw) {
      const frame = JSON.parse(String(raw));
      if (!match(frame)) return;
      clearTimeout(timer);
      socket.off('message', listener);
      resolve(frame);
    }
    socket.on('message', listener);
  });
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

let exitCode = 0;
try {
  await waitForServer();
  const idleBaseline = memory();

  // 1. The idle crowd, opened 100 at a time.
  const idle = [];
  const started = Date.now();
  for (let i = 0; i < connections; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(connections, i + 100); j++)
      batch.push(open({ t: 'start', lang: j % 2 ? 'en' : 'id' }));
    idle.push(...(await Promise.all(batch)));
  }
  const openSeconds = (Date.now() - started) / 1000;
  await sleep(3000);
  const withIdle = memory();

  // 2. Sample conversations: each is handed off (it becomes a message: the demo has no agent online), so the
  // visitor's messages go to the case without the assistant; a second socket of the conversation observes.
  const latencies = [];
  for (let i = 0; i < samples; i++) {
    const { socket: sender, ready } = idle[i];
    sender.send(JSON.stringify({ t: 'agent' }));
    if (i === 0) await waitFrame(sender, (f) => f.t === 'receipt', 30_000);
    else await waitFrame(sender, (f) => f.t === 'receipt');
    const { socket: observer } = await open({ t: 'resume', token: ready.token, lastSeq: 1_000_000 });
    const id = `bench-${i}-${Date.now()}`;
    const arrived = waitFrame(observer, (f) => f.t === 'msg' && f.id === id);
    const at = performance.now();
    sender.send(JSON.stringify({ t: 'send', id, body: `Pesan uji ${i}` }));
    await arrived;
    latencies.push(performance.now() - at);
    observer.close();
    await sleep(20); // about 50 messages a second, a busy office's chat traffic
  }
  const final = memory();
  latencies.sort((a, b) => a - b);
  const result = {
    connections,
    openSeconds: Math.round(openSeconds * 10) / 10,
    samples: latencies.length,
    latencyMs: {
      p50: Math.round(percentile(latencies, 50) * 10) / 10,
      p95: Math.round(percentile(latencies, 95) * 10) / 10,
      p99: Math.round(percentile(latencies, 99) * 10) / 10,
      max: Math.round(latencies.at(-1) * 10) / 10,
    },
    serverRssMb: {
      startedIdle: Math.round(idleBaseline.rssMb),
      withConnections: Math.round(withIdle.rssMb),
      perConnectionKb: Math.round((((withIdle.rssMb - idleBaseline.rssMb) * 1024) / connections) * 10) / 10,
      peak: Math.round(final.peakMb),
    },
    targets: { p99Ms: TARGET_P99_MS, peakRssMb: TARGET_RSS_MB },
    met: percentile(latencies, 99) < TARGET_P99_MS && final.peakMb < TARGET_RSS_MB,
  };
  console.log(JSON.stringify(result, null, 2));
  if (!result.met) exitCode = 1;
  for (const { socket } of idle) socket.terminate();
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  server.kill('SIGTERM');
  await sleep(500);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
