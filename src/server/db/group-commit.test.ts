import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { buildCase, buildOffice } from '../../test-support/factories.js';
import { newId } from '../lib/ids.js';
import { inTransaction } from '../lib/transaction.js';
import { findCaseByTrackingCode } from '../modules/cases/storage.js';
import { indexDocument, searchIds } from '../modules/search/search-index.js';
import type { Db } from './connection.js';
import { mergeAfterSavepoints } from './group-commit.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
});

describe('writes arriving together', () => {
  it('each succeed or fail alone, whether or not they share a commit', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) =>
      buildCase(database.db, i % 4 === 0 ? { categoryCode: 'does-not-exist' } : { subject: `Kasus ${i}` }),
    );
    const results = await Promise.allSettled(attempts);
    const failed = results.filter((r) => r.status === 'rejected');
    const created = results.filter((r) => r.status === 'fulfilled');
    expect(failed).toHaveLength(10);
    expect(failed.every((r) => (r as PromiseRejectedResult).reason.code === 'unknown_category')).toBe(true);
    for (const result of created) {
      const { case: c } = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof buildCase>>>).value;
      expect(await findCaseByTrackingCode(database.db, c.trackingCode)).toEqual(c);
    }
    const events = await database.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'case.created')
      .execute();
    expect(events).toHaveLength(30);
  });

  it('undoes a failed write completely, even after it wrote', async () => {
    const before = await database.db.selectFrom('cases').select('id').execute();
    const [ok, failed] = await Promise.allSettled([
      buildCase(database.db),
      inTransaction(database.db, async (trx) => {
        await sql`update cases set subject = 'dirusak' where 1 = 1`.execute(trx);
        throw new Error('fails after writing');
      }),
    ]);
    expect(ok.status).toBe('fulfilled');
    expect(failed.status).toBe('rejected');
    const subjects = await database.db.selectFrom('cases').select('subject').execute();
    expect(subjects).toHaveLength(before.length + 1);
    expect(subjects.some((s) => s.subject === 'dirusak')).toBe(false);
  });

  it('writes the search entries of the writes that succeed, and only theirs', async () => {
    const [kept, dropped] = await Promise.allSettled([
      inTransaction(database.db, (trx) =>
        indexDocument(trx, 'case', newId(), 'kata istimewa bertahan', 'id'),
      ),
      inTransaction(database.db, async (trx) => {
        await indexDocument(trx, 'case', newId(), 'kata istimewa hilang', 'id');
        throw new Error('fails after indexing');
      }),
    ]);
    expect(kept.status).toBe('fulfilled');
    expect(dropped.status).toBe('rejected');
    expect(await searchIds(database.db, 'case', 'istimewa', 10)).toHaveLength(1);
    expect(await searchIds(database.db, 'case', 'hilang', 10)).toHaveLength(0);
  });

  it('writes the values its writes merge once for the group, leaving out those of writes that fail', async () => {
    const names = ['Merged A', 'Merged B', 'Merged C', 'Merged D'];
    let writes = 0;
    const insertContacts = (trx: Db) => async (values: string[]) => {
      writes++;
      const at = new Date().toISOString();
      await trx
        .insertInto('contacts')
        .values(values.map((name) => ({ id: newId(), display_name: name, created_at: at, updated_at: at })))
        .execute();
    };
    const results = await Promise.allSettled(
      names.map((name) =>
        inTransaction(database.db, async (trx) => {
          await mergeAfterSavepoints(trx, 'test-contacts', name, insertContacts(trx));
          if (name === 'Merged C') throw new Error('fails after merging');
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const stored = await database.db
      .selectFrom('contacts')
      .select('display_name')
      .where('display_name', 'like', 'Merged %')
      .orderBy('display_name')
      .execute();
    expect(stored.map((row) => row.display_name)).toEqual(['Merged A', 'Merged B', 'Merged D']);
    // One write for the whole group on SQLite; PostgreSQL has no groups and writes each at once.
    expect(writes).toBe(database.dialect === 'sqlite' ? 1 : 4);
  });

  describe('rerunnable work (case submissions), run without savepoints', () => {
    const insertContact = (trx: Db, name: string) => {
      const at = new Date().toISOString();
      return trx
        .insertInto('contacts')
        .values({ id: newId(), display_name: name, created_at: at, updated_at: at })
        .execute();
    };
    const storedNames = async (prefix: string) =>
      (
        await database.db
          .selectFrom('contacts')
          .select('display_name')
          .where('display_name', 'like', `${prefix}%`)
          .orderBy('display_name')
          .execute()
      ).map((row) => row.display_name);

    it('runs each once when the failures wrote nothing', async () => {
      const runs = new Map<string, number>();
      const results = await Promise.allSettled(
        ['Once A', 'Once B', 'Once C'].map((name) =>
          inTransaction(
            database.db,
            async (trx) => {
              runs.set(name, (runs.get(name) ?? 0) + 1);
              if (name === 'Once B') throw new Error('fails before writing');
              await insertContact(trx, name);
            },
            { rerunnable: true },
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await storedNames('Once ')).toEqual(['Once A', 'Once C']);
      expect([...runs.values()]).toEqual([1, 1, 1]);
    });

    it('starts the group over with savepoints when one fails after writing, running no other work twice', async () => {
      const runs = new Map<string, number>();
      const counted = (name: string) => runs.set(name, (runs.get(name) ?? 0) + 1);
      const [careful, kept, failed, indexed] = await Promise.allSettled([
        inTransaction(database.db, async (trx) => {
          counted('careful');
          await insertContact(trx, 'Over careful');
        }),
        inTransaction(
          database.db,
          async (trx) => {
            counted('kept');
            await insertContact(trx, 'Over kept');
          },
          { rerunnable: true },
        ),
        inTransaction(
          database.db,
          async (trx) => {
            counted('failed');
            await insertContact(trx, 'Over failed');
            throw new Error('fails after writing');
          },
          { rerunnable: true },
        ),
        inTransaction(
          database.db,
          async (trx) => {
            counted('indexed');
            await indexDocument(trx, 'case', newId(), 'kata ulangi tersimpan', 'id');
          },
          { rerunnable: true },
        ),
      ]);
      expect([careful, kept, failed, indexed].map((r) => r.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      // Nothing of the failed work, and nothing written twice by the work that ran twice.
      expect(await storedNames('Over ')).toEqual(['Over careful', 'Over kept']);
      expect(await searchIds(database.db, 'case', 'ulangi', 10)).toHaveLength(1);
      // Work that is not rerunnable runs once. On SQLite the rerunnable work that ran up to the failure ran again,
      // with savepoints; the work after it ran only then.
      const twice = database.dialect === 'sqlite' ? 2 : 1;
      expect(Object.fromEntries(runs)).toEqual({ careful: 1, kept: twice, failed: twice, indexed: 1 });
    });
  });
});
