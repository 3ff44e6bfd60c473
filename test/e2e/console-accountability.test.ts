import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/connection.js';
import type { StaffUser } from '../../src/server/modules/accounts/model.js';
import { chainAllEvents } from '../../src/test-support/audit.js';
import { ENGINE } from '../../src/test-support/engine.js';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  type TestApp,
} from '../../src/test-support/factories.js';
import { PDF } from '../../src/test-support/portal-client.js';
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
 * The accountability screens of the console (issue #10) in Debian's Chromium, against the real app: the integrity
 * officer enrols and unlocks a key, reads a report sent through the portal (with a file) and answers, and the
 * reporter reads the answer by receipt; a supervisor handles a data-subject erasure request on its 3 × 24-hour
 * clock; an auditor browses the trail with filters, verifies it, and after a direct database edit sees the broken
 * link's position. The key actions are done with the keyboard alone, and every screen passes axe-core.
 */
if (!chromiumAvailable) console.warn(`Browser tests skipped: ${CHROMIUM} is missing.`);
const PASSPHRASE = 'ombak-besar-di-pantai-kuta-pagi-hari';

/** What an attacker with database access does first: remove the append-only triggers. */
async function dropProtection(db: Db): Promise<void> {
  for (const table of ['events', 'audit_chain', 'audit_checkpoints']) {
    if (ENGINE === 'postgres') {
      await sql`drop trigger if exists ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
    } else {
      await sql`drop trigger if exists ${sql.raw(`${table}_no_update`)}`.execute(db);
      await sql`drop trigger if exists ${sql.raw(`${table}_no_delete`)}`.execute(db);
    }
  }
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
let officer: StaffUser;
let auditor: StaffUser;
let supervisor: StaffUser;
let erasureCase: string;

describe.skipIf(!chromiumAvailable)('accountability screens of the console in a browser', () => {
  beforeAll(async () => {
    buildConsoleIfStale();
    t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-e2e-accountability-')) });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(t.db, 'TST');
    officer = await buildStaff(t.db, {
      roles: ['integrity_officer'],
      officeId,
      displayName: 'Wulan Integritas',
    });
    auditor = await buildStaff(t.db, { roles: ['auditor'], officeId, displayName: 'Anton Auditor' });
    supervisor = await buildStaff(t.db, { roles: ['supervisor'], officeId, displayName: 'Sari Supervisor' });
    for (let i = 0; i < 5; i++) await buildCase(t.db, { subject: `Antrean loket ${i + 1}` });
    erasureCase = (
      await buildCase(t.db, {
        subject: 'Mohon data saya dihapus',
        contact: { name: 'Yohanes Hapus', email: 'yohanes.hapus@example.com' },
      })
    ).case.trackingCode;
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

  /** Roles that must use two-step verification enrol it on first sign-in, as a real officer does. */
  async function enrolTwoFactor(page: Page) {
    await expect.poll(() => page.locator('img.qr').count()).toBe(1);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Kode').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    await page.getByRole('heading', { name: 'Kode pemulihan Anda' }).waitFor();
    await page.getByRole('button', { name: /Sudah saya simpan/ }).click();
  }

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

  /**
   * Moves the focus with Tab only until the element whose accessible text matches has it, and fails if it is not
   * reachable: the keyboard-usability check. Returns with that element focused.
   */
  async function tabTo(page: Page, text: RegExp, maxSteps = 80) {
    for (let i = 0; i < maxSteps; i++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(FOCUSED_TEXT)) as string;
      if (text.test(focused)) return;
    }
    throw new Error(`${text} is not reachable with Tab`);
  }

  it('an integrity officer enrols and unlocks a key with the keyboard, reads a portal report with its file and answers; the reporter reads it by receipt', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, officer);
    await enrolTwoFactor(page);
    await page.getByRole('link', { name: 'Laporan integritas' }).click();
    await page.getByRole('heading', { name: 'Buat kunci petugas integritas' }).waitFor();
    await axe(page, 'integrity enrolment');
    // Keyboard only: Tab to the passphrase fields, type, and press Enter.
    await tabTo(page, /^Frasa sandi/);
    await page.keyboard.type(PASSPHRASE);
    await tabTo(page, /Ulangi frasa sandi/);
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Buka kunci laporan' }).waitFor();
    await page.getByText('Belum ada laporan integritas.').waitFor();

    // A reporter sends a report with a photo of the evidence through the portal (JavaScript solves the challenge).
    const portal = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const reporter = await portal.newPage();
    await reporter.goto(`${base}/integrity`);
    await reporter.check('#f-category-pungli');
    await reporter.fill(
      '#f-description',
      'Petugas loket 2 meminta Rp300.000 agar wawancara paspor didahulukan.',
    );
    await reporter.setInputFiles('#f-files', {
      name: 'bukti-transfer.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await reporter.click('button:has-text("Kirim laporan")');
    await reporter.waitForSelector('#integrity-receipt', { timeout: 60_000 });
    const receipt = (await reporter.textContent('#integrity-receipt'))!.trim();

    // The officer unlocks with the passphrase (keyboard), opens the report and sees text and file.
    await page.reload();
    await page.getByRole('heading', { name: 'Buka kunci laporan' }).waitFor();
    await tabTo(page, /^Frasa sandi/);
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText(/Kunci terbuka sampai/).waitFor();
    await tabTo(page, /^Buka$/);
    await page.keyboard.press('Enter');
    await page.getByText('meminta Rp300.000 agar wawancara').waitFor();
    const file = page.getByRole('link', { name: /Unduh bukti-transfer\.pdf/ });
    await file.waitFor();
    const download = await context.request.get(`${base}${await file.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    await axe(page, 'integrity report');
    await page.screenshot({ path: path.join(RESULTS, 'console-integrity-report.png'), fullPage: true });

    await page.getByLabel('Pesan untuk pelapor').fill('Terima kasih. Apakah ada saksi lain saat itu?');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await page.getByRole('status').getByText('Pesan terkirim').waitFor();
    await page.locator('.timeline').getByText('Apakah ada saksi lain').waitFor();

    // The reporter, with nothing but the receipt, reads the answer.
    await reporter.goto(`${base}/integrity/follow-up`);
    await reporter.fill('#f-receipt', receipt);
    await reporter.click('button:has-text("Buka laporan")');
    expect(await reporter.textContent('.timeline')).toContain('Apakah ada saksi lain saat itu?');
    expect(await reporter.textContent('main')).toContain('bukti-transfer.pdf');
    await portal.close();
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('a supervisor records an erasure request, sees its 3 × 24-hour clock, and erases the contact details', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, supervisor);
    await page.getByRole('link', { name: 'Data pribadi' }).click();
    await page.getByRole('heading', { name: 'Permintaan subjek data' }).waitFor();
    await page.getByLabel('Jenis').selectOption('erasure');
    await page.getByLabel('Kode pelacakan').fill(erasureCase);
    await page.getByLabel('Keterangan').fill('Diminta lewat telepon, identitas sudah dicocokkan.');
    // Keyboard: Enter in the form sends it.
    await page.getByLabel('Keterangan').press('Enter');
    await page.getByRole('status').getByText('Permintaan dicatat').waitFor();
    const row = page.locator('tbody tr', { hasText: erasureCase });
    await row.waitFor();
    // Just received: 72 hours left (3 × 24 h), and the deadline is shown.
    expect(await row.textContent()).toMatch(/sisa (72|71) jam/);
    expect(await row.textContent()).toContain('paling lambat');
    await axe(page, 'privacy requests');

    page.once('dialog', (dialog) => void dialog.accept('Kontak dihapus sesuai permintaan pemohon.'));
    await row.getByRole('button', { name: 'Hapus kontak' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Permintaan ditutup').waitFor();
    await expect.poll(async () => row.textContent()).toContain('Selesai');
    const stored = await t.db
      .selectFrom('cases')
      .select(['contact_name', 'contact_email'])
      .where('tracking_code', '=', erasureCase)
      .executeTakeFirstOrThrow();
    expect(stored.contact_email).toBeNull();
    expect(stored.contact_name).not.toBe('Yohanes Hapus');
    await page.screenshot({ path: path.join(RESULTS, 'console-privacy.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('an auditor browses the trail with filters, verifies it intact, then sees the broken link after a database edit', async () => {
    await chainAllEvents(t.db);
    const { context, page, problems } = await staffBrowser();
    await signIn(page, auditor);
    await page.getByRole('link', { name: 'Jejak audit' }).click();
    await page.getByRole('heading', { name: 'Jejak audit' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();

    // Filter by action: only case creations remain.
    await page.getByLabel('Tindakan').fill('case.created');
    await page.getByLabel('Tindakan').press('Enter');
    await expect
      .poll(async () => (await page.locator('table tbody tr td:nth-child(3)').allTextContents()).join('|'))
      .toMatch(/^case\.created(\|case\.created)*$/);
    // Filter by case: only that case's events.
    await page.getByLabel('Tindakan').fill('');
    await page.getByLabel('Laporan', { exact: true }).fill(erasureCase);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect
      .poll(async () => new Set(await page.locator('table tbody tr td:nth-child(4)').allTextContents()))
      .toEqual(new Set([erasureCase]));
    expect(await page.getByRole('link', { name: 'Ekspor CSV' }).getAttribute('href')).toContain(
      `case=${erasureCase}`,
    );
    await axe(page, 'audit trail');

    // Verify with the keyboard: intact.
    await page.locator('h1').click();
    await tabTo(page, /Periksa rantai sekarang/);
    await page.keyboard.press('Enter');
    await page.getByText(/Rantai utuh: \d+ entri diperiksa/).waitFor();

    // Someone with database access edits the third chained event.
    await dropProtection(t.db);
    const third = await t.db
      .selectFrom('audit_chain')
      .select(['seq', 'event_id'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('events')
      .set({ payload: '{"trackingCode":"DIUBAH"}' })
      .where('id', '=', third.event_id)
      .execute();
    await page.getByRole('button', { name: 'Periksa rantai sekarang' }).click();
    await page.getByText(/Rantai RUSAK pada entri 3 \(/).waitFor();
    await page.getByText(/kejadian yang dicatat diubah/).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'console-audit-broken.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
