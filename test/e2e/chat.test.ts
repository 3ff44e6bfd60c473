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
import { invalidateCalendars, replaceWorkingHours } from '../../src/server/modules/calendar/storage.js';
import { addStaffMessage } from '../../src/server/modules/cases/add-message.js';
import { findCaseByTrackingCode } from '../../src/server/modules/cases/storage.js';
import { acceptChat, setAvailability } from '../../src/server/modules/chat/agents.js';
import { listWaiting } from '../../src/server/modules/chat/storage.js';
import { findFirstOffice } from '../../src/server/modules/offices/storage.js';
import { ChatClient } from '../../src/test-support/chat-client.js';
import { createTestDatabase } from '../../src/test-support/database.js';
import { buildConfig, buildStaff, STAFF_PASSWORD, TEST_SECRET } from '../../src/test-support/factories.js';
import { axeSource, CHROMIUM, chromiumAvailable, launchChromium, RESULTS } from './chromium.js';

/**
 * Live chat in Debian's Chromium: the widget (loaded only when opened) from a question to the assistant, through
 * the hand-off, to an agent's reply — across a dropped connection — and the full-page chat without JavaScript;
 * axe-core on both, the keyboard, and no CSP violations.
 */
const available = chromiumAvailable;
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium).`);

let app: FastifyInstance;
let base: string;
let browser: Browser;
let db: Db;
let officeId: string;
let agent: StaffUser;

describe.skipIf(!available)('live chat in a browser', () => {
  beforeAll(async () => {
    const database = await createTestDatabase();
    db = database.db;
    await seedDemo(db, TEST_SECRET);
    const office = (await findFirstOffice(db))!;
    officeId = office.id;
    // Open all week, so the test does not depend on when it runs.
    await replaceWorkingHours(
      db,
      officeId,
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 0, closes: 1440 })),
    );
    invalidateCalendars(db);
    agent = await buildStaff(db, { roles: ['agent'], officeId, displayName: 'Dewi' });
    const config = buildConfig({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-chat-e2e-')) });
    app = await buildApp(
      { db, dialect: database.dialect, config, limiters: createLimiters(config.rateLimits) },
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

  async function visitor(javaScript = true) {
    const context = await browser.newContext({
      javaScriptEnabled: javaScript,
      viewport: { width: 360, height: 740 },
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

  it('takes a question in the widget to an agent and brings the reply back, across a dropped connection', async () => {
    await setAvailability(db, agent, officeId, 'online');
    const { context, page, problems } = await visitor();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${base}/`);
    // The widget costs nothing until it is opened.
    expect(scripts.some((s) => /\/assets\/chat\./.test(s))).toBe(false);
    await page.focus('.chat-launch');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.chat-panel:not([hidden])');
    expect(scripts.some((s) => /\/assets\/chat\./.test(s))).toBe(true);
    expect(await page.evaluate('document.activeElement?.id')).toBe('chat-input');
    expect(await page.getAttribute('.chat-log', 'aria-live')).toBe('polite');

    await page.keyboard.type('Berapa biaya paspor elektronik?');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.chat-msg--visitor:not(.chat-msg--pending)');
    await page.waitForSelector('.chat-msg--assistant');
    await axe(page, 'widget with an answer');

    await page.click('text=Bicara dengan petugas');
    await page.waitForSelector('.chat-receipt:not([hidden])');
    const receipt = (await page.textContent('.chat-receipt')) ?? '';
    const code = /([A-Z]{3}-\d{2}-[0-9A-Z]{7})/.exec(receipt)?.[1];
    expect(code).toBeDefined();
    await page.waitForSelector('.chat-status:has-text("antrean")');

    // The console side: the chat waits in the queue as a case; the agent accepts it.
    const [waiting] = await listWaiting(db, officeId);
    expect(waiting).toBeDefined();
    await acceptChat(db, agent, officeId, waiting!.id);
    await page.waitForSelector('.chat-msg--system:has-text("Dewi")');

    // The phone loses its connection: the server drops every socket; the agent replies meanwhile.
    for (const client of app.websocketServer.clients) client.terminate();
    const current = (await findCaseByTrackingCode(db, code!))!;
    await addStaffMessage(db, { type: 'staff', id: agent.id, name: 'Dewi' }, current, {
      kind: 'public_reply',
      body: 'Biaya paspor elektronik 10 tahun Rp650.000.',
    });
    await page.waitForSelector('.chat-msg--agent:has-text("Rp650.000")', { timeout: 15_000 });
    expect(await page.locator('.chat-msg--agent').count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, 'chat-widget.png') });
    expect(problems).toEqual([]);
    await context.close();
    await setAvailability(db, agent, officeId, 'away');
  }, 60_000);

  for (const javaScript of [false, true]) {
    it(`works as a page of forms ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      const { context, page, problems } = await visitor(javaScript);
      // axe needs JavaScript: the same server-rendered pages are checked in the run with it.
      const check = (label: string) => (javaScript ? axe(page, label) : Promise.resolve());
      await page.goto(`${base}/`);
      if (javaScript) await page.goto(`${base}/chat`);
      else await page.click('.chat-launch');
      await page.waitForURL(/\/chat$/);
      await check('chat start page');
      await page.fill('#f-body', 'Jam buka kantor?');
      await page.click('button:has-text("Mulai obrolan")');
      await page.waitForSelector('.chat-msg--assistant');
      await page.click('button:has-text("Bicara dengan petugas")');
      await page.waitForSelector('.chat-receipt');
      await check('chat with a receipt');
      const codeText = (await page.textContent('.chat-receipt dd.code')) ?? '';
      expect(codeText).toMatch(/^[A-Z]{3}-/);
      await page.fill('#f-body', 'Terima kasih');
      await page.click('button:has-text("Kirim")');
      await page.waitForSelector('.chat-msg--visitor:has-text("Terima kasih")');
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('lets an agent take the chat in the console panel by keyboard and reply live', async () => {
    const console = await buildStaff(db, { roles: ['agent'], officeId, displayName: 'Sari' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${base}/console/`);
    await page.getByLabel('E-mail').fill(console.email);
    await page.getByLabel('Kata sandi').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Obrolan langsung' }).click();
    const toggle = page.getByRole('button', { name: /Tidak tersedia/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Daring/ }).waitFor();

    // A visitor (the widget's protocol) asks for a person: the chat appears in the queue live.
    const visitorSocket = await ChatClient.open(`${base.replace('http', 'ws')}/api/v1/chat/socket`);
    visitorSocket.send({ t: 'start', lang: 'id' });
    await visitorSocket.waitFor((f) => f.t === 'ready');
    visitorSocket.send({
      t: 'send',
      id: 'e2e-console-1',
      body: 'Apakah bisa perpanjang paspor di hari Sabtu?',
    });
    await visitorSocket.waitFor((f) => f.t === 'msg' && f.author === 'assistant');
    visitorSocket.send({ t: 'agent' });
    const accept = page.getByRole('button', { name: 'Terima' }).first();
    await accept.waitFor();
    await accept.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('log').getByText('Apakah bisa perpanjang paspor').waitFor();
    visitorSocket.send({ t: 'typing', on: true });
    await page.getByText('Pengunjung sedang mengetik…').waitFor();
    await axe(page, 'console chat panel');

    await page.getByLabel('Balasan').fill('Bisa, layanan Sabtu buka pukul 08.00.');
    await page.getByLabel('Balasan').press('Enter');
    const reply = await visitorSocket.waitFor((f) => f.t === 'msg' && f.author === 'agent');
    expect(reply).toMatchObject({ body: 'Bisa, layanan Sabtu buka pukul 08.00.', name: 'Sari' });
    await page.getByRole('log').getByText('layanan Sabtu').waitFor();
    expect(problems).toEqual([]);
    visitorSocket.kill();
    await context.close();
  }, 60_000);
});
