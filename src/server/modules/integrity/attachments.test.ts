import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  type TestApp,
} from '../../../test-support/factories.js';
import { EXE, multipart, PNG, Visitor } from '../../../test-support/portal-client.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { paddedLength } from './attachments.js';
import { enrolOfficer } from './officers.js';
import { solveChallenge } from './proof-of-work.js';

const PASSPHRASE = 'sambal-matah-di-warung-pojok-denpasar';
const SECRET_TEXT = 'BUKTI-KUITANSI-PUNGLI-LOKET-3';
const FILE_NAME = 'kuitansi-pak-budi-loket3.pdf';
const EVIDENCE = Buffer.from(
  `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n% ${SECRET_TEXT}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
);
const REPLY_NAME = 'surat-panggilan-saksi.png';

let t: TestApp;
let dataDir: string;
let officeId: string;
let officerHeaders: StaffHeaders;
let receipt: string;
let reportId: string;

function receiptOn(body: string): string {
  const found = /id="integrity-receipt">([\d ]+)</.exec(body)?.[1];
  if (!found) throw new Error('no receipt on the page');
  return found;
}

function staffApi(headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1/staff${url}`, headers, ...(payload ? { payload } : {}) });
}

function storedFiles(): string[] {
  const root = path.join(dataDir, 'integrity-files');
  return readdirSync(root).map((name) => path.join(root, name));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'loket-integrity-files-'));
  t = await createTestApp({ dataDir });
  officeId = await officeIdOf(t.db, 'TST');
  const officer = await buildStaff(t.db, { roles: ['integrity_officer'], officeId });
  await enrolOfficer(t.db, officer, SYSTEM_ACTOR, PASSPHRASE, new Date());
  officerHeaders = await sessionHeaders(t.db, officer, t.config);
});

