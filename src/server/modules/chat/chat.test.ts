import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, type ChatClient as Client, type Frame } from '../../../test-support/chat-client.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  TEST_SECRET,
  type TestApp,
} from '../../../test-support/factories.js';
import type { StaffUser } from '../accounts/model.js';
import { invalidateCalendars, replaceWorkingHours } from '../calendar/storage.js';
import { acceptChat } from './agents.js';
import { requestAgent, sendVisitorMessage, startConversation } from './conversations.js';
import { sweepWaitingChats } from './jobs.js';
import { findConversation, messagesAfter } from './storage.js';
import { signConversationToken, verifyConversationToken } from './token.js';

let t: TestApp;
let base: string;
let officeId: string;
let agent: StaffUser;
let agentHeaders: StaffHeaders;
const clients: Client[] = [];

async function visitor(): Promise<Client> {
  const client = await ChatClient.open(`${base}/api/v1/chat/socket`);
  clients.push(client);
  return client;
}

async function startChat(lang = 'id'): Promise<{ client: Client; token: string }> {
  const client = await visitor();
  client.send({ t: 'start', lang });
  const ready = await client.waitFor((f) => f.t === 'ready');
  return { client, token: ready.token as string };
}

const isMsg = (predicate: (f: Frame) => boolean) => (f: Frame) => f.t === 'msg' && predicate(f);
let counter = 0;
const clientId = () => `client-${Date.now()}-${++counter}`;

async function staffRequest(
  headers: StaffHeaders,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  return t.app.inject({ method, url, headers, payload });
}

/** Open every day, all day: the tests do not depend on when they run. */
async function alwaysOpen() {
  await replaceWorkingHours(
    t.db,
    officeId,
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 0, closes: 24 * 60 })),
  );
  invalidateCalendars(t.db);
}

beforeAll(async () => {
  t = await createTestApp({ secret: TEST_SECRET });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `ws://127.0.0.1:${address.port}`;
  officeId = await officeIdOf(t.db, 'TST');
  agent = await buildStaff(t.db, { roles: ['agent'], officeId, displayName: 'Dewi' });
  agentHeaders = await sessionHeaders(t.db, agent, t.config);
  await alwaysOpen();
});

afterAll(() => {
  for (const client of clients) client.kill();
});

describe('conversation token', () => {
  it('opens its own conversation and nothing else', () => {
    const id = '0190f5c2-0000-7000-8000-000000000001';
    const token = signConversationToken('secret-a', id);
    expect(verifyConversationToken('secret-a', token)).toBe(id);
    expect(verifyConversationToken('secret-b', token)).toBeNull();
    expect(verifyConversationToken('secret-a', token.replace(/.$/, 'x'))).toBeNull();
    expect(
      verifyConversationToken('secret-a', signConversationToken('secret-a', id, Date.now() - 8 * 86400000)),
    ).toBeNull();
  });
});

describe('the visitor socket', () => {
  it('refuses an upgrade from another site (cross-site WebSocket hijacking)', async () => {
    await expect(
      ChatClient.open(`${base}/api/v1/chat/socket`, { origin: 'https://evil.example' }),
    ).rejects.toThrow(/403/);
  });

  it('closes a socket whose first frame is not a valid hello', async () => {
    const client = await visitor();
    client.send({ t: 'resume', token: 'forged.token.value', lastSeq: 0 });
    expect(await client.closed).toBe(4401);
  });

  it('acknowledges a message, and a resend of the same id only once', async () => {
    const { client } = await startChat();
    const id = clientId();
    client.send({ t: 'send', id, body: 'Berapa biaya paspor?' });
    const ack = await client.waitFor((f) => f.t === 'ack' && f.id === id);
    client.send({ t: 'send', id, body: 'Berapa biaya paspor?' });
    const again = await client.waitFor((f) => f.t === 'ack' && f.id === id && f.duplicate === true);
    expect(again.seq).toBe(ack.seq);
    const echo = await client.waitFor(isMsg((f) => f.id === id));
    expect(echo).toMatchObject({ author: 'visitor', body: 'Berapa biaya paspor?' });
    // The assistant answers first (here it declines: the test office has no knowledge base).
    const answer = await client.waitFor(isMsg((f) => f.author === 'assistant'));
    expect(answer.seq).toBe((ack.seq as number) + 1);
  });

  it('tells a client that sends too fast to slow down, then closes it', async () => {
    const { client } = await startChat();
    for (let i = 0; i < 120; i++) client.send({ t: 'ping' });
    await client.waitFor((f) => f.t === 'error' && f.code === 'rate_limited');
    expect(await client.closed).toBe(4429);
  });
});

