import {
  type Kysely,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresAdapter,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
  type ValueNode,
} from 'kysely';
import { runPrepared } from './prepared.js';

/** Every difference between SQLite and PostgreSQL lives in this file. */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<unknown>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types for portable migrations: ids and timestamps come from the application on both engines. */
export function columnTypes(dialect: DialectName) {
  return dialect === 'postgres'
    ? ({ id: 'uuid', timestamp: 'timestamptz', json: 'jsonb', bool: 'boolean', blob: 'bytea' } as const)
    : ({ id: 'text', timestamp: 'text', json: 'text', bool: 'integer', blob: 'blob' } as const);
}

/** True when the error is a unique-constraint violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Driver values → domain values. PostgreSQL returns Date and boolean; SQLite returns ISO text and 0/1. */
export function toIso(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

export function toBool(value: boolean | number): boolean {
  return value === true || value === 1;
}

export function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** A boolean as the driver takes it, for prepared queries that bypass the boolean plugin. */
export function driverValue(db: Kysely<any>, value: unknown): unknown {
  if (typeof value !== 'boolean' || dialectOf(db) === 'postgres') return value;
  return value ? 1 : 0;
}

/** better-sqlite3 refuses JavaScript booleans as parameters; SQLite stores them as 1 and 0. */
class BooleanToInteger extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = node.value;
    return typeof value === 'boolean' ? { ...node, value: value ? 1 : 0 } : super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)) };
  }
}

export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToInteger();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

// ---- full-text search: terms are prepared in TypeScript (modules/search/text.ts); the engine only matches ----

