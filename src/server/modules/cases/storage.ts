import { type ExpressionBuilder, sql, type Updateable } from 'kysely';
import type { CaseStatus, CaseType, Channel, MessageKind, Priority } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { driverValue } from '../../db/dialect.js';
import { runPrepared } from '../../db/prepared.js';
import type { CaseMessageRow, CaseRow, CaseTable, EventRow, NewCaseRow, Schema } from '../../db/schema.js';
import { readSnapshot, rowFromValues } from '../../db/snapshot-reads.js';
import {
  type Case,
  type CaseEvent,
  type CaseMessage,
  CITIZEN_CASE_COLUMNS,
  type CitizenCase,
  type CitizenCaseRow,
  toCase,
  toCaseEvent,
  toCaseMessage,
  toCitizenCase,
} from './model.js';

const caseByTrackingCode = (db: Db) => () =>
  db.selectFrom('cases').selectAll().where('tracking_code', '=', '');

export async function findCaseByTrackingCode(db: Db, trackingCode: string): Promise<Case | undefined> {
  const [row] = await runPrepared<CaseRow>(db, 'case-by-tracking-code', caseByTrackingCode(db), [
    trackingCode,
  ]);
  return row && toCase(row);
}

/** What a citizen sees of a case's history: its status changes and the public messages. */
export const PUBLIC_EVENT_TYPES = ['case.status_changed'] as const;
export const PUBLIC_MESSAGE_KINDS = ['public_reply', 'citizen_message'] as const;

export interface CaseWithPublicTimeline {
  case: CitizenCase;
  statusEvents: CaseEvent[];
  messages: CaseMessage[];
}

const citizenCaseByTrackingCode = (db: Db) => () =>
  db.selectFrom('cases').select(CITIZEN_CASE_COLUMNS).where('tracking_code', '=', '');

/**
 * A case by tracking code and, only if `opens` accepts it (the citizen's key matches), its public timeline — all
 * read from one consistent snapshot. On SQLite that is one statement on the read-only connection
 * (db/snapshot-reads.ts): the busiest read pays for one statement instead of a transaction of three.
 */
export async function findCaseWithPublicTimeline(
  db: Db,
  trackingCode: string,
  opens: (found: CitizenCase) => boolean,
): Promise<CaseWithPublicTimeline | undefined> {
  const now = readCaseWithPublicTimeline(db, trackingCode, opens);
  if (now !== null) return now;
  const [row] = await runPrepared<CitizenCaseRow>(
    db,
    'citizen-case-by-tracking-code',
    citizenCaseByTrackingCode(db),
    [trackingCode],
  );
  const found = row && toCitizenCase(row);
  if (!found || !opens(found)) return undefined;
  const [statusEvents, messages] = await Promise.all([
    listCaseEvents(db, found.id, PUBLIC_EVENT_TYPES),
    listMessages(db, found.id, PUBLIC_MESSAGE_KINDS),
  ]);
  return { case: found, statusEvents, messages };
}

/**
 * `findCaseWithPublicTimeline` without waiting, where the database has a read-only connection (SQLite on a
 * file); `null` where it has none and the caller must wait for the asynchronous read.
 */
export function readCaseWithPublicTimeline(
  db: Db,
  trackingCode: string,
  opens: (found: CitizenCase) => boolean,
): CaseWithPublicTimeline | undefined | null {
  const fromSnapshot = readSnapshot<CitizenCaseWithTimelineRow>(db, CITIZEN_CASE_WITH_TIMELINE_SQLITE, [
    trackingCode,
  ]);
  if (fromSnapshot === undefined) return null;
  const [row] = fromSnapshot;
  const found = row && toCitizenCase(row);
  if (!found || !opens(found)) return undefined;
  return {
    case: found,
    statusEvents: eventsFromJson(row.status_events),
    messages: messagesFromJson(row.messages),
  };
}