describe('hand-off to an agent', () => {
  it('goes from the widget to a case in the console and back, with typing and the waiting position', async () => {
    const online = await staffRequest(agentHeaders, 'PUT', '/api/v1/staff/chat/availability', {
      status: 'online',
    });
    expect(online.json()).toMatchObject({ status: 'online', languages: ['id'] });

    const { client } = await startChat();
    client.send({ t: 'send', id: clientId(), body: 'Paspor saya hilang, apa yang harus saya lakukan?' });
    await client.waitFor(isMsg((f) => f.author === 'assistant'));
    client.send({ t: 'agent', name: 'Budi' });
    const receipt = await client.waitFor((f) => f.t === 'receipt');
    expect(receipt.trackingCode).toMatch(/^TST-/);
    expect(receipt.accessKey).toEqual(expect.any(String));
    await client.waitFor(isMsg((f) => (f.data as { notice?: string } | null)?.notice === 'waiting'));
    expect((await client.waitFor((f) => f.t === 'position')).position).toBe(1);

    // The console: the chat is a case with channel chat, and waits in the agent's queue.
    const cases = await staffRequest(agentHeaders, 'GET', '/api/v1/staff/cases?channel=chat');
    const found = cases
      .json()
      .items.find((c: { trackingCode: string }) => c.trackingCode === receipt.trackingCode);
    expect(found).toBeDefined();
    const queue = (await staffRequest(agentHeaders, 'GET', '/api/v1/staff/chat/queue')).json();
    const waiting = queue.waiting.find(
      (c: { trackingCode: string }) => c.trackingCode === receipt.trackingCode,
    );
    expect(waiting).toBeDefined();

    const accepted = await staffRequest(
      agentHeaders,
      'POST',
      `/api/v1/staff/chat/conversations/${waiting.id}/accept`,
    );
    expect(accepted.statusCode).toBe(200);
    await client.waitFor(
      isMsg((f) => (f.data as { notice?: string } | null)?.notice === 'agent_joined' && f.name === 'Dewi'),
    );

    // The agent's socket: typing reaches the visitor, the visitor's typing reaches the agent.
    const agentSocket = await ChatClient.open(`${base}/api/v1/staff/chat/socket`, {
      cookie: agentHeaders.cookie,
    });
    clients.push(agentSocket);
    await agentSocket.waitFor((f) => f.t === 'ready');
    agentSocket.send({ t: 'watch', c: waiting.id, lastSeq: 0 });
    await agentSocket.waitFor((f) => f.t === 'msg' && f.author === 'visitor');
    agentSocket.send({ t: 'typing', c: waiting.id, on: true });
    await client.waitFor((f) => f.t === 'typing' && f.on === true);
    client.send({ t: 'typing', on: true });
    await agentSocket.waitFor((f) => f.t === 'typing' && f.c === waiting.id && f.on === true);
    // A socket that starts watching while the visitor types is told so at once, not at the next keystroke.
    const lateSocket = await ChatClient.open(`${base}/api/v1/staff/chat/socket`, {
      cookie: agentHeaders.cookie,
    });
    clients.push(lateSocket);
    await lateSocket.waitFor((f) => f.t === 'ready');
    lateSocket.send({ t: 'watch', c: waiting.id, lastSeq: 0 });
    await lateSocket.waitFor((f) => f.t === 'typing' && f.c === waiting.id && f.on === true);

    // A reply on the case page (the ordinary case route) arrives in the widget.
    const reply = await staffRequest(
      agentHeaders,
      'POST',
      `/api/v1/staff/cases/${receipt.trackingCode}/messages`,
      {
        kind: 'public_reply',
        body: 'Silakan laporkan kehilangan ke kantor polisi terlebih dahulu.',
      },
    );
    expect(reply.statusCode).toBe(201);
    await client.waitFor(isMsg((f) => f.author === 'agent' && String(f.body).includes('kantor polisi')));
    // An internal note never reaches the visitor.
    await staffRequest(agentHeaders, 'POST', `/api/v1/staff/cases/${receipt.trackingCode}/messages`, {
      kind: 'internal_note',
      body: 'Catatan internal',
    });
    // The visitor's answer is a case message (the timeline), and reaches the agent's socket.
    const answerId = clientId();
    client.send({ t: 'send', id: answerId, body: 'Baik, terima kasih.' });
    await agentSocket.waitFor((f) => f.t === 'msg' && f.id === answerId);
    const detail = (
      await staffRequest(agentHeaders, 'GET', `/api/v1/staff/cases/${receipt.trackingCode}`)
    ).json();
    const bodies = detail.timeline.map((entry: { body?: string }) => entry.body);
    expect(bodies).toContain('Baik, terima kasih.');
    expect(detail.description).toContain('Paspor saya hilang');
    const transcript = await messagesAfter(t.db, waiting.id, 0);
    expect(transcript.map((m) => m.body)).not.toContain('Catatan internal');
    await staffRequest(agentHeaders, 'PUT', '/api/v1/staff/chat/availability', { status: 'away' });
  });

  it('loses and doubles nothing when sockets die mid-conversation', async () => {
    await staffRequest(agentHeaders, 'PUT', '/api/v1/staff/chat/availability', { status: 'online' });
    const { client, token } = await startChat();
    client.send({ t: 'agent' });
    const receipt = await client.waitFor((f) => f.t === 'receipt');
    const conversation = (await staffRequest(agentHeaders, 'GET', '/api/v1/staff/chat/queue'))
      .json()
      .waiting.find((c: { trackingCode: string }) => c.trackingCode === receipt.trackingCode);
    await staffRequest(agentHeaders, 'POST', `/api/v1/staff/chat/conversations/${conversation.id}/accept`);
    await client.waitFor(isMsg((f) => (f.data as { notice?: string } | null)?.notice === 'agent_joined'));
    const seenBefore = Math.max(...client.messages().map((f) => f.seq as number));

    // The phone loses its network; the agent keeps writing; one message is sent twice (a retried request).
    client.kill();
    const url = `/api/v1/staff/chat/conversations/${conversation.id}/messages`;
    const retried = clientId();
    await staffRequest(agentHeaders, 'POST', url, { id: retried, body: 'Satu' });
    await staffRequest(agentHeaders, 'POST', url, { id: retried, body: 'Satu' });
    await staffRequest(agentHeaders, 'POST', url, { id: clientId(), body: 'Dua' });

    // Back online: resume from the last seen number; the unacknowledged message is sent again.
    const back = await visitor();
    back.send({ t: 'resume', token, lastSeq: seenBefore });
    await back.waitFor((f) => f.t === 'ready');
    await back.waitFor(isMsg((f) => f.body === 'Dua'));
    const pending = clientId();
    back.send({ t: 'send', id: pending, body: 'Tiga' });
    await back.waitFor((f) => f.t === 'ack' && f.id === pending);
    back.kill();
    const third = await visitor();
    third.send({ t: 'resume', token, lastSeq: seenBefore });
    await third.waitFor(isMsg((f) => f.id === pending));
    third.send({ t: 'send', id: pending, body: 'Tiga' });
    expect((await third.waitFor((f) => f.t === 'ack' && f.id === pending)).duplicate).toBe(true);

    const replayed = third.messages().map((f) => f.body);
    expect(replayed).toEqual(['Satu', 'Dua', 'Tiga']);
    const seqs = third.messages().map((f) => f.seq as number);
    expect(seqs).toEqual([seenBefore + 1, seenBefore + 2, seenBefore + 3]);
    const stored = await messagesAfter(t.db, conversation.id, 0);
    expect(stored.filter((m) => m.body === 'Tiga')).toHaveLength(1);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    await staffRequest(agentHeaders, 'PUT', '/api/v1/staff/chat/availability', { status: 'away' });
  });
});

