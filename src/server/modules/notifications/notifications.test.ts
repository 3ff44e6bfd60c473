import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  sessionHeaders,
  type TestApp,
} from '../../../test-support/factories.js';
import { assignCase } from '../cases/assign-case.js';
import { staffEmail } from './notify.js';
import { mentionedNames } from './reactions.js';

describe('mentions', () => {
  it('finds @names in a note, not e-mail addresses', () => {
    expect(mentionedNames('@sari tolong cek, cc @Budi.Santoso.')).toEqual(['sari', 'budi.santoso']);
    expect(mentionedNames('kirim ke warga@example.com')).toEqual([]);
    expect(mentionedNames('(@rina) dan @rina lagi')).toEqual(['rina']);
  });
});

describe('staff e-mails', () => {
  it('carry the tracking code and the due time in the recipient’s language, never the subject', () => {
    const mail = staffEmail('id', {
      kind: 'sla_breached',
      officeId: 'x',
      caseId: 'y',
      trackingCode: 'SBY-26-7K3Q9MX',
      subject: 'Nomor paspor saya A1234567',
      actorName: null,
      details: { dueAt: '2026-06-04T09:00:00.000Z', timeZone: 'Asia/Jakarta' },
    });
    expect(mail.subject).toBe('Kasus SBY-26-7K3Q9MX melewati batas waktu');
    expect(mail.text).toContain('16.00');
    expect(mail.text).not.toContain('A1234567');
  });
});

describe(`live notifications on ${ENGINE}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('arrive on their recipient’s console event stream', async () => {
    const officeId = await officeIdOf(t.db, 'TST');
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/v1/staff/events`, {
      headers: { cookie: (await sessionHeaders(t.db, agent, t.config)).cookie },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { case: created } = await buildCase(t.db);
    await assignCase(t.db, { type: 'system', id: null, name: null }, created.trackingCode, {
      expectedVersion: 1,
      assigneeId: agent.id,
    });
    let text = '';
    const deadline = Date.now() + 8000;
    while (!text.includes('event: notification') && Date.now() < deadline) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const line = text
      .split('\n\n')
      .find((block) => block.startsWith('event: notification'))!
      .split('\n')
      .find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice(6))).toMatchObject({ kind: 'assigned', trackingCode: created.trackingCode });
  });
});
