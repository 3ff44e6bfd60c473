import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import { createTestApp, type StaffHeaders, staffOf, type TestApp } from '../../../test-support/factories.js';
import { runDueJobs } from '../../jobs/worker.js';

/**
 * Issue #9's acceptance test, through HTTP as staff and the public use it: a publisher writes a deportation
 * announcement citing three records, a second publisher approves it, and it appears on the site, in the feeds and
 * in a webhook (a local HTTP server) showing initials and nationality only; texts with a cited person's name or
 * passport number are blocked.
 */
let t: TestApp;
let supervisor: StaffHeaders;
let writer: StaffHeaders;
let reviewer: StaffHeaders;
let admin: StaffHeaders;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let failNext = 0;
let signingSecret: string;
const recordIds: string[] = [];

const PERSONS = [
  {
    fullName: 'Chen Bo',
    nationality: 'CN',
    documentNumber: 'E12345678',
    legalBasis: 'Pasal 122 huruf a UU 6/2011',
    action: 'deportation',
    decidedOn: '2026-11-18',
    carriedOutOn: '2026-11-20',
  },
  {
    fullName: 'Nguyễn Văn An',
    nationality: 'VN',
    documentNumber: 'C0456789',
    legalBasis: 'Pasal 75 ayat (1) UU 6/2011',
    action: 'deportation',
    decidedOn: '2026-11-18',
    carriedOutOn: '2026-11-21',
  },
  {
    fullName: 'Park Ji-hoon',
    nationality: 'KR',
    documentNumber: 'M98765432',
    legalBasis: 'Pasal 75 ayat (2) huruf a UU 6/2011',
    action: 'deportation',
    decidedOn: '2026-11-19',
    carriedOutOn: '2026-11-21',
  },
];

const SECRET_VALUES = ['Chen Bo', 'Nguy', 'Park Ji', 'E12345678', 'C0456789', 'M98765432'];
const expectNoPersonalData = (text: string) => {
  for (const value of SECRET_VALUES) expect(text).not.toContain(value);
};