describe('when nobody can answer', () => {
  const saturdayNight = new Date('2026-11-28T15:00:00Z'); // 22:00 in Jakarta

  it('becomes a message with a tracking code and the service-level due time outside working hours', async () => {
    await replaceWorkingHours(
      t.db,
      officeId,
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: 8 * 60, closes: 16 * 60 })),
    );
    invalidateCalendars(t.db);
    try {
      const conversation = await startConversation(t.db, { officeId, language: 'id' }, saturdayNight);
      await sendVisitorMessage(t.db, conversation.id, { clientId: clientId(), body: 'Halo?' }, saturdayNight);
      const handOff = await requestAgent(
        t.db,
        conversation.id,
        { secret: TEST_SECRET, officeCode: 'TST' },
        saturdayNight,
      );
      expect(handOff.conversation.state).toBe('message');
      expect(handOff.receipt?.dueAt).toEqual(expect.any(String));
      expect(new Date(handOff.receipt!.dueAt!).getTime()).toBeGreaterThan(saturdayNight.getTime());
      const notice = (await messagesAfter(t.db, conversation.id, 0)).at(-1)!;
      expect(notice.data).toMatchObject({
        notice: 'message_taken',
        reason: 'out_of_hours',
        trackingCode: handOff.receipt!.trackingCode,
      });
    } finally {
      await alwaysOpen();
    }
  });

  it('becomes a message at once when no agent is online', async () => {
    const conversation = await startConversation(t.db, { officeId, language: 'en' });
    const handOff = await requestAgent(t.db, conversation.id, { secret: TEST_SECRET, officeCode: 'TST' });
    expect(handOff.conversation.state).toBe('message');
    expect((await messagesAfter(t.db, conversation.id, 0)).at(-1)!.data).toMatchObject({
      reason: 'nobody_free',
    });
  });

  it('becomes a message when nobody accepts within the timeout', async () => {
    const busy = await buildStaff(t.db, { roles: ['agent'], officeId });
    const busyHeaders = await sessionHeaders(t.db, busy, t.config);
    await staffRequest(busyHeaders, 'PUT', '/api/v1/staff/chat/availability', { status: 'online' });
    const conversation = await startConversation(t.db, { officeId, language: 'id' });
    const asked = new Date();
    await requestAgent(t.db, conversation.id, { secret: TEST_SECRET, officeCode: 'TST' }, asked);
    expect((await findConversation(t.db, conversation.id))!.state).toBe('waiting');
    expect(await sweepWaitingChats(t.db, new Date(asked.getTime() + 60_000))).toBe(0);
    expect(await sweepWaitingChats(t.db, new Date(asked.getTime() + 6 * 60_000))).toBeGreaterThanOrEqual(1);
    expect((await findConversation(t.db, conversation.id))!.state).toBe('message');
    await staffRequest(busyHeaders, 'PUT', '/api/v1/staff/chat/availability', { status: 'away' });
  });
});

