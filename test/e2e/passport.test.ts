import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createLimiters } from '../../src/server/http/rate-limit.js';
import { DEMO_STATUS_EXAMPLES } from '../../src/server/modules/passports/demo.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import { buildConfig, TEST_SECRET } from '../../src/test-support/factories.js';
import { axeSource, CHROMIUM, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/** The passport status check on a phone, with and without JavaScript, checked by axe-core (WCAG 2.1 AA). */
const available = chromiumAvailable;
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} is missing.`);

let app: FastifyInstance;
let base: string;
let browser: Browser;

describe.skipIf(!available)('passport status check in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    await seedDemo(database.db, TEST_SECRET);
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-e2e-passport-')) });
    app = await buildApp(
      { db: database.db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
      { logger: false },
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** axe-core runs as page script, so only where JavaScript is on; the pages are the same HTML either way. */
  async function axe(page: Page, label: string, javaScript: boolean) {
    if (!javaScript) return;
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
    )) as { passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(result.passes.length, `${label}: axe ran`).toBeGreaterThan(0);
    expect(
      result.violations.map(
        (v) => `${label}: ${v.id} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }

  for (const javaScript of [true, false]) {
    it(`checks an application with JavaScript ${javaScript ? 'enabled' : 'disabled'}`, async () => {
      const context = await browser.newContext({
        javaScriptEnabled: javaScript,
        viewport: { width: 360, height: 740 },
        locale: 'id-ID',
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      await page.goto(`${base}/`);
      await page.click('a[href="/passport"]');
      await axe(page, 'passport form', javaScript);
      await page.click('button[type="submit"]');
      expect(await page.locator('.error-summary').isVisible()).toBe(true);
      await axe(page, 'passport form with errors', javaScript);

      const example = DEMO_STATUS_EXAMPLES.find((e) => e.stage === 'ready_for_pickup')!;
      const [year, month, day] = example.birthDate.split('-');
      await page.fill('#f-number', example.number);
      await page.fill('#f-day', day!);
      await page.fill('#f-month', month!);
      await page.fill('#f-year', year!);
      await page.click('button[type="submit"]');
      expect(await page.textContent('h1')).toContain(example.number);
      expect(await page.textContent('main')).toContain('Paspor siap diambil');
      // Nothing personal in the address bar.
      expect(page.url()).toBe(`${base}/passport`);
      await axe(page, 'passport status', javaScript);
      await page.screenshot({
        path: path.join(RESULTS, `passport-status-${javaScript ? 'js' : 'nojs'}.png`),
        fullPage: true,
      });
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
