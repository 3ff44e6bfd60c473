import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeCase } from '../server/modules/cases/link-cases.js';
import { generateTrackingCode } from '../server/modules/cases/tracking-code.js';
import { transitionCase } from '../server/modules/cases/transition-case.js';
import { buildCase, buildConfig, createTestApp, STAFF, type TestApp } from '../test-support/factories.js';
import { EXE, hiddenValue, multipart, PDF, PNG, receiptOf, Visitor } from '../test-support/portal-client.js';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-portal-'));

beforeAll(async () => {
  t = await createTestApp({ dataDir });
});

const VALID = {
  category: 'antrean',
  subject: 'Antrean paspor terlalu lama',
  description: 'Saya menunggu empat jam di loket.',
  email: 'warga@example.com',
  consent: '1',
};

/** Fills in the form of a case type and returns the summary page's sealed draft. */
async function toSummary(
  visitor: Visitor,
  type = 'complaint',
  fields: Record<string, string> = VALID,
  files = [],
) {
  await visitor.get(`/submit/${type}`);
  const summary = await visitor.post(`/submit/${type}`, fields, files);
  expect(summary.statusCode, summary.body).toBe(200);
  return hiddenValue(summary.body, 'draft');
}

async function submitCase(visitor: Visitor, fields: Record<string, string> = VALID, type = 'complaint') {
  const draft = await toSummary(visitor, type, fields);
  const done = await visitor.post(`/submit/${type}/send`, { draft, action: 'send' });
  expect(done.statusCode, done.body).toBe(201);
  return receiptOf(done.body);
}

