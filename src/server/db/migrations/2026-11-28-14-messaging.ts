import type { Kysely } from 'kysely';
import { linkExistingCases } from '../../modules/contacts/link-contact.js';
import type { Db } from '../connection.js';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Messaging apps, contacts, phone and counter (issue #11): one contact per person across channels, the WhatsApp and
 * Telegram conversations and their per-message delivery state, the channels' admin settings, contacts logged at
 * the phone and the counter, PBX calls, agents' extensions and the per-user live signals (screen pops).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('contacts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('display_name', 'varchar(200)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // How a person identifies themself: a phone number (E.164 digits, 628…), an e-mail address, a Telegram chat.
  await db.schema
    .createTable('contact_identities')
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'varchar(254)', (c) => c.notNull())
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_identities_pk', ['kind', 'value'])
    .execute();
  await db.schema
    .createIndex('contact_identities_contact')
    .on('contact_identities')
    .column('contact_id')
    .execute();

  await db.schema
    .createTable('contact_cases')
    .addColumn('case_id', t.id, (c) => c.primaryKey().references('cases.id'))
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id'))
    .addColumn('linked_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_cases_contact').on('contact_cases').column('contact_id').execute();

  // One conversation per app user: the case their messages go to and when they last wrote (WhatsApp's window).
  await db.schema
    .createTable('channel_threads')
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('external_user', 'varchar(64)', (c) => c.notNull())
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('display_name', 'varchar(200)')
    .addColumn('last_inbound_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_threads_pk', ['channel', 'external_user'])
    .execute();
  await db.schema.createIndex('channel_threads_case').on('channel_threads').column('case_id').execute();

  await db.schema
    .createTable('channel_messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('direction', 'varchar(3)', (c) => c.notNull())
    // wamid.… or chat:message_id; unset for an outbound message until the API accepted it.
    .addColumn('external_id', 'varchar(200)')
    .addColumn('external_user', 'varchar(64)', (c) => c.notNull())
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('case_message_id', t.id, (c) => c.references('case_messages.id'))
    // text, image, document, location, template, start…
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    // in: received → processed | ignored;  out: queued → sent → delivered → read, or failed
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('template_name', 'varchar(100)')
    .addColumn('error_code', 'varchar(20)')
    .addColumn('error_title', 'varchar(300)')
    // The received payload until it is processed, then cleared: the content lives on in the case.
    .addColumn('payload', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('delivered_at', t.timestamp)
    .addColumn('read_at', t.timestamp)
    .addColumn('failed_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('channel_messages_external')
    .on('channel_messages')
    .columns(['channel', 'direction', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('channel_messages_case')
    .on('channel_messages')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('channel_messages_case_message')
    .on('channel_messages')
    .column('case_message_id')
    .execute();

  // Settings an administrator entered in the console; they override LOKET_WHATSAPP_* / LOKET_TELEGRAM_*.
  await db.schema
    .createTable('channel_settings')
    .addColumn('channel', 'varchar(10)', (c) => c.primaryKey())
    // JSON; secrets inside are sealed with a key derived from LOKET_SECRET (lib/secret-box.ts).
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('logged_contacts')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('caller_number', 'varchar(20)')
    .addColumn('caller_name', 'varchar(200)')
    .addColumn('contact_id', t.id, (c) => c.references('contacts.id'))
    .addColumn('category_id', t.id, (c) => c.references('categories.id'))
    .addColumn('topic', 'varchar(200)')
    // answered (on the spot) or case (a case was created)
    .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('duration_seconds', 'integer')
    .addColumn('call_id', 'varchar(100)')
    .addColumn('agent_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('logged_contacts_office')
    .on('logged_contacts')
    .columns(['office_id', 'created_at'])
    .execute();
  await db.schema.createIndex('logged_contacts_contact').on('logged_contacts').column('contact_id').execute();
  await db.schema
    .createIndex('logged_contacts_call')
    .on('logged_contacts')
    .columns(['office_id', 'call_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('cti_calls')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('call_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('caller_number', 'varchar(20)')
    .addColumn('extension', 'varchar(20)')
    .addColumn('agent_id', t.id, (c) => c.references('users.id'))
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('ringing_at', t.timestamp)
    .addColumn('answered_at', t.timestamp)
    .addColumn('ended_at', t.timestamp)
    .addColumn('duration_seconds', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cti_calls_call')
    .on('cti_calls')
    .columns(['office_id', 'call_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('agent_extensions')
    .addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id'))
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('extension', 'varchar(20)', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agent_extensions_office')
    .on('agent_extensions')
    .columns(['office_id', 'extension'])
    .unique()
    .execute();

  // Short-lived messages for one staff member's open consoles (a screen pop), read by the live feed.
  await db.schema
    .createTable('staff_signals')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_signals_created').on('staff_signals').column('created_at').execute();

  // Cases received before contacts existed join their person's history (by their e-mail and phone).
  await linkExistingCases(db as unknown as Db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'staff_signals',
    'agent_extensions',
    'cti_calls',
    'logged_contacts',
    'channel_settings',
    'channel_messages',
    'channel_threads',
    'contact_cases',
    'contact_identities',
    'contacts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
