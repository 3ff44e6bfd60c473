import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { DialectName } from '../db/dialect.js';

/** What a job handler receives: the database (not a transaction — open one where the work needs it) and more. */
export interface JobContext {
  db: Db;
  dialect: DialectName;
  config: Config;
  log: JobLogger;
  /** The worker's clock: tests drive it; handlers use it instead of `new Date()`. */
  now(): Date;
  /** This run of the job. */
  job: { id: string; kind: string; attempt: number; maxAttempts: number };
  /** Aborted when the lease is about to end or the worker stops: long handlers should give up. */
  signal: AbortSignal;
}

export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobDefinitionInput<S extends TSchema> {
  payload: S;
  /**
   * Does the work. It must be idempotent: a job can run twice (a worker that crashed after the work but before
   * marking it done, a lease that expired). Throwing schedules a retry with backoff.
   */
  run(ctx: JobContext, payload: Static<S>): Promise<void>;
  /** Attempts before the job is marked failed (default 8: about 20 minutes of retries). */
  maxAttempts?: number;
}

export interface JobDefinition<P = unknown> {
  kind: string;
  maxAttempts: number;
  run(ctx: JobContext, payload: P): Promise<void>;
  /** Throws InvalidJobPayload when the payload does not match the schema. */
  check(payload: unknown): P;
}

export class InvalidJobPayload extends Error {
  constructor(kind: string, problems: string[]) {
    super(`invalid payload for job ${kind}: ${problems.join('; ')}`);
    this.name = 'InvalidJobPayload';
  }
}

export class UnknownJobKind extends Error {
  constructor(kind: string) {
    super(`no job is defined with kind "${kind}" (is its module imported by src/server/jobs/all-jobs.ts?)`);
    this.name = 'UnknownJobKind';
  }
}

const definitions = new Map<string, JobDefinition<unknown>>();

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Declares a kind of background job. Call it at module level; the returned definition is what `enqueueJob`
 * takes (a kind string works too). Payloads are checked against the schema on enqueue and again on run.
 */
export function defineJob<S extends TSchema>(
  kind: string,
  input: JobDefinitionInput<S>,
): JobDefinition<Static<S>> {
  if (definitions.has(kind)) throw new Error(`job kind "${kind}" is defined twice`);
  const validator = Compile(input.payload);
  const definition: JobDefinition<Static<S>> = {
    kind,
    maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    run: input.run,
    check(payload: unknown): Static<S> {
      if (validator.Check(payload)) return payload as Static<S>;
      const problems = [...validator.Errors(payload)]
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new InvalidJobPayload(kind, problems);
    },
  };
  definitions.set(kind, definition);
  return definition;
}

export function jobDefinition(kind: string): JobDefinition<unknown> {
  const found = definitions.get(kind);
  if (!found) throw new UnknownJobKind(kind);
  return found;
}

export function isDefinedJob(kind: string): boolean {
  return definitions.has(kind);
}

// ---- periodic jobs: the scheduler enqueues one per slot, deduplicated across workers and instances ----

export interface PeriodicJob {
  kind: string;
  everyMs: number;
  payload(slotStart: Date): unknown;
}

const periodic = new Map<string, PeriodicJob>();

/**
 * Runs a defined job every `everyMs` (e.g. a sweep each minute). Every worker's scheduler enqueues the job for
 * the current slot with the dedupe key `kind@slot`, so however many workers run, each slot runs once.
 */
export function definePeriodicJob<P>(
  definition: JobDefinition<P>,
  options: { everyMs: number; payload: (slotStart: Date) => P },
): () => void {
  periodic.set(definition.kind, {
    kind: definition.kind,
    everyMs: options.everyMs,
    payload: options.payload,
  });
  // For tests: their files share a process (vitest.config.ts), so a periodic job a test adds must leave with it.
  return () => periodic.delete(definition.kind);
}

export function periodicJobs(): PeriodicJob[] {
  return [...periodic.values()];
}
