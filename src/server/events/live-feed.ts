import type { Db } from '../db/connection.js';
import { toIso } from '../db/dialect.js';

export interface LiveCaseEvent {
  type: string;
  trackingCode: string;
  officeId: string;
  at: string;
}

type Listener = (event: LiveCaseEvent) => void;

const POLL_MS = 1000;
/** Commits can land slightly out of order; looking back this far and remembering ids catches late ones. */
const LOOK_BACK_MS = 5000;

/**
 * Case changes for open consoles. It reads the event table — every change writes a row there in its own
 * transaction — so it sees changes from every instance on PostgreSQL as well as from this process, and costs
 * one indexed query a second, only while someone listens.
 */
export class LiveFeed {
  readonly #listeners = new Set<Listener>();
  #timer: NodeJS.Timeout | undefined;
  #since = new Date();
  #seen = new Map<string, number>();

  constructor(private readonly db: Db) {}

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (!this.#timer) {
      this.#since = new Date();
      this.#timer = setInterval(() => void this.#poll(), POLL_MS);
      this.#timer.unref();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#seen.clear();
  }

  async #poll(): Promise<void> {
    const now = Date.now();
    const from = new Date(this.#since.getTime() - LOOK_BACK_MS).toISOString();
    let rows: {
      id: string;
      type: string;
      tracking_code: string;
      office_id: string;
      created_at: Date | string;
    }[];
    try {
      rows = await this.db
        .selectFrom('events')
        .innerJoin('cases', 'cases.id', 'events.case_id')
        .select(['events.id', 'events.type', 'cases.tracking_code', 'cases.office_id', 'events.created_at'])
        .where('events.created_at', '>=', from)
        .orderBy('events.created_at')
        .limit(500)
        .execute();
    } catch {
      return; // the database is away for a moment (restart, failover); the next poll tries again
    }
    this.#since = new Date(now);
    for (const row of rows) {
      if (this.#seen.has(row.id)) continue;
      this.#seen.set(row.id, now);
      const event = {
        type: row.type,
        trackingCode: row.tracking_code,
        officeId: row.office_id,
        at: toIso(row.created_at),
      };
      for (const listener of this.#listeners) listener(event);
    }
    for (const [id, seenAt] of this.#seen) if (now - seenAt > 2 * LOOK_BACK_MS) this.#seen.delete(id);
  }
}
