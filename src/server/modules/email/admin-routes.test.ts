import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { open } from '../../lib/secret-box.js';
import { findOfficeById } from '../offices/storage.js';
import { composeNotification } from './compose.js';
import { IMAP_PASSWORD_PURPOSE } from './inbound/imap-poller.js';
import { findMailSettings } from './storage.js';

let t: TestApp;
let admin: StaffHeaders;
const base = '/api/v1/staff/offices/TST/email';

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://loket.example.go.id' });
  admin = await staffOf(t, 'admin');
});

describe('e-mail templates in the console API', () => {
  it('lists every template in both languages with its placeholders, defaults first', async () => {
    const response = await t.app.inject({ method: 'GET', url: `${base}/templates`, headers: admin });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      template: string;
      language: string;
      customised: boolean;
      placeholders: string[];
    }[];
    expect(items.map((i) => `${i.template}/${i.language}`)).toEqual([
      'receipt/id',
      'receipt/en',
      'reply/id',
      'reply/en',
      'status/id',
      'status/en',
      'resolved/id',
      'resolved/en',
    ]);
    expect(items.every((i) => !i.customised)).toBe(true);
    expect(items.find((i) => i.template === 'reply')?.placeholders).toContain('reply.text');
  });

  it('refuses unknown placeholders and unclosed sections with a localised 400 naming them', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `${base}/templates/reply/id`,
      headers: { ...admin, 'accept-language': 'en' },
      payload: { subject: 'Re: {{case.kode}}', text: '{{#reply.text}}x', html: '<p>{{reply.text}}</p>' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        { field: 'subject', code: 'unknown_placeholder', params: { name: 'case.kode' } },
        { field: 'text', code: 'unbalanced_section', params: { name: 'reply.text' } },
      ],
    });
  });

  it('previews with an example case, escaping values in HTML', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${base}/templates/reply/en/preview`,
      headers: admin,
      payload: {
        subject: 'Re: [{{case.trackingCode}}] {{case.subject}}',
        text: 'Dear {{citizen.name}},\n{{reply.text}}',
        html: '<p>{{reply.text}}</p>',
      },
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.subject).toBe('Re: [TST-26-7K3Q9MX] Passport renewal requirements');
    expect(preview.text).toContain('Dear Siti Aminah,\nPlease bring your old passport');
    expect(preview.html).toContain(
      '<p>Please bring your old passport and original ID card.<br>\nBook a slot',
    );
  });

  it('saves a template that the next notification uses, and resets it to the default', async () => {
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `${base}/templates/status/id`,
      headers: admin,
      payload: {
        subject: 'Kabar laporan {{case.trackingCode}}: {{status.name}}',
        text: 'Halo {{citizen.name}}, laporan Anda {{status.name}}.',
        html: '<p>Halo {{citizen.name}}</p>',
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().customised).toBe(true);

    const { case: found } = await buildCase(t.db);
    const office = (await findOfficeById(t.db, found.officeId))!;
    const mail = await composeNotification(t.db, t.config, {
      office,
      case: found,
      template: 'status',
      eventId: 'e1',
      details: { status: { to: 'in_progress', reason: null } },
    });
    // The tracking code is kept in brackets even when a template leaves them out: replies thread by it.
    expect(mail.subject).toBe(`[${found.trackingCode}] Kabar laporan ${found.trackingCode}: Sedang diproses`);
    expect(mail.text).toMatch(/^Halo Siti Aminah, laporan Anda Sedang diproses\.\n\n-- \n/);
    expect(mail.html).toContain('<p>Halo Siti Aminah</p>');

    const reset = await t.app.inject({
      method: 'DELETE',
      url: `${base}/templates/status/id`,
      headers: admin,
    });
    expect(reset.json()).toMatchObject({
      customised: false,
      subject: '[{{case.trackingCode}}] Status laporan Anda: {{status.name}}',
    });
  });
});

describe('office mail settings in the console API', () => {
  it('stores the IMAP password encrypted and never returns it', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `${base}/settings`,
      headers: admin,
      payload: {
        address: 'Informasi@TST.example.go.id',
        imap: {
          enabled: true,
          host: 'imap.example.go.id',
          port: 993,
          user: 'informasi',
          password: 'sandi-rahasia-1',
        },
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('sandi-rahasia-1');
    expect(response.json()).toMatchObject({
      address: 'informasi@tst.example.go.id',
      imap: { enabled: true, hasPassword: true, host: 'imap.example.go.id', mailbox: 'INBOX' },
    });
    const stored = await findMailSettings(t.db, await officeIdOf(t.db, 'TST'));
    expect(stored?.imap.passwordSealed).not.toContain('sandi');
    expect(open(t.config.secret, IMAP_PASSWORD_PURPOSE, stored!.imap.passwordSealed!)).toBe(
      'sandi-rahasia-1',
    );
  });

  it('refuses to enable IMAP without a server and an invalid address', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `${base}/settings`,
      headers: admin,
      payload: { imap: { enabled: false, host: null } },
    });
    const enabled = await t.app.inject({
      method: 'PATCH',
      url: `${base}/settings`,
      headers: admin,
      payload: { imap: { enabled: true } },
    });
    expect(enabled.statusCode).toBe(400);
    expect(enabled.json().errors).toMatchObject([{ field: 'imap.host', code: 'required' }]);
    const address = await t.app.inject({
      method: 'PATCH',
      url: `${base}/settings`,
      headers: admin,
      payload: { address: 'bukan alamat' },
    });
    expect(address.statusCode).toBe(400);
  });
});
