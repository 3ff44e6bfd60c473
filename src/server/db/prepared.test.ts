import type { KyselyPlugin } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { newId } from '../lib/ids.js';
import { inTransaction } from '../lib/transaction.js';
import type { Db } from './connection.js';
import { runPrepared } from './prepared.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

const insertContact = (db: Db, id: string, name: string) => {
  const values = {
    id,
    display_name: name,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  };
  return runPrepared(
    db,
    'test-insert-contact',
    () => db.insertInto('contacts').values(values),
    Object.values(values),
  );
};

const countContacts = async (db: Db) => {
  const [row] = await runPrepared<{ n: number | string }>(
    db,
    'test-count-contacts',
    () => db.selectFrom('contacts').select(({ fn }) => fn.countAll().as('n')),
    [],
  );
  return Number(row!.n);
};

describe('prepared statements', () => {
  it('write and read the same inside a transaction and outside it', async () => {
    const id = newId();
    await inTransaction(database.db, (trx) => insertContact(trx, id, 'Dalam transaksi'));
    const [row] = await runPrepared<{ display_name: string }>(
      database.db,
      'test-contact-name',
      () => database.db.selectFrom('contacts').select('display_name').where('id', '=', id),
      [id],
    );
    expect(row?.display_name).toBe('Dalam transaksi');
  });

  it('outside a transaction never see what another transaction has not committed', async () => {
    const before = await countContacts(database.db);
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    const writing = database.db.transaction().execute(async (trx) => {
      await insertContact(trx, newId(), 'Belum tersimpan');
      open();
      await committed;
    });
    await opened;
    let committedYet = false;
    const reading = countContacts(database.db).then((n) => ({ n, committedYet }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    committedYet = true;
    commit();
    await writing;
    const read = await reading;
    // SQLite waits for the connection (the reader sees the row once committed); PostgreSQL reads the last commit.
    expect(read.n).toBe(read.committedYet ? before + 1 : before);
  });

  it('in a SQLite transaction run on the connection itself, without passing Kysely’s executor', async () => {
    let throughKysely = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        throughKysely++;
        return args.result;
      },
    };
    const plugged = database.db.withPlugin(counting);
    await plugged.transaction().execute((trx) => countContacts(trx));
    expect(throughKysely).toBe(database.dialect === 'sqlite' ? 0 : 1);
    await countContacts(plugged);
    expect(throughKysely).toBe(database.dialect === 'sqlite' ? 1 : 2);
  });
});
