import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * The public portal: each office's look and opening hours, and files citizens attach to their cases.
 * Attachment contents live in the data directory, named by their SHA-256; the table records who sent what.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema.alterTable('offices').addColumn('logo_text', 'varchar(12)').execute();
  await db.schema.alterTable('offices').addColumn('brand_color', 'varchar(7)').execute();
  await db.schema.alterTable('offices').addColumn('opening_hours_id', 'varchar(500)').execute();
  await db.schema.alterTable('offices').addColumn('opening_hours_en', 'varchar(500)').execute();
  await db.schema.alterTable('offices').addColumn('whatsapp', 'varchar(40)').execute();

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('case_id', t.id, (c) => c.notNull().references('cases.id'))
    .addColumn('message_id', t.id, (c) => c.references('case_messages.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('author_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_attachments_case')
    .on('case_attachments')
    .columns(['case_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_attachments').execute();
  for (const column of ['whatsapp', 'opening_hours_en', 'opening_hours_id', 'brand_color', 'logo_text']) {
    await db.schema.alterTable('offices').dropColumn(column).execute();
  }
}
