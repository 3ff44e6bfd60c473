import { beforeAll, describe, expect, it } from 'vitest';
import { invalidateCalendars, replaceWorkingHours } from '../server/modules/calendar/storage.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  STAFF_PASSWORD,
  sessionHeaders,
  type TestApp,
} from '../test-support/factories.js';
import { EXE, PNG, Visitor } from '../test-support/portal-client.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const officeId = await officeIdOf(t.db, 'TST');
  await replaceWorkingHours(
    t.db,
    officeId,
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 0, closes: 24 * 60 })),
  );
  invalidateCalendars(t.db);
  void STAFF_PASSWORD;
});

const codeOn = (body: string) => /<dd class="code">([A-Z0-9-]+)<\/dd>/.exec(body)?.[1];
const keyOn = (body: string) => [...body.matchAll(/<dd class="code">([^<]+)<\/dd>/g)][1]?.[1];

describe('the chat page without JavaScript', () => {
  it('starts, asks for a person, gets the reply on refresh and continues later with the code and key', async () => {
    const visitor = new Visitor(t.app);
    const start = await visitor.get('/chat');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('name="action" value="start"');
    // The chat button is on other pages, not on the chat's own.
    expect(start.body).not.toContain('class="chat-launch"');
    expect((await new Visitor(t.app).get('/')).body).toContain('class="chat-launch" href="/chat"');

    expect((await visitor.post('/chat', { action: 'start', body: '' })).statusCode).toBe(400);
    const started = await visitor.post('/chat', { action: 'start', body: 'Berapa lama membuat paspor?' });
    expect(started.statusCode).toBe(303);
    expect(visitor.cookies.get('loket_chat')).toBeDefined();
    const page = await visitor.get('/chat');
    expect(page.body).toContain('Berapa lama membuat paspor?');
    expect(page.body).toContain('chat-msg--assistant');

    // Nobody online: the chat becomes a message, with the receipt shown once.
    const handOff = await visitor.post('/chat', { action: 'agent' });
    expect(handOff.statusCode).toBe(200);
    const code = codeOn(handOff.body)!;
    const key = keyOn(handOff.body)!;
    expect(code).toMatch(/^TST-/);
    expect(key.length).toBeGreaterThan(8);
    expect(handOff.body).toContain(code);

    // The visitor adds a file through the portal's content checks: a program is refused, an image is taken.
    const nextId = /name="id" value="([^"]+)"/.exec(handOff.body)![1]!;
    const refused = await visitor.post('/chat', { action: 'send', id: nextId, body: '' }, [
      { field: 'file', filename: 'foto.png', type: 'image/png', content: EXE },
    ]);
    expect(refused.statusCode).toBe(400);
    const sent = await visitor.post('/chat', { action: 'send', id: nextId, body: 'Ini fotonya' }, [
      { field: 'file', filename: 'foto.png', type: 'image/png', content: PNG },
    ]);
    expect(sent.statusCode).toBe(303);
    // Sending the same form again (a double press) stores the message once.
    await visitor.post('/chat', { action: 'send', id: nextId, body: 'Ini fotonya' });
    const afterSend = await visitor.get('/chat');
    expect(afterSend.body.match(/Ini fotonya/g)).toHaveLength(1);
    expect(afterSend.body).toContain('foto.png');

    // An agent answers on the case page; the visitor refreshes and sees it.
    const agent = await buildStaff(t.db, { roles: ['agent'], officeId: await officeIdOf(t.db, 'TST') });
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${code}/messages`,
      headers: await sessionHeaders(t.db, agent, t.config),
      payload: { kind: 'public_reply', body: 'Paspor selesai dalam empat hari kerja.' },
    });
    expect(reply.statusCode).toBe(201);
    expect((await visitor.get('/chat')).body).toContain('Paspor selesai dalam empat hari kerja.');

    // On another device: the tracking code and access key open the same conversation.
    const later = new Visitor(t.app);
    await later.get('/chat');
    const wrong = await later.post('/chat', { action: 'open', code, key: 'WRONG-KEY' });
    expect(wrong.statusCode).toBe(400);
    const opened = await later.post('/chat', { action: 'open', code, key });
    expect(opened.statusCode).toBe(303);
    expect((await later.get('/chat')).body).toContain('Paspor selesai dalam empat hari kerja.');
  });

  it('refuses a form without the CSRF token', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/chat');
    const response = await visitor.post('/chat', { action: 'start', body: 'Halo' }, [], null);
    expect(response.statusCode).toBe(403);
  });
});
