import type { Kysely } from 'kysely';
import { newId } from '../../lib/ids.js';
import { DEFAULT_SYNONYMS } from '../../modules/knowledge/default-synonyms.js';
import { columnTypes, createKnowledgeIndex, dialectOf, dropKnowledgeIndex } from '../dialect.js';

/**
 * The knowledge base: categories, articles and FAQ entries (per language, with revisions and a published
 * snapshot), the effective-dated fee schedule, service standards and maklumat per office, the colloquial
 * dictionary (seeded with common chat abbreviations) and the assistant's question log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('kb_categories')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('key', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('name_id', 'varchar(120)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(120)', (c) => c.notNull())
    .addColumn('description_id', 'varchar(500)', (c) => c.notNull())
    .addColumn('description_en', 'varchar(500)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('translation_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('category_id', t.id, (c) => c.references('kb_categories.id'))
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', t.json, (c) => c.notNull())
    .addColumn('related', t.json, (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('published_revision_number', 'integer')
    .addColumn('published_slug', 'varchar(120)')
    .addColumn('published', t.json)
    .addColumn('published_at', t.timestamp)
    .addColumn('review_interval_days', 'integer', (c) => c.notNull())
    .addColumn('last_reviewed_at', t.timestamp)
    .addColumn('review_due_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_articles_slug', ['language', 'slug'])
    .addUniqueConstraint('kb_articles_published_slug', ['language', 'published_slug'])
    .addUniqueConstraint('kb_articles_translation', ['translation_key', 'language'])
    .execute();

  await db.schema
    .createTable('kb_faqs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('category_id', t.id, (c) => c.references('kb_categories.id'))
    .addColumn('article_key', 'varchar(80)')
    .addColumn('questions', t.json, (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('published_revision_number', 'integer')
    .addColumn('published', t.json)
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_faqs_key', ['key', 'language'])
    .execute();

  await db.schema
    .createTable('kb_revisions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('entity', 'varchar(20)', (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', t.json, (c) => c.notNull())
    .addColumn('author_id', t.id)
    .addColumn('author_name', 'varchar(200)')
    .addColumn('message', 'varchar(500)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_revisions_number', ['entity', 'entity_id', 'number'])
    .execute();

  await db.schema
    .createTable('kb_fees')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('service_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('legal_basis', 'varchar(300)', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_fees_period', ['code', 'valid_from'])
    .execute();

  await db.schema
    .createTable('kb_service_standards')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('service_code', 'varchar(60)', (c) => c.notNull())
    .addColumn('legal_basis', 'varchar(1000)', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('components', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_service_standards_version', ['office_id', 'service_code', 'effective_from'])
    .execute();

  await db.schema
    .createTable('kb_maklumat')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('text_id', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_maklumat_version', ['office_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('kb_synonyms')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('term', 'varchar(60)', (c) => c.notNull())
    .addColumn('means', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kb_synonyms_term', ['language', 'term'])
    .execute();

  // No IP address, account or session: what was asked and how it went, with personal data scrubbed.
  await db.schema
    .createTable('kb_questions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('question', 'varchar(500)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('answered', t.bool, (c) => c.notNull())
    .addColumn('confidence', 'integer', (c) => c.notNull())
    .addColumn('matched_kind', 'varchar(20)')
    .addColumn('matched_key', 'varchar(80)')
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kb_questions_answered')
    .on('kb_questions')
    .columns(['answered', 'created_at'])
    .execute();

  await createKnowledgeIndex(db);

  const now = new Date().toISOString();
  for (const { language, term, means } of DEFAULT_SYNONYMS) {
    await db
      .insertInto('kb_synonyms')
      .values({ id: newId(), language, term, means, created_at: now, updated_at: now })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropKnowledgeIndex(db);
  for (const table of [
    'kb_questions',
    'kb_synonyms',
    'kb_maklumat',
    'kb_service_standards',
    'kb_fees',
    'kb_revisions',
    'kb_faqs',
    'kb_articles',
    'kb_categories',
  ])
    await db.schema.dropTable(table).execute();
}
