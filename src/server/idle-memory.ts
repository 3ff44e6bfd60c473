import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Hands memory back once the process falls quiet after a busy spell.
 *
 * V8 collects the old generation only when it fills up, so the garbage of a busy spell — start-up (migrations, the
 * demo seed, the worker's first backlog) or a burst of traffic — stays resident in an idle server for hours: about
 * 20–30 MB of a ~150 MB process. When the event loop has been busy since the last collection and then idle for a
 * whole check interval, one full collection runs (a few milliseconds on this heap, while nothing is waiting).
 *
 * Busy and idle are read from the event loop's utilisation, so requests, jobs and timers all count without any of
 * them reporting in.
 */
export interface IdleCollector {
  stop(): void;
}

const CHECK_EVERY_MS = 2_000;
/** Utilisation over one interval above which the process counts as having been busy (5 % of the loop). */
const BUSY = 0.05;
/** Utilisation over one interval under which it counts as idle (the worker's polling stays well under this). */
const IDLE = 0.01;

export function startIdleCollector(): IdleCollector {
  const collect = exposeCollector();
  const fallsIdle = idleAfterBusy();
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    if (fallsIdle(performance.eventLoopUtilization(now, last).utilization)) collect();
    last = now;
  }, CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Fed one utilisation per interval, answers true once per busy spell: at the first idle interval after it.
 * Start-up itself counts as the first busy spell.
 */
export function idleAfterBusy(): (utilisation: number) => boolean {
  let busySinceCollection = true;
  return (utilisation) => {
    if (utilisation > BUSY) busySinceCollection = true;
    else if (utilisation < IDLE && busySinceCollection) {
      busySinceCollection = false;
      return true;
    }
    return false;
  };
}

/**
 * V8's `gc` function, which Node offers only behind `--expose-gc`. Setting the flag at run time and reading the
 * function from a fresh context (a common Node idiom) gets it without changing how the process is started.
 */
function exposeCollector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
