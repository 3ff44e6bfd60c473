import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../db/connection.js';
import { postgresPoolOf } from '../../db/connection.js';
import { dialectOf } from '../../db/dialect.js';

/**
 * What chat instances tell each other. Signals carry no content — only "look again": a receiver reads the new
 * messages from the database after the last sequence number it sent, so a lost or doubled signal can neither lose
 * nor repeat a message.
 */
export type ChatSignal =
  /** New messages (or a new state) in a conversation. */
  | { k: 'm'; c: string }
  /** Someone started or stopped typing. */
  | { k: 't'; c: string; by: 'agent' | 'visitor'; on: boolean }
  /** An office's waiting queue changed (positions, agents' queue lists). */
  | { k: 'q'; o: string };

type Listener = (signal: ChatSignal) => void;

const CHANNEL = 'loket_chat';
const listeners = new Set<Listener>();

export function onChatSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(signal: ChatSignal): void {
  for (const listener of listeners) listener(signal);
}

/**
 * Announces a signal. On PostgreSQL it is a NOTIFY: sent inside a transaction, it reaches every instance only
 * when the transaction commits. On SQLite (one process) it is delivered in-process on the next turn of the event
 * loop; the receiver's read then waits for the single connection, so it sees the committed change.
 */
export async function publishChat(db: Db, signal: ChatSignal): Promise<void> {
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(signal)})`.execute(db);
    return;
  }
  setImmediate(() => emit(signal));
}

const RECONNECT_MAX_MS = 10_000;

/**
 * On PostgreSQL, one LISTEN connection per process (outside the pool) turns NOTIFYs from every instance into
 * signals. It reconnects with backoff; signals missed meanwhile are made up by clients re-reading on reconnect.
 */
export class ChatListener {
  #client: pg.Client | undefined;
  #stopped = false;
  #delay = 250;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    const pool = postgresPoolOf(this.db);
    if (!pool) return;
    const { default: pgModule } = await import('pg');
    const client = new pgModule.Client(pool.options);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        emit(JSON.parse(message.payload) as ChatSignal);
      } catch {
        // not one of ours
      }
    });
    client.on('error', () => this.#retry(client));
    client.on('end', () => this.#retry(client));
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      this.#client = client;
      this.#delay = 250;
    } catch {
      this.#retry(client);
    }
  }

  #retry(client: pg.Client): void {
    if (this.#stopped || this.#timer || (this.#client && this.#client !== client)) return;
    this.#client = undefined;
    client.removeAllListeners();
    client.end().catch(() => {});
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.start();
    }, this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, RECONNECT_MAX_MS);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    if (client) {
      client.removeAllListeners();
      await client.end().catch(() => {});
    }
  }
}
