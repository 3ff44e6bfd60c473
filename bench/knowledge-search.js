#!/usr/bin/env node
// Knowledge search benchmark: 10,000 published articles (the demo office's seed content plus generated
// variations of it) in a fresh SQLite file and a fresh PostgreSQL database; search latency measured in-process
// (searchKnowledge: dictionary, typo check, engine ranking, snippets) and over HTTP with autocannon
// (GET /api/v1/knowledge/search). Target: p95 < 10 ms in-process. Also times the assistant (answerQuestion).
//
//   node bench/knowledge-search.js [--articles 10000] [--queries 2000] [--seconds 5] [--pg postgres://…/test]
//
// The seed content goes through the real commands; the generated variations are inserted as published rows and
// indexed with the same functions the commands use (documentTerms + writeKnowledgeDocument), which is what makes
// 10,000 articles load in seconds rather than minutes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { register } from 'tsx/esm/api';

register();
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    'skip-pg': { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const QUERIES = Number(values.queries);
const TARGET_P95_MS = 10;

const src = (file) => new URL(`../src/server/${file}`, import.meta.url).href;
const { openDatabase } = await import(src('db/connection.ts'));
const { migrateToLatest } = await import(src('db/migrate.ts'));
const { writeKnowledgeDocument } = await import(src('db/dialect.ts'));
const { documentTerms } = await import(src('modules/search/text.ts'));
const { buildApp } = await import(src('app.ts'));
const { parseConfig } = await import(src('config.ts'));
const { createLimiters } = await import(src('http/rate-limit.ts'));
const { createOffice } = await import(src('modules/offices/create-office.ts'));
const { demoServices } = await import(src('demo/demo-content.ts'));
const { seedDemoKnowledge } = await import(src('modules/knowledge/demo-seed.ts'));
const { SEED_ARTICLES } = await import(src('modules/knowledge/content/index.ts'));
const { articleText, invalidateCorpus } = await import(src('modules/knowledge/corpus.ts'));
const { searchKnowledge } = await import(src('modules/knowledge/search.ts'));
const { answerQuestion } = await import(src('modules/knowledge/assistant.ts'));
const { EVALUATION_QUESTIONS } = await import(src('modules/knowledge/evaluation/questions.ts'));
const { newId } = await import(src('lib/ids.ts'));

/** What people type into a search box: short, some colloquial, some misspelt, both languages. */
const SEARCHES = [
  ['id', 'paspor hilang'],
  ['id', 'biaya paspor'],
  ['id', 'bikin paspor brp duit'],
  ['id', 'syarat paspor anak'],
  ['id', 'pasport rusak'],
  ['id', 'antrean m-paspor'],
  ['id', 'lapor calo'],
  ['id', 'jam buka'],
  ['id', 'perpanjang paspor'],
  ['id', 'percepatan'],
  ['id', 'persyaratn'],
  ['id', 'pengaduan'],
  ['en', 'lost passport'],
  ['en', 'passport fee'],
  ['en', 'how long does a passport take'],
  ['en', 'child passport'],
  ['en', 'visa on arrival'],
  ['en', 'complaint'],
  ['en', 'pasport renewal'],
  ['en', 'opening hours'],
];

const WORDS = [
  'baru',
  'lengkap',
  'terkini',
  'panduan',
  'ringkas',
  'penting',
  'umum',
  'khusus',
  'cepat',
  'resmi',
];

/** Variation i of a seed article: another slug and title word, paragraphs rotated, a line of filler. */
function variation(i) {
  const seed = SEED_ARTICLES[i % SEED_ARTICLES.length];
  const language = i % 2 === 0 ? 'id' : 'en';
  const text = seed.translations[language];
  const paragraphs = text.body.split('\n\n');
  const shift = i % paragraphs.length;
  const word = WORDS[i % WORDS.length];
  return {
    key: `${seed.key}-v${i}`,
    language,
    content: {
      slug: `${text.slug}-v${i}`,
      title: `${text.title} (${word} ${i})`,
      summary: text.summary,
      body: [...paragraphs.slice(shift), ...paragraphs.slice(0, shift), `Catatan ${word} nomor ${i}.`].join(
        '\n\n',
      ),
      tags: seed.tags,
      related: [],
      categoryId: null,
    },
  };
}

async function seed(db, count) {
  await createOffice(
    db,
    { type: 'system', id: null, name: null },
    {
      code: 'SBY',
      nameId: 'Kantor Imigrasi Surabaya (bench)',
      nameEn: 'Surabaya Immigration Office (bench)',
      timeZone: 'Asia/Jakarta',
      contactIsExample: true,
      services: demoServices,
    },
  );
  await seedDemoKnowledge(db, { type: 'system', id: null, name: 'bench' }, 'SBY');
  const existing = SEED_ARTICLES.length * 2;
  const now = new Date().toISOString();
  const batch = 500;
  for (let start = 0; start < count - existing; start += batch) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(start + batch, count - existing); i++) {
        const { key, language, content } = variation(i);
        const id = newId();
        await trx
          .insertInto('kb_articles')
          .values({
            id,
            translation_key: key,
            language,
            category_id: null,
            slug: content.slug,
            title: content.title,
            summary: content.summary,
            body: content.body,
            tags: JSON.stringify(content.tags),
            related: '[]',
            status: 'published',
            version: 2,
            revision_number: 1,
            published_revision_number: 1,
            published_slug: content.slug,
            published: JSON.stringify(content),
            published_at: now,
            review_interval_days: 180,
            last_reviewed_at: now,
            review_due_at: now,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const text = articleText(content);
        await writeKnowledgeDocument(
          trx,
          `article:${id}`,
          language,
          documentTerms(text.title, language),
          documentTerms(text.body, language),
        );
      }
    });
  }
  invalidateCorpus(db);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Wall-clock percentiles, and the process's CPU time per call (on a shared machine the fairer figure). */
