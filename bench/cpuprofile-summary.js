// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time, and self time by package.
// Usage: node bench/cpuprofile-summary.js FILE.cpuprofile [TOP]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where a function lives, shortened: node:internal, a package in node_modules, or a file of Loket. */
function place(url) {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return url;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
  return path.relative(ROOT, file);
}

function group(url) {
  if (!url) return '(native/V8: GC, builtins, idle)';
  if (url.startsWith('node:')) return 'node: core';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1];
  return path.relative(ROOT, file).split(path.sep).slice(0, 3).join('/');
}

/** Returns { totalMs, idleMs, functions: [{name, where, selfMs, share}], groups: [{group, selfMs, share}] }. */
/**
 * `window` ({ from, to } in microseconds of the monotonic clock, as process.hrtime gives them; V8 stamps profiles
 * with the same clock on Linux) keeps only the samples taken under load, leaving out startup and shutdown.
 */
export function summarizeProfile(file, top = 25, window = undefined) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.from || at > window.to)) continue;
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + delta);
  }
  const byFunction = new Map();
  const byGroup = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id).callFrame;
    total += micros;
    if (frame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${place(frame.url)}:${frame.lineNumber + 1}` : place(frame.url);
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, micros: 0 };
    entry.micros += micros;
    byFunction.set(key, entry);
    const g = group(frame.url);
    byGroup.set(g, (byGroup.get(g) ?? 0) + micros);
  }
  const busy = total - idle || 1;
  const ms = (micros) => Math.round(micros / 100) / 10;
  const pct = (micros) => Math.round((micros / busy) * 1000) / 10;
  return {
    totalMs: ms(total),
    idleMs: ms(idle),
    functions: [...byFunction.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: ms(f.micros), share: pct(f.micros) })),
    groups: [...byGroup.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([g, micros]) => ({ group: g, selfMs: ms(micros), share: pct(micros) })),
  };
}

export function formatSummary(summary) {
  const lines = [
    `profile: ${summary.totalMs} ms sampled, ${summary.idleMs} ms idle; shares are of the busy time`,
    '',
    'self time by package / source folder:',
    ...summary.groups.map(
      (g) => `  ${String(g.share).padStart(5)} %  ${String(g.selfMs).padStart(8)} ms  ${g.group}`,
    ),
    '',
    'top functions by self time:',
    ...summary.functions.map(
      (f) => `  ${String(f.share).padStart(5)} %  ${String(f.selfMs).padStart(8)} ms  ${f.name}  ${f.where}`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('Usage: node bench/cpuprofile-summary.js FILE.cpuprofile [TOP]');
    process.exit(64);
  }
  console.log(formatSummary(summarizeProfile(file, Number(top) || 25)));
}
