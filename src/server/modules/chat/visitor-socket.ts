import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { findFirstOffice } from '../offices/storage.js';
import { publishChat } from './bus.js';
import { endConversation, requestAgent, sendVisitorMessage, startConversation } from './conversations.js';
import type { ChatHub, VisitorConnection } from './hub.js';
import type { Conversation } from './model.js';
import { CLOSE, FrameBudget, originAllowed, parseFrame } from './socket-protocol.js';
import { findConversation, queuePosition } from './storage.js';
import { signConversationToken, verifyConversationToken } from './token.js';

const HELLO_TIMEOUT_MS = 10_000;
const NAME_MAX = 100;

/**
 * The visitor's socket, `GET /api/v1/chat/socket`. The first frame says who is talking: `start` (a new
 * conversation) or `resume` with the signed token and the last sequence number seen; the server answers `ready`
 * with a fresh token and replays every message after that number. Later frames: `send` (with the client's own
 * message id: a resend is acknowledged again, not stored twice), `agent` (ask for a person), `typing`, `end`,
 * `ping`.
 */
export function visitorSocket(app: FastifyInstance, ctx: AppContext, hub: ChatHub): void {
  const { db, config, limiters } = ctx;

  app.get(
    '/api/v1/chat/socket',
    {
      schema: { hide: true },
      websocket: true,
      preValidation: async (request) => {
        if (!originAllowed(request, config)) throw new AppError('forbidden');
      },
    },
    (socket: WebSocket, request) => {
      const budget = new FrameBudget();
      let connection: VisitorConnection | undefined;
      let queue: Promise<void> = Promise.resolve();
      const hello = setTimeout(() => socket.close(CLOSE.timeout, 'hello'), HELLO_TIMEOUT_MS);
      hello.unref();

      const reply = (frame: object) => {
        if (socket.readyState === 1) socket.send(JSON.stringify(frame));
      };
      const fail = (error: unknown, id?: unknown) => {
        const code = error instanceof AppError ? error.code : 'internal_error';
        if (!(error instanceof AppError)) request.log.error({ err: error }, 'chat: frame failed');
        reply({ t: 'error', code, ...(typeof id === 'string' ? { id } : {}) });
      };

      async function ready(conversation: Conversation, lastSeq: number) {
        clearTimeout(hello);
        const sent = Math.max(0, Math.min(lastSeq, conversation.lastSeq));
        const position = await queuePosition(db, conversation);
        connection = {
          socket,
          conversationId: conversation.id,
          officeId: conversation.officeId,
          sent,
          busy: false,
          again: false,
          waiting: conversation.state === 'waiting',
          position,
        };
        reply({
          t: 'ready',
          token: signConversationToken(config.secret, conversation.id),
          state: conversation.state,
          lastSeq: conversation.lastSeq,
          position,
        });
        hub.addVisitor(connection);
      }

      async function handle(frame: Record<string, unknown>) {
        if (!connection) {
          if (frame.t === 'start') {
            const office = await findFirstOffice(db);
            if (!office) throw new AppError('not_ready');
            const service =
              typeof frame.service === 'string'
                ? office.services.find((s) => s.code === frame.service)
                : undefined;
            const language = frame.lang === 'en' ? 'en' : 'id';
            await ready(
              await startConversation(db, { officeId: office.id, language, serviceId: service?.id }),
              0,
            );
            return;
          }
          if (frame.t === 'resume') {
            const id = verifyConversationToken(config.secret, frame.token);
            const conversation = id ? await findConversation(db, id) : undefined;
            if (!conversation) {
              socket.close(CLOSE.unauthorized, 'token');
              return;
            }
            await ready(conversation, typeof frame.lastSeq === 'number' ? frame.lastSeq : 0);
            return;
          }
          socket.close(CLOSE.unauthorized, 'hello');
          return;
        }
        const conversationId = connection.conversationId;
        const name = typeof frame.name === 'string' ? frame.name.trim().slice(0, NAME_MAX) || null : null;
        switch (frame.t) {
          case 'send': {
            const result = await sendVisitorMessage(db, conversationId, {
              clientId: frame.id as string,
              body: frame.body as string,
              name,
            });
            reply({ t: 'ack', id: frame.id, seq: result.message.seq, duplicate: result.duplicate });
            return;
          }
          case 'agent': {
            if (limiters.enabled) {
              const wait = limiters.caseCreation.hit(request.ip);
              if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
            }
            const office = await findFirstOffice(db);
            const { receipt } = await requestAgent(db, conversationId, {
              secret: config.secret,
              officeCode: office!.code,
              name,
            });
            if (receipt) reply({ t: 'receipt', ...receipt });
            return;
          }
          case 'typing':
            await publishChat(db, { k: 't', c: conversationId, by: 'visitor', on: frame.on === true });
            return;
          case 'end':
            await endConversation(db, CITIZEN_ACTOR, conversationId);
            return;
          case 'ping':
            reply({ t: 'pong' });
            return;
          default:
            throw new AppError('validation_failed', { errors: [{ field: 't', code: 'enum' }] });
        }
      }

      socket.on('message', (raw, isBinary) => {
        const verdict = budget.take();
        if (verdict === 'close') {
          socket.close(CLOSE.rateLimited, 'slow down');
          return;
        }
        const frame = parseFrame(raw, isBinary);
        if (verdict === 'slow') {
          reply({
            t: 'error',
            code: 'rate_limited',
            ...(frame && typeof frame.id === 'string' ? { id: frame.id } : {}),
          });
          return;
        }
        if (!frame) {
          fail(new AppError('malformed_json'));
          return;
        }
        // Frames of one socket are handled in order: an acknowledgement never overtakes an earlier one.
        queue = queue.then(() => handle(frame).catch((error: unknown) => fail(error, frame.id)));
      });
      socket.on('close', () => {
        clearTimeout(hello);
        if (connection) hub.removeVisitor(connection);
      });
      socket.on('error', () => {});
    },
  );
}
