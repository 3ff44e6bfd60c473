import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { IsoDateTime, Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { NOTIFICATION_KINDS } from './notify.js';
import { countUnread, listNotifications, listPreferences, markRead, savePreferences } from './storage.js';

/** Every signed-in staff member's own notifications and preferences; nobody sees another's. */
const tags = ['Notifications'];
const security = [{ staffSession: [] }];

const Notification = Type.Object({
  id: Type.String(),
  kind: StringEnum(NOTIFICATION_KINDS),
  trackingCode: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
const Preference = Type.Object(
  { kind: StringEnum(NOTIFICATION_KINDS), inApp: Type.Boolean(), email: Type.Boolean() },
  { additionalProperties: false },
);

export const notificationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        security,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: Type.Object({
          unread: Type.Optional(Type.Boolean()),
          before: Type.Optional(IsoDateTime),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
        }),
        response: {
          200: Type.Object({ unread: Type.Integer(), items: Type.Array(Notification) }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const { unread, before, limit } = request.query;
      const userId = request.staff.id;
      const [count, items] = await Promise.all([
        countUnread(db, userId),
        listNotifications(db, userId, {
          unreadOnly: unread ?? false,
          limit,
          before: before && new Date(before).toISOString(),
        }),
      ]);
      return { unread: count, items };
    },
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        security,
        summary: 'How many of your notifications are unread',
        response: { 200: Type.Object({ unread: Type.Integer() }), ...problems(401) },
      },
    },
    async (request) => ({ unread: await countUnread(db, request.staff.id) }),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark some of your notifications read, or all of them',
        body: Type.Object(
          {
            ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200 })),
            all: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ changed: Type.Integer(), unread: Type.Integer() }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const { ids, all } = request.body;
      if (!all && !ids)
        throw new AppError('validation_failed', { errors: [{ field: 'ids', code: 'required' }] });
      const changed = await markRead(db, request.staff.id, all ? 'all' : ids!, new Date());
      return { changed, unread: await countUnread(db, request.staff.id) };
    },
  );

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags,
        security,
        summary: 'How you want to be told about each kind of notification',
        response: { 200: Type.Object({ items: Type.Array(Preference) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await listPreferences(db, request.staff.id) }),
  );

  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Change your notification preferences (kinds left out keep theirs)',
        body: Type.Object(
          { items: Type.Array(Preference, { maxItems: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Preference) }), ...problems(400, 401) },
      },
    },
    async (request) => {
      await savePreferences(db, request.staff.id, request.body.items);
      return { items: await listPreferences(db, request.staff.id) };
    },
  );
};
