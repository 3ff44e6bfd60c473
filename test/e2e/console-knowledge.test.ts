import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/connection.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createLimiters } from '../../src/server/http/rate-limit.js';
import type { StaffUser } from '../../src/server/modules/accounts/model.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import {
  buildConfig,
  buildStaff,
  officeIdOf,
  sessionHeaders,
  TEST_SECRET,
} from '../../src/test-support/factories.js';
import {
  axeSource,
  buildConsoleIfStale,
  CHROMIUM,
  chromiumAvailable,
  launchChromium,
  RESULTS,
  signInToConsole,
} from './chromium.js';

/**
 * The knowledge screens of the staff console in Debian's Chromium, against the real app with the demo office and
 * its seeded knowledge base: a publisher edits and publishes an article and the public API and portal show it at
 * once; the editor works with the keyboard alone and guards unsaved edits; a version conflict keeps the user's text;
 * an agent sees no knowledge navigation and gets 403 from the API; axe-core and screenshots.
 */
const available = chromiumAvailable;
if (!available) console.warn(`Console knowledge browser tests skipped: ${CHROMIUM} is missing.`);
const SLUG = 'jenis-paspor-biasa-dan-elektronik';

let app: FastifyInstance;
let db: Db;
let config: Config;
let base: string;
let browser: Browser;
let publisher: StaffUser;
let agent: StaffUser;

interface ListedArticle {
  id: string;
  slug: string;
  language: string;
  version: number;
  title: string;
}

