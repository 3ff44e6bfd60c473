import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CITIZEN_ACTOR } from '../../src/server/events/catalogue.js';
import type { StaffUser } from '../../src/server/modules/accounts/model.js';
import { findCaseByTrackingCode } from '../../src/server/modules/cases/storage.js';
import { transitionCase } from '../../src/server/modules/cases/transition-case.js';
import { giveCaseFeedback } from '../../src/server/modules/surveys/case-feedback.js';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  sessionHeaders,
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
 * The staff console in Debian's Chromium (never a downloaded browser), against the real app on this test's
 * database: 2FA enrolment, handling a case end to end, keyboard only, axe-core, and 1366×768 screenshots saved
 * under test-results/. The console is built first when dist/console is missing or older than src/console.
 */
const available = chromiumAvailable;
if (!available)
  console.warn(`Console browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium).`);

let t: TestApp;
let base: string;
let browser: Browser;
let agent: StaffUser;
let admin: StaffUser;
let sample: { case: { trackingCode: string } }[];

describe.skipIf(!available)('staff console in a browser', () => {
  beforeAll(async () => {
    buildConsoleIfStale();
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(t.db, 'TST');
    agent = await buildStaff(t.db, { roles: ['agent'], officeId, displayName: 'Rina Agen' });
    admin = await buildStaff(t.db, { roles: ['admin', 'supervisor'], officeId, displayName: 'Budi Admin' });
    sample = [];
    for (let i = 0; i < 4; i++) {
      sample[i] = await buildCase(t.db, {
        subject: [
          'Antrean paspor terlalu lama',
          'Biaya paspor elektronik',
          'Perpanjangan izin tinggal',
          'Terima kasih petugas',
        ][i]!,
        type: (['complaint', 'request', 'request', 'compliment'] as const)[i],
        categoryCode: i === 2 ? 'perpanjangan' : 'antrean',
      });
    }
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * A fresh browser profile at a laptop size; CSP violations and third-party requests are collected. When a test
   * fails, its page's last API calls are printed (method, path, status, time), with what the page shows in toasts
   * and alerts: the rare "success toast that never came" must say whether the request failed, hung or succeeded.
   */
  async function staffBrowser(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const apiCalls = recordApiCalls(page);
    onTestFailed(async () => {
      const shown = async (selector: string) =>
        (
          await page
            .locator(selector)
            .allTextContents()
            .catch((e) => [String(e)])
        ).join(' | ');
      console.error(
        `console at failure — toasts: ${await shown('.toasts')}; alerts: ${await shown('[role="alert"]')}\n` +
          `last API calls:\n  ${apiCalls.slice(-15).join('\n  ')}`,
      );
    });
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

  /** The page's API calls as they end, e.g. `POST /api/v1/staff/cases/…/messages after 35 ms: 201` (or: failed). */
  function recordApiCalls(page: Page): string[] {
    const calls: string[] = [];
    const started = new Map<Request, number>();
    const summary = (request: Request) =>
      `${request.method()} ${new URL(request.url()).pathname} after ${Date.now() - (started.get(request) ?? 0)} ms:`;
    page.on('request', (request) => {
      if (request.url().includes('/api/')) started.set(request, Date.now());
    });
    page.on('requestfinished', async (request) => {
      if (!started.has(request)) return;
      calls.push(
        `${summary(request)} ${(await request.response().catch(() => null))?.status() ?? 'no response'}`,
      );
    });
    page.on('requestfailed', (request) => {
      if (started.has(request)) calls.push(`${summary(request)} failed (${request.failure()?.errorText})`);
    });
    return calls;
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

  async function newPublicCase(subject: string) {
    const response = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'complaint',
        officeCode: 'TST',
        categoryCode: 'antrean',
        subject,
        description: 'Sudah tiga kali datang, nomor antrean selalu habis sebelum jam delapan.',
        contact: { name: 'Dewi Lestari', email: 'dewi@example.com' },
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { trackingCode: string; accessKey: string };
  }

  it('serves the console with a strict CSP, immutable assets, an SPA fallback, and answers 503 without a build', async () => {
    const index = await fetch(`${base}/console/cases/TST-26-XXXX`);
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await index.text();
    // Vite's build must not need inline scripts or styles.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
    const asset = html.match(/\/console\/assets\/[^"]+\.js/)![0];
    const js = await fetch(`${base}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/console/assets/missing.js`)).status).toBe(404);

    const { buildApp } = await import('../../src/server/app.js');
    const { consoleStatic } = await import('../../src/server/http/console-static.js');
    expect(typeof buildApp).toBe('function');
    const Fastify = (await import('fastify')).default;
    const bare = Fastify();
    await bare.register(consoleStatic, { root: path.join(RESULTS, 'no-console-here') });
    const missing = await bare.inject({ url: '/console' });
    expect(missing.statusCode).toBe(503);
    expect(missing.body).toContain('npm run build');
    await bare.close();
  });

  it('an administrator signs in, enrols two-step verification and sees the inbox', async () => {
    const { context, page, problems } = await staffBrowser();
    await signIn(page, admin);
    await expect.poll(() => page.locator('img.qr').count()).toBe(1);
    expect(await page.locator('img.qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Kode').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    await page.getByRole('heading', { name: 'Kode pemulihan Anda' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: /Sudah saya simpan/ }).click();
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    await page.getByRole('link', { name: /Semua kasus/ }).click();
    await page.getByRole('link', { name: 'Antrean paspor terlalu lama' }).waitFor();
    // The administration screens are there for an admin.
    await page.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await page.getByRole('heading', { name: 'Pengguna' }).waitFor();
    await page.getByText(agent.email).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an agent finds a new case by search, replies, changes the status, and the citizen sees both', async () => {
    const created = await newPublicCase('Nomor antrean zamrud habis');
    const { context, page, problems } = await staffBrowser();
    await signIn(page, agent);
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    await page.getByRole('link', { name: /Semua kasus/ }).click();
    await page.getByLabel('Cari di judul dan uraian').fill('zamrud');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect.poll(() => page.locator('.case-table tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Nomor antrean zamrud habis' }).click();
    await page.getByRole('heading', { name: 'Nomor antrean zamrud habis' }).waitFor();
    expect(await page.locator('.properties').textContent()).toContain('Dewi Lestari');

    await page.getByLabel('Balas ke pelapor').first().check();
    await page
      .locator('#composer-body')
      .fill('Terima kasih, Ibu Dewi. Kuota tambahan dibuka setiap pukul 07.00.');
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    await page.getByRole('status').getByText('Balasan terkirim ke pelapor.').waitFor();
    await page.locator('.message-public_reply').getByText('Kuota tambahan dibuka').waitFor();

    await page.getByLabel('Catatan internal').check();
    await page.locator('#composer-body').fill('Cek kuota harian dengan tim antrean.');
    await page.getByRole('button', { name: 'Tambah catatan' }).click();
    await page.locator('.message-internal_note').getByText('Cek kuota harian').waitFor();

    await page.getByLabel('Ubah status').selectOption('in_progress');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('status').getByText('Status diubah menjadi “Diproses”.').waitFor();
    await page.getByRole('button', { name: 'Ambil kasus' }).click();
    await page.getByRole('status').getByText('Kasus ini sekarang milik Anda.').waitFor();

    const publicView = await fetch(`${base}/api/v1/cases/${created.trackingCode}`, {
      headers: { 'x-access-key': created.accessKey },
    });
    const body = (await publicView.json()) as { status: string; timeline: { kind: string; body?: string }[] };
    expect(body.status).toBe('in_progress');
    expect(body.timeline.some((e) => e.kind === 'message' && e.body?.includes('Kuota tambahan dibuka'))).toBe(
      true,
    );
    expect(JSON.stringify(body)).not.toContain('Cek kuota harian');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with the keyboard alone: search, next case, open, reply', async () => {
    await newPublicCase('Paspor rusak terkena banjir');
    const { context, page, problems } = await staffBrowser();
    await signIn(page, agent);
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    await page.goto(`${base}/console/inbox/unassigned`);
    await page.getByRole('heading', { name: /Belum ditugaskan/ }).waitFor();
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('inbox-search');
    await page.keyboard.type('banjir');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.case-table tbody tr').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Paspor rusak terkena banjir');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Paspor rusak terkena banjir' }).waitFor();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('composer-body');
    await page.keyboard.type('Mohon datang ke loket dengan paspor lama.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').getByText('Balasan terkirim ke pelapor.').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Pintasan keyboard' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await page.getByRole('heading', { name: /Belum ditugaskan/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the citizen’s rating beside a resolved case', async () => {
    const code = sample[3]!.case.trackingCode;
    const system = { type: 'system' as const, id: null, name: null };
    await transitionCase(t.db, system, code, { to: 'in_progress' });
    await transitionCase(t.db, system, code, { to: 'resolved' });
    const resolved = await findCaseByTrackingCode(t.db, code);
    await giveCaseFeedback(t.db, CITIZEN_ACTOR, resolved!, {
      rating: 4,
      comment: 'Petugasnya ramah sekali.',
    });
    const { context, page, problems } = await staffBrowser();
    await signIn(page, agent);
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    await page.goto(`${base}/console/cases/${code}`);
    const panel = page.getByRole('region', { name: 'Penilaian pelapor' });
    await panel.getByText('Nilai 4 dari 5').waitFor();
    expect(await panel.textContent()).toContain('Petugasnya ramah sekali.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no axe-core violations on sign-in, inbox and case view, and saves 1366×768 screenshots', async () => {
    // A case with some history: a reply, an internal note and a status change.
    const headers = await sessionHeaders(t.db, agent, t.config);
    const code = sample[0]!.case.trackingCode;
    const call = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
    await call(`/api/v1/staff/cases/${code}/messages`, {
      kind: 'public_reply',
      body: 'Mohon maaf atas antreannya.',
    });
    await call(`/api/v1/staff/cases/${code}/messages`, {
      kind: 'internal_note',
      body: 'Cek jadwal petugas loket 3.',
    });
    const moved = await call(`/api/v1/staff/cases/${code}/transitions`, { to: 'in_progress', version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);

    const { context, page, problems } = await staffBrowser();
    await page.goto(`${base}/console/`);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    await axe(page, 'sign-in');
    await signIn(page, agent);
    await page.getByRole('heading', { name: /Milik saya/ }).waitFor();
    await page.getByRole('link', { name: /Semua kasus/ }).click();
    await page.getByRole('link', { name: 'Antrean paspor terlalu lama' }).waitFor();
    await axe(page, 'inbox');
    await page.screenshot({ path: path.join(RESULTS, 'console-inbox.png') });
    await page.getByRole('link', { name: 'Antrean paspor terlalu lama' }).click();
    await page.getByRole('heading', { name: 'Antrean paspor terlalu lama' }).waitFor();
    await page.locator('.message-internal_note').waitFor();
    await axe(page, 'case view');
    await page.screenshot({ path: path.join(RESULTS, 'console-case.png') });
    // English, for reviewers who do not read Indonesian.
    await page.locator('.topbar select').selectOption('en');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: path.join(RESULTS, 'console-case-en.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
