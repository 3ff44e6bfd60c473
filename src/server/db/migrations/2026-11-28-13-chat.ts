import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Live chat (issue #11): conversations with their per-conversation message sequence, the messages as the
 * transport replays them (each linked to its case message once the chat has a case), and the agents' chat
 * settings (availability, capacity, languages, services).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('chat_conversations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    // Set at hand-off to a person (or when the chat becomes a message): the transcript then is the case's timeline.
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('service_id', t.id, (c) => c.references('services.id'))
    // assistant → waiting → active → ended, or assistant/waiting → message (no person free).
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('agent_id', t.id, (c) => c.references('users.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('requested_at', t.timestamp)
    .addColumn('accepted_at', t.timestamp)
    .addColumn('ended_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_conversations_queue')
    .on('chat_conversations')
    .columns(['office_id', 'state', 'requested_at'])
    .execute();
  await db.schema.createIndex('chat_conversations_case').on('chat_conversations').column('case_id').execute();
  await db.schema
    .createIndex('chat_conversations_agent')
    .on('chat_conversations')
    .columns(['agent_id', 'state'])
    .execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('conversation_id', t.id, (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The sender's own id for the message: a resend after a reconnect finds it instead of adding it twice.
    .addColumn('client_id', 'varchar(64)')
    .addColumn('author', 'varchar(10)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(200)')
    .addColumn('body', 'text', (c) => c.notNull())
    // Assistant sources, system notices, attachment references.
    .addColumn('data', t.json)
    .addColumn('case_message_id', t.id)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('chat_messages_seq', ['conversation_id', 'seq'])
    .addUniqueConstraint('chat_messages_client_id', ['conversation_id', 'client_id'])
    .execute();
  await db.schema
    .createIndex('chat_messages_case_message')
    .on('chat_messages')
    .column('case_message_id')
    .execute();

  await db.schema
    .createTable('chat_agents')
    .addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id'))
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // Comma-separated language codes the agent chats in.
    .addColumn('languages', 'varchar(20)', (c) => c.notNull())
    // Comma-separated office service ids; null = every service.
    .addColumn('service_ids', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_agents_office')
    .on('chat_agents')
    .columns(['office_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_agents').execute();
  await db.schema.dropTable('chat_messages').execute();
  await db.schema.dropTable('chat_conversations').execute();
}