describe(`integrity report attachments on ${ENGINE}`, () => {
  it('takes files with the portal report (no JavaScript) and refuses files that are not photos or PDFs', async () => {
    const visitor = new Visitor(t.app);
    const form = await visitor.get('/integrity');
    expect(form.body).toContain('enctype="multipart/form-data"');
    const challenge = /name="challenge" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = {
      challenge,
      pow: solveChallenge(challenge),
      category: 'pungli',
      description: 'Petugas loket 3 meminta uang tambahan dan memberi kuitansi palsu, terlampir fotonya.',
    };
    const refused = await visitor.post('/integrity', fields, [
      { filename: 'program.png', content: EXE, type: 'image/png' },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('program.png');

    const again = await visitor.get('/integrity');
    const fresh = /name="challenge" value="([^"]+)"/.exec(again.body)![1]!;
    const sent = await visitor.post(
      '/integrity',
      { ...fields, challenge: fresh, pow: solveChallenge(fresh) },
      [{ filename: FILE_NAME, content: EVIDENCE, type: 'application/pdf' }],
    );
    expect(sent.statusCode).toBe(201);
    receipt = receiptOn(sent.body);
    const row = await t.db
      .selectFrom('integrity_reports')
      .select('id')
      .orderBy('received_day', 'desc')
      .execute();
    reportId = (await t.db.selectFrom('integrity_attachments').select('report_id').executeTakeFirstOrThrow())
      .report_id;
    expect(row.map((r) => r.id)).toContain(reportId);

    // The reporter sees the file by the receipt and gets it back.
    const opened = await visitor.post('/integrity/follow-up', { receipt });
    expect(opened.body).toContain(FILE_NAME);
    const attachmentId = /action="\/integrity\/follow-up\/attachments\/([0-9a-f-]{36})"/.exec(
      opened.body,
    )![1]!;
    const download = await visitor.post(`/integrity/follow-up/attachments/${attachmentId}`, { receipt });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(FILE_NAME);
    expect(download.rawPayload.equals(EVIDENCE)).toBe(true);
    const wrongReceipt = await visitor.post(`/integrity/follow-up/attachments/${attachmentId}`, {
      receipt: '1111 2222 3333 4444',
    });
    expect(wrongReceipt.statusCode).toBe(404);
    expect(wrongReceipt.rawPayload.includes(Buffer.from(SECRET_TEXT))).toBe(false);
  });

  it('lets the reporter attach a file to a reply without writing text', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/integrity/follow-up');
    expect((await visitor.post('/integrity/follow-up', { receipt })).statusCode).toBe(200);
    const replied = await visitor.post('/integrity/follow-up/reply', { receipt, body: '' }, [
      { filename: 'foto-loket.png', content: PNG, type: 'image/png' },
    ]);
    expect(replied.statusCode).toBe(200);
    expect(replied.body).toContain('foto-loket.png');
    const empty = await visitor.post('/integrity/follow-up/reply', { receipt, body: '' });
    expect(empty.statusCode).toBe(400);
  });

  it('keeps a raw database read and the stored file bytes from revealing content, names or types', async () => {
    const tables = ['integrity_attachments', 'integrity_reports', 'integrity_messages', 'events', 'jobs'];
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
      const dump = JSON.stringify(rows.rows);
      expect(dump, table).not.toContain(FILE_NAME);
      expect(dump, table).not.toContain('kuitansi');
      expect(dump, table).not.toContain('foto-loket');
      expect(dump, table).not.toContain(SECRET_TEXT);
      expect(dump, table).not.toContain('application/pdf');
      expect(dump, table).not.toContain('image/png');
    }
    const metas = await t.db.selectFrom('integrity_attachments').select('meta').execute();
    expect(new Set(metas.map((m) => m.meta.length)).size).toBe(1);
    const files = storedFiles();
    expect(files.length).toBe(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(SECRET_TEXT))).toBe(false);
      expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
      expect(bytes.includes(PNG.subarray(0, 8))).toBe(false);
      expect(bytes.includes(Buffer.from(FILE_NAME))).toBe(false);
      expect(path.basename(file)).not.toContain('kuitansi');
      // Sizes are padded to a bucket: a 200-byte PDF and a 70-byte PNG look the same on disk.
      expect(statSync(file).size).toBe(paddedLength(EVIDENCE.length) + 28);
    }
  });

  it('shows files to no one but the integrity officer, and only with an unlocked key', async () => {
    const attachments = await t.db
      .selectFrom('integrity_attachments')
      .select('id')
      .where('report_id', '=', reportId)
      .execute();
    const url = `/integrity/reports/${reportId}/attachments/${attachments[0]!.id}`;
    for (const role of ['admin', 'auditor', 'supervisor', 'agent'] as const) {
      const user = await buildStaff(t.db, { roles: [role], officeId });
      const headers = await sessionHeaders(t.db, user, t.config);
      const response = await staffApi(headers, 'GET', url);
      expect([403, 404], role).toContain(response.statusCode);
      expect(response.rawPayload.includes(Buffer.from(SECRET_TEXT)), role).toBe(false);
    }
    expect((await staffApi(officerHeaders, 'GET', url)).json().code).toBe('integrity_locked');

    await staffApi(officerHeaders, 'POST', '/integrity/unlock', { passphrase: PASSPHRASE });
    const report = (await staffApi(officerHeaders, 'GET', `/integrity/reports/${reportId}`)).json();
    const pdf = report.attachments.find((a: { fileName: string }) => a.fileName === FILE_NAME);
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', size: EVIDENCE.length, messagePosition: 0 });
    const download = await staffApi(
      officerHeaders,
      'GET',
      `/integrity/reports/${reportId}/attachments/${pdf.id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(EVIDENCE)).toBe(true);
    expect(download.headers['content-disposition']).toContain(FILE_NAME);
    const recorded = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'integrity.attachment_downloaded')
      .execute();
    expect(recorded.length).toBe(1);
    expect(JSON.stringify(recorded)).not.toContain(FILE_NAME);
  });

  it('lets the officer send files to the reporter, checked by content like the portal', async () => {
    const refused = multipart({ body: 'Lampiran' }, [{ filename: 'x.pdf', content: EXE }]);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/integrity/reports/${reportId}/files`,
      headers: { ...officerHeaders, ...refused.headers },
      payload: refused.payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'files', code: 'file_type' });

    const form = multipart({ body: 'Mohon datang sebagai saksi; surat terlampir.' }, [
      { filename: REPLY_NAME, content: PNG, type: 'image/png' },
    ]);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/integrity/reports/${reportId}/files`,
      headers: { ...officerHeaders, ...form.headers },
      payload: form.payload,
    });
    expect(sent.statusCode).toBe(204);
    const visitor = new Visitor(t.app);
    await visitor.get('/integrity/follow-up');
    const opened = await visitor.post('/integrity/follow-up', { receipt });
    expect(opened.body).toContain('Mohon datang sebagai saksi');
    expect(opened.body).toContain(REPLY_NAME);
    const ids = [
      ...opened.body.matchAll(/action="\/integrity\/follow-up\/attachments\/([0-9a-f-]{36})"/g),
    ].map((m) => m[1]!);
    const last = await visitor.post(`/integrity/follow-up/attachments/${ids.at(-1)}`, { receipt });
    expect(last.rawPayload.equals(PNG)).toBe(true);
    expect(storedFiles().some((file) => readFileSync(file).includes(Buffer.from(REPLY_NAME)))).toBe(false);
  });
});
