import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainAllEvents } from '../../../test-support/audit.js';
import { ENGINE } from '../../../test-support/engine.js';
import { buildCase, createTestApp, type TestApp } from '../../../test-support/factories.js';
import type { Db } from '../../db/connection.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { transitionCase } from '../cases/transition-case.js';
import { canonicalJson, entryHash, eventHash } from './canonical.js';
import { chainPendingEvents } from './chainer.js';
import { verifyAuditChain } from './verify.js';

/** What an attacker with database access does first: remove the append-only triggers. */
async function dropProtection(db: Db): Promise<void> {
  for (const table of ['events', 'audit_chain', 'audit_checkpoints']) {
    if (ENGINE === 'postgres') {
      await sql`drop trigger if exists ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
    } else {
      await sql`drop trigger if exists ${sql.raw(`${table}_no_update`)}`.execute(db);
      await sql`drop trigger if exists ${sql.raw(`${table}_no_delete`)}`.execute(db);
    }
  }
}

async function entry(db: Db, seq: number) {
  return db.selectFrom('audit_chain').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
}

describe(`audit chain on ${ENGINE}`, () => {
  it('writes canonical JSON with sorted keys and no engine formatting', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
    expect(canonicalJson(new Date(Date.UTC(2026, 10, 28, 1, 2, 3, 4)))).toBe('"2026-11-28T01:02:03.004Z"');
    const row = {
      id: '0193f0e0-0000-7000-8000-000000000001',
      office_id: null,
      case_id: null,
      type: 'office.created',
      actor_type: 'system',
      actor_id: null,
      actor_name: null,
      created_at: '2026-11-28T01:02:03.004Z',
    };
    // JSON text (SQLite) and a parsed object with other key order (PostgreSQL jsonb) hash the same.
    expect(eventHash({ ...row, payload: '{"code":"SBY","n":1}' })).toBe(
      eventHash({ ...row, payload: { n: 1, code: 'SBY' }, created_at: new Date('2026-11-28T01:02:03.004Z') }),
    );
  });

  describe('chaining and verifying', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });

    it('chains every committed event once, in order, and verifies intact', async () => {
      const { case: created } = await buildCase(t.db);
      await transitionCase(t.db, SYSTEM_ACTOR, created.trackingCode, { to: 'in_progress' });
      const events = await t.db.selectFrom('events').select('id').execute();
      expect(await chainAllEvents(t.db)).toBe(events.length);
      expect((await chainPendingEvents(t.db)).chained).toBe(0);
      const chain = await t.db.selectFrom('audit_chain').selectAll().orderBy('seq').execute();
      expect(chain.map((e) => Number(e.seq))).toEqual(events.map((_, i) => i + 1));
      expect(new Set(chain.map((e) => e.event_id)).size).toBe(events.length);
      for (let i = 1; i < chain.length; i++) expect(chain[i]!.previous_hash).toBe(chain[i - 1]!.entry_hash);
      const result = await verifyAuditChain(t.db);
      expect(result).toMatchObject({ intact: true, entries: events.length, problem: null, pendingEvents: 0 });
      expect(result.last?.entryHash).toBe(chain[chain.length - 1]!.entry_hash);
    });

    it('refuses UPDATE and DELETE on events and chain entries (and TRUNCATE on PostgreSQL)', async () => {
      await buildCase(t.db);
      await chainAllEvents(t.db);
      const first = await entry(t.db, 1);
      await expect(
        t.db.updateTable('events').set({ actor_name: 'x' }).where('id', '=', first.event_id).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.deleteFrom('events').where('id', '=', first.event_id).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(
        t.db.updateTable('audit_chain').set({ event_hash: 'x' }).where('seq', '=', 1).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.deleteFrom('audit_chain').where('seq', '=', 1).execute()).rejects.toThrow(
        /append-only/,
      );
      if (ENGINE === 'postgres') {
        await expect(sql`truncate audit_chain`.execute(t.db)).rejects.toThrow(/append-only/);
        await expect(sql`truncate events cascade`.execute(t.db)).rejects.toThrow(/append-only/);
      }
      expect((await verifyAuditChain(t.db)).intact).toBe(true);
    });
  });

  describe('tampering with direct database access', () => {
    /** A fresh database with a few cases chained, triggers dropped. */
    async function tamperable() {
      const t = await createTestApp();
      for (let i = 0; i < 8; i++) await buildCase(t.db);
      await chainAllEvents(t.db);
      await dropProtection(t.db);
      const entries = await t.db.selectFrom('audit_chain').selectAll().orderBy('seq').execute();
      expect(entries.length).toBeGreaterThan(6);
      expect((await verifyAuditChain(t.db)).intact).toBe(true);
      return { db: t.db, entries };
    }

    it('finds an edited event at its entry', async () => {
      const { db, entries } = await tamperable();
      const target = entries[4]!;
      await db
        .updateTable('events')
        .set({ payload: '{"trackingCode":"X"}' })
        .where('id', '=', target.event_id)
        .execute();
      const result = await verifyAuditChain(db);
      expect(result.intact).toBe(false);
      expect(result.problem).toMatchObject({ kind: 'event_changed', seq: 5, eventId: target.event_id });
      expect(result.entries).toBe(4);
    });

    it('finds an edited event time (one millisecond) and actor', async () => {
      const { db, entries } = await tamperable();
      const event = await db
        .selectFrom('events')
        .selectAll()
        .where('id', '=', entries[2]!.event_id)
        .executeTakeFirstOrThrow();
      const later = new Date(new Date(event.created_at).getTime() + 1).toISOString();
      await db.updateTable('events').set({ created_at: later }).where('id', '=', event.id).execute();
      expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'event_changed', seq: 3 });
    });

    it('finds a deleted event', async () => {
      const { db, entries } = await tamperable();
      const target = entries[3]!;
      const event = await db
        .selectFrom('events')
        .select(['case_id'])
        .where('id', '=', target.event_id)
        .executeTakeFirstOrThrow();
      expect(event).toBeDefined();
      await db.deleteFrom('events').where('id', '=', target.event_id).execute();
      expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'event_missing', seq: 4 });
    });

    it('finds a changed entry, a deleted entry and a removed tail', async () => {
      const { db, entries } = await tamperable();
      await db
        .updateTable('audit_chain')
        .set({ event_hash: '0'.repeat(64) })
        .where('seq', '=', 6)
        .execute();
      expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'entry_changed', seq: 6 });
      await db
        .updateTable('audit_chain')
        .set({ event_hash: entries[5]!.event_hash })
        .where('seq', '=', 6)
        .execute();
      await db.deleteFrom('audit_chain').where('seq', '=', 3).execute();
      expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'entry_missing', seq: 3 });
      await db.deleteFrom('audit_chain').where('seq', '>=', 3).execute();
      // The chain now ends at 2 and looks whole, but the chainer had passed the events of entries 3…
      expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'event_not_chained' });
    });

    it('finds an entry rewritten with a recomputed hash by its broken link', async () => {
      const { db, entries } = await tamperable();
      const target = entries[4]!;
      const forged = {
        seq: 5,
        eventId: target.event_id,
        eventHash: target.event_hash,
        previousHash: '1'.repeat(64),
        chainedAt: new Date(target.chained_at).toISOString(),
      };
      await db
        .updateTable('audit_chain')
        .set({ previous_hash: forged.previousHash, entry_hash: entryHash(forged) })
        .where('seq', '=', 5)
        .execute();
      expect((await verifyAuditChain(db)).problem).toMatchObject({ kind: 'link_broken', seq: 5 });
    });
  });

  it.runIf(ENGINE === 'postgres')(
    'never skips an event whose transaction commits after later events were chained',
    async () => {
      const t = await createTestApp();
      await buildCase(t.db);
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let recorded!: () => void;
      const inserted = new Promise<void>((resolve) => {
        recorded = resolve;
      });
      // A slow transaction writes an event early (older id and time) and commits late.
      const slow = t.db.transaction().execute(async (trx) => {
        await recordEvent(trx, {
          type: 'office.created',
          actor: SYSTEM_ACTOR,
          officeId: null,
          payload: { code: 'SLOW' },
          at: new Date(Date.now() - 60_000),
        });
        recorded();
        await held;
      });
      await inserted;
      await buildCase(t.db);
      await chainPendingEvents(t.db);
      const chainedBefore = await t.db.selectFrom('audit_chain').select('event_id').execute();
      release();
      await slow;
      await buildCase(t.db);
      const all = await t.db.selectFrom('events').select('id').execute();
      await chainAllEvents(t.db);
      const chained = await t.db.selectFrom('audit_chain').select('event_id').execute();
      expect(chained.length).toBe(all.length);
      expect(chained.length).toBeGreaterThan(chainedBefore.length);
      expect((await verifyAuditChain(t.db)).intact).toBe(true);
    },
  );

  it.runIf(ENGINE === 'postgres')('lets only one chainer run at a time', async () => {
    const t = await createTestApp();
    for (let i = 0; i < 3; i++) await buildCase(t.db);
    const runs = await Promise.all([
      chainPendingEvents(t.db),
      chainPendingEvents(t.db),
      chainPendingEvents(t.db),
    ]);
    // Whatever the racing runs left (see chainAllEvents), chained once more: no event twice, none missing.
    const total = runs.reduce((n, r) => n + r.chained, 0) + (await chainAllEvents(t.db));
    const events = await t.db.selectFrom('events').select('id').execute();
    expect(total).toBe(events.length);
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });
});