/** Creates the search index: an FTS5 table on SQLite, a tsvector table with a GIN index on PostgreSQL. */
export async function createSearchIndex(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create table search_index (doc_key varchar(80) primary key, terms tsvector not null)`.execute(
      db,
    );
    await sql`create index search_index_terms on search_index using gin (terms)`.execute(db);
  } else {
    await sql`create virtual table search_index using fts5(doc_key unindexed, terms, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function dropSearchIndex(db: Kysely<any>): Promise<void> {
  await sql`drop table search_index`.execute(db);
}

/**
 * Adds a document to the index. Documents are written once (a case's subject and description never change);
 * replacing one would need a delete, which on FTS5 scans the table by the unindexed key.
 */
export async function writeSearchDocument(db: Kysely<any>, docKey: string, terms: string): Promise<void> {
  // Every new case writes one: compiled once per engine (see prepared.ts).
  const insert = () =>
    dialectOf(db) === 'postgres'
      ? sql`insert into search_index (doc_key, terms) values (${docKey}, to_tsvector('simple', ${terms}))`
      : sql`insert into search_index (doc_key, terms) values (${docKey}, ${terms})`;
  await runPrepared(db, 'insert-search-document', () => ({ compile: () => insert().compile(db) }), [
    docKey,
    terms,
  ]);
}

/**
 * Keys of documents whose terms match every group (any alternative within a group, as a prefix), limited to keys
 * starting with `prefix`. The terms are letters and digits only (see words()), so they are safe inside the query.
 */
export async function matchSearchDocuments(
  db: Kysely<any>,
  prefix: string,
  groups: string[][],
  limit: number,
): Promise<string[]> {
  if (groups.length === 0) return [];
  const like = `${prefix}%`;
  if (dialectOf(db) === 'postgres') {
    const query = groups.map((g) => `(${g.map((t) => `${t}:*`).join(' | ')})`).join(' & ');
    const result = await sql<{ doc_key: string }>`
      select doc_key from search_index
      where terms @@ to_tsquery('simple', ${query}) and doc_key like ${like}
      limit ${limit}`.execute(db);
    return result.rows.map((r) => r.doc_key);
  }
  const query = groups.map((g) => `(${g.map((t) => `"${t}"*`).join(' OR ')})`).join(' AND ');
  const result = await sql<{ doc_key: string }>`
    select doc_key from search_index where search_index match ${query} and doc_key like ${like}
    order by rank limit ${limit}`.execute(db);
  return result.rows.map((r) => r.doc_key);
}

// ---- knowledge search: ranked by the engine (bm25 on FTS5, ts_rank on PostgreSQL), title weighted ×3 ----

/**
 * The knowledge index: one row per published article or FAQ entry and language, title and body apart. On SQLite
 * the FTS5 table is contentless (it keeps only the index, so ranking never reads the stored text) and a small
 * table maps its rowids to document keys and languages.
 */
export async function createKnowledgeIndex(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create table knowledge_search (doc_key varchar(120) primary key, lang varchar(5) not null, terms tsvector not null)`.execute(
      db,
    );
    await sql`create index knowledge_search_terms on knowledge_search using gin (terms)`.execute(db);
  } else {
    await sql`create table knowledge_docs (id integer primary key, doc_key varchar(120) not null unique, lang varchar(5) not null)`.execute(
      db,
    );
    await sql`create virtual table knowledge_search using fts5(title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function dropKnowledgeIndex(db: Kysely<any>): Promise<void> {
  await sql`drop table knowledge_search`.execute(db);
  if (dialectOf(db) === 'sqlite') await sql`drop table knowledge_docs`.execute(db);
}

/** Replaces a document's entry (terms are prepared in TypeScript: letters, digits and spaces only). */
export async function writeKnowledgeDocument(
  db: Kysely<any>,
  docKey: string,
  lang: string,
  titleTerms: string,
  bodyTerms: string,
): Promise<void> {
  await deleteKnowledgeDocument(db, docKey);
  if (dialectOf(db) === 'postgres') {
    await sql`insert into knowledge_search (doc_key, lang, terms)
      values (${docKey}, ${lang}, setweight(to_tsvector('simple', ${titleTerms}), 'A') || setweight(to_tsvector('simple', ${bodyTerms}), 'D'))`.execute(
      db,
    );
    return;
  }
  const { rows } = await sql<{
    id: number;
  }>`insert into knowledge_docs (doc_key, lang) values (${docKey}, ${lang}) returning id`.execute(db);
  await sql`insert into knowledge_search (rowid, title, body) values (${rows[0]!.id}, ${titleTerms}, ${bodyTerms})`.execute(
    db,
  );
}

export async function deleteKnowledgeDocument(db: Kysely<any>, docKey: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`delete from knowledge_search where doc_key = ${docKey}`.execute(db);
    return;
  }
  await sql`delete from knowledge_search where rowid in (select id from knowledge_docs where doc_key = ${docKey})`.execute(
    db,
  );
  await sql`delete from knowledge_docs where doc_key = ${docKey}`.execute(db);
}

/**
 * Keys of the documents of one language matching every group (`all`) or any group (`any`), where a group matches
 * by any of its alternatives; best first. A group may match as a prefix (a word still being typed). Title matches
 * weigh three times body matches on both engines: bm25 column weights on FTS5, tsvector weights A=1.0 / D=0.33
 * on PostgreSQL.
 */
export async function rankKnowledgeDocuments(
  db: Kysely<any>,
  lang: string,
  groups: { terms: string[]; prefix: boolean }[],
  mode: 'all' | 'any',
  limit: number,
): Promise<string[]> {
  if (groups.length === 0) return [];
  if (dialectOf(db) === 'postgres') {
    const query = groups
      .map((g) => `(${g.terms.map((t) => (g.prefix ? `${t}:*` : t)).join(' | ')})`)
      .join(mode === 'all' ? ' & ' : ' | ');
    const result = await sql<{ doc_key: string }>`
      select doc_key from knowledge_search, to_tsquery('simple', ${query}) query
      where terms @@ query and lang = ${lang}
      order by ts_rank('{0.33, 0.33, 0.33, 1.0}', terms, query) desc, doc_key
      limit ${limit}`.execute(db);
    return result.rows.map((r) => r.doc_key);
  }
  const query = groups
    .map((g) => `(${g.terms.map((t) => (g.prefix ? `"${t}"*` : `"${t}"`)).join(' OR ')})`)
    .join(mode === 'all' ? ' AND ' : ' OR ');
  const result = await sql<{ doc_key: string }>`
    select d.doc_key from knowledge_search s join knowledge_docs d on d.id = s.rowid
    where knowledge_search match ${query} and d.lang = ${lang}
    order by bm25(knowledge_search, 3.0, 1.0), d.doc_key limit ${limit}`.execute(db);
  return result.rows.map((r) => r.doc_key);
}

// ---- audit chain (modules/audit/chainer.ts): which committed events are not chained yet ----

/** An event row as the audit chain reads it, with the engine's position of the row. */
export interface AuditEventRow {
  id: string;
  office_id: string | null;
  case_id: string | null;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  payload: unknown;
  created_at: Date | string;
}

const AUDIT_LOCK_KEY = 7_254_023_001;

/**
 * Makes this transaction the only chainer. PostgreSQL: a transaction-scoped advisory lock (another instance's
 * chainer skips its turn). SQLite has one writer; a second process chaining at the same moment fails on the
 * entry's primary key and retries.
 */
export async function tryAuditChainLock(trx: Kysely<any>): Promise<boolean> {
  if (dialectOf(trx) === 'sqlite') return true;
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${AUDIT_LOCK_KEY}) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

/**
 * Committed events that have no chain entry yet, in commit order, after the chainer's horizon, and the horizon
 * to store once they are chained.
 *
 * Ids and `created_at` are *not* commit order: a transaction that started earlier can commit later, so "after the
 * last chained id" would skip its events for ever. PostgreSQL: each event carries the id of the transaction that
 * wrote it (`commit_xid`); every transaction below the snapshot's xmin has finished, so reading only those and
 * moving the horizon to that xmin never passes over an event that could still appear. SQLite: one writer at a
 * time, so a new row's rowid is above every committed row's; the horizon is the last chained event (its rowid is
 * looked up each time, because VACUUM may renumber rowids). On both, `not exists` guards against chaining twice.
 */
export async function unchainedEvents(
  trx: Kysely<any>,
  horizon: string,
  limit: number,
): Promise<{ rows: AuditEventRow[]; nextHorizon: string }> {
  const columns = sql`e.id, e.office_id, e.case_id, e.type, e.actor_type, e.actor_id, e.actor_name, e.payload, e.created_at`;
  const notChained = sql`not exists (select 1 from audit_chain a where a.event_id = e.id)`;
  if (dialectOf(trx) === 'postgres') {
    const snapshot = await sql<{
      xmin: string;
    }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(trx);
    const xmin = snapshot.rows[0]!.xmin;
    const { rows } = await sql<AuditEventRow & { position: string }>`
      select ${columns}, e.commit_xid::text as position from events e
      where e.commit_xid >= ${horizon}::xid8 and e.commit_xid < ${xmin}::xid8 and ${notChained}
      order by e.commit_xid, e.created_at, e.id limit ${limit}`.execute(trx);
    const full = rows.length === limit;
    return { rows, nextHorizon: full ? rows[rows.length - 1]!.position : xmin };
  }
  const { rows } = await sql<AuditEventRow>`
    select ${columns} from events e
    where e.rowid > coalesce((select rowid from events where id = ${horizon}), 0) and ${notChained}
    order by e.rowid limit ${limit}`.execute(trx);
  return { rows, nextHorizon: rows.length ? rows[rows.length - 1]!.id : horizon };
}

/** Events the chainer has passed but that have no entry: a chain entry was removed (or the chainer was cheated). */
export async function countSkippedEvents(
  db: Kysely<any>,
  horizon: string,
): Promise<{ count: number; firstId: string | null }> {
  const notChained = sql`not exists (select 1 from audit_chain a where a.event_id = e.id)`;
  const where =
    dialectOf(db) === 'postgres'
      ? sql`e.commit_xid < ${horizon}::xid8 and ${notChained}`
      : sql`e.rowid <= coalesce((select rowid from events where id = ${horizon}), 0) and ${notChained}`;
  const { rows } = await sql<{ count: number | string; first_id: string | null }>`
    select count(*) as count, min(cast(e.id as text)) as first_id from events e where ${where}`.execute(db);
  return { count: Number(rows[0]?.count ?? 0), firstId: rows[0]?.first_id ?? null };
}

/** Events with no chain entry at all (chained soon, or skipped — see countSkippedEvents). */
export async function countUnchainedEvents(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ count: number | string }>`
    select count(*) as count from events e where not exists (select 1 from audit_chain a where a.event_id = e.id)`.execute(
    db,
  );
  return Number(rows[0]?.count ?? 0);
}
