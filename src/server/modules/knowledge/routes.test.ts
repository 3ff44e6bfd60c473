import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildOffice,
  createTestApp,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { jakartaDate } from './fees.js';

/**
 * The knowledge base through HTTP, as publishers and the public use it: workflow and roles, revisions, the fee
 * schedule in articles and answers, search, the assistant and its question log, and error answers.
 */
let t: TestApp;
let publisher: StaffHeaders;
let admin: StaffHeaders;
let auditor: StaffHeaders;
let agent: StaffHeaders;

const DAY = 86_400_000;
const today = () => jakartaDate();
const daysFromToday = (days: number) => jakartaDate(new Date(Date.now() + days * DAY));

async function api(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers?: object,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: headers as Record<string, string>,
    ...(payload ? { payload } : {}),
  });
}

async function createArticle(fields: Record<string, unknown> = {}) {
  const response = await api('POST', '/api/v1/staff/knowledge/articles', publisher, {
    translationKey: 'biaya-paspor',
    language: 'id',
    slug: 'biaya-paspor',
    title: 'Biaya pembuatan paspor',
    summary: 'Biaya paspor elektronik 10 tahun adalah {{fee:EPASPOR_10TH}}.',
    body: '## Rincian biaya\n- Paspor elektronik 10 tahun: {{fee:EPASPOR_10TH}}\n\nBayar hanya dengan kode billing resmi.',
    categoryKey: 'paspor',
    tags: ['biaya', 'paspor'],
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function publish(kind: 'articles' | 'faqs', item: { id: string; version: number }) {
  const response = await api('POST', `/api/v1/staff/knowledge/${kind}/${item.id}/transition`, publisher, {
    version: item.version,
    to: 'published',
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  publisher = await staffOf(t, 'publisher');
  admin = await staffOf(t, 'admin');
  auditor = await staffOf(t, 'auditor');
  agent = await staffOf(t, 'agent');
  for (const [key, id, en] of [
    ['paspor', 'Paspor', 'Passports'],
    ['pengaduan', 'Pengaduan', 'Complaints'],
  ])
    expect(
      (await api('POST', '/api/v1/staff/knowledge/categories', publisher, { key, names: { id, en } }))
        .statusCode,
    ).toBe(201);
  const fee = await api('POST', '/api/v1/staff/knowledge/fees', publisher, {
    code: 'EPASPOR_10TH',
    serviceCode: 'paspor',
    names: { id: 'Paspor elektronik 10 tahun', en: 'E-passport, 10 years' },
    amount: 950_000,
    legalBasis: 'PP 45/2024',
    validFrom: '2024-12-17',
  });
  expect(fee.statusCode, fee.body).toBe(201);
}, 60_000);

describe(`knowledge workflow and roles (${ENGINE})`, () => {
  it('keeps drafts private and publishes at once', async () => {
    const draft = await createArticle({
      translationKey: 'alur',
      slug: 'alur-paspor',
      title: 'Alur permohonan paspor',
    });
    expect(draft).toMatchObject({ status: 'draft', revisionNumber: 1, publicUrl: null });
    expect(draft.allowedActions).toEqual([
      'edit',
      'restore_revision',
      'submit_for_review',
      'publish',
      'archive',
      'delete',
    ]);
    expect((await api('GET', '/api/v1/knowledge/articles/id/alur-paspor')).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/knowledge/search?q=alur&lang=id')).json().results).toEqual([]);

    const inReview = (
      await api('POST', `/api/v1/staff/knowledge/articles/${draft.id}/transition`, publisher, {
        version: draft.version,
        to: 'review',
      })
    ).json();
    expect(inReview.status).toBe('review');
    const published = await publish('articles', inReview);
    expect(published).toMatchObject({ status: 'published', publicUrl: '/knowledge/id/alur-paspor' });
    expect(published.reviewDueAt > published.lastReviewedAt).toBe(true);

    const page = await api('GET', '/api/v1/knowledge/articles/id/alur-paspor');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ title: 'Alur permohonan paspor', url: '/knowledge/id/alur-paspor' });
    expect((await api('GET', '/api/v1/knowledge/search?q=alur&lang=id')).json().results[0].key).toBe('alur');

    // An edit of a published article waits for the next publish; the public keeps the published text.
    const edited = (
      await api('PATCH', `/api/v1/staff/knowledge/articles/${draft.id}`, publisher, {
        version: published.version,
        title: 'Alur dan tahapan permohonan paspor',
        message: 'Judul lebih jelas',
      })
    ).json();
    expect(edited).toMatchObject({
      status: 'published',
      revisionNumber: 2,
      publishedRevisionNumber: 1,
      hasUnpublishedChanges: true,
    });
    expect((await api('GET', '/api/v1/knowledge/articles/id/alur-paspor')).json().title).toBe(
      'Alur permohonan paspor',
    );
    const republished = await publish('articles', edited);
    expect(republished.hasUnpublishedChanges).toBe(false);
    expect((await api('GET', '/api/v1/knowledge/articles/id/alur-paspor')).json().title).toBe(
      'Alur dan tahapan permohonan paspor',
    );

    // Back to draft: gone from the public at once.
    const unpublished = await api(
      'POST',
      `/api/v1/staff/knowledge/articles/${draft.id}/transition`,
      publisher,
      {
        version: republished.version,
        to: 'draft',
      },
    );
    expect(unpublished.json().status).toBe('draft');
    expect((await api('GET', '/api/v1/knowledge/articles/id/alur-paspor')).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/knowledge/search?q=tahapan&lang=id')).json().results).toEqual([]);
    // Once published, an article is archived rather than deleted.
    const deleted = await api('DELETE', `/api/v1/staff/knowledge/articles/${draft.id}`, publisher);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().code).toBe('invalid_transition');
  });

  it('records an event for every change', async () => {
    const events = await t.db
      .selectFrom('events')
      .select('type')
      .where('type', 'like', 'knowledge.%')
      .execute();
    const types = new Set(events.map((e) => e.type));
    expect(types).toEqual(
      new Set([
        'knowledge.category_saved',
        'knowledge.fee_saved',
        'knowledge.item_saved',
        'knowledge.item_status_changed',
      ]),
    );
  });

  it('answers stale versions, invalid steps and unknown items with problem codes', async () => {
    const article = await createArticle({ translationKey: 'konflik', slug: 'konflik' });
    const stale = await api('PATCH', `/api/v1/staff/knowledge/articles/${article.id}`, publisher, {
      version: 99,
      title: 'x',
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'version_conflict']);
    const archived = (
      await api('POST', `/api/v1/staff/knowledge/articles/${article.id}/transition`, publisher, {
        version: 1,
        to: 'archived',
      })
    ).json();
    const step = await api('POST', `/api/v1/staff/knowledge/articles/${article.id}/transition`, publisher, {
      version: archived.version,
      to: 'published',
    });
    expect([step.statusCode, step.json().code]).toEqual([409, 'invalid_transition']);
    const duplicate = await api('POST', '/api/v1/staff/knowledge/articles', publisher, {
      translationKey: 'lain',
      language: 'id',
      slug: 'konflik',
      title: 'x',
      summary: 'x',
      body: 'x',
    });
    expect([duplicate.statusCode, duplicate.json().code, duplicate.json().field]).toEqual([
      409,
      'conflict',
      'slug',
    ]);
    const badSlug = await api('POST', '/api/v1/staff/knowledge/articles', publisher, {
      translationKey: 'lain',
      language: 'id',
      slug: 'Bukan Slug',
      title: 'x',
      summary: 'x',
      body: 'x',
    });
    expect([badSlug.statusCode, badSlug.json().code]).toEqual([400, 'validation_failed']);
    const reserved = await api('POST', '/api/v1/staff/knowledge/articles', publisher, {
      translationKey: 'lain',
      language: 'id',
      slug: 'fees',
      title: 'x',
      summary: 'x',
      body: 'x',
    });
    expect([reserved.statusCode, reserved.json().code, reserved.json().field]).toEqual([
      409,
      'conflict',
      'slug',
    ]);
    const category = await api('POST', '/api/v1/staff/knowledge/articles', publisher, {
      translationKey: 'lain',
      language: 'id',
      slug: 'lain',
      title: 'x',
      summary: 'x',
      body: 'x',
      categoryKey: 'tidak-ada',
    });
    expect([category.statusCode, category.json().code]).toEqual([422, 'unknown_category']);
    const missing = await api(
      'GET',
      '/api/v1/staff/knowledge/articles/0190a6d2-0000-7000-8000-000000000000',
      publisher,
    );
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'not_found']);
    const inUse = await api('GET', '/api/v1/staff/knowledge/categories', publisher);
    const paspor = inUse.json().items.find((c: { key: string }) => c.key === 'paspor');
    const removal = await api('DELETE', `/api/v1/staff/knowledge/categories/${paspor.id}`, publisher);
    expect([removal.statusCode, removal.json().code]).toEqual([409, 'conflict']);
  });

  it('lets auditors read, and nobody else in', async () => {
    expect((await api('GET', '/api/v1/staff/knowledge/articles', auditor)).statusCode).toBe(200);
    const auditorWrite = await api('POST', '/api/v1/staff/knowledge/synonyms', auditor, {
      language: 'id',
      term: 'x',
      means: 'y',
    });
    expect(auditorWrite.statusCode).toBe(403);
    expect((await api('GET', '/api/v1/staff/knowledge/articles', agent)).statusCode).toBe(403);
    expect((await api('GET', '/api/v1/staff/knowledge/articles')).statusCode).toBe(401);
    const noCsrf = await api(
      'POST',
      '/api/v1/staff/knowledge/synonyms',
      { cookie: publisher.cookie },
      {
        language: 'id',
        term: 'x',
        means: 'y',
      },
    );
    expect([noCsrf.statusCode, noCsrf.json().code]).toEqual([403, 'csrf_failed']);
    const [item] = (await api('GET', '/api/v1/staff/knowledge/articles', auditor)).json().items;
    expect(
      (await api('GET', `/api/v1/staff/knowledge/articles/${item.id}`, auditor)).json().allowedActions,
    ).toEqual([]);
    expect((await api('GET', '/api/v1/staff/knowledge/articles', admin)).statusCode).toBe(200);
    const filtered = await api(
      'GET',
      '/api/v1/staff/knowledge/articles?category=tidak-ada&status=draft&lang=id&q=x',
      auditor,
    );
    expect([filtered.statusCode, filtered.json().items]).toEqual([200, []]);
    const faqs = await api('GET', '/api/v1/staff/knowledge/faqs?category=tidak-ada', auditor);
    expect([faqs.statusCode, faqs.json().items]).toEqual([200, []]);
    const byCategory = (
      await api('GET', '/api/v1/staff/knowledge/articles?category=paspor&q=BIAYA', auditor)
    ).json();
    expect(byCategory.items.length).toBeGreaterThan(0);
  });
});

describe(`revisions (${ENGINE})`, () => {
  it('lists, diffs and restores revisions', async () => {
    const article = await createArticle({
      translationKey: 'revisi',
      slug: 'revisi',
      body: 'Bawa KTP asli.\nDatang tepat waktu.',
    });
    const second = (
      await api('PATCH', `/api/v1/staff/knowledge/articles/${article.id}`, publisher, {
        version: article.version,
        body: 'Bawa e-KTP asli.\nDatang tepat waktu.',
        message: 'e-KTP',
      })
    ).json();
    const revisions = (
      await api('GET', `/api/v1/staff/knowledge/articles/${article.id}/revisions`, auditor)
    ).json().items;
    expect(revisions.map((r: { number: number; message: string | null }) => [r.number, r.message])).toEqual([
      [2, 'e-KTP'],
      [1, null],
    ]);
    const diff = (
      await api('GET', `/api/v1/staff/knowledge/articles/${article.id}/diff?from=1&to=2`, publisher)
    ).json();
    expect(diff.fields).toEqual([
      {
        field: 'body',
        changes: [
          { op: 'equal', text: 'Bawa ' },
          { op: 'delete', text: 'KTP' },
          { op: 'insert', text: 'e-KTP' },
          { op: 'equal', text: ' asli.\nDatang tepat waktu.' },
        ],
      },
    ]);
    const restored = (
      await api('POST', `/api/v1/staff/knowledge/articles/${article.id}/revisions/1/restore`, publisher, {
        version: second.version,
      })
    ).json();
    expect(restored).toMatchObject({ revisionNumber: 3, body: 'Bawa KTP asli.\nDatang tepat waktu.' });
    const one = await api('GET', `/api/v1/staff/knowledge/articles/${article.id}/revisions/1`, publisher);
    expect(one.json().content.body).toBe('Bawa KTP asli.\nDatang tepat waktu.');
    expect(
      (await api('GET', `/api/v1/staff/knowledge/articles/${article.id}/revisions/9`, publisher)).statusCode,
    ).toBe(404);
  });
});

describe(`fees in articles and answers (${ENGINE})`, () => {
  it('shows the fee valid today and a change at once', async () => {
    const article = await publish('articles', await createArticle());
    const page = (await api('GET', '/api/v1/knowledge/articles/id/biaya-paspor')).json();
    expect(page.summary).toBe('Biaya paspor elektronik 10 tahun adalah Rp950.000.');
    expect(page.bodyHtml).toContain('<li>Paspor elektronik 10 tahun: Rp950.000</li>');

    // The fee changes from today: end the old period yesterday, add the new amount from today.
    const fees = (await api('GET', '/api/v1/staff/knowledge/fees', publisher)).json().items;
    const old = fees.find((f: { code: string }) => f.code === 'EPASPOR_10TH');
    const overlap = await api('POST', '/api/v1/staff/knowledge/fees', publisher, {
      code: 'EPASPOR_10TH',
      serviceCode: 'paspor',
      names: { id: 'Paspor elektronik 10 tahun', en: 'E-passport, 10 years' },
      amount: 1_050_000,
      legalBasis: 'PP baru',
      validFrom: today(),
    });
    expect([overlap.statusCode, overlap.json().field]).toEqual([409, 'validFrom']);
    expect(
      (
        await api('PATCH', `/api/v1/staff/knowledge/fees/${old.id}`, publisher, {
          validTo: daysFromToday(-1),
        })
      ).statusCode,
    ).toBe(200);
    const added = await api('POST', '/api/v1/staff/knowledge/fees', publisher, {
      code: 'EPASPOR_10TH',
      serviceCode: 'paspor',
      names: { id: 'Paspor elektronik 10 tahun', en: 'E-passport, 10 years' },
      amount: 1_050_000,
      legalBasis: 'PP baru',
      validFrom: today(),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await api('GET', '/api/v1/knowledge/articles/id/biaya-paspor')).json().bodyHtml).toContain(
      'Rp1.050.000',
    );
    const answer = (
      await api('POST', '/api/v1/assistant/answer', undefined, {
        question: 'berapa biaya paspor elektronik 10 tahun',
        lang: 'id',
      })
    ).json();
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('Rp1.050.000');
    expect(answer.answer).not.toContain('Rp950.000');
    expect(answer.sources[0]).toMatchObject({
      kind: 'article',
      key: 'biaya-paspor',
      url: '/knowledge/id/biaya-paspor',
    });
    expect(answer.sources.map((s: { kind: string }) => s.kind)).toContain('fees');
    const current = (await api('GET', '/api/v1/knowledge/fees?lang=id')).json().items;
    expect(
      current
        .filter((f: { code: string }) => f.code === 'EPASPOR_10TH')
        .map((f: { amountText: string }) => f.amountText),
    ).toEqual(['Rp1.050.000']);

    // A fee that is not yet (or no longer) in force is never quoted.
    await api('PATCH', `/api/v1/staff/knowledge/fees/${added.json().id}`, publisher, {
      validFrom: daysFromToday(5),
    });
    const withoutFee = (await api('GET', '/api/v1/knowledge/articles/id/biaya-paspor')).json();
    expect(withoutFee.bodyHtml).not.toMatch(/Rp\d/);
    expect(withoutFee.bodyHtml).toContain(
      '<a href="/knowledge/id/fees">biaya: lihat jadwal biaya yang berlaku</a>',
    );
    await api('PATCH', `/api/v1/staff/knowledge/fees/${added.json().id}`, publisher, { validFrom: today() });
    expect(article.status).toBe('published');
  });
});

describe(`search (${ENGINE})`, () => {
  beforeAll(async () => {
    await publish(
      'articles',
      await createArticle({
        translationKey: 'paspor-hilang',
        slug: 'paspor-hilang',
        title: 'Paspor hilang',
        summary: 'Laporkan kehilangan ke polisi, lalu ajukan penggantian.',
        body: 'Bawa surat keterangan hilang dari kepolisian & <KTP> asli.',
        tags: ['hilang'],
      }),
    );
    await publish(
      'articles',
      await createArticle({
        translationKey: 'pengaduan',
        slug: 'pengaduan',
        title: 'Cara menyampaikan pengaduan',
        summary: 'Kirim pengaduan melalui portal.',
        body: 'Jika dokumen Anda hilang di loket, sampaikan pengaduan.',
        categoryKey: 'pengaduan',
        tags: [],
      }),
    );
    await publish(
      'articles',
      await createArticle({
        translationKey: 'paspor-hilang',
        language: 'en',
        slug: 'lost-passport',
        title: 'Lost passport',
        summary: 'Report the loss to the police, then apply for a replacement.',
        body: 'Bring the police report.',
        tags: [],
      }),
    );
  });

  it('ranks title matches first and marks the words found, escaped', async () => {
    const response = (await api('GET', '/api/v1/knowledge/search?q=hilang&lang=id')).json();
    expect(response.results.map((r: { key: string }) => r.key).slice(0, 2)).toEqual([
      'paspor-hilang',
      'pengaduan',
    ]);
    const [first] = response.results;
    expect(first).toMatchObject({
      kind: 'article',
      title: 'Paspor hilang',
      url: '/knowledge/id/paspor-hilang',
    });
    expect(first.snippetHtml).toContain('<mark>hilang</mark>');
    expect(first.snippetHtml).toContain('&lt;KTP&gt;');
    expect(first.snippetHtml).not.toContain('<KTP>');
  });

  it('applies the dictionary and corrects typos', async () => {
    const colloquial = (await api('GET', '/api/v1/knowledge/search?q=paspor%20ilang&lang=id')).json();
    expect(colloquial.results[0].key).toBe('paspor-hilang');
    expect(colloquial.correctedQuery).toBe('paspor hilang');
    const typo = (await api('GET', '/api/v1/knowledge/search?q=pasport%20hlang&lang=id')).json();
    expect(typo.results[0].key).toBe('paspor-hilang');
    // A publisher's new dictionary entry works at once.
    expect((await api('GET', '/api/v1/knowledge/search?q=raib&lang=id')).json().results).toEqual([]);
    const entry = await api('POST', '/api/v1/staff/knowledge/synonyms', publisher, {
      language: 'id',
      term: 'raib',
      means: 'hilang',
    });
    expect(entry.statusCode, entry.body).toBe(201);
    expect((await api('GET', '/api/v1/knowledge/search?q=raib&lang=id')).json().results[0].key).toBe(
      'paspor-hilang',
    );
    const duplicate = await api('POST', '/api/v1/staff/knowledge/synonyms', publisher, {
      language: 'id',
      term: 'raib',
      means: 'x',
    });
    expect([duplicate.statusCode, duplicate.json().field]).toEqual([409, 'term']);
  });

  it('keeps languages apart and finds half-typed words', async () => {
    const english = (await api('GET', '/api/v1/knowledge/search?q=lost%20pass&lang=en')).json();
    expect(english.results.map((r: { url: string }) => r.url)).toEqual(['/knowledge/en/lost-passport']);
    const bad = await api('GET', '/api/v1/knowledge/search?lang=id');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
    expect((await api('GET', '/api/v1/knowledge/search?q=%21%21%21&lang=id')).json().results).toEqual([]);
  });
});

describe(`assistant (${ENGINE})`, () => {
  beforeAll(async () => {
    const faq = await api('POST', '/api/v1/staff/knowledge/faqs', publisher, {
      key: 'faq-biaya-epaspor',
      language: 'id',
      questions: ['Berapa biaya e-paspor?', 'Harga paspor elektronik berapa?'],
      answer: 'Paspor elektronik 10 tahun: **{{fee:EPASPOR_10TH}}**.',
      articleKey: 'biaya-paspor',
      categoryKey: 'paspor',
    });
    expect(faq.statusCode, faq.body).toBe(201);
    await publish('faqs', faq.json());
  });

  it('answers from a FAQ entry and names its article as the source', async () => {
    const response = await api('POST', '/api/v1/assistant/answer', undefined, {
      question: 'bikin e-paspor brp duit min?',
    });
    const answer = response.json();
    expect(answer).toMatchObject({
      answered: true,
      language: 'id',
      matched: { kind: 'faq', key: 'faq-biaya-epaspor' },
    });
    expect(answer.answerHtml).toContain('<strong>Rp1.050.000</strong>');
    expect(answer.sources[0]).toMatchObject({
      kind: 'article',
      key: 'biaya-paspor',
      url: '/knowledge/id/biaya-paspor',
    });
    expect(answer.confidence).toBeGreaterThan(0.35);
  });

  it('declines what it does not know, with next steps', async () => {
    const answer = (
      await api('POST', '/api/v1/assistant/answer', undefined, {
        question: 'What is the weather in Bali tomorrow?',
      })
    ).json();
    expect(answer).toMatchObject({ answered: false, language: 'en', sources: [], matched: null });
    expect(answer.answer).toContain("can't answer");
    expect(answer.followUps.map((f: { url: string }) => f.url)).toEqual([
      '/submit',
      '/#contact',
      '/search?q=What%20is%20the%20weather%20in%20Bali%20tomorrow%3F',
    ]);
  });

  it('logs questions without personal data and reports the unanswered ones', async () => {
    for (const question of [
      'Cara bikin SIM? HP saya 0812-3456-7890',
      'cara bikin SIM? hp saya 0813 9999 0000',
      'Siapa juara liga?',
    ]) {
      const response = await api('POST', '/api/v1/assistant/answer', undefined, {
        question,
        lang: 'id',
        channel: 'web',
      });
      expect(response.json().answered).toBe(false);
    }
    const log = await t.db.selectFrom('kb_questions').selectAll().execute();
    const text = JSON.stringify(log);
    expect(text).not.toMatch(/0812|0813|3456/);
    expect(Object.keys(log[0]!).sort()).toEqual(
      [
        'answered',
        'channel',
        'confidence',
        'created_at',
        'id',
        'language',
        'matched_key',
        'matched_kind',
        'question',
      ].sort(),
    );
    const report = (
      await api('GET', `/api/v1/staff/knowledge/questions/unanswered?from=${today()}&lang=id`, publisher)
    ).json();
    expect(report.items[0]).toMatchObject({
      question: 'cara bikin sim? hp saya […]',
      language: 'id',
      count: 2,
    });
    expect(report.items.map((i: { question: string }) => i.question)).toContain('siapa juara liga');
    const none = (
      await api('GET', `/api/v1/staff/knowledge/questions/unanswered?lang=en&from=${today()}`, publisher)
    ).json();
    expect(none.items.every((i: { language: string }) => i.language === 'en')).toBe(true);
    const badDate = await api(
      'GET',
      '/api/v1/staff/knowledge/questions/unanswered?from=2025-02-30',
      publisher,
    );
    expect([badDate.statusCode, badDate.json().code]).toEqual([400, 'validation_failed']);
    const all = (await api('GET', '/api/v1/staff/knowledge/questions?answered=true', auditor)).json();
    expect(all.items.every((i: { answered: boolean }) => i.answered)).toBe(true);
  });

  it('validates questions and limits them per address', async () => {
    const empty = await api('POST', '/api/v1/assistant/answer', undefined, { question: '' });
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'validation_failed']);
    const limited = await createTestApp({
      rateLimits: {
        ...t.config.rateLimits,
        enabled: true,
        assistantQuestions: { limit: 2, windowMs: 60_000 },
      },
    });
    const ask = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/v1/assistant/answer',
        payload: { question: 'paspor' },
      });
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    const third = await ask();
    expect([third.statusCode, third.json().code]).toEqual([429, 'rate_limited']);
  });
});

