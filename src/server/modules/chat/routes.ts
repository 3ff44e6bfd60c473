import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import { LANGUAGES } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import type { StaffUser } from '../accounts/model.js';
import { findFirstOffice } from '../offices/storage.js';
import {
  acceptChat,
  agentQueue,
  agentSettingsOf,
  configureAgent,
  sendAgentMessage,
  setAvailability,
} from './agents.js';
import { ChatListener, publishChat } from './bus.js';
import { findCaseById } from './case-access.js';
import { endConversation } from './conversations.js';
import { type AgentConnection, ChatHub } from './hub.js';
import type { Conversation } from './model.js';
import { CLOSE, FrameBudget, originAllowed, parseFrame } from './socket-protocol.js';
import { findConversation, listAgentSettings, messagesAfter } from './storage.js';
import { visitorSocket } from './visitor-socket.js';

const tags = ['Live chat (staff)'];
const security = [{ staffSession: [] }];

const Settings = Type.Object({
  userId: Type.String(),
  status: Type.Union([Type.Literal('online'), Type.Literal('away')]),
  capacity: Type.Integer(),
  languages: Type.Array(Type.String()),
  serviceIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
});

const ConversationSummary = Type.Object({
  id: Type.String(),
  state: Type.String(),
  language: Type.String(),
  serviceId: Type.Union([Type.String(), Type.Null()]),
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  agentId: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.Union([Type.String(), Type.Null()]),
  lastSeq: Type.Integer(),
});

const Message = Type.Object({
  seq: Type.Integer(),
  id: Type.Union([Type.String(), Type.Null()]),
  author: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  at: Type.String(),
});

const IdParams = Type.Object({ id: Uuid });

/** Who handles chats: the roles that handle cases. Supervisors (and administrators) set capacity and routing. */
const handles = (user: StaffUser) => user.roles.some((role) => role === 'agent' || role === 'supervisor');
const configures = (user: StaffUser) => user.roles.some((role) => role === 'supervisor' || role === 'admin');

/**
 * Live chat: the visitor's socket (public), and the agents' panel — queue, accept, conversation, reply, end,
 * availability and capacity — with their own socket for live messages, typing and queue changes.
 */
