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
import type { StaffUser } from '../../src/server/modules/accounts/model.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import {
  buildConfig,
  buildStaff,
  officeIdOf,
  STAFF_PASSWORD,
  TEST_SECRET,
} from '../../src/test-support/factories.js';
import { axeSource, CHROMIUM, chromiumAvailable, launchChromium } from './chromium.js';

/**
 * The console's publications in Chromium (needs `npm run build`): a publisher writes an enforcement announcement
 * citing the demo's three records, is stopped by the privacy check with its findings on screen, fixes the text and
 * submits; a second publisher approves it with the keyboard; axe-core on the editor.
 */
const available = chromiumAvailable;
if (!available) console.warn(`Console publication browser tests skipped: ${CHROMIUM} is missing.`);

let app: FastifyInstance;
let db: Db;
let base: string;
let browser: Browser;
let writer: StaffUser;
let reviewer: StaffUser;

describe.skipIf(!available)('staff console: publications in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    db = database.db;
    await seedDemo(db, TEST_SECRET);
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-console-pub-')) });
    app = await buildApp(
      { db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
      { logger: false },
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(db, 'SBY');
    writer = await buildStaff(db, { roles: ['publisher'], officeId, displayName: 'Putri Penulis' });
    reviewer = await buildStaff(db, { roles: ['publisher'], officeId, displayName: 'Rudi Penelaah' });
    browser = await launchChromium();
    mkdirSync(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(user: StaffUser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/console/`);
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Kata sandi').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Publikasi' }).first().waitFor();
    return page;
  }

  async function axe(page: Page, label: string) {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
    )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(
      result.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
      label,
    ).toEqual([]);
  }

  it('blocks a text naming a cited person, then goes live after a second publisher approves it', async () => {
    const page = await signedIn(writer);
    await page.goto(`${base}/console/publications/new`);
    await page.getByLabel('Kategori').selectOption('enforcement');
    await page.getByLabel('Judul').fill('Tiga WNA dideportasi bulan ini');
    await page.getByLabel('Ringkasan').fill('Tiga warga negara asing dideportasi.');
    await page.getByLabel('Isi (Markdown)').fill('## Rincian\nSalah satunya adalah Chen Bo.');
    for (const label of ['CB (Tiongkok)', 'TMK (Vietnam)', 'AFR (Malaysia)'])
      await page.getByRole('checkbox', { name: label }).check();
    // The live preview renders the heading as it is typed.
    await page.getByRole('region', { name: 'Pratinjau' }).getByRole('heading', { name: 'Rincian' }).waitFor();
    await page.getByRole('button', { name: 'Simpan revisi' }).click();
    await page.waitForURL(/\/console\/publications\/[0-9a-f-]{36}$/);
    await axe(page, 'publication editor');

    await page.getByRole('button', { name: 'Ajukan untuk ditelaah' }).click();
    const findings = page.getByRole('alert', { name: /Publikasi diblokir: hapus/ });
    await findings.waitFor();
    expect(await findings.textContent()).toContain('nama lengkap orang yang dirujuk (rujukan 1)');
    expect(await findings.textContent()).not.toContain('Chen Bo');

    await page.getByLabel('Isi (Markdown)').fill('## Rincian\nKetiganya melanggar izin tinggal.');
    await page.getByRole('button', { name: 'Simpan revisi' }).click();
    await page.getByText(/^Draf · revisi 2/).waitFor();
    await page.getByRole('button', { name: 'Ajukan untuk ditelaah' }).click();
    await page.getByText('Publikasi ini harus disetujui oleh penerbit lain.').waitFor();
    const url = page.url();

    const second = await signedIn(reviewer);
    await second.goto(url);
    const approve = second.getByRole('button', { name: 'Setujui dan terbitkan' });
    await approve.focus();
    await second.keyboard.press('Enter');
    await second.getByRole('link', { name: 'Buka di situs (ID)' }).waitFor();
    const href = await second.getByRole('link', { name: 'Buka di situs (ID)' }).getAttribute('href');
    const publicPath = new URL(href!).pathname;
    const response = await app.inject({ method: 'GET', url: publicPath });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('CB (Tiongkok)');
    expect(response.body).not.toContain('Chen Bo');
  });
});
