import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/events/catalogue.js';
import { publishCheckpoint } from '../server/modules/audit/checkpoints.js';
import { enrolOfficer } from '../server/modules/integrity/officers.js';
import {
  ChallengeChecker,
  DELAY_MS,
  issueChallenge,
  solveChallenge,
} from '../server/modules/integrity/proof-of-work.js';
import { chainAllEvents } from '../test-support/audit.js';
import { ENGINE } from '../test-support/engine.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  TEST_SECRET,
  type TestApp,
} from '../test-support/factories.js';
import { hiddenValue, Visitor } from '../test-support/portal-client.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'loket-portal-audit-')) });
});

function receiptOn(body: string): string {
  const receipt = /id="integrity-receipt">([\d ]+)</.exec(body)?.[1];
  if (!receipt) throw new Error('no receipt on the page');
  return receipt;
}

async function formFields(visitor: Visitor) {
  const page = await visitor.get('/integrity');
  expect(page.statusCode).toBe(200);
  const challenge = hiddenValue(page.body, 'challenge');
  return { challenge, pow: solveChallenge(challenge) };
}

describe(`integrity pages on ${ENGINE}`, () => {
  it('stays closed until an integrity officer has enrolled', async () => {
    const visitor = new Visitor(t.app);
    const page = await visitor.get('/integrity');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('belum ada petugas integritas');
    expect(page.body).not.toContain('name="challenge"');
    const officeId = await officeIdOf(t.db, 'TST');
    const officer = await buildStaff(t.db, { roles: ['integrity_officer'], officeId });
    await enrolOfficer(t.db, officer, SYSTEM_ACTOR, 'frasa-sandi-yang-cukup-panjang', new Date());
  });

  it('takes a report with the solved challenge and gives a 16-digit receipt that opens it', async () => {
    const visitor = new Visitor(t.app);
    const fields = await formFields(visitor);
    const sent = await visitor.post('/integrity', {
      ...fields,
      category: 'calo',
      description: 'Ada calo di depan kantor yang menjanjikan paspor jadi sehari dengan bayaran tambahan.',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.headers['cache-control']).toMatch(/private|no-store/);
    const receipt = receiptOn(sent.body);
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);

    const opened = await visitor.post('/integrity/follow-up', { receipt });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('menjanjikan paspor jadi sehari');
    expect(opened.body).toContain('Tanpa kontak (anonim)');
    const replied = await visitor.post('/integrity/follow-up/reply', {
      receipt,
      body: 'Calonya berbaju biru.',
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.body).toContain('Calonya berbaju biru.');

    const wrong = await visitor.post('/integrity/follow-up', { receipt: '0000 0000 0000 0000' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('Nomor tanda terima tidak dikenal');
  });

  it('keeps what was typed when the form is incomplete, and stores contact only when chosen', async () => {
    const visitor = new Visitor(t.app);
    const fields = await formFields(visitor);
    const incomplete = await visitor.post('/integrity', {
      ...fields,
      description: 'Terlalu pendek',
      wants_contact: '1',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Pilih jenis pelanggaran');
    expect(incomplete.body).toContain('Terlalu pendek');
    expect(incomplete.body).toContain('Tulis kontak Anda');

    const again = await formFields(visitor);
    const sent = await visitor.post('/integrity', {
      ...again,
      category: 'pungli',
      description: 'Diminta uang tambahan Rp200.000 di loket foto biometrik tanpa kuitansi.',
      contact: 'bukan-disimpan@example.com',
    });
    const opened = await visitor.post('/integrity/follow-up', { receipt: receiptOn(sent.body) });
    expect(opened.body).toContain('Tanpa kontak (anonim)');
  });

  it('refuses a form sent at once without the proof of work, and a challenge used twice', async () => {
    const visitor = new Visitor(t.app);
    const { challenge, pow } = await formFields(visitor);
    const description = 'Petugas meminta amplop agar berkas permohonan diproses lebih cepat.';
    const early = await visitor.post('/integrity', { challenge, pow: '', category: 'suap', description });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('terlalu cepat');
    expect(
      (await visitor.post('/integrity', { challenge, pow, category: 'suap', description })).statusCode,
    ).toBe(201);
    const replay = await visitor.post('/integrity', { challenge, pow, category: 'suap', description });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('kedaluwarsa atau sudah dikirim');
  });

  it('accepts the challenge as a delay token without a solution', () => {
    const checker = new ChallengeChecker(TEST_SECRET);
    const issued = Date.now();
    const token = issueChallenge(TEST_SECRET, issued);
    expect(checker.check(token, undefined, issued + 1000)).toBe('too_early');
    expect(checker.check(token, '12345', issued + 1000)).toBe('too_early');
    expect(checker.check(token, undefined, issued + DELAY_MS)).toBe('ok');
    expect(checker.check(token, undefined, issued + DELAY_MS + 1)).toBe('used');
    expect(checker.check(`${token}x`, undefined, issued + DELAY_MS)).toBe('invalid');
    expect(checker.check(issueChallenge('another secret', issued), undefined, issued + DELAY_MS)).toBe(
      'invalid',
    );
  });

  it('shows the signed audit checkpoints on /audit', async () => {
    const visitor = new Visitor(t.app);
    expect((await visitor.get('/audit')).body).toContain('Belum ada titik periksa');
    await chainAllEvents(t.db);
    const checkpoint = await publishCheckpoint(t.db, t.config.dataDir, new Date());
    const page = await visitor.get('/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(checkpoint!.entryHash);
    expect(page.body).toContain(checkpoint!.publicKey);
    expect(page.body).toContain('href="/api/v1/audit/checkpoints/latest"');
    // Integrity reports: one total for the year, never by category.
    const total = Number(
      (
        await t.db
          .selectFrom('integrity_reports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(0);
    expect(page.body).toMatch(new RegExp(`id="integrity-total">[^<]*: ${total}\\.<`));
    for (const category of ['pungli', 'calo', 'suap']) expect(page.body).not.toContain(`(${category})`);
  });

  it('refuses posts without the CSRF token', async () => {
    const visitor = new Visitor(t.app);
    const fields = await formFields(visitor);
    const response = await visitor.post(
      '/integrity',
      { ...fields, category: 'calo', description: 'x'.repeat(30) },
      [],
      null,
    );
    expect(response.statusCode).toBe(403);
  });
});