async function timeCalls(count, call) {
  const times = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    cpuMs: (used.user + used.system) / 1000 / count,
  };
}

async function benchEngine(name, url) {
  const database = openDatabase(url);
  const { db } = database;
  try {
    await migrateToLatest(db);
    let start = performance.now();
    await seed(db, ARTICLES);
    const seedSeconds = (performance.now() - start) / 1000;
    const warm = await searchKnowledge(db, { q: 'paspor', lang: 'id', limit: 10 });
    if (warm.results.length === 0) throw new Error('no results after seeding');
    start = performance.now();
    const search = await timeCalls(QUERIES, (i) => {
      const [lang, q] = SEARCHES[i % SEARCHES.length];
      return searchKnowledge(db, { q, lang, limit: 10 });
    });
    const questions = EVALUATION_QUESTIONS;
    const assistant = await timeCalls(Math.min(QUERIES, 500), (i) => {
      const q = questions[i % questions.length];
      return answerQuestion(db, { question: q.question, lang: q.lang, log: false });
    });

    const config = {
      ...parseConfig({ LOKET_DATABASE_URL: url, LOKET_RATE_LIMITS: 'off' }),
      demo: false,
      logLevel: 'silent',
    };
    const app = await buildApp(
      { db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
      { logger: false },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address();
    const requests = SEARCHES.map(([lang, q]) => ({
      method: 'GET',
      path: `/api/v1/knowledge/search?lang=${lang}&limit=10&q=${encodeURIComponent(q)}`,
    }));
    const http = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 10,
      duration: Number(values.seconds),
      requests,
    });
    await app.close();
    return { name, seedSeconds, search, assistant, http };
  } finally {
    await database.close();
  }
}

const ms = (v) => `${v.toFixed(2)} ms`;
const results = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-knowledge-bench-'));
try {
  results.push(await benchEngine('SQLite', `sqlite:${path.join(dir, 'knowledge.db')}`));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!values['skip-pg']) {
  const name = `loket_kb_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: values.pg });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(values.pg);
    url.pathname = `/${name}`;
    results.push(await benchEngine('PostgreSQL', url.toString()));
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

console.log(
  `\nLoad average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} on ${os.cpus().length} CPUs (shared machine).`,
);
console.log(
  `\nKnowledge search, ${ARTICLES} published articles, ${QUERIES} searches in-process, ${values.seconds} s of HTTP (10 connections)\n`,
);
console.log(
  '| engine | seed s | search p50 | search p95 | search p99 | search CPU/call | assistant p50 | assistant p95 | HTTP req/s | HTTP p50 | HTTP p97.5 | HTTP p99 | non-2xx |',
);
console.log('|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const r of results)
  console.log(
    `| ${r.name} | ${r.seedSeconds.toFixed(1)} | ${ms(r.search.p50)} | ${ms(r.search.p95)} | ${ms(r.search.p99)} | ${ms(r.search.cpuMs)} | ${ms(r.assistant.p50)} | ${ms(r.assistant.p95)} | ${Math.round(r.http.requests.average)} | ${r.http.latency.p50} ms | ${r.http.latency.p97_5} ms | ${r.http.latency.p99} ms | ${r.http.non2xx} |`,
  );
console.log('');
for (const r of results)
  console.log(
    `${r.search.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL'}  ${r.name}: in-process search p95 < ${TARGET_P95_MS} ms  (${ms(r.search.p95)})`,
  );
