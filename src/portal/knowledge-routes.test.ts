import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Db } from '../server/db/connection.js';
import { seedDemo } from '../server/demo/seed-demo.js';
import { createLimiters } from '../server/http/rate-limit.js';
import { createTestDatabase } from '../test-support/database.js';
import { buildConfig, createTestApp, TEST_SECRET } from '../test-support/factories.js';
import { Visitor } from '../test-support/portal-client.js';

/**
 * The portal's knowledge pages over the demo office's seeded knowledge base, through the real portal plugin and
 * the knowledge module (no stand-ins): every page in both languages, 404s, search and the assistant without
 * JavaScript.
 */
let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  const database = await createTestDatabase();
  db = database.db;
  await seedDemo(db, TEST_SECRET);
  const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-kb-')) });
  app = await buildApp(
    { db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
    { logger: false },
  );
}, 120_000);

afterAll(() => app?.close());

const PAGES = {
  id: [
    '/knowledge/id',
    '/knowledge/id/category/paspor',
    '/knowledge/id/jenis-paspor-biasa-dan-elektronik',
    '/knowledge/id/faq',
    '/knowledge/id/fees',
    '/knowledge/id/standards',
    '/knowledge/id/maklumat',
    '/search?q=paspor',
    '/assistant',
  ],
  en: [
    '/knowledge/en',
    '/knowledge/en/category/paspor',
    '/knowledge/en/passport-types-ordinary-and-electronic',
    '/knowledge/en/faq',
    '/knowledge/en/fees',
    '/knowledge/en/standards',
    '/knowledge/en/maklumat',
    '/search?q=passport',
    '/assistant',
  ],
} as const;

