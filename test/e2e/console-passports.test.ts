import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/server/modules/accounts/model.js';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  type TestApp,
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
 * The console's passport pages (issue #7) in Debian's Chromium: a supervisor uploads a CSV and an XLSX with
 * mistakes, reads the validation report (row, column, problem), fixes the files and imports them; searches by
 * number, name and date of birth; opens an application with its stage history, links a case with the keyboard,
 * sees the stage beside the case, and reads the report page. Every screen passes axe-core.
 */
if (!chromiumAvailable) console.warn(`Browser tests skipped: ${CHROMIUM} is missing.`);

const HEADER = [
  'application_number',
  'office_code',
  'applicant_name',
  'birth_date',
  'passport_kind',
  'service',
  'stage',
  'stage_at',
  'appointment_date',
];
const today = new Date().toISOString().slice(0, 10);
/** Office-local times a few hours ago: never "in the future" in any Indonesian time zone. */
const earlier = (hours: number) => {
  const at = new Date(Date.now() - hours * 3_600_000);
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)}`;
};
const CSV_ROWS = [
  [
    'TST2612000101',
    'TST',
    'Ratna Kumalasari',
    '1991-02-14',
    'e-paspor',
    'baru',
    'booked',
    earlier(30),
    today,
  ],
  [
    'TST2612000102',
    'TST',
    'Yusuf Hidayat',
    '14/13/1985',
    'biasa',
    'perpanjangan',
    'paid',
    earlier(30),
    today,
  ],
  ['TST2612000103', 'TST', 'Maria Ulfa', '1979-06-01', 'e-paspor', 'baru', 'terbang', earlier(30), today],
];
const csv = (rows: string[][]) => [HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n');

async function xlsx(rows: (string | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Permohonan');
  sheet.addRow([
    'Nomor Permohonan',
    'Kode Kantor',
    'Nama Pemohon',
    'Tanggal Lahir',
    'Jenis Paspor',
    'Layanan',
    'Tahap',
    'Waktu Tahap',
    'Jadwal',
  ]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a screen reader would announce for the focused element, roughly: its label and its text. */
const FOCUSED_TEXT = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const forLabel = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
  return [el.getAttribute('aria-label'), el.closest('label')?.textContent, forLabel?.textContent, el.textContent]
    .filter(Boolean)
    .join(' ')
    .trim();
})()`;

let t: TestApp;
let base: string;
let browser: Browser;
let supervisor: StaffUser;
let caseCode: string;

