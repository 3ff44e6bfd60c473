import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Two gaps closed after #7 and #10 landed:
 * - `integrity_attachments`: files sent with an integrity report or one of its messages. The bytes live on disk
 *   (modules/integrity/attachments.ts) encrypted with the report's content key and padded to a size bucket; this
 *   row holds only the random id the file is stored under and the encrypted name, type and size (`meta`).
 * - the passport consent-withdrawal marker: when and how an applicant withdrew consent, and when the consent the
 *   office's system reports was given, so a re-import or an API push cannot silently switch notifications back on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('integrity_attachments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('integrity_reports.id'))
    // 0: sent with the report itself; otherwise the position of the message it came with.
    .addColumn('message_position', 'integer', (c) => c.notNull())
    .addColumn('author', 'varchar(10)', (c) => c.notNull())
    // Encrypted, padded JSON of name, type and size (about 900 base64 characters).
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integrity_attachments_report')
    .on('integrity_attachments')
    .columns(['report_id', 'message_position'])
    .execute();

  await db.schema
    .alterTable('passport_applications')
    .addColumn('consent_withdrawn_at', t.timestamp)
    .execute();
  await db.schema
    .alterTable('passport_applications')
    .addColumn('consent_withdrawn_source', 'varchar(20)')
    .execute();
  await db.schema.alterTable('passport_applications').addColumn('consent_given_at', t.timestamp).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['consent_given_at', 'consent_withdrawn_source', 'consent_withdrawn_at'])
    await db.schema.alterTable('passport_applications').dropColumn(column).execute();
  await db.schema.dropTable('integrity_attachments').execute();
}