async function api(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
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

const announcement = (citations: string[], extra: { idBody?: string; enTitle?: string } = {}) => ({
  category: 'enforcement',
  citations,
  texts: {
    id: {
      title: 'Kantor Imigrasi mendeportasi tiga WNA pelanggar izin tinggal',
      summary:
        'Tiga warga negara asing dideportasi setelah terbukti melanggar izin tinggal & tidak membayar denda.',
      body:
        extra.idBody ??
        '## Kronologi\nPetugas menemukan pelanggaran izin tinggal saat pengawasan rutin pada November 2026.\n\n- Pengawasan orang asing dilakukan bersama TIMPORA.\n- Laporkan pelanggaran melalui kanal resmi kami.',
    },
    en: {
      title: extra.enTitle ?? 'Immigration office deports three foreign nationals for overstaying',
      summary: 'Three foreign nationals were deported after overstaying their permits & not paying the fine.',
      body: '## What happened\nOfficers found the violations during routine supervision in November 2026.',
    },
  },
});

async function runJobs(now = new Date()) {
  return runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config }, { now, limit: 20 });
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (failNext > 0) {
        failNext--;
        response.writeHead(503).end();
        return;
      }
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  t = await createTestApp({ publicUrl: 'https://loket.example.go.id' });
  supervisor = await staffOf(t, 'supervisor');
  writer = await staffOf(t, 'publisher');
  reviewer = await staffOf(t, 'publisher');
  admin = await staffOf(t, 'admin');
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe(`publications on ${ENGINE}`, () => {
  it('lets an administrator add a webhook, whose secret is shown once', async () => {
    const created = await api('POST', '/api/v1/staff/publication-webhooks', admin, {
      name: 'Posting tool',
      url: receiverUrl,
      active: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    signingSecret = created.json().signingSecret;
    expect(signingSecret).toMatch(/^whsec_/);
    const list = await api('GET', '/api/v1/staff/publication-webhooks', admin);
    expect(list.json().items[0]).not.toHaveProperty('signingSecret');
    expect((await api('GET', '/api/v1/staff/publication-webhooks', writer)).statusCode).toBe(403);
  });

  it('keeps enforcement records sealed at rest and shows publishers initials and nationality only', async () => {
    for (const person of PERSONS) {
      const response = await api('POST', '/api/v1/staff/enforcement-records', supervisor, person);
      expect(response.statusCode, response.body).toBe(201);
      recordIds.push(response.json().id);
    }
    expect((await api('GET', '/api/v1/staff/enforcement-records', writer)).statusCode).toBe(403);
    const full = await api('GET', `/api/v1/staff/enforcement-records/${recordIds[1]}`, supervisor);
    expect(full.json()).toMatchObject({ fullName: 'Nguyễn Văn An', initials: 'NVA', label: 'NVA (Vietnam)' });
    const citable = await api('GET', '/api/v1/staff/publications/citable-records', writer);
    expect(
      citable
        .json()
        .items.map((c: { label: string }) => c.label)
        .sort(),
    ).toEqual(['CB (Tiongkok)', 'NVA (Vietnam)', 'PJH (Korea Selatan)']);
    expectNoPersonalData(citable.body);
    const rows = await t.db.selectFrom('enforcement_records').selectAll().execute();
    expectNoPersonalData(JSON.stringify(rows));
    const events = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', 'like', 'enforcement.%')
      .execute();
    expect(events).toHaveLength(3);
    expectNoPersonalData(JSON.stringify(events));
  });

  it('blocks a text with a cited person’s full name or passport number, listing each finding', async () => {
    const created = await api(
      'POST',
      '/api/v1/staff/publications',
      writer,
      announcement(recordIds, {
        idBody: 'WNA atas nama CHEN BO dideportasi.',
        enTitle: 'Passport E 1234 5678 holder deported',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const blocked = await api('POST', `/api/v1/staff/publications/${id}/submit`, writer, { version });
    expect(blocked.statusCode).toBe(422);
    const problem = blocked.json();
    expect(problem.code).toBe('publication_blocked');
    expect(problem.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'texts.id.body publication.full_name',
      'texts.en.title publication.document_number',
    ]);
    expect(problem.errors[0].message).toContain('Versi ID, isi: nama lengkap orang yang dirujuk (rujukan 1)');
    expectNoPersonalData(blocked.body);
    const english = await api(
      'POST',
      `/api/v1/staff/publications/${id}/submit`,
      { ...writer, 'accept-language': 'en' },
      { version },
    );
    expect(english.json().errors[1].message).toContain(
      'EN version, title: travel document number of a cited person',
    );
    // The check on demand says the same, and the refusals are in the trail without the matched text.
    const check = await api('POST', `/api/v1/staff/publications/${id}/check`, writer);
    expect(check.json()).toMatchObject({ publishable: false });
    expect(check.json().findings).toHaveLength(2);
    const refusals = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'publication.check_blocked')
      .execute();
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    expectNoPersonalData(JSON.stringify(refusals));
    expect((await api('GET', `/api/v1/staff/publications/${id}`, writer)).json().status).toBe('draft');
  });

  it('blocks the same name hidden in a later revision, even when a reviewer tries to approve it', async () => {
    const created = (await api('POST', '/api/v1/staff/publications', writer, announcement(recordIds))).json();
    const submitted = await api('POST', `/api/v1/staff/publications/${created.id}/submit`, writer, {
      version: created.version,
    });
    expect(submitted.json().status).toBe('review');
    // A record corrected after submission now matches the text: approval re-runs the check.
    const record = (await api('GET', `/api/v1/staff/enforcement-records/${recordIds[0]}`, supervisor)).json();
    await api('PUT', `/api/v1/staff/enforcement-records/${recordIds[0]}`, supervisor, {
      ...PERSONS[0],
      fullName: 'Chen Petugas',
      version: record.version,
    });
    const approve = await api('POST', `/api/v1/staff/publications/${created.id}/approve`, reviewer, {
      version: submitted.json().version,
    });
    expect(approve.statusCode).toBe(422);
    expect(approve.json().errors[0].code).toBe('publication.name_part');
    await api('PUT', `/api/v1/staff/enforcement-records/${recordIds[0]}`, supervisor, {
      ...PERSONS[0],
      version: record.version + 1,
    });
    await api('POST', `/api/v1/staff/publications/${created.id}/archive`, writer, {
      version: submitted.json().version,
    });
  });

  let published: { id: string; slug: string };

  it('publishes a deportation announcement approved by a second publisher, never by its author', async () => {
    const created = await api('POST', '/api/v1/staff/publications', writer, announcement(recordIds));
    const draft = created.json();
    expect(draft.citations.map((c: { label: string }) => c.label)).toEqual([
      'CB (Tiongkok)',
      'NVA (Vietnam)',
      'PJH (Korea Selatan)',
    ]);
    expect(draft.allowedActions).toContain('submit');
    const submitted = (
      await api('POST', `/api/v1/staff/publications/${draft.id}/submit`, writer, { version: draft.version })
    ).json();
    expect(submitted.status).toBe('review');
    expect(submitted.allowedActions).not.toContain('approve');
    const own = await api('POST', `/api/v1/staff/publications/${draft.id}/approve`, writer, {
      version: submitted.version,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('second_publisher_required');
    const asReviewer = (await api('GET', `/api/v1/staff/publications/${draft.id}`, reviewer)).json();
    expect(asReviewer.allowedActions).toContain('approve');
    const approved = await api('POST', `/api/v1/staff/publications/${draft.id}/approve`, reviewer, {
      version: submitted.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'published', reviewerName: expect.any(String) });
    expect(approved.json().publicUrls).toEqual([
      { language: 'id', url: `https://loket.example.go.id/news/id/${draft.slug}` },
      { language: 'en', url: `https://loket.example.go.id/news/en/${draft.slug}` },
    ]);
    published = { id: draft.id, slug: draft.slug };

    // Who wrote, reviewed and published is in the event trail.
    const events = await t.db
      .selectFrom('events')
      .select(['type', 'actor_id', 'payload'])
      .where('type', 'like', 'publication.%')
      .orderBy('id')
      .execute();
    const mine = events.filter((e) => JSON.stringify(e.payload).includes(draft.id));
    // Approval and going live happen in one transaction, at the same instant: compare without order.
    const actorOf = (type: string) => mine.find((e) => e.type === type)?.actor_id;
    expect(mine.map((e) => e.type).sort()).toEqual([
      'publication.approved',
      'publication.created',
      'publication.published',
      'publication.submitted',
    ]);
    expect(actorOf('publication.submitted')).toBe(actorOf('publication.created'));
    expect(actorOf('publication.approved')).not.toBe(actorOf('publication.created'));
    expect(actorOf('publication.published')).toBe(actorOf('publication.approved'));
  });

  it('delivers the publication to the webhook, signed, with initials and nationality only', async () => {
    await runJobs();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const expected = `sha256=${createHmac('sha256', signingSecret).update(delivery!.body).digest('hex')}`;
    expect(delivery!.headers['x-loket-signature']).toBe(expected);
    const body = JSON.parse(delivery!.body);
    expect(body.publication.versions).toEqual([
      expect.objectContaining({
        language: 'id',
        url: `https://loket.example.go.id/news/id/${published.slug}`,
        citations: ['CB (Tiongkok)', 'NVA (Vietnam)', 'PJH (Korea Selatan)'],
      }),
      expect.objectContaining({
        language: 'en',
        citations: ['CB (China)', 'NVA (Vietnam)', 'PJH (South Korea)'],
      }),
    ]);
    expectNoPersonalData(delivery!.body);
    const view = (await api('GET', `/api/v1/staff/publications/${published.id}`, writer)).json();
    expect(view.deliveries).toEqual([
      expect.objectContaining({ webhookName: 'Posting tool', status: 'delivered', attempts: 1 }),
    ]);
  });

  it('shows it on the site with sharing metadata, in the feeds and the sitemap', async () => {
    const list = await api('GET', '/news/id?category=enforcement');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Kantor Imigrasi mendeportasi tiga WNA');
    const page = await api('GET', `/news/id/${published.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('CB (Tiongkok)');
    expect(page.body).toContain('Pasal 122 huruf a UU 6/2011');
    expect(page.body).toContain('<meta property="og:title" content="Kantor Imigrasi mendeportasi tiga WNA');
    expect(page.body).toContain('<meta name="twitter:card" content="summary">');
    expect(page.body).toContain(
      `<link rel="canonical" href="https://loket.example.go.id/news/id/${published.slug}">`,
    );
    expectNoPersonalData(page.body);
    const english = await api('GET', `/news/en/${published.slug}`);
    expect(english.body).toContain('CB (China)');

    const rss = await api('GET', '/news/en/feed.rss?category=enforcement');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain(
      '<title>Immigration office deports three foreign nationals for overstaying</title>',
    );
    expect(rss.body).toContain('permits &amp; not paying');
    expect(rss.body).toContain('CB (China) — Deportation');
    expectNoPersonalData(rss.body);
    const atom = await api('GET', '/news/id/feed.atom');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain(`<id>https://loket.example.go.id/news/id/${published.slug}</id>`);
    expectNoPersonalData(atom.body);
    expect((await api('GET', '/news/id/feed.rss?category=news')).body).not.toContain('<item>');
    const map = await api('GET', '/sitemap.xml');
    expect(map.body).toContain(`<loc>https://loket.example.go.id/news/en/${published.slug}</loc>`);
  });

  it('filters the list by period, refuses a wrong date with a message, and pages', async () => {
    const empty = await api('GET', '/news/id?from=2020-01-01&to=2020-12-31');
    expect(empty.body).toContain('Tidak ada publikasi');
    const wrong = await api('GET', '/news/en?from=2026-13-45');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter a real date');
    const redirect = await api('GET', '/news?lang=en&category=enforcement');
    expect(redirect.headers.location).toBe('/news/en?category=enforcement');
  });

  it('publishes a scheduled publication through the job queue at its time', async () => {
    const created = (
      await api('POST', '/api/v1/staff/publications', writer, {
        category: 'service_change',
        texts: {
          id: {
            title: 'Layanan paspor Sabtu ditiadakan pada 26 Desember',
            summary: 'Layanan paspor hari Sabtu ditiadakan karena cuti bersama.',
            body: 'Silakan datang pada hari kerja berikutnya.',
          },
        },
      })
    ).json();
    const submitted = (
      await api('POST', `/api/v1/staff/publications/${created.id}/submit`, writer, {
        version: created.version,
      })
    ).json();
    const at = new Date(Date.now() + 3600_000);
    const approved = (
      await api('POST', `/api/v1/staff/publications/${created.id}/approve`, reviewer, {
        version: submitted.version,
        scheduledAt: at.toISOString(),
      })
    ).json();
    expect(approved.status).toBe('scheduled');
    expect((await api('GET', `/news/id/${created.slug}`)).statusCode).toBe(404);
    await runJobs();
    expect((await api('GET', `/api/v1/staff/publications/${created.id}`, writer)).json().status).toBe(
      'scheduled',
    );
    await runJobs(new Date(at.getTime() + 1000));
    expect((await api('GET', `/api/v1/staff/publications/${created.id}`, writer)).json().status).toBe(
      'published',
    );
    // Going live queued the webhook delivery, which the next run sends.
    await runJobs(new Date(at.getTime() + 2000));
    expect((await api('GET', `/news/id/${created.slug}`)).statusCode).toBe(200);
    expect(received).toHaveLength(2);
  });

  it('retries a failed delivery and lets a publisher retry it by hand', async () => {
    failNext = 10;
    const created = (
      await api('POST', '/api/v1/staff/publications', writer, {
        category: 'news',
        texts: {
          id: {
            title: 'Pelayanan paspor keliling di Sidoarjo',
            summary: 'Layanan jemput bola.',
            body: 'Datang dengan dokumen asli.',
          },
        },
      })
    ).json();
    const submitted = (
      await api('POST', `/api/v1/staff/publications/${created.id}/submit`, writer, {
        version: created.version,
      })
    ).json();
    await api('POST', `/api/v1/staff/publications/${created.id}/approve`, reviewer, {
      version: submitted.version,
    });
    await runJobs();
    let view = (await api('GET', `/api/v1/staff/publications/${created.id}`, writer)).json();
    expect(view.deliveries[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    failNext = 0;
    const retry = await api(
      'POST',
      `/api/v1/staff/publications/${created.id}/deliveries/${view.deliveries[0].id}/retry`,
      writer,
    );
    expect(retry.statusCode).toBe(202);
    await runJobs();
    view = (await api('GET', `/api/v1/staff/publications/${created.id}`, writer)).json();
    expect(view.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('keeps revisions and takes an archived publication off the site', async () => {
    const created = (await api('POST', '/api/v1/staff/publications', writer, announcement(recordIds))).json();
    const edited = (
      await api('PATCH', `/api/v1/staff/publications/${created.id}`, writer, {
        version: created.version,
        category: 'announcement',
        message: 'Kategori diganti',
      })
    ).json();
    expect(edited.revisionNumber).toBe(2);
    const revisions = (await api('GET', `/api/v1/staff/publications/${created.id}/revisions`, writer)).json();
    expect(
      revisions.items.map((r: { number: number; category: string }) => `${r.number}:${r.category}`),
    ).toEqual(['2:announcement', '1:enforcement']);
    const restored = (
      await api('POST', `/api/v1/staff/publications/${created.id}/revisions/1/restore`, writer, {
        version: edited.version,
      })
    ).json();
    expect(restored).toMatchObject({ revisionNumber: 3, category: 'enforcement' });
    const view = (await api('GET', `/api/v1/staff/publications/${published.id}`, writer)).json();
    const archived = await api('POST', `/api/v1/staff/publications/${published.id}/archive`, writer, {
      version: view.version,
    });
    expect(archived.json().status).toBe('archived');
    expect((await api('GET', `/news/id/${published.slug}`)).statusCode).toBe(404);
    expect((await api('GET', '/news/id/feed.rss')).body).not.toContain(published.slug);
  });

  it('shows enforcement statistics with every count under five suppressed', async () => {
    for (let i = 0; i < 5; i++) {
      await api('POST', '/api/v1/staff/enforcement-records', supervisor, {
        ...PERSONS[0],
        fullName: `Contoh Orang ${i}`,
        documentNumber: `G0000000${i}`,
        action: 'deterrence_listing',
        decidedOn: `2026-10-0${i + 1}`,
        carriedOutOn: null,
      });
    }
    const page = await api('GET', '/news/en/statistics?year=2026');
    expect(page.statusCode).toBe(200);
    const rowOf = (label: string) =>
      new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(page.body)?.[1];
    // 3 deportations, 5 deterrence listings; 6 Chinese, 1 Vietnamese, 1 Korean (merged into Other, 2).
    expect(rowOf('Deportation')).toBe('&lt; 5');
    expect(rowOf('Entry ban \\(deterrence list\\)')).toBe('5');
    expect(rowOf('China')).toBe('6');
    expect(rowOf('Other')).toBe('&lt; 5');
    expect(rowOf('October')).toBe('5');
    expect(rowOf('November')).toBe('&lt; 5');
    expect(page.body).not.toContain('Vietnam');
  });

  it('takes images checked by their content and shows them in the body with their alternative text', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const upload = await api('POST', '/api/v1/staff/publications/images', writer, {
      fileName: 'loket.png',
      contentBase64: png,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const { url, id } = upload.json();
    const pdf = Buffer.from('%PDF-1.7 not an image').toString('base64');
    const refused = await api('POST', '/api/v1/staff/publications/images', writer, {
      fileName: 'a.png',
      contentBase64: pdf,
    });
    expect(refused.statusCode).toBe(415);
    const misnamed = await api('POST', '/api/v1/staff/publications/images', writer, {
      fileName: 'a.exe',
      contentBase64: png,
    });
    expect(misnamed.statusCode).toBe(415);
    const created = (
      await api('POST', '/api/v1/staff/publications', writer, {
        category: 'news',
        texts: {
          id: {
            title: 'Loket baru di lantai dua',
            summary: 'Ruang tunggu lebih luas.',
            body: `Ruang tunggu baru.\n\n![Ruang tunggu <baru> di lantai dua](${url})\n\nBuka pukul 08.00.`,
          },
        },
      })
    ).json();
    const submitted = (
      await api('POST', `/api/v1/staff/publications/${created.id}/submit`, writer, {
        version: created.version,
      })
    ).json();
    await api('POST', `/api/v1/staff/publications/${created.id}/approve`, reviewer, {
      version: submitted.version,
    });
    const page = await api('GET', `/news/id/${created.slug}`);
    expect(page.body).toContain(
      `<figure><img src="/news/images/${id}" alt="Ruang tunggu &lt;baru&gt; di lantai dua" loading="lazy"></figure>`,
    );
    expect(page.body).toContain('<p>Buka pukul 08.00.</p>');
    const image = await api('GET', url);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(Buffer.from(png, 'base64'))).toBe(true);
    expect((await api('GET', '/news/images/0190a1b2-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('never gives a publication an address the portal uses for its own pages', async () => {
    const created = await api('POST', '/api/v1/staff/publications', writer, {
      category: 'news',
      texts: { id: { title: 'Statistics', summary: 'Ringkas.', body: 'Isi.' } },
    });
    expect(created.json().slug).toMatch(/^statistics-[0-9a-f]{6}$/);
  });
});
