import type { Db } from '../db/connection.js';
import { toIso } from '../db/dialect.js';

export interface LiveCaseEvent {
  type: string;
  trackingCode: string;
  officeId: string;
  at: string;
}

type Listener = (event: LiveCaseEvent) => void;

/** A new staff notification, for its recipient's open consoles (modules/notifications). */
export interface LiveNotification {
  id: string;
  userId: string;
  kind: string;
  trackingCode: string | null;
  at: string;
}

type NotificationListener = (notification: LiveNotification) => void;

/** A short-lived message for one staff member's open consoles, e.g. a screen pop (modules/phone/cti.ts). */
export interface LiveSignal {
  id: string;
  userId: string;
  kind: string;
  data: unknown;
  at: string;
}

type SignalListener = (signal: LiveSignal) => void;

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
  readonly #notificationListeners = new Map<string, Set<NotificationListener>>();
  readonly #signalListeners = new Map<string, Set<SignalListener>>();
  #timer: NodeJS.Timeout | undefined;
  #since = new Date();
  #seen = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /** New notifications of one staff member; the same poll as case changes, only while someone listens. */
  subscribeNotifications(userId: string, listener: NotificationListener): () => void {
    let set = this.#notificationListeners.get(userId);
    if (!set) {
      set = new Set();
      this.#notificationListeners.set(userId, set);
    }
    set.add(listener);
    const unsubscribeCases = this.subscribe(() => {});
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#notificationListeners.delete(userId);
      unsubscribeCases();
    };
  }

  /** Signals for one staff member (screen pops); the same poll again, only while someone listens. */
  subscribeSignals(userId: string, listener: SignalListener): () => void {
    let set = this.#signalListeners.get(userId);
    if (!set) {
      set = new Set();
      this.#signalListeners.set(userId, set);
    }
    set.add(listener);
    const unsubscribeCases = this.subscribe(() => {});
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#signalListeners.delete(userId);
      unsubscribeCases();
    };
  }

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
    const notifications = this.#notificationListeners.size ? await this.#newNotifications(from) : [];
    const signals = this.#signalListeners.size ? await this.#newSignals(from) : [];
    this.#since = new Date(now);
    for (const row of signals) {
      if (this.#seen.has(row.id)) continue;
      this.#seen.set(row.id, now);
      const signal = {
        id: row.id,
        userId: row.user_id,
        kind: row.kind,
        data: JSON.parse(row.data),
        at: toIso(row.created_at),
      };
      for (const listener of this.#signalListeners.get(row.user_id) ?? []) listener(signal);
    }
    for (const row of notifications) {
      if (this.#seen.has(row.id)) continue;
      this.#seen.set(row.id, now);
      const notification = {
        id: row.id,
        userId: row.user_id,
        kind: row.kind,
        trackingCode: row.tracking_code,
        at: toIso(row.created_at),
      };
      for (const listener of this.#notificationListeners.get(row.user_id) ?? []) listener(notification);
    }
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

  async #newSignals(from: string) {
    try {
      return await this.db
        .selectFrom('staff_signals')
        .select(['id', 'user_id', 'kind', 'data', 'created_at'])
        .where('created_at', '>=', from)
        .where('user_id', 'in', [...this.#signalListeners.keys()])
        .orderBy('created_at')
        .limit(100)
        .execute();
    } catch {
      return [];
    }
  }

  async #newNotifications(from: string) {
    try {
      return await this.db
        .selectFrom('notifications')
        .select(['id', 'user_id', 'kind', 'tracking_code', 'created_at'])
        .where('created_at', '>=', from)
        .where('user_id', 'in', [...this.#notificationListeners.keys()])
        .orderBy('created_at')
        .limit(500)
        .execute();
    } catch {
      return [];
    }
  }
}
