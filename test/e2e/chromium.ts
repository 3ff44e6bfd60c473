import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { STAFF_PASSWORD } from '../../src/test-support/factories.js';

/** Debian's Chromium (installed by .ci/run with apt); the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/** Screenshots go here; CI keeps the folder as an artifact. */
export const RESULTS = path.resolve('test-results');

/** axe-core's source, injected with page.evaluate because the strict CSP refuses inline script tags. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Headless Chromium with the flags this closed network needs; Playwright gives it a fresh user-data-dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const CONSOLE_SOURCE = path.resolve('src/console');
const CONSOLE_BUILT = path.resolve('dist/console/index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the console when dist/console is missing or older than src/console, so the browser tests see the source. */
export function buildConsoleIfStale(): void {
  if (!existsSync(CONSOLE_BUILT) || statSync(CONSOLE_BUILT).mtimeMs < newestSource(CONSOLE_SOURCE))
    execFileSync(path.resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
}

/** Signs a test staff member (password STAFF_PASSWORD) in on the console's sign-in page, in Indonesian. */
export async function signInToConsole(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/console/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
