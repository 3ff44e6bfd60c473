import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { Nullable, problems, StringEnum } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { authorizeAdmin } from '../accounts/policy.js';
import { authorizeCase } from '../cases/policy.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { parseTrackingCode } from '../cases/tracking-code.js';
import { recipientOfCase } from './conversation.js';
import {
  PLAIN_FIELDS,
  presentSettings,
  SECRET_FIELDS,
  saveChannelSettings,
  settingsFor,
} from './settings.js';
import { findThread, listDeliveries } from './storage.js';
import { replyModeAt } from './whatsapp/outbound.js';

const Delivery = Type.Object({
  id: Type.String(),
  caseMessageId: Nullable(Type.String()),
  direction: StringEnum(['in', 'out'] as const),
  kind: Type.String(),
  status: Type.String(),
  templateName: Nullable(Type.String()),
  errorCode: Nullable(Type.String()),
  errorTitle: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  readAt: Nullable(Type.String()),
  failedAt: Nullable(Type.String()),
});

const CaseChannel = Type.Object({
  channel: Nullable(StringEnum(['whatsapp', 'telegram'] as const)),
  /** How a reply goes out now: free-form text, or (WhatsApp outside the 24-hour window) the approved template. */
  replyMode: Nullable(StringEnum(['text', 'template'] as const)),
  windowClosesAt: Nullable(Type.String()),
  templateName: Nullable(Type.String()),
  deliveries: Type.Array(Delivery),
});

const ChannelParam = Type.Object({ channel: StringEnum(['whatsapp', 'telegram'] as const) });
const SettingsView = Type.Object({
  channel: Type.String(),
  plain: Type.Record(Type.String(), Nullable(Type.String())),
  secrets: Type.Record(
    Type.String(),
    Type.Object({ set: Type.Boolean(), endsWith: Nullable(Type.String()) }),
  ),
  overridden: Type.Array(Type.String()),
});
const SettingValue = Type.Optional(Nullable(Type.String({ maxLength: 1000 })));
const SettingsBody = Type.Object(
  {
    phoneNumberId: Type.Optional(Nullable(Type.String({ pattern: '^(\\d{5,30})?$' }))),
    apiBaseUrl: Type.Optional(Nullable(Type.String({ pattern: '^(https?://[^\\s]+)?$', maxLength: 300 }))),
    templateName: Type.Optional(Nullable(Type.String({ pattern: '^([a-z0-9_]{1,512})?$' }))),
    templateLanguage: Type.Optional(Nullable(Type.String({ pattern: '^([a-z]{2,3}(_[A-Z]{2})?)?$' }))),
    officeCode: Type.Optional(Nullable(Type.String({ pattern: '^([A-Z]{2,5})?$' }))),
    appSecret: SettingValue,
    verifyToken: SettingValue,
    accessToken: SettingValue,
    botToken: SettingValue,
    secretToken: SettingValue,
  },
  { additionalProperties: false },
);

const security = [{ staffSession: [] }];

/** The console's view of a case's app conversation, and the channels' settings for administrators. */
export const messagingStaffRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireStaffSession(app, ctx);

  app.get(
    '/cases/:trackingCode/channel',
    {
      schema: {
        tags: ['Cases (staff)'],
        security,
        summary:
          'The WhatsApp/Telegram conversation of a case: reply mode (24-hour window) and delivery states',
        params: Type.Object({ trackingCode: Type.String({ maxLength: 40 }) }),
        response: { 200: CaseChannel, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const code = parseTrackingCode(request.params.trackingCode);
      if (!code) throw new AppError('invalid_tracking_code', { field: 'trackingCode' });
      const found = await findCaseByTrackingCode(db, code);
      if (!found) throw new AppError('case_not_found');
      authorizeCase(request.staff, 'read', found);
      const recipient = await recipientOfCase(db, found.id);
      const deliveries = await listDeliveries(db, found.id);
      if (!recipient) {
        return { channel: null, replyMode: null, windowClosesAt: null, templateName: null, deliveries };
      }
      if (recipient.channel === 'telegram') {
        return {
          channel: 'telegram' as const,
          replyMode: 'text' as const,
          windowClosesAt: null,
          templateName: null,
          deliveries,
        };
      }
      const thread = await findThread(db, 'whatsapp', recipient.externalUser);
      const window = replyModeAt(thread?.last_inbound_at ?? null, new Date());
      const settings = await settingsFor(db, config, 'whatsapp');
      return {
        channel: 'whatsapp' as const,
        replyMode: window.mode,
        windowClosesAt: window.closesAt,
        templateName: 'templateName' in settings ? settings.templateName : null,
        deliveries,
      };
    },
  );

  app.get(
    '/admin/channels/:channel',
    {
      schema: {
        tags: ['Administration'],
        security,
        summary:
          'Settings of a messaging channel; secrets are shown only as set/not set and their last 4 characters',
        params: ChannelParam,
        response: { 200: SettingsView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      authorizeAdmin(request.staff, null);
      return presentSettings(db, config, request.params.channel);
    },
  );

  app.put(
    '/admin/channels/:channel',
    {
      schema: {
        tags: ['Administration'],
        security,
        summary:
          'Override settings of a messaging channel (national administrators). A field set to null returns to the environment value; a field left out is kept.',
        params: ChannelParam,
        body: SettingsBody,
        response: { 200: SettingsView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      authorizeAdmin(request.staff, null);
      const channel = request.params.channel;
      const allowed = new Set<string>([...PLAIN_FIELDS[channel], ...SECRET_FIELDS[channel]]);
      const unknown = Object.keys(request.body).filter((key) => !allowed.has(key));
      if (unknown.length) {
        throw new AppError('validation_failed', {
          errors: unknown.map((field) => ({ field, code: 'not_allowed' })),
        });
      }
      await saveChannelSettings(db, config, request.actor, channel, request.body);
      return presentSettings(db, config, channel);
    },
  );
};