describe('capacity and routing', () => {
  it('routes by language and refuses chats beyond the capacity a supervisor set', async () => {
    const supervisor = await buildStaff(t.db, { roles: ['supervisor'], officeId });
    const supervisorHeaders = await sessionHeaders(t.db, supervisor, t.config);
    const english = await buildStaff(t.db, { roles: ['agent'], officeId });
    const englishHeaders = await sessionHeaders(t.db, english, t.config);
    const set = await staffRequest(supervisorHeaders, 'PUT', `/api/v1/staff/chat/agents/${english.id}`, {
      capacity: 1,
      languages: ['en'],
    });
    expect(set.json()).toMatchObject({ capacity: 1, languages: ['en'] });
    // An agent cannot set capacities.
    expect(
      (await staffRequest(englishHeaders, 'PUT', `/api/v1/staff/chat/agents/${english.id}`, { capacity: 9 }))
        .statusCode,
    ).toBe(403);
    await staffRequest(englishHeaders, 'PUT', '/api/v1/staff/chat/availability', { status: 'online' });

    const indonesian = await startConversation(t.db, { officeId, language: 'id' });
    const first = await startConversation(t.db, { officeId, language: 'en' });
    const second = await startConversation(t.db, { officeId, language: 'en' });
    for (const c of [indonesian, first, second]) {
      await requestAgent(t.db, c.id, { secret: TEST_SECRET, officeCode: 'TST' });
    }
    // Nobody online speaks Indonesian: that one became a message; the English ones wait.
    expect((await findConversation(t.db, indonesian.id))!.state).toBe('message');
    const queue = (await staffRequest(englishHeaders, 'GET', '/api/v1/staff/chat/queue')).json();
    const ids = queue.waiting.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(ids).not.toContain(indonesian.id);

    await acceptChat(t.db, english, officeId, first.id);
    await expect(acceptChat(t.db, english, officeId, second.id)).rejects.toMatchObject({ code: 'conflict' });
    const overCapacity = await staffRequest(
      englishHeaders,
      'POST',
      `/api/v1/staff/chat/conversations/${second.id}/accept`,
    );
    expect(overCapacity.statusCode).toBe(409);
    // Two agents accepting the same chat: one wins.
    const other = await buildStaff(t.db, { roles: ['agent'], officeId });
    await acceptChat(t.db, other, officeId, second.id);
    await expect(acceptChat(t.db, supervisor, officeId, second.id)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
