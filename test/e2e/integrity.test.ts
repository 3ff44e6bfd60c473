import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { SYSTEM_ACTOR } from '../../src/server/events/catalogue.js';
import { createLimiters } from '../../src/server/http/rate-limit.js';
import { publishCheckpoint } from '../../src/server/modules/audit/checkpoints.js';
import { enrolOfficer } from '../../src/server/modules/integrity/officers.js';
import { chainAllEvents } from '../../src/test-support/audit.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import { buildConfig, buildOffice, buildStaff, officeIdOf } from '../../src/test-support/factories.js';
import { axeSource, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/** The integrity channel and the audit checkpoints page in Debian's Chromium, with and without JavaScript. */
let app: FastifyInstance;
let base: string;
let browser: Browser;

describe.skipIf(!chromiumAvailable)('integrity channel in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    await buildOffice(database.db);
    const officer = await buildStaff(database.db, {
      roles: ['integrity_officer'],
      officeId: await officeIdOf(database.db, 'TST'),
    });
    await enrolOfficer(database.db, officer, SYSTEM_ACTOR, 'frasa-sandi-yang-cukup-panjang', new Date());
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-e2e-')) });
    await chainAllEvents(database.db);
    await publishCheckpoint(database.db, config.dataDir, new Date());
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

  async function axe(page: Page, label: string) {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
    )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(
      result.violations.map(
        (v) => `${label}: ${v.id} – ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }

  it('sends a report with the proof of work solved in the page, then follows it up with the receipt', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    await page.goto(`${base}/`);
    await page.click('a[href="/integrity"]');
    expect(await page.textContent('h1')).toBe('Laporkan pungli, calo atau suap');
    await axe(page, 'integrity form');
    await page.check('#f-category-calo');
    await page.fill(
      '#f-description',
      'Calo di parkiran menawarkan antrean paspor lebih cepat dengan bayaran.',
    );
    await page.click('button:has-text("Kirim laporan")');
    await page.waitForSelector('#integrity-receipt', { timeout: 60_000 });
    const receipt = (await page.textContent('#integrity-receipt'))!.trim();
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await axe(page, 'integrity receipt');
    await page.screenshot({ path: path.join(RESULTS, 'integrity-receipt.png'), fullPage: true });
    await page.click('a[href="/integrity/follow-up"]');
    await page.fill('#f-receipt', receipt);
    await page.click('button:has-text("Buka laporan")');
    expect(await page.textContent('main')).toContain('Calo di parkiran');
    await axe(page, 'integrity follow-up');
    await page.fill('#f-body', 'Kejadiannya hari Senin.');
    await page.click('button:has-text("Kirim pesan")');
    expect(await page.textContent('.timeline')).toContain('Kejadiannya hari Senin.');
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('without JavaScript asks to send again when the form went too quickly, keeping the text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/integrity`);
    await page.check('#f-category-pungli');
    await page.fill('#f-description', 'Diminta uang tambahan di loket tanpa kuitansi resmi.');
    await page.click('button:has-text("Kirim laporan")');
    expect(await page.textContent('main')).toContain('terlalu cepat');
    expect(await page.inputValue('#f-description')).toContain('tanpa kuitansi');
    await context.close();
  });

  it('publishes the signed checkpoint on the audit page', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/audit`);
    expect(await page.textContent('main')).toMatch(/[0-9a-f]{64}/);
    await axe(page, 'audit checkpoints');
    await context.close();
  });
});
