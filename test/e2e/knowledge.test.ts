import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createLimiters } from '../../src/server/http/rate-limit.js';
import { createArticle, transitionArticle } from '../../src/server/modules/knowledge/article-commands.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import { buildConfig, STAFF, TEST_SECRET } from '../../src/test-support/factories.js';
import { axeSource, CHROMIUM, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/**
 * The knowledge base in Debian's Chromium: instant search and the assistant widget with JavaScript, the same
 * journeys through plain forms without it, the keyboard, axe-core on every knowledge page, the language switch
 * between translations, page weight and screenshots (test-results/).
 */
const available = chromiumAvailable;
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium).`);
const MAX_PAGE_BYTES = 60 * 1024;
const ARTICLE_ID = '/knowledge/id/jenis-paspor-biasa-dan-elektronik';
const ARTICLE_EN = '/knowledge/en/passport-types-ordinary-and-electronic';

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'&`;

let app: FastifyInstance;
let base: string;
let browser: Browser;

describe.skipIf(!available)('knowledge base in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    await seedDemo(database.db, TEST_SECRET);
    // A publisher's mistake (or worse) in an article: it must reach the page and the search as text.
    const probe = await createArticle(database.db, STAFF, {
      translationKey: 'xss-probe',
      language: 'id',
      slug: 'uji-xssprobe',
      title: `xssprobe ${PAYLOAD}`,
      summary: PAYLOAD,
      body: `${PAYLOAD}\n\n[klik](javascript:window.__xss=1) <a href="javascript:window.__xss=1">a</a>`,
      categoryKey: 'paspor',
    });
    await transitionArticle(database.db, STAFF, probe.id, 'published', probe.version);
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-kb-e2e-')) });
    app = await buildApp(
      { db: database.db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
      { logger: false },
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A new visitor; CSP violations, script errors and requests to other hosts are collected as problems. */
  async function visitor(
    options: { javaScript?: boolean; width?: number; height?: number; locale?: string } = {},
  ) {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: options.width ?? 360, height: options.height ?? 740 },
      locale: options.locale ?? 'id-ID',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const apiCalls: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(base) && !url.startsWith('data:')) problems.push(`third-party request: ${url}`);
      if (url.startsWith(`${base}/api/`)) apiCalls.push(`${request.method()} ${url.slice(base.length)}`);
    });
    return { context, page, problems, apiCalls };
  }

  async function text(page: Page, selector: string): Promise<string> {
    return ((await page.locator(selector).first().textContent()) ?? '').trim();
  }

  const focused = (page: Page, selector: string) =>
    page.evaluate(
      `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`,
    ) as Promise<boolean>;

  /** Presses Tab until the element is focused: proves it is reachable in order, without a mouse. */
  async function tabTo(page: Page, selector: string) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await focused(page, selector)) return;
    }
    throw new Error(`${selector} cannot be reached with Tab`);
  }

  async function axe(page: Page, label: string) {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
    )) as { passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(result.passes.length, `${label}: axe ran`).toBeGreaterThan(0);
    const found = result.violations.map(
      (v) => `${label}: ${v.id} – ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found).toEqual([]);
  }

  it('shows instant results as the visitor types, with one request per pause and a spoken count', async () => {
    const { context, page, problems, apiCalls } = await visitor();
    await page.goto(`${base}/`);
    await page.click('.nav a[href="/knowledge/id"]');
    expect(await text(page, 'h1')).toBe('Informasi layanan');
    await page.locator('#f-q').pressSequentially('bikin paspor brp duit', { delay: 20 });
    await page.waitForSelector('#instant-results .results li');
    // 21 key presses, a request only after a pause (a busy machine may see a pause mid-word).
    const searches = apiCalls.filter((c) => c.includes('/api/v1/knowledge/search'));
    expect(searches.length, searches.join('\n')).toBeGreaterThanOrEqual(1);
    expect(searches.length, searches.join('\n')).toBeLessThanOrEqual(3);
    expect(searches.at(-1)).toContain('q=bikin+paspor+brp+duit');
    const status = page.locator('#instant-results [role="status"]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toMatch(/^\d+ hasil untuk “bikin paspor brp duit”$/);
    expect(await page.locator('#instant-results .results mark').count()).toBeGreaterThan(0);
    // Keyboard: from the box past the button to the first result, then open it.
    await page.focus('#f-q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page, '#instant-results .results li:first-child a')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/knowledge\/id\/[a-z0-9-]+$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('drops a slow, stale search when the visitor types on', async () => {
    const { context, page, problems } = await visitor();
    let first = true;
    await page.route('**/api/v1/knowledge/search?*', async (route) => {
      // The first answer is slow, as on a weak mobile connection.
      if (first) {
        first = false;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await route.continue().catch(() => undefined);
    });
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/api/v1/knowledge/search')) aborted.push(request.url());
    });
    await page.goto(`${base}/knowledge/id`);
    await page.fill('#f-q', 'cuaca');
    await page.waitForTimeout(600);
    await page.fill('#f-q', 'paspor hilang');
    await page.waitForSelector('#instant-results .results li');
    await page.waitForTimeout(1500);
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toContain('q=cuaca');
    expect(await text(page, '#instant-results [role="status"]')).toMatch(/hasil untuk “paspor hilang”$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the search page and its address in step with instant results', async () => {
    const { context, page, problems } = await visitor();
    await page.goto(`${base}/search?q=paspor`);
    expect(await page.locator('#search-results .results li').count()).toBeGreaterThan(0);
    await page.fill('#f-q', 'qwxzvbnm');
    await page.waitForSelector('#no-results:not([hidden])');
    expect(await text(page, '#search-results [role="status"]')).toBe('Tidak ada hasil untuk “qwxzvbnm”');
    expect(await page.inputValue('#no-results input[name="question"]')).toBe('qwxzvbnm');
    expect(new URL(page.url()).search).toBe('?q=qwxzvbnm&lang=id');
    await page.fill('#f-q', 'paspor hilang');
    await page.waitForSelector('#no-results[hidden]', { state: 'attached' });
    expect(await page.locator('#search-results .results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('searches without JavaScript through the plain form', async () => {
    const { context, page, problems } = await visitor({ javaScript: false });
    await page.goto(`${base}/knowledge/id`);
    await page.fill('#f-q', 'bikin paspor brp duit');
    await page.press('#f-q', 'Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await text(page, '#search-results [role="status"]')).toMatch(
      /hasil untuk “bikin paspor brp duit”/,
    );
    expect(await page.locator('#search-results .results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers in place with the widget, moves focus to the answer and can be used by keyboard alone', async () => {
    const { context, page, problems, apiCalls } = await visitor();
    await page.goto(`${base}/knowledge/id`);
    await tabTo(page, '#f-question');
    await page.keyboard.type('bikin paspor brp duit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#assistant-answer .assistant-result:not([hidden])');
    expect(page.url()).toBe(`${base}/knowledge/id`);
    expect(apiCalls).toContain('POST /api/v1/assistant/answer');
    expect(await focused(page, '#assistant-answer h2')).toBe(true);
    expect(await text(page, '#assistant-answer h2')).toBe('Jawaban asisten');
    expect(await text(page, '#assistant-answer .answer')).toMatch(/Rp\d{3}\.000/);
    // The first source is the next stop for Tab.
    await page.keyboard.press('Tab');
    expect(await focused(page, '#assistant-answer .sources a')).toBe(true);
    const href = await page.evaluate('document.activeElement.getAttribute("href")');
    expect(href).toMatch(/^\/knowledge\/id\//);
    await axe(page, 'widget with an answer');

    await page.fill('#f-question', 'prakiraan cuaca besok di Surabaya');
    await page.press('#f-question', 'Enter');
    await page.locator('#assistant-answer h2', { hasText: 'Asisten belum bisa menjawab' }).waitFor();
    expect(await page.locator('#assistant-answer .answer--declined').count()).toBe(1);
    expect(await page.locator('#assistant-answer a[href^="/submit"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers and declines through the plain form without JavaScript', async () => {
    const { context, page, problems } = await visitor({ javaScript: false });
    await page.goto(`${base}/knowledge/id`);
    await page.click('.nav a[href="/assistant"]');
    await page.fill('#f-question', 'bikin paspor brp duit');
    await page.click('button:has-text("Tanya")');
    expect(await text(page, 'h1')).toBe('Jawaban asisten');
    expect(await page.locator('.sources a').count()).toBeGreaterThan(0);
    // The language switch re-asks the same question in the other language's page.
    await page.click('.lang button');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, 'h1')).toBe('The assistant’s answer');
    await page.fill('#f-question', 'what is the weather tomorrow');
    await page.click('button:has-text("Ask")');
    expect(await text(page, 'h1')).toBe('The assistant cannot answer this');
    expect(await page.locator('a.button[href^="/submit/request?subject="]').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('renders markup in an article and in instant results as text without running it', async () => {
    const { context, page, problems } = await visitor();
    await page.goto(`${base}/knowledge/id/uji-xssprobe`);
    expect(await text(page, 'h1')).toBe(`xssprobe ${PAYLOAD}`);
    expect(await text(page, '.prose')).toContain(PAYLOAD);
    expect(await page.locator('main img, main script, main a[href^="javascript"]').count()).toBe(0);
    await page.goto(`${base}/knowledge/id`);
    await page.fill('#f-q', 'xssprobe');
    await page.waitForSelector('#instant-results .results li');
    expect(await text(page, '#instant-results .result-title')).toBe(`xssprobe ${PAYLOAD}`);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches an article to its translation', async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}${ARTICLE_ID}`);
    await page.click('.lang a');
    expect(new URL(page.url()).pathname).toBe(ARTICLE_EN);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${base}/assistant`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('passes axe-core (WCAG 2.1 A and AA) on every knowledge page', async () => {
    const { context, page } = await visitor();
    const pages = [
      '/knowledge/id',
      '/knowledge/en',
      '/knowledge/id/category/paspor',
      ARTICLE_ID,
      ARTICLE_EN,
      '/knowledge/id/faq',
      '/knowledge/id/fees',
      '/knowledge/en/standards',
      '/knowledge/id/maklumat',
      '/search',
      '/search?q=bikin+paspor+brp+duit',
      '/search?q=qwxzvbnm',
      '/assistant',
      '/knowledge/id/no-such-article',
    ];
    for (const url of pages) {
      await page.goto(`${base}${url}`);
      await axe(page, url);
    }
    await page.goto(`${base}/knowledge/id`);
    await page.fill('#f-q', 'paspor');
    await page.waitForSelector('#instant-results .results li');
    await axe(page, 'instant results');
    await page.goto(`${base}/assistant`);
    await page.click('button:has-text("Tanya")');
    await axe(page, 'widget with an empty question');
    // The pages a visitor without JavaScript gets from the assistant's form: axe needs script, so here the
    // island alone is blocked and the forms go to the server as they would without it.
    await context.route('**/assets/knowledge.*.js', (route) => route.abort());
    await page.goto(`${base}/assistant`);
    await page.click('button:has-text("Tanya")');
    expect(await page.isVisible('.error-summary')).toBe(true);
    await axe(page, 'assistant form with an error');
    await page.fill('#f-question', 'bikin paspor brp duit');
    await page.click('button:has-text("Tanya")');
    expect(await text(page, 'h1')).toBe('Jawaban asisten');
    await axe(page, 'answer page');
    await page.fill('#f-question', 'siapa juara piala dunia 2022');
    await page.click('button:has-text("Tanya")');
    expect(await text(page, 'h1')).toBe('Asisten belum bisa menjawab');
    await axe(page, 'declined answer page');
    await context.close();
  }, 180_000);

  it('keeps knowledge pages under 60 KB on a first visit, and saves screenshots', async () => {
    const weights: Record<string, number> = {};
    const pages: Record<string, string> = {
      knowledge: '/knowledge/id',
      article: ARTICLE_ID,
      search: '/search?q=bikin+paspor+brp+duit',
      standards: '/knowledge/id/standards',
    };
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      for (const [name, url] of Object.entries(pages)) {
        const { context, page } = await visitor({ width, height });
        let bytes = 0;
        const pending: Promise<void>[] = [];
        page.on('requestfinished', (request) => {
          pending.push(
            request.sizes().then((sizes) => {
              bytes += sizes.responseBodySize + sizes.responseHeadersSize;
            }),
          );
        });
        await page.goto(`${base}${url}`);
        await page.waitForLoadState('networkidle');
        await Promise.all(pending);
        weights[`${name} ${width}`] = bytes;
        await page.screenshot({
          path: path.join(RESULTS, `knowledge-${name}-${width}x${height}.png`),
          fullPage: true,
        });
        await context.close();
      }
    }
    console.log('knowledge page weights (bytes transferred, first visit):', weights);
    for (const [name, bytes] of Object.entries(weights))
      expect(bytes, name).toBeLessThanOrEqual(MAX_PAGE_BYTES);
  });
});