describe('portal pages', () => {
  const pages = [
    '/',
    '/search?q=paspor',
    '/integrity',
    '/submit',
    '/submit/complaint',
    '/submit/request',
    '/submit/opinion',
    '/submit/compliment',
    '/status',
  ];

  it.each(['id', 'en'])('renders every page in %s with the security headers', async (language) => {
    const visitor = new Visitor(t.app, { 'accept-language': language });
    for (const url of pages) {
      const response = await visitor.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain(`<html lang="${language}">`);
      expect(response.headers['content-language']).toBe(language);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.body).not.toMatch(/<script>|\sstyle="|\son\w+="/);
      expect(response.body).toContain(language === 'id' ? 'Kantor Imigrasi Uji' : 'Test Immigration Office');
    }
    const home = await visitor.get('/');
    expect(home.body).toContain(
      language === 'id' ? 'Apa yang ingin Anda ketahui?' : 'What would you like to know?',
    );
  });

  it('serves the stylesheet and script with long caching, and compresses pages', async () => {
    const home = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(home.headers['content-encoding']).toBe('br');
    const plain = await t.app.inject({ url: '/' });
    const css = /href="(\/assets\/portal\.[0-9a-f]+\.css)"/.exec(plain.body)![1]!;
    const js = /src="(\/assets\/portal\.[0-9a-f]+\.js)"/.exec(plain.body)![1]!;
    for (const url of [css, js]) {
      const asset = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(asset.headers['content-encoding']).toBe('gzip');
      const again = await t.app.inject({ url, headers: { 'if-none-match': String(asset.headers.etag) } });
      expect(again.statusCode).toBe(304);
    }
    expect((await t.app.inject({ url: '/assets/portal.000000000000.css' })).statusCode).toBe(404);
  });

  it('switches language, remembers it in a cookie and only redirects within the site', async () => {
    const visitor = new Visitor(t.app);
    const switched = await visitor.get('/language/en?next=%2Fstatus');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/status');
    expect(visitor.cookies.get('loket_lang')).toBe('en');
    expect((await visitor.get('/status')).body).toContain('Check the status of a report');
    expect((await visitor.get('/language/id?next=//evil.example')).headers.location).toBe('/');
    expect((await visitor.get('/')).body).toContain('<html lang="id">');
  });

  it('answers unknown pages with a 404 page in the visitor’s language, and unknown API paths with JSON', async () => {
    const page = await t.app.inject({ url: '/nowhere', headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Page not found');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const id = await t.app.inject({ url: '/submit/nonsense' });
    expect(id.statusCode).toBe(404);
    expect(id.body).toContain('Halaman tidak ditemukan');
    const api = await t.app.inject({ url: '/api/v1/nowhere' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('links the search box to a helpful page, not a dead end', async () => {
    const page = await t.app.inject({ url: '/search?q=%3Cb%3Ebiaya%3C%2Fb%3E' });
    expect(page.body).toContain('&lt;b&gt;biaya&lt;/b&gt;');
    expect(page.body).toContain('href="/submit/request?subject=%3Cb%3Ebiaya%3C%2Fb%3E"');
  });
});

describe('submitting a case', () => {
  it.each(['complaint', 'request', 'opinion', 'compliment'])(
    'accepts a %s through the summary page',
    async (type) => {
      const visitor = new Visitor(t.app);
      const receipt = await submitCase(visitor, VALID, type);
      expect(receipt.code).toMatch(/^TST-\d{2}-[0-9A-Z]{7}$/);
      const row = await t.db
        .selectFrom('cases')
        .selectAll()
        .where('tracking_code', '=', receipt.code)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ type, channel: 'web', language: 'id', contact_email: 'warga@example.com' });
      expect(visitor.last!.body).toContain('warga@example.com');
      expect(visitor.last!.headers['cache-control']).toBe('no-store');
    },
  );

  it('shows an error summary linked to each field', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/submit/complaint');
    const page = await visitor.post('/submit/complaint', { email: 'not-an-email', phone: 'abc' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Error: Make a complaint');
    expect(page.body).toContain('class="error-summary"');
    for (const field of ['subject', 'description', 'email', 'phone', 'consent']) {
      expect(page.body).toContain(`href="#f-${field}"`);
      expect(page.body).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
    }
    expect(page.body).toContain('Enter a valid email address');
    expect(page.body).toContain('value="not-an-email"');
  });

  it('lets the visitor change the report from the summary page', async () => {
    const visitor = new Visitor(t.app);
    const draft = await toSummary(visitor);
    const form = await visitor.post('/submit/complaint/send', { draft, action: 'change' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Antrean paspor terlalu lama"');
    const english = await visitor.post('/submit/complaint/send', { draft, action: 'review', lang: 'en' });
    expect(english.body).toContain('Check your report');
    expect(visitor.cookies.get('loket_lang')).toBe('en');
  });

  it('refuses forms without a valid CSRF token', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/submit/complaint');
    expect((await visitor.post('/submit/complaint', VALID, [], null)).statusCode).toBe(403);
    const wrong = await visitor.post('/submit/complaint', VALID, [], 'forged-token');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('Formulir kedaluwarsa');
    const stranger = new Visitor(t.app);
    expect((await stranger.post('/status', { code: 'x', key: 'y' }, [], visitor.csrf)).statusCode).toBe(403);
  });

  it('rejects a filled-in honeypot without creating a case', async () => {
    const before = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const visitor = new Visitor(t.app);
    await visitor.get('/submit/complaint');
    const page = await visitor.post('/submit/complaint', { ...VALID, website: 'http://spam.example' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('program otomatis');
    const after = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a tampered draft', async () => {
    const visitor = new Visitor(t.app);
    const draft = await toSummary(visitor);
    const [payload, signature] = draft.split('.');
    const changed = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    changed.v.subject = 'changed';
    const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
    expect((await visitor.post('/submit/complaint/send', { draft: forged, action: 'send' })).statusCode).toBe(
      403,
    );
  });

  it('sends the same case once when the summary is sent twice', async () => {
    const visitor = new Visitor(t.app);
    const draft = await toSummary(visitor);
    const first = receiptOf((await visitor.post('/submit/complaint/send', { draft, action: 'send' })).body);
    const second = receiptOf((await visitor.post('/submit/complaint/send', { draft, action: 'send' })).body);
    expect(second).toEqual(first);
  });
});

describe('attachments', () => {
  it('accepts a real PNG and PDF, stores them by content and shows them on the status page', async () => {
    const visitor = new Visitor(t.app);
    const draft = await toSummary(visitor, 'complaint', VALID, [
      { filename: 'foto antrean.png', content: PNG, type: 'image/png' },
      { filename: 'bukti.pdf', content: PDF, type: 'application/pdf' },
    ] as never);
    const done = await visitor.post('/submit/complaint/send', { draft, action: 'send' });
    const receipt = receiptOf(done.body);
    const rows = await t.db.selectFrom('case_attachments').selectAll().orderBy('file_name').execute();
    const mine = rows.filter((r) => ['foto antrean.png', 'bukti.pdf'].includes(r.file_name));
    expect(mine.map((r) => [r.file_name, r.media_type, r.message_id])).toEqual([
      ['bukti.pdf', 'application/pdf', null],
      ['foto antrean.png', 'image/png', null],
    ]);
    for (const row of mine)
      expect(existsSync(path.join(dataDir, 'attachments', row.sha256.slice(0, 2), row.sha256))).toBe(true);

    const status = await visitor.post('/status', receipt);
    expect(status.body).toContain('foto antrean.png');
    const id = mine.find((r) => r.file_name === 'bukti.pdf')!.id;
    const download = await visitor.post(`/status/attachments/${id}`, receipt);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const wrongKey = await visitor.post(`/status/attachments/${id}`, {
      ...receipt,
      key: 'AAAA-AAAA-AAAA-AAAA',
    });
    expect(wrongKey.statusCode).toBe(404);
    expect(wrongKey.headers['content-type']).toContain('text/html');
  });

  it.each([
    ['a PNG renamed .pdf', { filename: 'surat.pdf', content: PNG }, 'does not match the type in its name'],
    [
      'a program renamed .png',
      { filename: 'foto.png', content: EXE },
      'is not a photo (JPG, PNG, WebP) or a PDF',
    ],
    [
      'a file over 5 MB',
      { filename: 'besar.pdf', content: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) },
      'is larger than 5 MB',
    ],
  ])('refuses %s with a clear message', async (_name, file, message) => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/submit/complaint');
    const page = await visitor.post('/submit/complaint', VALID, [file]);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(
      `${file.filename} ${message}`.replace('surat.pdf does', 'The content of surat.pdf does'),
    );
    expect(page.body).toContain('href="#f-files"');
  });

  it('refuses more than five files', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/submit/complaint');
    const files = Array.from({ length: 6 }, (_, i) => ({ filename: `f${i}.png`, content: PNG }));
    const page = await visitor.post('/submit/complaint', VALID, files);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('At most 5 files');
  });

  it('keeps files already uploaded when another field needs fixing', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/submit/complaint');
    const page = await visitor.post('/submit/complaint', { ...VALID, subject: '' }, [
      { filename: 'a.png', content: PNG },
    ]);
    expect(page.statusCode).toBe(400);
    const kept = hiddenValue(page.body, 'kept');
    const sha = /name="keep-0" value="([0-9a-f]{64})"/.exec(page.body)![1]!;
    const summary = await visitor.post('/submit/complaint', { ...VALID, kept, 'keep-0': sha });
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('a.png');
  });
});

describe('escaping user content', () => {
  const XSS = `<script>alert('x')</script><img src=x onerror=alert(1)>"'&`;

  it('escapes subject, description and messages on every page', async () => {
    const visitor = new Visitor(t.app);
    const fields = { ...VALID, subject: XSS, description: XSS, name: XSS };
    const draft = await toSummary(visitor, 'complaint', fields);
    const summary = visitor.last!.body;
    const done = await visitor.post('/submit/complaint/send', { draft, action: 'send' });
    const receipt = receiptOf(done.body);
    await visitor.post('/status/reply', { ...receipt, body: XSS });
    const status = visitor.last!.body;
    for (const body of [summary, status]) {
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
      expect(body).toContain(
        '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;',
      );
    }
  });
});

describe('following a case', () => {
  it('shows the same message for a wrong key and an unknown code', async () => {
    const visitor = new Visitor(t.app);
    const receipt = await submitCase(visitor);
    await visitor.get('/status');
    const wrongKey = await visitor.post('/status', { code: receipt.code, key: 'AAAA-AAAA-AAAA-AAAA' });
    const unknown = await visitor.post('/status', {
      code: generateTrackingCode('TST', 2026),
      key: receipt.key,
    });
    const message = 'Kami tidak menemukan laporan dengan kode pelacakan dan kunci akses ini.';
    expect(wrongKey.statusCode).toBe(404);
    expect(wrongKey.body).toContain(message);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain(message);
    const malformed = await visitor.post('/status', { code: 'hello', key: receipt.key });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('href="#f-code"');
    const empty = await visitor.post('/status', { code: '', key: '' });
    expect(empty.body).toContain('href="#f-key"');
  });

  it('reads URL-encoded forms too (the forms without files send them)', async () => {
    const visitor = new Visitor(t.app);
    const receipt = await submitCase(visitor);
    const response = await t.app.inject({
      method: 'POST',
      url: '/status',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.cookieHeader() },
      payload: new URLSearchParams({ csrf: visitor.csrf, ...receipt }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`Laporan ${receipt.code}`);
  });

  it('shows the public timeline and takes a reply with an attachment', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    const receipt = await submitCase(visitor);
    const view = await visitor.post('/status', { code: receipt.code.toLowerCase(), key: receipt.key });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(`Report ${receipt.code}`);
    expect(view.body).toContain('Antrean paspor terlalu lama');
    expect(view.body).toContain('Received');
    const empty = await visitor.post('/status/reply', { ...receipt, body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-body"');
    const replied = await visitor.post('/status/reply', { ...receipt, body: 'Nomor permohonan 123' }, [
      { filename: 'ktp.png', content: PNG },
    ]);
    expect(replied.statusCode).toBe(200);
    expect(replied.body).toContain('Your reply has been sent.');
    expect(replied.body).toContain('Nomor permohonan 123');
    expect(replied.body).toContain('ktp.png');
    const rows = await t.db
      .selectFrom('case_attachments')
      .selectAll()
      .where('file_name', '=', 'ktp.png')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.message_id).not.toBeNull();
  });

  it('confirms a resolved case (→ closed) and reopens another (→ in progress)', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    const confirmCase = await buildCase(t.db);
    const reopenCase = await buildCase(t.db);
    for (const created of [confirmCase, reopenCase]) {
      await transitionCase(t.db, STAFF, created.case.trackingCode, { to: 'in_progress' });
      await transitionCase(t.db, STAFF, created.case.trackingCode, { to: 'resolved' });
    }
    await visitor.get('/status');
    const credentials = { code: confirmCase.case.trackingCode, key: confirmCase.accessKey };
    const view = await visitor.post('/status', credentials);
    expect(view.body).toContain('Has your problem been solved?');
    const version = hiddenValue(view.body, 'version');
    const confirmed = await visitor.post('/status/confirm', { ...credentials, version });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('This report is now closed.');
    expect(confirmed.body).toContain('tag--closed');
    expect(confirmed.body).not.toContain('Add a reply');
    const again = await visitor.post('/status/confirm', { ...credentials, version });
    expect(again.statusCode).toBe(409);

    const other = { code: reopenCase.case.trackingCode, key: reopenCase.accessKey };
    const before = await visitor.post('/status', other);
    const reopened = await visitor.post('/status/reopen', {
      ...other,
      version: hiddenValue(before.body, 'version'),
      reason: 'Paspor saya belum jadi.',
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.body).toContain('The report has been reopened.');
    expect(reopened.body).toContain('Paspor saya belum jadi.');
    const row = await t.db
      .selectFrom('cases')
      .select('status')
      .where('tracking_code', '=', other.code)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('in_progress');
  });

  it('tells the citizen when their case was merged into another', async () => {
    const duplicate = await buildCase(t.db);
    const carrier = await buildCase(t.db);
    await mergeCase(
      t.db,
      STAFF,
      duplicate.case.trackingCode,
      carrier.case.trackingCode,
      duplicate.case.version,
    );
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/status');
    const page = await visitor.post('/status', {
      code: duplicate.case.trackingCode,
      key: duplicate.accessKey,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`This report was merged into report ${carrier.case.trackingCode}`);
    expect(page.body).toContain('tag--closed');
  });

  it('keeps the case open when the language is switched on the status page', async () => {
    const visitor = new Visitor(t.app);
    const receipt = await submitCase(visitor);
    const english = await visitor.post('/status', { ...receipt, lang: 'en' });
    expect(english.body).toContain(`Report ${receipt.code}`);
    const receiptPage = await visitor.post('/submit/receipt', {
      receipt: 'tampered',
    });
    expect(receiptPage.statusCode).toBe(403);
  });
});

describe('rate limits', () => {
  it('answers too many requests with a 429 page in the visitor’s language', async () => {
    const limited = await createTestApp({
      dataDir,
      rateLimits: {
        ...buildConfig().rateLimits,
        enabled: true,
        requests: { limit: 2, windowMs: 60_000 },
        caseCreation: { limit: 60, windowMs: 60_000 },
        lookupFailures: { limit: 30, windowMs: 60_000 },
        codeFailures: { limit: 10, windowMs: 60_000 },
      },
    });
    const headers = { 'accept-language': 'en' };
    await limited.app.inject({ url: '/', headers });
    await limited.app.inject({ url: '/', headers });
    const page = await limited.app.inject({ url: '/', headers });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.body).toContain('Too many attempts');
    const api = await limited.app.inject({ url: '/api/v1/offices' });
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('counts failed look-ups like the JSON API and then shows a 429 page', async () => {
    const limited = await createTestApp({
      dataDir,
      rateLimits: {
        ...buildConfig().rateLimits,
        enabled: true,
        requests: { limit: 1000, windowMs: 60_000 },
        caseCreation: { limit: 60, windowMs: 60_000 },
        lookupFailures: { limit: 2, windowMs: 60_000 },
        codeFailures: { limit: 10, windowMs: 60_000 },
      },
    });
    const visitor = new Visitor(limited.app);
    await visitor.get('/status');
    const credentials = { code: generateTrackingCode('TST', 2026), key: 'AAAA-AAAA-AAAA-AAAA' };
    expect((await visitor.post('/status', credentials)).statusCode).toBe(404);
    expect((await visitor.post('/status', credentials)).statusCode).toBe(404);
    const blocked = await visitor.post('/status', credentials);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Terlalu banyak percobaan');
    const api = await limited.app.inject({
      url: `/api/v1/cases/${credentials.code}`,
      headers: { 'x-access-key': credentials.key },
    });
    expect(api.statusCode).toBe(429);
  });
});

describe('upload limit', () => {
  it('stops storing files from an address beyond five per allowed case', async () => {
    const limited = await createTestApp({
      dataDir,
      rateLimits: {
        ...buildConfig().rateLimits,
        enabled: true,
        caseCreation: { limit: 1, windowMs: 60_000 },
      },
    });
    const visitor = new Visitor(limited.app);
    await visitor.get('/submit/complaint');
    const files = Array.from({ length: 5 }, (_, i) => ({ filename: `f${i}.png`, content: PNG }));
    expect((await visitor.post('/submit/complaint', VALID, files)).statusCode).toBe(200);
    const blocked = await visitor.post('/submit/complaint', VALID, [{ filename: 'g.png', content: PNG }]);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Terlalu banyak percobaan');
  });
});

describe('unexpected errors', () => {
  it('shows a 500 page in the visitor’s language with a reference, not the error', async () => {
    const broken = await createTestApp({ dataDir });
    const created = await buildCase(broken.db);
    await broken.db.schema.dropTable('case_attachments').execute();
    const visitor = new Visitor(broken.app, { 'accept-language': 'en', 'x-request-id': 'ref-12345' });
    await visitor.get('/status');
    const page = await visitor.post('/status', { code: created.case.trackingCode, key: created.accessKey });
    expect(page.statusCode).toBe(500);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Sorry, there is a problem with our system');
    expect(page.body).toContain('Reference number: ref-12345');
    expect(page.body).not.toContain('case_attachments');
  });
});

describe('multipart helper', () => {
  it('builds bodies the server reads', () => {
    expect(multipart({ a: 'b' }).payload.toString()).toContain('name="a"');
  });
});