describe(`service standards and maklumat (${ENGINE})`, () => {
  const components = Object.fromEntries(
    [
      'legal_basis',
      'requirements',
      'procedure',
      'completion_time',
      'fees',
      'product',
      'facilities',
      'staff_competence',
      'internal_supervision',
      'complaint_handling',
      'staff_count',
      'service_guarantee',
      'security_guarantee',
      'performance_evaluation',
    ].map((c) => [c, { id: `Isi ${c}`, en: `Text ${c}` }]),
  );

  it('publishes the six service-delivery components of the standard in effect', async () => {
    const saved = await api('PUT', '/api/v1/staff/knowledge/standards/TST/paspor', publisher, {
      legalBasis: 'UU 25/2009; PP 45/2024',
      effectiveFrom: '2025-01-01',
      components: {
        ...components,
        fees: { id: 'E-paspor: {{fee:EPASPOR_10TH}}', en: 'E-passport: {{fee:EPASPOR_10TH}}' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(204);
    const future = await api('PUT', '/api/v1/staff/knowledge/standards/TST/paspor', publisher, {
      legalBasis: 'Masa depan',
      effectiveFrom: daysFromToday(30),
      components,
    });
    expect(future.statusCode).toBe(204);
    const [standard] = (await api('GET', '/api/v1/knowledge/standards?lang=id&office=TST')).json().items;
    expect(standard.legalBasis).toBe('UU 25/2009; PP 45/2024');
    expect(standard.components.map((c: { number: number }) => c.number)).toEqual([2, 3, 4, 5, 6, 10]);
    expect(standard.components[3]).toMatchObject({
      label: 'Biaya/tarif',
      html: '<p>E-paspor: Rp1.050.000</p>',
    });
    const staffView = (await api('GET', '/api/v1/staff/knowledge/standards?office=TST', auditor)).json()
      .items;
    expect(staffView.map((s: { current: boolean }) => s.current)).toEqual([false, true]);
    const unknown = await api('PUT', '/api/v1/staff/knowledge/standards/TST/tidak-ada', publisher, {
      legalBasis: 'x',
      effectiveFrom: '2025-01-01',
      components,
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'unknown_service']);
    const incomplete = await api('PUT', '/api/v1/staff/knowledge/standards/TST/paspor', publisher, {
      legalBasis: 'x',
      effectiveFrom: '2025-01-01',
      components: { fees: { id: 'x', en: 'y' } },
    });
    expect(incomplete.statusCode).toBe(400);
  });

  it("keeps another office's standards and maklumat out of reach", async () => {
    await buildOffice(t.db, { code: 'OTH', nameId: 'Kantor Lain', nameEn: 'Other office' });
    const put = await api('PUT', '/api/v1/staff/knowledge/maklumat/OTH', publisher, {
      effectiveFrom: '2025-01-01',
      text: { id: 'Kami berjanji', en: 'We pledge' },
    });
    expect([put.statusCode, put.json().code]).toEqual([404, 'not_found']);
    const own = await api('PUT', '/api/v1/staff/knowledge/maklumat/TST', publisher, {
      effectiveFrom: '2025-01-01',
      text: {
        id: 'Dengan ini kami **sanggup** menyelenggarakan pelayanan sesuai standar.',
        en: 'We pledge to serve to the standard.',
      },
    });
    expect(own.statusCode).toBe(204);
    const maklumat = (await api('GET', '/api/v1/knowledge/maklumat?lang=id&office=TST')).json();
    expect(maklumat).toMatchObject({ officeName: 'Kantor Imigrasi Uji', effectiveFrom: '2025-01-01' });
    expect(maklumat.html).toBe(
      '<p>Dengan ini kami <strong>sanggup</strong> menyelenggarakan pelayanan sesuai standar.</p>',
    );
    expect((await api('GET', '/api/v1/knowledge/maklumat?office=OTH')).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/knowledge/maklumat?office=NOP')).json().code).toBe('unknown_office');
  });
});