export const chatRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  const hub = new ChatHub(db);
  const listener = new ChatListener(db);
  await listener.start();
  app.addHook('onClose', async () => {
    hub.close();
    await listener.stop();
  });

  visitorSocket(app, ctx, hub);

  await app.register(async (instance) => {
    const staff = instance.withTypeProvider<TypeBoxTypeProvider>();
    requireStaffSession(staff, ctx);

    async function officeOf(user: StaffUser): Promise<string> {
      if (user.officeId) return user.officeId;
      const office = await findFirstOffice(db);
      if (!office) throw new AppError('not_ready');
      return office.id;
    }

    function requireHandler(user: StaffUser) {
      if (!handles(user)) throw new AppError('forbidden');
    }

    async function loadConversation(user: StaffUser, id: string): Promise<Conversation> {
      const conversation = await findConversation(db, id);
      if (!conversation || conversation.officeId !== (await officeOf(user))) throw new AppError('not_found');
      return conversation;
    }

    async function summary(conversation: Conversation) {
      const found = conversation.caseId ? await findCaseById(db, conversation.caseId) : undefined;
      return {
        id: conversation.id,
        state: conversation.state,
        language: conversation.language,
        serviceId: conversation.serviceId,
        trackingCode: found?.trackingCode ?? null,
        subject: found?.subject ?? null,
        agentId: conversation.agentId,
        requestedAt: conversation.requestedAt,
        lastSeq: conversation.lastSeq,
      };
    }

    staff.get(
      '/api/v1/staff/chat/queue',
      {
        schema: {
          tags,
          security,
          summary:
            'My chat panel: my availability and capacity, the chats waiting for me (by language and service), mine',
          response: {
            200: Type.Object({
              settings: Settings,
              active: Type.Integer(),
              waiting: Type.Array(ConversationSummary),
              mine: Type.Array(ConversationSummary),
            }),
            ...problems(401, 403),
          },
        },
      },
      async (request) => {
        requireHandler(request.staff);
        const queue = await agentQueue(db, request.staff, await officeOf(request.staff));
        return {
          settings: queue.settings,
          active: queue.active,
          waiting: await Promise.all(queue.waiting.map(summary)),
          mine: await Promise.all(queue.mine.map(summary)),
        };
      },
    );

    staff.put(
      '/api/v1/staff/chat/availability',
      {
        schema: {
          tags,
          security,
          summary: 'Set my chat availability (online or away)',
          body: Type.Object(
            { status: Type.Union([Type.Literal('online'), Type.Literal('away')]) },
            { additionalProperties: false },
          ),
          response: { 200: Settings, ...problems(400, 401, 403) },
        },
      },
      async (request) => {
        requireHandler(request.staff);
        return setAvailability(db, request.staff, await officeOf(request.staff), request.body.status);
      },
    );

    staff.get(
      '/api/v1/staff/chat/agents',
      {
        schema: {
          tags,
          security,
          summary: 'Chat settings of the office’s agents (supervisors, administrators)',
          response: { 200: Type.Object({ items: Type.Array(Settings) }), ...problems(401, 403) },
        },
      },
      async (request) => {
        if (!configures(request.staff)) throw new AppError('forbidden');
        return { items: await listAgentSettings(db, await officeOf(request.staff)) };
      },
    );

    staff.put(
      '/api/v1/staff/chat/agents/:id',
      {
        schema: {
          tags,
          security,
          summary: 'Set an agent’s chat capacity, languages and services (supervisors, administrators)',
          params: IdParams,
          body: Type.Object(
            {
              capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
              languages: Type.Optional(
                Type.Array(Type.Union(LANGUAGES.map((l) => Type.Literal(l))), { minItems: 1, maxItems: 2 }),
              ),
              serviceIds: Type.Optional(Type.Union([Type.Array(Uuid, { maxItems: 50 }), Type.Null()])),
            },
            { additionalProperties: false },
          ),
          response: { 200: Settings, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        if (!configures(request.staff)) throw new AppError('forbidden');
        const officeId = await officeOf(request.staff);
        const { findUserById } = await import('../accounts/storage.js');
        const target = await findUserById(db, request.params.id);
        if (!target || (target.officeId !== null && target.officeId !== officeId))
          throw new AppError('not_found');
        const current = await agentSettingsOf(db, target, officeId);
        return configureAgent(db, request.actor, current, request.body);
      },
    );

    staff.get(
      '/api/v1/staff/chat/conversations/:id',
      {
        schema: {
          tags,
          security,
          summary: 'A chat conversation and its transcript',
          params: IdParams,
          response: {
            200: Type.Object({
              conversation: ConversationSummary,
              messages: Type.Array(Message),
              canReply: Type.Boolean(),
            }),
            ...problems(401, 403, 404),
          },
        },
      },
      async (request) => {
        requireHandler(request.staff);
        const conversation = await loadConversation(request.staff, request.params.id);
        const messages = await messagesAfter(db, conversation.id, 0, 2000);
        return {
          conversation: await summary(conversation),
          messages: messages.map((m) => ({
            seq: m.seq,
            id: m.clientId,
            author: m.author,
            name: m.authorName,
            body: m.body,
            data: (m.data ?? null) as Record<string, unknown> | null,
            at: m.createdAt,
          })),
          canReply: conversation.caseId !== null && conversation.state !== 'assistant',
        };
      },
    );

    staff.post(
      '/api/v1/staff/chat/conversations/:id/accept',
      {
        schema: {
          tags,
          security,
          summary: 'Take a waiting chat (within my capacity); its case is assigned to me',
          params: IdParams,
          response: { 200: ConversationSummary, ...problems(401, 403, 404, 409) },
        },
      },
      async (request) => {
        requireHandler(request.staff);
        const conversation = await loadConversation(request.staff, request.params.id);
        return summary(await acceptChat(db, request.staff, conversation.officeId, conversation.id));
      },
    );

    staff.post(
      '/api/v1/staff/chat/conversations/:id/messages',
      {
        schema: {
          tags,
          security,
          summary: 'Reply in a chat: a public reply on its case, delivered to the visitor live',
          params: IdParams,
          body: Type.Object(
            {
              id: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
              body: Type.String({ minLength: 1, maxLength: 5000 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ seq: Type.Integer() }), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        requireHandler(request.staff);
        const conversation = await loadConversation(request.staff, request.params.id);
        const message = await sendAgentMessage(db, request.staff, conversation, {
          clientId: request.body.id,
          body: request.body.body,
        });
        return { seq: message.seq };
      },
    );

    staff.post(
      '/api/v1/staff/chat/conversations/:id/end',
      {
        schema: {
          tags,
          security,
          summary: 'End a chat; its case stays open',
          params: IdParams,
          response: { 200: ConversationSummary, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        requireHandler(request.staff);
        const conversation = await loadConversation(request.staff, request.params.id);
        return summary(await endConversation(db, request.actor, conversation.id));
      },
    );

    staff.get(
      '/api/v1/staff/chat/socket',
      {
        schema: { hide: true },
        websocket: true,
        preValidation: async (request) => {
          if (!originAllowed(request, ctx.config)) throw new AppError('forbidden');
          requireHandler(request.staff);
        },
      },
      (socket: WebSocket, request) => {
        const user = request.staff;
        const budget = new FrameBudget();
        let agent: AgentConnection | undefined;
        const ready = officeOf(user).then((officeId) => {
          agent = { socket, officeId, watching: new Map() };
          hub.addAgent(agent);
          socket.send(JSON.stringify({ t: 'ready' }));
        });
        socket.on('message', (raw, isBinary) => {
          const verdict = budget.take();
          if (verdict === 'close') return socket.close(CLOSE.rateLimited, 'slow down');
          const frame = parseFrame(raw, isBinary);
          if (!frame || verdict === 'slow') return;
          void ready.then(async () => {
            if (!agent || typeof frame.c !== 'string') return;
            try {
              const conversation = await loadConversation(user, frame.c);
              // Any handler of the office may follow a chat (a supervisor looking over a colleague's shoulder).
              if (frame.t === 'watch') {
                hub.watch(agent, conversation.id, typeof frame.lastSeq === 'number' ? frame.lastSeq : 0);
              } else if (frame.t === 'unwatch') hub.unwatch(agent, conversation.id);
              else if (frame.t === 'typing' && conversation.state === 'active') {
                await publishChat(db, { k: 't', c: conversation.id, by: 'agent', on: frame.on === true });
              }
            } catch {
              socket.send(JSON.stringify({ t: 'error', c: frame.c, code: 'not_found' }));
            }
          });
        });
        socket.on('close', () => {
          if (agent) hub.removeAgent(agent);
        });
        socket.on('error', () => {});
      },
    );
  });
};
