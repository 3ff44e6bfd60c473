import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { LiveFeed } from '../../events/live-feed.js';
import { problems } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { caseListScope } from './policy.js';

const HEARTBEAT_MS = 25_000;

/** Server-sent events for the console: which case changed, never what changed (the console reloads it). */
export const liveCaseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  requireStaffSession(app, ctx);
  const feed = new LiveFeed(ctx.db);
  const streams = new Set<ServerResponse>();
  // Open streams would hold a graceful stop for its whole grace period; they end first.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    feed.stop();
  });

  app.get(
    '/events',
    {
      schema: {
        tags: ['Cases (staff)'],
        security: [{ staffSession: [] }],
        summary:
          'Live case changes in your scope (event "case": {type, trackingCode, at}), your new notifications (event "notification": {id, kind, trackingCode, at}) and screen pops of calls to your extension (event "screen_pop": {id, callId, state, callerNumber, contactId, at}), as text/event-stream',
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      const scope = caseListScope(request.staff);
      if (!scope.allowed) throw new AppError('forbidden');
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write('retry: 3000\n\n');
      streams.add(raw);
      const unsubscribe = feed.subscribe((event) => {
        if (scope.officeId !== null && event.officeId !== scope.officeId) return;
        const data = JSON.stringify({ type: event.type, trackingCode: event.trackingCode, at: event.at });
        raw.write(`event: case\ndata: ${data}\n\n`);
      });
      // The user's own new notifications (bell in the console) travel on the same stream.
      const unsubscribeNotifications = feed.subscribeNotifications(request.staff.id, (notification) => {
        const data = JSON.stringify({
          id: notification.id,
          kind: notification.kind,
          trackingCode: notification.trackingCode,
          at: notification.at,
        });
        raw.write(`event: notification\ndata: ${data}\n\n`);
      });
      // Screen pops from the office PBX for this agent (modules/phone/cti.ts). The feed looks back a few seconds
      // for late commits; a pop from before this console connected (a reload) must not open the caller again.
      const connectedAt = Date.now() - 1500;
      const unsubscribeSignals = feed.subscribeSignals(request.staff.id, (signal) => {
        if (Date.parse(signal.at) < connectedAt) return;
        const data = JSON.stringify({ id: signal.id, ...(signal.data as object), at: signal.at });
        raw.write(`event: ${signal.kind}\ndata: ${data}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        unsubscribeNotifications();
        unsubscribeSignals();
        streams.delete(raw);
      });
    },
  );
};
