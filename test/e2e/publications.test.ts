import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createLimiters } from '../../src/server/http/rate-limit.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import { buildConfig, TEST_SECRET } from '../../src/test-support/factories.js';
import { axeSource, CHROMIUM, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/**
 * The news pages in Debian's Chromium, on the demo data: axe-core on the list, an enforcement announcement and the
 * statistics; the filters with the keyboard and without JavaScript; the feeds and sitemap parsed as XML by the
 * browser; the cited persons only ever as initials and nationality.
 */
const available = chromiumAvailable;
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium).`);
const ANNOUNCEMENT = '/news/id/kanim-surabaya-mendeportasi-tiga-wna-yang-melanggar-izin-tinggal';
const PERSONAL = ['Chen Bo', 'Tran Minh', 'Ahmad Faiz', 'E00000001', 'C0000002', 'A00000003'];

let app: FastifyInstance;
let base: string;
let browser: Browser;

describe.skipIf(!available)('news pages in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    await seedDemo(database.db, TEST_SECRET);
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-news-e2e-')) });
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

  async function visitor(options: { javaScript?: boolean; width?: number } = {}) {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: options.width ?? 360, height: 740 },
      locale: 'id-ID',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    return { context, page, problems };
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

  it('passes axe-core on the news list, an announcement and the statistics, in both languages', async () => {
    const { context, page, problems } = await visitor({ width: 1280 });
    for (const url of [
      '/news/id',
      '/news/en?category=enforcement',
      '/news/id?from=2020-99-01',
      ANNOUNCEMENT,
      '/news/en/surabaya-immigration-office-deports-three-foreign-nationals-for-stay-permit-violations',
      '/news/id/statistics?year=2026',
      '/news/en/statistics?year=2026',
    ]) {
      const response = await page.goto(`${base}${url}`);
      expect(response?.status(), url).toBeLessThan(500);
      await axe(page, url);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the announcement with initials and nationality only, and sharing metadata', async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}${ANNOUNCEMENT}`);
    await page.screenshot({ path: path.join(RESULTS, 'news-announcement.png'), fullPage: true });
    const rows = await page.locator('#citations-title ~ .table-wrap tbody th').allTextContents();
    expect(rows).toEqual(['CB (Tiongkok)', 'TMK (Vietnam)', 'AFR (Malaysia)']);
    const html = await page.content();
    for (const value of PERSONAL) expect(html).not.toContain(value);
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    expect(await page.getAttribute('meta[name="twitter:card"]', 'content')).toBe('summary');
    await context.close();
  });

  it('filters by category with the keyboard and without JavaScript', async () => {
    const { context, page } = await visitor({ javaScript: false });
    await page.goto(`${base}/news/id`);
    await page.focus('#f-category');
    await page.selectOption('#f-category', 'enforcement');
    // From the category, Tab reaches the apply button (through the date fields' parts) and Enter sends the form.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate("document.activeElement?.matches('.news-filter button[type=submit]') ?? false"))
        break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/news\/id\?category=enforcement/);
    const titles = await page.locator('.news-list h3').allTextContents();
    expect(titles).toEqual(['Kanim Surabaya mendeportasi tiga WNA yang melanggar izin tinggal']);
    await page.click('a:has-text("Kanim Surabaya")');
    expect(await page.locator('h1').textContent()).toContain('mendeportasi tiga WNA');
    await context.close();
  });

  it('serves feeds and a sitemap the browser parses as XML', async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}/news/id`);
    for (const url of ['/news/id/feed.rss', '/news/en/feed.atom?category=enforcement', '/sitemap.xml']) {
      const result = (await page.evaluate(`fetch(${JSON.stringify(url)}).then(async (r) => {
        const text = await r.text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { type: r.headers.get('content-type'), error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName, text };
      })`)) as { type: string; error: number; root: string; text: string };
      expect(result.error, url).toBe(0);
      expect(['rss', 'feed', 'urlset']).toContain(result.root);
      for (const value of PERSONAL) expect(result.text).not.toContain(value);
    }
    await context.close();
  });
});
