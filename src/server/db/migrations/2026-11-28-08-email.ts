import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * The e-mail channel: each office's mail address and IMAP mailbox, its notification templates, every message
 * sent or received (for threading and idempotency), the raw received messages, and citizens' opt-outs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('office_mail_settings')
    .addColumn('office_id', t.id, (c) => c.primaryKey().references('offices.id'))
    // Mail to this address becomes cases; notifications are sent from it.
    .addColumn('address', 'varchar(254)', (c) => c.unique())
    .addColumn('imap_enabled', t.bool, (c) => c.notNull())
    .addColumn('imap_host', 'varchar(253)')
    .addColumn('imap_port', 'integer')
    .addColumn('imap_tls', t.bool, (c) => c.notNull())
    .addColumn('imap_user', 'varchar(254)')
    // Sealed with a key derived from LOKET_SECRET (lib/secret-box.ts), never stored or shown in plain.
    .addColumn('imap_password_sealed', 'varchar(1000)')
    .addColumn('imap_mailbox', 'varchar(200)', (c) => c.notNull())
    // Processed messages move here; unset means they are only marked as seen.
    .addColumn('imap_processed_mailbox', 'varchar(200)')
    .addColumn('imap_last_polled_at', t.timestamp)
    .addColumn('imap_last_error', 'varchar(500)')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('email_templates')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('template', 'varchar(40)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('email_templates_pk', ['office_id', 'template', 'language'])
    .execute();

  await db.schema
    .createTable('email_messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('direction', 'varchar(3)', (c) => c.notNull())
    // As written in the header, with angle brackets; a received message without one gets a derived id.
    .addColumn('message_id', 'varchar(500)', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('sender', 'varchar(254)')
    .addColumn('recipient', 'varchar(254)')
    .addColumn('subject', 'varchar(300)')
    // in: received → processed | ignored | failed;  out: sent
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    // Why it was ignored (auto_reply, bounce, loop, rate) or what it became (new_case, reply, …).
    .addColumn('outcome', 'varchar(40)')
    .addColumn('template', 'varchar(40)')
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('processed_at', t.timestamp)
    .execute();
  // Idempotency (a relay retrying, an IMAP message read twice, a send job retried) and threading look-ups.
  await db.schema
    .createIndex('email_messages_message_id')
    .on('email_messages')
    .columns(['direction', 'message_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('email_messages_case')
    .on('email_messages')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('email_messages_sender')
    .on('email_messages')
    .columns(['sender', 'created_at'])
    .execute();
  await db.schema
    .createIndex('email_messages_office')
    .on('email_messages')
    .columns(['office_id', 'created_at'])
    .execute();

  // Kept apart from email_messages so listing messages never reads megabytes of raw mail.
  await db.schema
    .createTable('email_raw')
    .addColumn('email_id', t.id, (c) => c.primaryKey().references('email_messages.id'))
    .addColumn('content', t.blob, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_email_optouts')
    .addColumn('case_id', t.id, (c) => c.primaryKey().references('cases.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'case_email_optouts',
    'email_raw',
    'email_messages',
    'email_templates',
    'office_mail_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