const EVENT_FIELDS = ['id', 'type', 'actor_type', 'actor_id', 'actor_name', 'payload', 'created_at'] as const;
const MESSAGE_FIELDS = [
  'id',
  'case_id',
  'kind',
  'body',
  'author_type',
  'author_id',
  'author_name',
  'created_at',
] as const;
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The case's citizen columns, its public status events and its public messages as JSON arrays of arrays. The
 * rows are ordered in a subquery rather than by `json_group_array(… order by …)`, which makes SQLite build two
 * temporary B-trees per look-up (measured: ~55 µs against ~6 µs).
 */
const CITIZEN_CASE_WITH_TIMELINE_SQLITE = `
  select ${CITIZEN_CASE_COLUMNS.map((c) => `c.${c}`).join(', ')},
    (select json_group_array(json_array(${EVENT_FIELDS.join(', ')})) from (
       select * from events where case_id = c.id and type in (${sqlList(PUBLIC_EVENT_TYPES)})
       order by created_at, id)) as status_events,
    (select json_group_array(json_array(${MESSAGE_FIELDS.join(', ')})) from (
       select * from case_messages where case_id = c.id and kind in (${sqlList(PUBLIC_MESSAGE_KINDS)})
       order by created_at, id)) as messages
  from cases c where c.tracking_code = ?`;

type CitizenCaseWithTimelineRow = CitizenCaseRow & { status_events: string; messages: string };

function eventsFromJson(json: string): CaseEvent[] {
  return (JSON.parse(json) as unknown[][]).map((values) =>
    toCaseEvent(rowFromValues(EVENT_FIELDS, values) as unknown as EventRow),
  );
}

function messagesFromJson(json: string): CaseMessage[] {
  return (JSON.parse(json) as unknown[][]).map((values) =>
    toCaseMessage(rowFromValues(MESSAGE_FIELDS, values) as unknown as CaseMessageRow),
  );
}

export async function trackingCodeExists(db: Db, trackingCode: string): Promise<boolean> {
  const rows = await runPrepared(
    db,
    'tracking-code-exists',
    () => db.selectFrom('cases').select('id').where('tracking_code', '=', ''),
    [trackingCode],
  );
  return rows.length > 0;
}

export async function insertCase(db: Db, row: NewCaseRow): Promise<void> {
  // Every column, always in this order, so one compiled statement serves every insert.
  const columns = Object.keys(row).sort() as (keyof NewCaseRow)[];
  await runPrepared(
    db,
    `insert-case:${columns.join(',')}`,
    () =>
      db.insertInto('cases').values(Object.fromEntries(columns.map((c) => [c, ''])) as unknown as NewCaseRow),
    columns.map((c) => driverValue(db, row[c])),
  );
}

export type CaseChanges = Omit<Updateable<CaseTable>, 'id' | 'version' | 'office_id' | 'tracking_code'>;

/**
 * Applies changes only if nobody changed the case since `expectedVersion` was read; bumps the version.
 * Returns false when the version no longer matches.
 */
export async function updateCaseAtVersion(
  db: Db,
  caseId: string,
  expectedVersion: number,
  changes: CaseChanges & { updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Changes that do not compete with staff edits (first response time) and so do not bump the version. */
export async function updateCaseQuietly(db: Db, caseId: string, changes: CaseChanges): Promise<void> {
  await db.updateTable('cases').set(changes).where('id', '=', caseId).execute();
}

export async function insertMessage(
  db: Db,
  message: Omit<CaseMessage, 'createdAt'> & { createdAt: string },
): Promise<void> {
  await db
    .insertInto('case_messages')
    .values({
      id: message.id,
      case_id: message.caseId,
      kind: message.kind,
      body: message.body,
      author_type: message.authorType,
      author_id: message.authorId,
      author_name: message.authorName,
      created_at: message.createdAt,
    })
    .execute();
}

export async function listMessages(
  db: Db,
  caseId: string,
  kinds?: readonly MessageKind[],
): Promise<CaseMessage[]> {
  const rows = await runPrepared<CaseMessageRow>(
    db,
    `case-messages:${kinds?.length ?? 'all'}`,
    messagesOfCase(db, kinds),
    [caseId, ...(kinds ?? [])],
  );
  return rows.map(toCaseMessage);
}

const messagesOfCase = (db: Db, kinds?: readonly MessageKind[]) => () =>
  db
    .selectFrom('case_messages')
    .selectAll()
    .where('case_id', '=', '')
    .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds!))
    .orderBy('created_at')
    .orderBy('id');

