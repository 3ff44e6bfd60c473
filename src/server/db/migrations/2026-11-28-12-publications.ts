import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Publications (news, announcements, service changes, enforcement announcements) with revisions and the live
 * copy the portal reads; enforcement action records (name and document number sealed at rest); webhooks that
 * receive each publication and their deliveries; images uploaded for publication bodies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('enforcement_records')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    // AES-256-GCM under a key derived from LOKET_SECRET (lib/secret-box): a dump alone does not name anyone.
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('document_sealed', 'text', (c) => c.notNull())
    // What may be published: initials and the ISO 3166 country code of the nationality.
    .addColumn('initials', 'varchar(8)', (c) => c.notNull())
    .addColumn('nationality', 'varchar(2)', (c) => c.notNull())
    .addColumn('legal_basis', 'varchar(300)', (c) => c.notNull())
    .addColumn('action', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('carried_out_on', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_records_office_decided')
    .on('enforcement_records')
    .columns(['office_id', 'decided_on'])
    .execute();

  await db.schema
    .createTable('publications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    // The working copy: texts per language and cited record ids (PublicationContent).
    .addColumn('content', t.json, (c) => c.notNull())
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('published_revision_number', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', t.id, (c) => c.notNull())
    .addColumn('author_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('reviewer_id', t.id)
    .addColumn('reviewer_name', 'varchar(120)')
    .addColumn('review_comment', 'varchar(2000)')
    .addColumn('submitted_by', t.id)
    .addColumn('scheduled_at', t.timestamp)
    .addColumn('published_at', t.timestamp)
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publications_status')
    .on('publications')
    .columns(['status', 'updated_at'])
    .execute();

  await db.schema
    .createTable('publication_revisions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('publication_id', t.id, (c) => c.notNull().references('publications.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', t.json, (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('actor_name', 'varchar(120)')
    .addColumn('message', 'varchar(500)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('publication_revisions_number', ['publication_id', 'number'])
    .execute();

  // What the public sees: one row per published language, written when a publication goes live.
  await db.schema
    .createTable('publication_texts')
    .addColumn('publication_id', t.id, (c) => c.notNull().references('publications.id'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(600)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Cited records as they may be shown: initials, nationality, action, legal basis, dates. Never a name.
    .addColumn('citations', t.json, (c) => c.notNull())
    .addColumn('published_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_texts_pk', ['publication_id', 'language'])
    .execute();
  await db.schema
    .createIndex('publication_texts_list')
    .on('publication_texts')
    .columns(['language', 'category', 'published_at'])
    .execute();
  await db.schema
    .createIndex('publication_texts_slug')
    .on('publication_texts')
    .columns(['language', 'slug'])
    .execute();

  await db.schema
    .createTable('publication_images')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('content_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', t.blob, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_webhooks')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('url', 'varchar(500)', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_deliveries')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('publication_id', t.id, (c) => c.notNull().references('publications.id'))
    .addColumn('webhook_id', t.id, (c) => c.notNull().references('publication_webhooks.id'))
    // pending | delivered | failed
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'varchar(300)')
    .addColumn('delivered_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('publication_deliveries_pair', ['publication_id', 'webhook_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'publication_deliveries',
    'publication_webhooks',
    'publication_images',
    'publication_texts',
    'publication_revisions',
    'publications',
    'enforcement_records',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