describe.skipIf(!available)('staff console: knowledge base in a browser', () => {
  beforeAll(async () => {
    buildConsoleIfStale();
    const database = await createTestDatabase();
    db = database.db;
    await seedDemo(db, TEST_SECRET);
    config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-console-kb-')) });
    app = await buildApp(
      { db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
      { logger: false },
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(db, 'SBY');
    publisher = await buildStaff(db, { roles: ['publisher'], officeId, displayName: 'Putri Penerbit' });
    agent = await buildStaff(db, { roles: ['agent'], officeId, displayName: 'Agus Agen' });
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function staffBrowser(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`third-party: ${r.url()}`);
    });
    return { context, page, problems };
  }

  const signIn = (page: Page, user: StaffUser) => signInToConsole(page, base, user.email);

  async function axe(page: Page, label: string) {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
    )) as { passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(result.passes.length, `${label}: axe ran`).toBeGreaterThan(0);
    const found = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(found, label).toEqual([]);
  }

  async function staffApi(user: StaffUser, method: string, url: string, payload?: object) {
    const headers = await sessionHeaders(db, user, config);
    return app.inject({ method: method as 'GET', url: `/api/v1/staff/knowledge${url}`, headers, payload });
  }

  async function articleBySlug(slug: string): Promise<ListedArticle> {
    const response = await staffApi(publisher, 'GET', `/articles?lang=id&q=${encodeURIComponent(slug)}`);
    expect(response.statusCode, response.body).toBe(200);
    const found = (response.json() as { items: ListedArticle[] }).items.find((a) => a.slug === slug);
    expect(found, `article ${slug} in the seed`).toBeDefined();
    return found!;
  }

  /** The accessible name of the focused element, roughly: aria-label, its label's first text, hidden text, or text. */
  const activeLabel = (page: Page) =>
    page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el) return '';
      const label = el.labels && el.labels[0];
      const hidden = el.querySelector('.visually-hidden');
      return el.getAttribute('aria-label') || (label ? label.childNodes[0].textContent.trim() : '') ||
        (hidden ? hidden.textContent.trim() : '') || el.textContent.trim() || el.tagName;
    })()`) as Promise<string>;

  it('a publisher edits an article and publishes it; the public API, search and portal show it at once', async () => {
    const marker = 'zamrudbiru';
    const { context, page, problems } = await staffBrowser();
    await signIn(page, publisher);
    // A publisher without case roles starts in the knowledge base.
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Basis pengetahuan' }).count()).toBe(1);
    await page.getByLabel('Cari judul, slug atau kunci').fill(SLUG);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const row = page.locator('.knowledge-table tbody tr', { hasText: SLUG }).first();
    await row.waitFor();
    await row.locator('a.row-link').click();
    await page.getByRole('region', { name: 'Pratinjau' }).waitFor();
    await axe(page, 'article editor');

    const body = page.getByLabel('Isi', { exact: true });
    const before = await body.inputValue();
    await body.fill(
      `${before}\n\n## Catatan baru\nPetugas **${marker}** membantu di loket 3. Biaya {{fee:TIDAK_ADA}}.`,
    );
    // The live preview renders the new heading and flags the unknown fee code.
    await page
      .getByRole('region', { name: 'Pratinjau' })
      .getByRole('heading', { name: 'Catatan baru' })
      .waitFor();
    await page.getByText('kode biaya tidak ada di jadwal biaya.').waitFor();
    // Fees come from the schedule: the picker inserts the placeholder and the preview shows today's amount.
    await body.fill(
      `${before}\n\n## Catatan baru\nPetugas **${marker}** membantu di loket 3. E-paspor 10 tahun: `,
    );
    await page.getByLabel('Sisipkan biaya').selectOption('EPASPOR_10TH');
    await expect.poll(() => body.inputValue()).toContain('E-paspor 10 tahun: {{fee:EPASPOR_10TH}}');
    await page.getByRole('region', { name: 'Pratinjau' }).getByText('E-paspor 10 tahun: Rp950.000').waitFor();
    await page.getByLabel('Catatan revisi').fill('Tambah catatan loket 3');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/Tersimpan sebagai revisi \d+\./)
      .waitFor();
    await page.getByText('Ada perubahan belum terbit').first().waitFor();

    // Saved but not yet published: the public still sees the old text.
    const publicBefore = await fetch(`${base}/api/v1/knowledge/articles/id/${SLUG}`);
    expect(publicBefore.status).toBe(200);
    expect(await publicBefore.text()).not.toContain(marker);

    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByRole('status').getByText('Terbit.').waitFor();
    const live = page.locator('.notice-ok');
    await live.getByText(/langsung tampil/).waitFor();
    const href = await live.getByRole('link').getAttribute('href');
    expect(href).toBe(`/knowledge/id/${SLUG}`);

    const article = await fetch(`${base}/api/v1/knowledge/articles/id/${SLUG}`);
    const published = await article.text();
    expect(published).toContain(marker);
    expect(published).toContain('E-paspor 10 tahun: Rp950.000');
    const search = (await (await fetch(`${base}/api/v1/knowledge/search?q=${marker}&lang=id`)).json()) as {
      results: { url: string }[];
    };
    expect(search.results.map((r) => r.url)).toContain(`/knowledge/id/${SLUG}`);
    const portal = await page.context().newPage();
    await portal.goto(`${base}${href}`);
    await portal.getByText(marker).first().waitFor();
    await portal.close();

    // The history shows the change as an insertion (marked in words for screen readers, not only by colour).
    await page.getByRole('link', { name: 'Riwayat revisi' }).click();
    await page.getByRole('heading', { name: /Riwayat revisi/ }).waitFor();
    await page.getByRole('button', { name: 'Bandingkan revisi terpilih' }).click();
    const inserted = page.locator('.diff ins', { hasText: marker });
    await inserted.first().waitFor();
    expect(await inserted.first().textContent()).toContain('[ditambahkan: ');
    await axe(page, 'revision history');
    await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-history.png') });

    // Restoring the first revision makes a new revision with its text; the public keeps the published one.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Pulihkan #1' }).click();
    await page
      .getByRole('status')
      .getByText(/Revisi 1 dipulihkan sebagai revisi \d+\./)
      .waitFor();
    await page.getByRole('region', { name: 'Pratinjau' }).waitFor();
    expect(await page.getByLabel('Isi', { exact: true }).inputValue()).not.toContain(marker);
    expect(await (await fetch(`${base}/api/v1/knowledge/articles/id/${SLUG}`)).text()).toContain(marker);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a new article: problems shown next to their fields, then created, published and translated', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, publisher);
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    await page.getByRole('link', { name: 'Artikel baru' }).click();
    await page.getByRole('heading', { name: 'Artikel baru' }).waitFor();
    await page.getByLabel('Judul', { exact: true }).fill('Jam layanan loket Sabtu');
    // The slug and the key follow the title until typed in.
    expect(await page.getByLabel('Slug (alamat)').inputValue()).toBe('jam-layanan-loket-sabtu');
    expect(await page.getByLabel('Kunci artikel').inputValue()).toBe('jam-layanan-loket-sabtu');
    await page.getByLabel('Isi', { exact: true }).fill('Loket buka pada hari Sabtu pertama setiap bulan.');
    // The summary is missing: the server's problem document is shown, and its message sits next to the field.
    await page.getByRole('button', { name: 'Buat draf' }).click();
    const summaryError = page.locator('#err-summary');
    await summaryError.waitFor();
    expect(await summaryError.textContent()).not.toBe('');
    expect(await page.locator('#article-summary').getAttribute('aria-describedby')).toContain('err-summary');
    expect(await page.locator('#article-summary').getAttribute('aria-invalid')).toBe('true');

    await page
      .locator('#article-summary')
      .fill('Loket paspor buka Sabtu pertama setiap bulan, pukul 08.00–12.00.');
    await page.getByRole('combobox', { name: /^Kategori/ }).selectOption('paspor');
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await page.getByRole('status').getByText('Draf dibuat.').waitFor();
    await page.getByRole('heading', { name: 'Jam layanan loket Sabtu' }).waitFor();
    await page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await page.getByRole('status').getByText('Diajukan untuk ditinjau.').waitFor();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByRole('status').getByText('Terbit.').waitFor();
    expect((await fetch(`${base}/api/v1/knowledge/articles/id/jam-layanan-loket-sabtu`)).status).toBe(200);

    // The English version starts from the Indonesian one: same key and category, the source text at hand.
    await page.getByRole('link', { name: 'Buat versi English' }).click();
    await page.getByRole('heading', { name: 'Artikel baru' }).waitFor();
    await page.getByText('Menerjemahkan dari: Jam layanan loket Sabtu').waitFor();
    await expect.poll(() => page.getByLabel('Kunci artikel').inputValue()).toBe('jam-layanan-loket-sabtu');
    expect(await page.locator('#article-language').inputValue()).toBe('en');
    await page.getByLabel('Judul', { exact: true }).fill('Saturday counter hours');
    expect(await page.getByLabel('Slug (alamat)').inputValue()).toBe('saturday-counter-hours');
    await page
      .locator('#article-summary')
      .fill('The passport counter opens on the first Saturday of each month, 08:00–12:00.');
    await page
      .getByLabel('Isi', { exact: true })
      .fill('The counter opens on the first Saturday of every month.');
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await page.getByRole('heading', { name: 'Saturday counter hours' }).waitFor();
    await page.getByRole('link', { name: 'Buka versi Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Jam layanan loket Sabtu' }).waitFor();
    await page.getByRole('link', { name: 'Buka versi English' }).waitFor();

    // The same screen in English, for reviewers.
    await page.locator('.topbar select').selectOption('en');
    await page.getByRole('heading', { name: 'Translations' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-editor-en.png') });
    await page.locator('.topbar select').selectOption('id');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the editor works with the keyboard alone and asks before unsaved edits are lost', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, publisher);
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    // "/" reaches the list's search, j moves through the rows, Enter opens one.
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('knowledge-search');
    await page.keyboard.type('paspor');
    await page.keyboard.press('Enter');
    // Wait for the filtered list itself, not the rows of the full list it replaces.
    await page.waitForURL(/q=paspor/);
    await expect
      .poll(async () => {
        const rows = await page.locator('.knowledge-table tbody tr').allTextContents();
        return rows.length > 0 && rows.every((row) => /paspor/i.test(row));
      })
      .toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    expect(await page.evaluate('document.activeElement?.classList.contains("row-link")')).toBe(true);
    const title = (await page.evaluate('document.activeElement?.textContent')) as string;
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: title }).waitFor();

    // Tab order through the form follows the visual order, every field with a name.
    await page.getByLabel('Judul', { exact: true }).focus();
    const order: string[] = [await activeLabel(page)];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await activeLabel(page));
    }
    // The format buttons are one toolbar (one tab stop; arrow keys inside), then the fee picker, then the text.
    expect(order).toEqual(['Judul', 'Slug (alamat)', 'Ringkasan', 'Tebal', 'Sisipkan biaya', 'Isi']);
    await page.keyboard.type(' Tambahan dari keyboard.');
    // Ctrl+B makes the selection bold.
    await page.keyboard.type('Tebal');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+b');
    expect(await page.locator('#article-body').inputValue()).toContain('**Tebal**');
    expect(await page.getByText('Ada perubahan belum disimpan').count()).toBe(1);

    // Leaving asks first; Escape (or "Stay") keeps the edit.
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    const dialog = page.getByRole('alertdialog', { name: 'Tinggalkan tanpa menyimpan?' });
    await dialog.waitFor();
    // The dialog moves focus to "Stay" once it has rendered, a moment after it becomes visible.
    await expect.poll(() => activeLabel(page)).toBe('Tetap di sini');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Isi', { exact: true }).inputValue()).toContain('Tambahan dari keyboard.');

    // Ctrl+S saves from inside the text area.
    await page.getByLabel('Isi', { exact: true }).focus();
    await page.keyboard.press('Control+s');
    await page
      .getByRole('status')
      .getByText(/Tersimpan sebagai revisi \d+\./)
      .waitFor();
    expect(await page.getByText('Ada perubahan belum disimpan').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-editor.png') });

    // Saved: leaving no longer asks.
    await page.getByRole('link', { name: /← Artikel/ }).click();
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    await axe(page, 'article list');
    await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-articles.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a version conflict keeps the editor’s text and loads the colleague’s version on request', async () => {
    const target = await articleBySlug(SLUG);
    const { context, page, problems } = await staffBrowser();
    await signIn(page, publisher);
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    await page.goto(`${base}/console/knowledge/articles/${target.id}`);
    // The editor's own field (after a conflict, a read-only copy of the user's text has the same label).
    const summary = page.locator('#article-summary');
    await summary.waitFor();
    // A colleague saves first.
    const current = await staffApi(publisher, 'GET', `/articles/${target.id}`);
    const colleague = await staffApi(publisher, 'PATCH', `/articles/${target.id}`, {
      version: (current.json() as { version: number }).version,
      summary: 'Ringkasan dari rekan kerja.',
      message: 'rekan',
    });
    expect(colleague.statusCode, colleague.body).toBe(200);

    await summary.fill('Ringkasan saya yang tidak boleh hilang.');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/Orang lain menyimpan isi ini/)
      .waitFor();
    await page.getByRole('button', { name: 'Muat versi terbaru' }).click();
    await expect.poll(() => summary.inputValue()).toBe('Ringkasan dari rekan kerja.');
    const kept = page.locator('.lost-draft');
    await kept.getByText('Teks Anda yang belum tersimpan').waitFor();
    expect(await kept.getByLabel('Ringkasan').inputValue()).toBe('Ringkasan saya yang tidak boleh hilang.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an unanswered question becomes a new FAQ entry; fees show what is in force today', async () => {
    const asked = await fetch(`${base}/api/v1/assistant/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'apakah kantor menerima pembayaran pakai kripto', lang: 'id' }),
    });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { answered: boolean }).answered).toBe(false);

    const { context, page, problems } = await staffBrowser();
    await signIn(page, publisher);
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    // The section list reminds of what is waiting: questions nobody could answer in the last 30 days.
    const reminder = page.getByRole('link', {
      name: /^Pertanyaan tak terjawab \d+ belum terjawab \(30 hari\)$/,
    });
    await reminder.waitFor();
    await reminder.click();
    const row = page.locator('.question-table tbody tr', { hasText: 'kripto' });
    await row.waitFor();
    await axe(page, 'unanswered questions');
    await row.getByRole('link', { name: /Buat entri FAQ/ }).click();
    await page.getByRole('heading', { name: 'Entri FAQ baru' }).waitFor();
    expect(await page.getByLabel('Variasi pertanyaan 1').inputValue()).toContain('kripto');
    await page.getByLabel('Variasi pertanyaan 2').fill('bayar paspor pakai bitcoin bisa?');
    await page
      .getByLabel('Jawaban', { exact: true })
      .fill('Pembayaran hanya melalui kode billing **SIMPONI** di bank atau kantor pos.');
    await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-faq.png') });
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await page.getByRole('status').getByText('Draf dibuat.').waitFor();
    // An amount typed by hand is flagged, and publishing with it asks first (declined here).
    const answer = page.getByLabel('Jawaban', { exact: true });
    await answer.fill(`${await answer.inputValue()} Biaya admin Rp5.000.`);
    await page.getByText('tulis biaya sebagai {{fee:KODE}} dari jadwal biaya, bukan angka.').waitFor();
    const confirmations: string[] = [];
    page.once('dialog', (d) => {
      confirmations.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: /^Terbitkan/ }).click();
    await expect
      .poll(() => confirmations)
      .toEqual(['Pratinjau mencatat 1 hal yang perlu diperbaiki. Tetap terbitkan?']);
    await answer.fill('Pembayaran hanya melalui kode billing **SIMPONI** di bank atau kantor pos.');
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByRole('status').getByText('Terbit.').waitFor();

    await page.getByRole('link', { name: 'Jadwal biaya' }).click();
    await page.getByRole('heading', { name: 'Jadwal biaya' }).waitFor();
    await page.locator('.fee-state-current').first().waitFor();
    expect(await page.locator('.fee-state-current').first().textContent()).toContain('Berlaku hari ini');
    await axe(page, 'fee schedule');
    await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-fees.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a dictionary entry changes search at once; a fee change is planned from a date; every screen passes axe', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, publisher);
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();

    // Synonyms: a new colloquial word finds articles right after it is added.
    const word = 'zqxwv';
    const before = (await (await fetch(`${base}/api/v1/knowledge/search?q=${word}&lang=id`)).json()) as {
      results: unknown[];
    };
    await page.getByRole('link', { name: 'Kamus sinonim' }).click();
    await page.getByRole('heading', { name: /Kamus sinonim/ }).waitFor();
    await page.getByLabel('Kata yang diketik').fill(word);
    await page.getByLabel('Artinya').fill('paspor');
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await page.getByRole('status').getByText(`“${word}” ditambahkan.`).waitFor();
    await page.getByRole('rowheader', { name: word }).waitFor();
    const after = (await (await fetch(`${base}/api/v1/knowledge/search?q=${word}&lang=id`)).json()) as {
      results: unknown[];
    };
    expect(before.results).toEqual([]);
    expect(after.results.length).toBeGreaterThan(0);
    await axe(page, 'synonyms');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Hapus “${word}”` }).click();
    await page.getByRole('status').getByText(`“${word}” dihapus.`).waitFor();

    // Fees: a new amount from a future date ends the running period the day before; today's fee is unchanged.
    await page.getByRole('link', { name: 'Jadwal biaya' }).click();
    await page.getByRole('heading', { name: 'Jadwal biaya' }).waitFor();
    await page.getByLabel('Kode').fill('EPASPOR_10TH');
    await expect.poll(() => page.getByLabel('Nama (Indonesia)').inputValue()).not.toBe('');
    await page.getByLabel('Jumlah (Rp)').fill('1.050.000');
    await page.getByLabel('Berlaku mulai').fill('2031-01-01');
    await page.getByText(/akan berakhir pada 31 Des 2030/).waitFor();
    await page.getByRole('button', { name: 'Tambah periode' }).click();
    await page
      .getByRole('status')
      .getByText(/Biaya EPASPOR_10TH berlaku mulai/)
      .waitFor();
    await page.getByText('Akan berlaku').waitFor();
    const today = (await (await fetch(`${base}/api/v1/knowledge/fees?lang=id`)).json()) as {
      items: { code: string; amount: number }[];
    };
    expect(today.items.find((f) => f.code === 'EPASPOR_10TH')?.amount).toBe(950_000);

    // Service standards: a public component edited in place (same effective date) is public at once.
    await page
      .getByRole('navigation', { name: 'Bagian basis pengetahuan' })
      .getByRole('link', { name: 'Standar pelayanan' })
      .click();
    const requirements = page.locator('#std-requirements-id');
    await requirements.waitFor();
    await requirements.fill(
      `${await requirements.inputValue()}\n- Bukti pembayaran PNBP (contoh uji ${word}).`,
    );
    await page.getByRole('button', { name: 'Simpan perubahan versi ini' }).click();
    await page.getByRole('status').getByText('Standar pelayanan disimpan.').waitFor();
    const standards = await (await fetch(`${base}/api/v1/knowledge/standards?lang=id&office=SBY`)).text();
    expect(standards).toContain(`contoh uji ${word}`);

    for (const [link, heading] of [
      ['Tanya-jawab (FAQ)', /^Tanya-jawab/],
      ['Standar pelayanan', 'Standar pelayanan'],
      ['Maklumat pelayanan', 'Maklumat pelayanan'],
      ['Kategori', 'Kategori'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Bagian basis pengetahuan' })
        .getByRole('link', { name: link })
        .click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('.state[role="status"]').waitFor({ state: 'detached' });
      await axe(page, link);
      if (link === 'Standar pelayanan') {
        expect(await page.locator('.component.public').count()).toBe(6);
        expect(await page.locator('.component').count()).toBe(14);
        await page.screenshot({ path: path.join(RESULTS, 'console-knowledge-standards.png') });
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an agent sees no knowledge navigation, cannot open the screens, and the API answers 403', async () => {
    for (const [method, url] of [
      ['GET', '/articles'],
      ['GET', '/questions/unanswered'],
      ['POST', '/synonyms'],
    ] as const) {
      const response = await staffApi(
        agent,
        method,
        url,
        method === 'POST' ? { language: 'id', term: 'x', means: 'y' } : undefined,
      );
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    const { context, page, problems } = await staffBrowser();
    await signIn(page, agent);
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Basis pengetahuan' }).count()).toBe(0);
    await page.goto(`${base}/console/knowledge/articles`);
    await page.getByRole('heading', { name: 'Halaman ini tidak ada.' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an auditor reads the knowledge base but gets no way to change it', async () => {
    const auditor = await buildStaff(db, { roles: ['auditor'], officeId: await officeIdOf(db, 'SBY') });
    const target = await articleBySlug(SLUG);
    const { context, page, problems } = await staffBrowser();
    await signIn(page, auditor);
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    await page.getByRole('link', { name: 'Basis pengetahuan' }).click();
    await page.getByRole('heading', { name: /^Artikel/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Artikel baru' }).count()).toBe(0);
    await page.goto(`${base}/console/knowledge/articles/${target.id}`);
    await page.getByText('Anda dapat membaca isi ini tetapi tidak mengubahnya.').waitFor();
    expect(await page.getByLabel('Judul', { exact: true }).isDisabled()).toBe(true);
    for (const name of ['Simpan', 'Terbitkan', 'Arsipkan', 'Tandai sudah ditinjau'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    const write = await staffApi(auditor, 'PATCH', `/articles/${target.id}`, {
      version: target.version,
      title: 'x',
    });
    expect(write.statusCode).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });
});