export async function listCaseEvents(
  db: Db,
  caseId: string,
  types?: readonly string[],
): Promise<CaseEvent[]> {
  const rows = await runPrepared<EventRow>(
    db,
    `case-events:${types?.length ?? 'all'}`,
    eventsOfCase(db, types),
    [caseId, ...(types ?? [])],
  );
  return rows.map(toCaseEvent);
}

const eventsOfCase = (db: Db, types?: readonly string[]) => () =>
  db
    .selectFrom('events')
    .selectAll()
    .where('case_id', '=', '')
    .$if(types !== undefined, (q) => q.where('type', 'in', types!))
    .orderBy('created_at')
    .orderBy('id');

export type CaseOrder = 'newest' | 'oldest' | 'due';

/** Where the previous page ended: the sort value and id of its last row. */
export interface CaseCursor {
  value: string | null;
  id: string;
}

export interface CaseFilter {
  statuses?: CaseStatus[];
  types?: CaseType[];
  channels?: Channel[];
  priorities?: Priority[];
  officeId?: string;
  categoryId?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  /** A staff id, or null for unassigned cases. */
  assigneeId?: string | null;
  teamIds?: string[];
  /** Only these cases (e.g. full-text matches). */
  caseIds?: string[];
  /** Only open cases past their first-response or resolution due time at this instant. */
  overdueAt?: string;
}

export interface CasePage {
  items: Case[];
  next: CaseCursor | null;
}

/** One page of cases, keyset-paginated so deep pages cost the same as the first. */
export async function listCases(
  db: Db,
  filter: CaseFilter,
  order: CaseOrder,
  limit: number,
  after?: CaseCursor,
): Promise<CasePage> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .$if(!!filter.statuses?.length, (q) => q.where('status', 'in', filter.statuses!))
    .$if(!!filter.types?.length, (q) => q.where('type', 'in', filter.types!))
    .$if(!!filter.channels?.length, (q) => q.where('channel', 'in', filter.channels!))
    .$if(!!filter.priorities?.length, (q) => q.where('priority', 'in', filter.priorities!))
    .$if(filter.officeId !== undefined, (q) => q.where('office_id', '=', filter.officeId!))
    .$if(filter.categoryId !== undefined, (q) => q.where('category_id', '=', filter.categoryId!))
    .$if(filter.receivedFrom !== undefined, (q) => q.where('received_at', '>=', filter.receivedFrom!))
    .$if(filter.receivedBefore !== undefined, (q) => q.where('received_at', '<', filter.receivedBefore!))
    .$if(filter.assigneeId !== undefined, (q) =>
      filter.assigneeId === null
        ? q.where('assignee_id', 'is', null)
        : q.where('assignee_id', '=', filter.assigneeId!),
    )
    .$if(filter.teamIds !== undefined, (q) =>
      filter.teamIds!.length ? q.where('team_id', 'in', filter.teamIds!) : q.where(sql<boolean>`1 = 0`),
    )
    .$if(filter.caseIds !== undefined, (q) =>
      filter.caseIds!.length ? q.where('id', 'in', filter.caseIds!) : q.where(sql<boolean>`1 = 0`),
    )
    .$if(filter.overdueAt !== undefined, (q) =>
      q
        .where('status', 'in', ['received', 'in_progress'])
        .where((eb) =>
          eb.or([
            eb('due_at', '<', filter.overdueAt!),
            eb.and([
              eb('first_response_at', 'is', null),
              eb('first_response_due_at', '<', filter.overdueAt!),
            ]),
          ]),
        ),
    )
    .$if(after !== undefined, (q) => q.where((eb) => afterCursor(eb, order, after!)))
    .$call((q) => {
      if (order === 'newest') return q.orderBy('received_at', 'desc').orderBy('id', 'desc');
      if (order === 'oldest') return q.orderBy('received_at', 'asc').orderBy('id', 'asc');
      return q
        .orderBy(
          (eb) => eb.ref('due_at'),
          (ob) => ob.asc().nullsLast(),
        )
        .orderBy('id', 'asc');
    })
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toCase);
  const last = items.at(-1);
  const next =
    rows.length > limit && last
      ? { value: order === 'due' ? last.dueAt : last.receivedAt, id: last.id }
      : null;
  return { items, next };
}