describe.skipIf(!chromiumAvailable)('passport pages of the console in a browser', () => {
  beforeAll(async () => {
    buildConsoleIfStale();
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(t.db, 'TST');
    supervisor = await buildStaff(t.db, {
      roles: ['supervisor', 'agent'],
      officeId,
      displayName: 'Dian Supervisor',
    });
    caseCode = (await buildCase(t.db, { subject: 'Paspor saya belum jadi padahal sudah lewat jadwal' })).case
      .trackingCode;
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function staffBrowser(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { context, page, problems };
  }

  const signIn = (page: Page, user: StaffUser) => signInToConsole(page, base, user.email);

  async function axe(page: Page, label: string) {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
    )) as { passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    expect(result.passes.length, `${label}: axe ran`).toBeGreaterThan(0);
    expect(
      result.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
      label,
    ).toEqual([]);
  }

  /** The validation report as [row, column, problem] triples. */
  async function problemRows(page: Page): Promise<string[][]> {
    const rows = page.locator('table.admin-table tbody tr');
    await rows.first().waitFor();
    const cells: string[][] = [];
    for (const row of await rows.all()) cells.push(await row.locator('td').allTextContents());
    return cells;
  }

  /** Tab moves the focus until the element with this accessible text has it; fails if it is not reachable. */
  async function tabTo(page: Page, text: RegExp, maxSteps = 80) {
    for (let i = 0; i < maxSteps; i++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(FOCUSED_TEXT)) as string;
      if (text.test(focused)) return;
    }
    throw new Error(`${text} is not reachable with Tab`);
  }

  it('imports a CSV and an XLSX: validation report first, then the fixed files', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, supervisor);
    await page.getByRole('link', { name: 'Paspor', exact: true }).click();
    await page.getByRole('link', { name: 'Impor berkas' }).click();
    await page.getByRole('heading', { name: 'Impor permohonan paspor' }).waitFor();

    await page.getByLabel('Berkas', { exact: true }).setInputFiles({
      name: 'ekspor-harian.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(CSV_ROWS)),
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page
      .getByRole('alert')
      .getByText(/2 masalah dalam 3 baris/)
      .waitFor();
    const report = await problemRows(page);
    expect(report).toEqual([
      ['3', 'birth_date', expect.stringContaining('bukan tanggal')],
      ['4', 'stage', expect.stringContaining('nilai tidak dikenal')],
    ]);
    await axe(page, 'import validation report');
    await page.screenshot({ path: path.join(RESULTS, 'console-passport-import-report.png'), fullPage: true });
    // Nothing was written while the file had problems.
    expect(await t.db.selectFrom('passport_applications').select('id').execute()).toEqual([]);

    const fixed = CSV_ROWS.map((r) => [...r]);
    fixed[1]![3] = '14/12/1985';
    fixed[2]![6] = 'documents_verified';
    await page.getByLabel('Berkas', { exact: true }).setInputFiles({
      name: 'ekspor-harian.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv(fixed)),
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByText(/3 baris siap: 3 baru/).waitFor();
    await page.getByRole('button', { name: 'Impor sekarang' }).click();
    await page.getByText('Impor selesai: 3 baru, 0 berubah, 0 sama.').first().waitFor();

    // The XLSX of another counter, with Indonesian headers: first with a missing name, then fixed.
    const xlsxRow = [
      'TST2612000201',
      'TST',
      '',
      '1968-11-30',
      'e-paspor',
      'baru',
      'booked',
      earlier(5),
      today,
    ];
    await page.getByLabel('Berkas', { exact: true }).setInputFiles({
      name: 'loket-2.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([xlsxRow]),
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    expect(await problemRows(page)).toEqual([['2', 'Nama Pemohon', expect.stringContaining('wajib diisi')]]);
    xlsxRow[2] = 'Bambang Sutrisno';
    await page.getByLabel('Berkas', { exact: true }).setInputFiles({
      name: 'loket-2.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([xlsxRow]),
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByRole('button', { name: 'Impor sekarang' }).click();
    await page.getByText('Impor selesai: 1 baru, 0 berubah, 0 sama.').first().waitFor();
    expect((await t.db.selectFrom('passport_applications').select('id').execute()).length).toBe(4);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('finds applications by number, name and date of birth, links a case with the keyboard, and shows the stage beside the case', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, supervisor);
    await page.getByRole('link', { name: 'Paspor', exact: true }).click();
    await page.getByRole('heading', { name: 'Permohonan paspor' }).waitFor();
    const search = page.getByLabel('Nomor atau nama');
    const numbers = () => page.locator('table tbody tr td:first-child').allTextContents();

    await search.fill('TST2612000102');
    await search.press('Enter');
    await expect.poll(numbers).toEqual(['TST2612000102']);
    await search.fill('bambang');
    await search.press('Enter');
    await expect.poll(numbers).toEqual(['TST2612000201']);
    await search.fill('');
    await page.getByLabel('Tanggal lahir').fill('1991-02-14');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect.poll(numbers).toEqual(['TST2612000101']);
    await axe(page, 'passport search');

    await page.getByRole('link', { name: 'TST2612000101' }).click();
    await page.getByRole('heading', { name: 'TST2612000101 · Ratna Kumalasari' }).waitFor();
    const timeline = page.locator('ol.timeline');
    expect(await timeline.textContent()).toContain('Terdaftar');
    expect(await timeline.textContent()).toContain('Sumber: impor');
    expect(await page.locator('dl.details').textContent()).toContain('Paspor elektronik · 10 tahun');
    await page.getByText('Belum ada laporan terkait.').waitFor();

    // Keyboard only: Tab to the link field, type the tracking code, Enter.
    await page.locator('h1').click();
    await tabTo(page, /Tautkan laporan/);
    await page.keyboard.type(caseCode);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Laporan ditautkan.').waitFor();
    await page.getByRole('link', { name: caseCode }).waitFor();
    // The applicant phoned to refuse notifications: the withdrawal is recorded and shown with its time and source.
    await page.getByRole('button', { name: 'Catat penarikan persetujuan' }).click();
    await page
      .getByRole('status')
      .getByText(/Penarikan persetujuan dicatat/)
      .waitFor();
    await page.getByText(/dicatat petugas/).waitFor();
    await axe(page, 'passport application');
    await page.screenshot({ path: path.join(RESULTS, 'console-passport-application.png'), fullPage: true });

    // The case page shows the application's current stage beside the case.
    await page.getByRole('link', { name: caseCode }).click();
    const beside = page.locator('section[aria-labelledby="passport-beside"]');
    await beside.waitFor();
    expect(await beside.textContent()).toContain('TST2612000101');
    expect(await beside.textContent()).toContain('Terdaftar');
    await beside.getByRole('link', { name: 'TST2612000101' }).click();
    await page.getByRole('heading', { name: 'TST2612000101 · Ratna Kumalasari' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('reports applications per stage for the period', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, supervisor);
    await page.getByRole('link', { name: 'Laporan paspor' }).click();
    await page.getByRole('heading', { name: 'Laporan permohonan paspor' }).waitFor();
    await page.getByText('Total: 4').first().waitFor();
    const perStage = page.locator('table').first();
    const rows = (await perStage.locator('tbody tr').allTextContents()).join('|');
    expect(rows).toContain('Terdaftar2');
    expect(rows).toContain('Dibayar1');
    expect(rows).toContain('Berkas diperiksa1');
    await axe(page, 'passport report');
    await page.screenshot({ path: path.join(RESULTS, 'console-passport-report.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
