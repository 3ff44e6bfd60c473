import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Db } from '../../src/server/db/connection.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createLimiters } from '../../src/server/http/rate-limit.js';
import { transitionCase } from '../../src/server/modules/cases/transition-case.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import { buildConfig, STAFF, TEST_SECRET } from '../../src/test-support/factories.js';
import { PNG } from '../../src/test-support/portal-client.js';
import { axeSource, CHROMIUM, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/**
 * Browser journeys through the portal in Debian's Chromium (never a downloaded browser): every case type with
 * and without JavaScript, following a case, the language switch, axe-core on every page, an XSS payload, page
 * weight and screenshots at phone and desktop widths (saved under test-results/).
 */
const available = chromiumAvailable;
if (!available) {
  console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium). CI installs it.`);
}
const MAX_PAGE_BYTES = 60 * 1024;

let app: FastifyInstance;
let db: Db;
let base: string;
let browser: Browser;
let demo: { trackingCode: string; accessKey: string; status: string }[];

describe.skipIf(!available)('portal in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    db = database.db;
    demo = await seedDemo(database.db, TEST_SECRET);
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-e2e-')) });
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

  /** A new visitor; CSP violations and requests to other hosts fail the test. */
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
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) {
        problems.push(`third-party request: ${request.url()}`);
      }
    });
    return { context, page, problems };
  }

  async function text(page: Page, selector: string): Promise<string> {
    return ((await page.locator(selector).first().textContent()) ?? '').trim();
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

  async function fillForm(
    page: Page,
    subject: string,
    description: string,
    options: { file?: boolean } = {},
  ) {
    await page.selectOption('#f-category', 'antrean-mpaspor');
    await page.fill('#f-subject', subject);
    await page.fill('#f-description', description);
    await page.fill('#f-email', 'warga@example.com');
    if (options.file) {
      await page.setInputFiles('#f-files', { name: 'antrean.png', mimeType: 'image/png', buffer: PNG });
    }
    await page.check('#f-consent');
  }

  async function submit(page: Page, type: string, subject: string, description = 'Saya menunggu empat jam.') {
    await page.goto(`${base}/`);
    await page.click(`a[href="/submit/${type}"]`);
    await fillForm(page, subject, description, { file: true });
    await page.click('button:has-text("Lanjut ke ringkasan")');
    expect(await text(page, 'h1')).toBe('Periksa laporan Anda');
    await page.click('button[value="send"]');
    expect(await text(page, 'h1')).toBe('Laporan Anda sudah kami terima');
    return {
      code: (await page.textContent('#tracking-code'))!.trim(),
      key: (await page.textContent('#access-key'))!.trim(),
    };
  }

  for (const javaScript of [true, false]) {
    it(`submits every case type with JavaScript ${javaScript ? 'enabled' : 'disabled'}`, async () => {
      const { context, page, problems } = await visitor({ javaScript });
      for (const type of ['complaint', 'request', 'opinion', 'compliment']) {
        const receipt = await submit(page, type, `Uji ${type} ${javaScript ? 'js' : 'tanpa js'}`);
        expect(receipt.code).toMatch(/^SBY-\d{2}-[0-9A-Z]{7}$/);
        expect(receipt.key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
        // The copy button needs JavaScript; without it, it stays hidden rather than broken.
        expect(await page.isVisible('button[data-copy]')).toBe(javaScript);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('can be used with the keyboard alone: skip link, form, summary, confirmation', async () => {
    const { context, page } = await visitor();
    /** Presses Tab until the element is focused: proves it is reachable in order, without a mouse. */
    async function tabTo(selector: string) {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`))
          return;
      }
      throw new Error(`${selector} cannot be reached with Tab`);
    }
    await page.goto(`${base}/submit/complaint`);
    await tabTo('.skip');
    await page.keyboard.press('Enter');
    await tabTo('#f-category');
    await page.keyboard.press('ArrowDown');
    await tabTo('#f-subject');
    await page.keyboard.type('Antrean tanpa mouse');
    await tabTo('#f-description');
    await page.keyboard.type('Diketik dengan papan ketik saja.');
    await tabTo('#f-anonymous');
    await page.keyboard.press('Space');
    await tabTo('#f-consent');
    await page.keyboard.press('Space');
    await tabTo('button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('button[value="send"]');
    expect(await text(page, 'h1')).toBe('Periksa laporan Anda');
    expect(await text(page, '.summary')).toContain('Anonim');
    await tabTo('button[value="send"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tracking-code');
    expect(await text(page, 'h1')).toBe('Laporan Anda sudah kami terima');
    await context.close();
  });

  it('shows an error summary whose links move to the fields', async () => {
    const { context, page } = await visitor({ javaScript: false });
    await page.goto(`${base}/submit/complaint`);
    await page.click('button:has-text("Lanjut ke ringkasan")');
    expect(await page.isVisible('.error-summary')).toBe(true);
    await page.click('.error-summary a[href="#f-subject"]');
    expect(await page.evaluate('location.hash')).toBe('#f-subject');
    await context.close();
  });

  it('follows a case: status, reply with a file, in both languages', async () => {
    const { context, page, problems } = await visitor({ javaScript: false });
    const receipt = await submit(page, 'request', 'Berapa biaya paspor elektronik?');
    await page.click('button:has-text("Lihat status laporan")');
    expect(await text(page, 'h1')).toBe('Berapa biaya paspor elektronik?');
    await page.fill('#f-body', 'Untuk masa berlaku 10 tahun.');
    await page.setInputFiles('#f-files', { name: 'ktp.png', mimeType: 'image/png', buffer: PNG });
    await page.click('button:has-text("Kirim tanggapan")');
    expect(await text(page, '.notice--success')).toContain('Tanggapan Anda sudah terkirim.');
    expect(await text(page, '.timeline')).toContain('Untuk masa berlaku 10 tahun.');
    expect(await text(page, '.timeline')).toContain('ktp.png');
    // The language switch on a case keeps the case open.
    await page.click('.lang button');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, '.timeline')).toContain('You wrote');
    await page.goto(`${base}/status`);
    expect(await text(page, 'h1')).toBe('Check the status of a report');
    await page.fill('#f-code', receipt.code.toLowerCase());
    await page.fill('#f-key', receipt.key);
    await page.click('button:has-text("View status")');
    expect(await text(page, '.tag')).toBe('Received');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches language on a page reached by link and remembers it', async () => {
    const { context, page } = await visitor();
    await page.goto(`${base}/`);
    expect(await text(page, 'h1')).toBe('Apa yang bisa kami bantu?');
    await page.click('.lang a');
    expect(await text(page, 'h1')).toBe('How can we help?');
    await page.goto(`${base}/integrity`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('renders an XSS payload as text without running it', async () => {
    const { context, page, problems } = await visitor();
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'&`;
    await page.goto(`${base}/submit/complaint`);
    await fillForm(page, payload, payload);
    await page.click('button:has-text("Lanjut ke ringkasan")');
    expect(await text(page, '.summary')).toContain(payload);
    await page.click('button[value="send"]');
    await page.click('button:has-text("Lihat status laporan")');
    expect(await text(page, 'h1')).toBe(payload);
    await page.fill('#f-body', payload);
    await page.click('button:has-text("Kirim tanggapan")');
    expect(await text(page, '.timeline')).toContain(payload);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('.timeline img, main script').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe-core (WCAG 2.1 A and AA) on every page', async () => {
    const { context, page } = await visitor();
    const pages = ['/', '/search?q=biaya+paspor', '/integrity', '/submit', '/status', '/nowhere'];
    for (const type of ['complaint', 'request', 'opinion', 'compliment']) pages.push(`/submit/${type}`);
    for (const url of pages) {
      await page.goto(`${base}${url}`);
      await axe(page, url);
    }
    await page.goto(`${base}/submit/complaint`);
    await page.click('button:has-text("Lanjut ke ringkasan")');
    await axe(page, 'form with errors');
    await fillForm(page, 'Kuota penuh', 'Selalu penuh.', { file: true });
    await page.click('button:has-text("Lanjut ke ringkasan")');
    await axe(page, 'summary');
    await page.click('button[value="send"]');
    await axe(page, 'confirmation');
    await page.click('button:has-text("Lihat status laporan")');
    await axe(page, 'status');
    await page.goto(`${base}/status`);
    await page.fill('#f-code', 'SBY-26-000000');
    await page.fill('#f-key', 'x');
    await page.click('button:has-text("Lihat status")');
    await axe(page, 'status look-up with errors');
    const resolved = demo.find((c) => c.status === 'resolved')!;
    await page.goto(`${base}/language/en?next=/status`);
    await page.fill('#f-code', resolved.trackingCode);
    await page.fill('#f-key', resolved.accessKey);
    await page.click('button:has-text("View status")');
    expect(await page.isVisible('h2:has-text("Has your problem been solved?")')).toBe(true);
    await axe(page, 'resolved case (en)');
    await context.close();
  });

  it('confirms a resolved case in the browser', async () => {
    const { context, page } = await visitor({ javaScript: false });
    const receipt = await submit(page, 'complaint', 'Akan diselesaikan');
    await transitionCase(db, STAFF, receipt.code, { to: 'in_progress' });
    await transitionCase(db, STAFF, receipt.code, { to: 'resolved' });
    await page.goto(`${base}/status`);
    await page.fill('#f-code', receipt.code);
    await page.fill('#f-key', receipt.key);
    await page.click('button:has-text("Lihat status")');
    await page.click('button:has-text("Ya, sudah selesai")');
    expect(await text(page, '.tag')).toBe('Ditutup');
    await context.close();
  });

  it('keeps each page under 60 KB transferred on a first visit, and saves screenshots', async () => {
    const weights: Record<string, number> = {};
    // A case with a reply and a decision to make: the richest status page.
    const shown = demo.find((c) => c.status === 'resolved')!;
    const receipt = { code: shown.trackingCode, key: shown.accessKey };
    for (const [width, height] of [
      [360, 740],
      [1280, 800],
    ] as const) {
      for (const name of ['home', 'form', 'status']) {
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
        if (name === 'status') {
          await page.goto(`${base}/status`);
          await page.fill('#f-code', receipt.code);
          await page.fill('#f-key', receipt.key);
          // Counted together with the look-up page before it: an upper bound for a first visit.
          await page.click('button:has-text("Lihat status")');
        } else {
          await page.goto(`${base}${name === 'home' ? '/' : '/submit/complaint'}`);
        }
        await page.waitForLoadState('networkidle');
        await Promise.all(pending);
        weights[`${name} ${width}`] = bytes;
        await page.screenshot({
          path: path.join(RESULTS, `portal-${name}-${width}x${height}.png`),
          fullPage: true,
        });
        await context.close();
      }
    }
    console.log('portal page weights (bytes transferred, first visit):', weights);
    for (const [name, bytes] of Object.entries(weights))
      expect(bytes, name).toBeLessThanOrEqual(MAX_PAGE_BYTES);
  });
});