function afterCursor(eb: ExpressionBuilder<Schema, 'cases'>, order: CaseOrder, cursor: CaseCursor) {
  if (order === 'due') {
    // Cases without a due date come last, ordered by id.
    if (cursor.value === null) return eb.and([eb('due_at', 'is', null), eb('id', '>', cursor.id)]);
    return eb.or([
      eb('due_at', '>', cursor.value),
      eb.and([eb('due_at', '=', cursor.value), eb('id', '>', cursor.id)]),
      eb('due_at', 'is', null),
    ]);
  }
  const value = cursor.value ?? '';
  const [beyond, idBeyond] = order === 'newest' ? (['<', '<'] as const) : (['>', '>'] as const);
  return eb.or([
    eb('received_at', beyond, value),
    eb.and([eb('received_at', '=', value), eb('id', idBeyond, cursor.id)]),
  ]);
}

/** Cases linked to a case, with their codes and statuses. */
export async function listLinkedCases(
  db: Db,
  caseId: string,
): Promise<{ trackingCode: string; status: CaseStatus; subject: string }[]> {
  return db
    .selectFrom('case_links')
    .innerJoin('cases', 'cases.id', 'case_links.related_case_id')
    .select(['cases.tracking_code as trackingCode', 'cases.status as status', 'cases.subject as subject'])
    .where('case_links.case_id', '=', caseId)
    .orderBy('cases.received_at')
    .execute();
}

export async function trackingCodeOf(db: Db, caseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('tracking_code')
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.tracking_code;
}

/** How many open cases each inbox view holds for one user. */
export async function countViews(
  db: Db,
  scope: { officeId: string | null; userId: string; teamIds: string[] },
): Promise<{ mine: number; unassigned: number; team: number; open: number; all: number; overdue: number }> {
  const open = ['received', 'in_progress', 'waiting_on_citizen'] as const;
  const now = new Date().toISOString();
  const row = await db
    .selectFrom('cases')
    .$if(scope.officeId !== null, (q) => q.where('office_id', '=', scope.officeId!))
    .select((eb) => {
      const isOpen = eb('status', 'in', open);
      const count = (condition: ReturnType<typeof eb.and>) =>
        eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        eb.fn.countAll<number>().as('all'),
        count(eb.and([isOpen])).as('open'),
        count(eb.and([isOpen, eb('assignee_id', '=', scope.userId)])).as('mine'),
        count(eb.and([isOpen, eb('assignee_id', 'is', null)])).as('unassigned'),
        count(eb.and([isOpen, scope.teamIds.length ? eb('team_id', 'in', scope.teamIds) : eb.lit(false)])).as(
          'team',
        ),
        // Past a due time while the clock runs (waiting on the citizen pauses it); see modules/service-levels.
        count(
          eb.and([
            eb('status', 'in', ['received', 'in_progress']),
            eb.or([
              eb('due_at', '<', now),
              eb.and([eb('first_response_at', 'is', null), eb('first_response_due_at', '<', now)]),
            ]),
          ]),
        ).as('overdue'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    all: Number(row.all),
    open: Number(row.open ?? 0),
    mine: Number(row.mine ?? 0),
    unassigned: Number(row.unassigned ?? 0),
    team: Number(row.team ?? 0),
    overdue: Number(row.overdue ?? 0),
  };
}