/** Text of the page without tags, for reading what a visitor sees. */
const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function count(table: 'kb_questions'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('knowledge pages', () => {
  it.each(['id', 'en'] as const)(
    'renders every page in %s with the portal’s headers, nav and footer',
    async (language) => {
      const visitor = new Visitor(app, { 'accept-language': language });
      for (const url of PAGES[language]) {
        const page = await visitor.get(url);
        expect(page.statusCode, url).toBe(200);
        expect(page.body, url).toContain(`<html lang="${language}">`);
        expect(page.headers['content-language']).toBe(language);
        const csp = String(page.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self'");
        // The islands call the site's own API and nothing else.
        expect(csp).toContain("connect-src 'self'");
        expect(page.body, url).not.toMatch(/<script>|\sstyle="|\son\w+="/);
        expect(page.body, url).toContain(`href="/knowledge/${language}/fees"`);
        expect(page.body, url).toMatch(/<nav class="nav" aria-label="[^"]+">/);
      }
    },
  );

  it('serves the knowledge island only to the pages that use it', async () => {
    const home = await app.inject({ url: '/knowledge/id' });
    const script = /src="(\/assets\/knowledge\.[0-9a-f]{12}\.js)"/.exec(home.body)?.[1];
    expect(script).toBeDefined();
    const asset = await app.inject({ url: script! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/' })).body).not.toContain('/assets/knowledge.');
    expect((await app.inject({ url: '/knowledge/id/fees' })).body).not.toContain('/assets/knowledge.');
  });

  it('sends /knowledge to the visitor’s language and links the home page and header to it', async () => {
    const en = await app.inject({ url: '/knowledge', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(302);
    expect(en.headers.location).toBe('/knowledge/en');
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('href="/knowledge/id"');
    expect(home.body).toContain('href="/assistant"');
  });

  it.each([
    ['/biaya', '/knowledge/id/fees'],
    ['/standar-pelayanan', '/knowledge/id/standards'],
    ['/maklumat-pelayanan', '/knowledge/id/maklumat'],
  ])('has a short address for posters: %s', async (alias, target) => {
    const moved = await app.inject({ url: alias });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(target);
  });

  it('lists categories with their articles on the knowledge home', async () => {
    const page = await app.inject({ url: '/knowledge/id' });
    expect(page.body).toContain('href="/knowledge/id/category/paspor"');
    expect(page.body).toContain('href="/knowledge/id/persyaratan-paspor-dewasa"');
    expect(page.body).toContain('action="/search"');
    expect(page.body).toContain('action="/assistant"');
  });

  it('shows an article with current fees, review date, related articles, breadcrumb and its translation', async () => {
    const page = await app.inject({ url: '/knowledge/id/jenis-paspor-biasa-dan-elektronik' });
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Rp650.000');
    expect(text).not.toContain('{{fee:');
    expect(page.body).toMatch(/Terakhir diperiksa kebenarannya: <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(page.body).toContain('<nav class="breadcrumbs"');
    expect(page.body).toContain('href="/knowledge/id/category/paspor"');
    expect(page.body).toContain('id="related-title"');
    // The language switch leads to the English translation, not to the same slug.
    expect(page.body).toContain(
      `href="/language/en?next=${encodeURIComponent('/knowledge/en/passport-types-ordinary-and-electronic')}"`,
    );
    expect(page.body).toContain(`href="/submit/request?subject=`);
  });

  it.each([
    '/knowledge/id/no-such-article',
    '/knowledge/fr',
    '/knowledge/fr/paspor-hilang',
    '/knowledge/en/paspor-hilang',
    '/knowledge/id/category/nope',
    '/knowledge/id/Paspor%20Hilang',
  ])('answers %s with the portal’s 404 page', async (url) => {
    const page = await app.inject({ url, headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toMatch(/Page not found|Halaman tidak ditemukan/);
  });

  it('shows the fee schedule valid today with its legal basis', async () => {
    const page = await app.inject({ url: '/knowledge/id/fees' });
    const text = textOf(page.body);
    expect(text).toContain('Rp350.000');
    expect(text).toContain('Rp950.000');
    expect(text).toContain('PP');
    expect(page.body).toContain('<caption>');
  });

  it('shows the six public components of each service standard, its legal basis and date', async () => {
    const page = await app.inject({ url: '/knowledge/en/standards' });
    expect(page.body).toContain('id="paspor"');
    const passport = page.body.slice(page.body.indexOf('id="paspor"'));
    const section = passport.slice(0, passport.indexOf('</section>'));
    expect(section.match(/<h3>/g)?.length).toBe(6);
    expect(section).toContain('Legal basis');
    expect(section).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">/);
  });

  it('shows the maklumat pelayanan', async () => {
    const page = await app.inject({ url: '/knowledge/id/maklumat' });
    expect(page.body).toContain('class="pledge"');
    expect(textOf(page.body)).toContain('Berlaku sejak');
  });
});

describe('search without JavaScript', () => {
  it('finds the passport fee for “bikin paspor brp duit”, with highlighted snippets and a count', async () => {
    const page = await app.inject({ url: '/search?q=bikin+paspor+brp+duit' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="bikin paspor brp duit"');
    expect(page.body).toMatch(/<p class="instant-status"[^>]*>\d+ hasil untuk “bikin paspor brp duit”<\/p>/);
    const first = /<ol class="results">\s*<li><a class="result-title" href="([^"]+)">/.exec(page.body);
    expect(first?.[1]).toMatch(/^\/knowledge\/id\//);
    expect(page.body).toContain('<mark>');
    expect(page.body).toMatch(/id="no-results"[^>]* hidden/);
  });

  it('helps when nothing matches: the assistant, a request and the contacts', async () => {
    const page = await app.inject({ url: '/search?q=qwxzvbnm' });
    expect(page.body).toContain('Tidak ada hasil untuk “qwxzvbnm”');
    expect(page.body).not.toMatch(/id="no-results"[^>]* hidden/);
    expect(page.body).toContain('name="question" value="qwxzvbnm"');
    expect(page.body).toContain('href="/submit/request?subject=qwxzvbnm"');
    expect(page.body).toContain('class="contacts"');
  });

  it('searches in the language of the page it was sent from, whatever the remembered language', async () => {
    const visitor = new Visitor(app, { 'accept-language': 'id' });
    const article = await visitor.get('/knowledge/en/passport-types-ordinary-and-electronic');
    expect(article.body).toContain('<input type="hidden" name="lang" value="en">');
    const page = await visitor.get('/search?q=passport+fee&lang=en');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toMatch(/<ol class="results">\s*<li><a class="result-title" href="\/knowledge\/en\//);
    expect((await visitor.get('/search?q=paspor&lang=xx')).body).toContain('<html lang="id">');
    // Its language switch leads to the same search in Indonesian.
    expect(page.body).toContain(
      `href="/language/id?next=${encodeURIComponent('/search?q=passport+fee&lang=id')}"`,
    );
  });

  it('escapes the query everywhere', async () => {
    const page = await app.inject({ url: `/search?q=${encodeURIComponent('<script>alert(1)</script>')}` });
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the assistant without JavaScript', () => {
  async function ask(question: string, language = 'id', extra: Record<string, string> = {}) {
    const visitor = new Visitor(app, { 'accept-language': language });
    await visitor.get('/assistant');
    return { visitor, page: await visitor.post('/assistant', { question, ...extra }) };
  }

  it('answers “bikin paspor brp duit” with the fee and its sources', async () => {
    const { page } = await ask('bikin paspor brp duit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Jawaban asisten</h1>');
    expect(textOf(page.body)).toMatch(/Rp\d{3}\.000/);
    expect(page.body).toMatch(/<ul class="sources" lang="id"><li><a href="\/knowledge\/id\//);
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('answers an English question in English', async () => {
    const { page } = await ask('how long does a passport take', 'en');
    expect(page.body).toContain('<h1>The assistant’s answer</h1>');
    expect(page.body).toContain('<div class="prose" lang="en">');
    expect(page.body).toMatch(/<ul class="sources" lang="en"><li><a href="\/knowledge\/en\//);
  });

  it('answers an English question in English on an Indonesian page, marking the answer’s language', async () => {
    const { page } = await ask('how long does a passport take', 'id');
    expect(page.body).toContain('<html lang="id">');
    expect(page.body).toContain('<h1>Jawaban asisten</h1>');
    expect(page.body).toContain('<div class="prose" lang="en">');
    expect(textOf(page.body)).toMatch(/working days/);
  });

  it('declines an off-topic question and leads on to a person', async () => {
    const { page } = await ask('bagaimana cara membuat SIM A?');
    expect(page.body).toContain('<h1>Asisten belum bisa menjawab</h1>');
    expect(page.body).toContain('answer--declined');
    expect(page.body).not.toContain('class="sources"');
    expect(page.body).toContain(
      `href="/submit/request?subject=${encodeURIComponent('bagaimana cara membuat SIM A?')}"`,
    );
    expect(page.body).toContain('class="contacts"');
  });

  it('asks for a question when the box is empty or too long', async () => {
    const empty = (await ask('   ')).page;
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="error-summary"');
    expect(empty.body).toContain('href="#f-question"');
    expect(empty.body).toMatch(/id="f-question"[^>]*aria-invalid="true"/);
    const long = (await ask('x'.repeat(501), 'en')).page;
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('500 characters or fewer');
  });

  it('refuses a question without the form’s CSRF token', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/assistant');
    expect((await visitor.post('/assistant', { question: 'biaya paspor' }, [], null)).statusCode).toBe(403);
  });

  it('logs a question once, not again when the visitor switches language on the answer', async () => {
    const before = await count('kb_questions');
    const { visitor, page } = await ask('berapa biaya paspor elektronik');
    expect(page.statusCode).toBe(200);
    expect(await count('kb_questions')).toBe(before + 1);
    const switched = await visitor.post('/assistant', {
      question: 'berapa biaya paspor elektronik',
      repeat: '1',
      lang: 'en',
    });
    expect(switched.body).toContain('<html lang="en">');
    expect(switched.body).toContain('The assistant’s answer');
    expect(await count('kb_questions')).toBe(before + 1);
  });

  it('renders a question with markup as text', async () => {
    const { page } = await ask('<img src=x onerror=alert(1)> biaya paspor');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt; biaya paspor');
  });
});

describe('an office without published standards or maklumat', () => {
  it('says the standards are not published yet and answers the maklumat with the 404 page', async () => {
    const bare = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-kb-bare-')) });
    const standards = await bare.app.inject({ url: '/knowledge/en/standards' });
    expect(standards.statusCode).toBe(200);
    expect(standards.body).toContain('The service standards have not been published yet.');
    expect((await bare.app.inject({ url: '/knowledge/en/maklumat' })).statusCode).toBe(404);
    const home = await bare.app.inject({ url: '/knowledge/id' });
    expect(home.statusCode).toBe(200);
  });
});

describe('the assistant’s limit', () => {
  it('shares one budget per address between the API and the form, then shows the 429 page', async () => {
    const limited = await createTestApp({
      dataDir: mkdtempSync(path.join(tmpdir(), 'loket-kb-limit-')),
      rateLimits: {
        ...buildConfig().rateLimits,
        enabled: true,
        requests: { limit: 1000, windowMs: 60_000 },
        assistantQuestions: { limit: 2, windowMs: 60_000 },
      },
    });
    const api = await limited.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/answer',
      payload: { question: 'biaya paspor' },
    });
    expect(api.statusCode).toBe(200);
    const visitor = new Visitor(limited.app, { 'accept-language': 'en' });
    await visitor.get('/assistant');
    expect((await visitor.post('/assistant', { question: 'biaya paspor' })).statusCode).toBe(200);
    const page = await visitor.post('/assistant', { question: 'biaya paspor' });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Too many attempts');
  });
});
