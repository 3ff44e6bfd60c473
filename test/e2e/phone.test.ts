import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/server/modules/accounts/model.js';
import { seedDemoMessaging } from '../../src/server/modules/messaging/demo.js';
import { createApiKey } from '../../src/server/modules/passports/api-keys.js';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  STAFF_PASSWORD,
  type TestApp,
} from '../../src/test-support/factories.js';
import { axeSource, buildConsoleIfStale, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/**
 * The phone and counter desk in Debian's Chromium, keyboard only: an agent opens the form with `g t`, logs a call
 * answered on the spot without touching the mouse, sets their extension, and a call from the office PBX pops the
 * caller's history into their console over the live stream.
 */

let t: TestApp;
let base: string;
let browser: Browser;
let agent: StaffUser;
let ctiKey: string;
let knownCase: string;

describe.skipIf(!chromiumAvailable)('phone and counter in the console', () => {
  beforeAll(async () => {
    buildConsoleIfStale();
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const officeId = await officeIdOf(t.db, 'TST');
    agent = await buildStaff(t.db, { roles: ['agent'], officeId, displayName: 'Rina' });
    ctiKey = (
      await createApiKey(
        t.db,
        { type: 'staff', id: null, name: 'Admin' },
        { officeId, name: 'PBX', permissions: ['cti:events'] },
      )
    ).key;
    // The caller wrote before, on the web form, with their number in another notation.
    knownCase = (await buildCase(t.db, { contact: { name: 'Siti Aminah', phone: '+62 812-0000-0001' } })).case
      .trackingCode;
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

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

  const focusedName = (page: Page) =>
    page.evaluate<string>("document.activeElement?.getAttribute('name') ?? ''");

  it('logs a call from the keyboard alone and pops the next caller live', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

    await page.goto(`${base}/console/`);
    await page.getByLabel('E-mail').focus();
    await page.keyboard.type(agent.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox\//);
    await page.locator('main').focus();

    // g t opens the form; the caller's number has the focus.
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.getByRole('heading', { name: 'Catat kontak telepon & loket' }).waitFor();
    await expect.poll(() => focusedName(page)).toBe('callerNumber');
    await page.keyboard.type('0812 0000 0001');
    // Their history appears beside the form while the call goes on.
    await page.getByRole('link', { name: knownCase }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('callerName');
    await page.keyboard.type('Siti Aminah');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('categoryCode');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('topic');
    await page.keyboard.type('Jam buka loket');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('answer');
    await page.keyboard.type('Loket buka Senin sampai Jumat pukul 08.00–15.00 WIB.');
    await axe(page, 'phone form');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Kontak dicatat.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('callerNumber');
    const logged = await t.db.selectFrom('logged_contacts').selectAll().execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      channel: 'phone',
      caller_number: '6281200000001',
      caller_name: 'Siti Aminah',
      topic: 'Jam buka loket',
      outcome: 'answered',
    });
    expect(logged[0]!.category_id).not.toBeNull();
    await page.screenshot({ path: path.join(RESULTS, 'console-phone.png'), fullPage: true });

    // The agent's extension, from their account page.
    await page.keyboard.press('Escape');
    await page.locator('main').focus();
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.getByLabel('Ekstensi', { exact: true }).focus();
    await page.keyboard.type('204');
    await page.keyboard.press('Enter');
    await page.getByText('Ekstensi disimpan.').waitFor();

    // The PBX reports a call ringing at 204: the console opens the phone page with the caller's history.
    const response = await fetch(`${base}/api/v1/channels/cti/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event: 'call.ringing',
        callId: 'pbx-9001',
        callerNumber: '6281200000001',
        extension: '204',
      }),
    });
    expect(await response.json()).toMatchObject({ status: 'screen_pop' });
    await page.locator('[data-screen-pop="pbx-9001"]').waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('/phone?call=pbx-9001');
    await page.getByRole('link', { name: knownCase }).waitFor();
    expect(await page.locator('input[name="callerNumber"]').inputValue()).toBe('+6281200000001');
    await page.screenshot({ path: path.join(RESULTS, 'console-screen-pop.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows WhatsApp delivery states on the messages and how a reply will go out', async () => {
    // The demo's conversations go through the real inbound path; their replies are recorded as read by WhatsApp.
    await seedDemoMessaging(t.db, t.config.secret, 'TST', new Date());
    const row = await t.db
      .selectFrom('channel_threads')
      .innerJoin('cases', 'cases.id', 'channel_threads.case_id')
      .select('cases.tracking_code')
      .where('channel_threads.external_user', '=', '6281234500017')
      .executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/console/`);
    await page.getByLabel('E-mail').fill(agent.email);
    await page.getByLabel('Kata sandi').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/inbox\//);
    await page.goto(`${base}/console/cases/${row.tracking_code}`);
    await page.locator('[data-delivery="read"]').first().waitFor();
    expect(await page.locator('[data-reply-mode]').getAttribute('data-reply-mode')).toBe('text');
    await page.getByText(/Balasan dikirim sebagai pesan biasa \(jendela 24 jam/).waitFor();
    await axe(page, 'WhatsApp case');
    // The call popped in the first test is not replayed to this newly connected console.
    await page.waitForTimeout(2500);
    expect(page.url()).toContain(`/cases/${row.tracking_code}`);
    await page.screenshot({ path: path.join(RESULTS, 'console-whatsapp-case.png'), fullPage: true });
    await context.close();
  }, 60_000);
});
