import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type LogConfig, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { SqliteSynchronous } from '../config.js';
import { type BackgroundCheckpoints, startBackgroundCheckpoints } from './background-checkpoints.js';
import { type DialectName, SqliteBooleanPlugin } from './dialect.js';
import { enableGroupCommit } from './group-commit.js';
import { enableDirectStatements } from './prepared.js';
import type { Schema } from './schema.js';
import { closeSnapshotReads, enableSnapshotReads } from './snapshot-reads.js';

export type Db = Kysely<Schema>;

export interface Database {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  sqliteSynchronous?: SqliteSynchronous;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Sees the text of every statement run: a query log while debugging, and tests that count statements. */
  onQuery?: (sql: string) => void;
  /** SQLite: WAL checkpoints in a thread of their own (db/background-checkpoints.ts); for the server process. */
  backgroundCheckpoints?: boolean;
  /** Told when the checkpoint thread reports a failure. */
  onCheckpointFailure?: (message: string) => void;
}

/** The PostgreSQL driver, loaded only when a `postgres://` URL is opened: an embedded SQLite server never needs it. */
function loadPg(): typeof pg {
  const driver = createRequire(import.meta.url)('pg') as typeof pg;
  // COUNT(*) and BIGINT arrive as strings by default; our counts fit in a double.
  driver.types.setTypeParser(driver.types.builtins.INT8, (value) => Number.parseInt(value, 10));
  return driver;
}

/** Opens the database a `sqlite:PATH` or `postgres://…` URL names. */
export function openDatabase(url: string, options: DatabaseOptions = {}): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options);
  return openPostgres(url, options);
}

function openSqlite(file: string, options: DatabaseOptions): Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL keeps every committed transaction through a crash of the process (kill -9): the commit is in
  // the WAL file before better-sqlite3 returns. Only an operating-system crash or power loss can lose the latest
  // commits; FULL (LOKET_SQLITE_SYNCHRONOUS=full) closes that gap with an fsync per commit.
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Group commit rolls back single writes to savepoints; their journal belongs in memory, not a temporary file.
  sqlite.pragma('temp_store = MEMORY');
  const connection = withStatementCache(sqlite);
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: connection }),
    plugins: [new SqliteBooleanPlugin()],
    log: queryLog(options),
  });
  enableGroupCommit(db);
  enableDirectStatements(db, connection, options.onQuery);
  let checkpoints: BackgroundCheckpoints | undefined;
  if (file !== ':memory:') {
    enableSnapshotReads(db, file);
    if (options.backgroundCheckpoints) {
      checkpoints = startBackgroundCheckpoints(sqlite, file, options.onCheckpointFailure);
    }
  }
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpoints?.stop();
      closeSnapshotReads(db);
      await db.destroy();
    },
  };
}

function queryLog({ onQuery }: DatabaseOptions): LogConfig | undefined {
  return onQuery && ((event) => onQuery(event.query.sql));
}

/**
 * Kysely prepares every query anew; preparing costs more than running a simple statement, and an application
 * issues a small, fixed set of SQL strings, so prepared statements are kept by their text.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  const MAX = 500;
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          // Filters with IN lists can make many distinct texts; a bounded cache keeps memory flat.
          if (cache.size >= MAX) cache.clear();
          statement = prepare(source);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

const pools = new WeakMap<Db, pg.Pool>();

/** The pool behind a PostgreSQL database, for the rare feature that needs a connection of its own (LISTEN). */
export function postgresPoolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new (loadPg().Pool)({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener the process would exit.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log: queryLog(options) });
  pools.set(db, pool);
  return {
    db,
    dialect: 'postgres',
    async close() {
      await db.destroy();
    },
  };
}
