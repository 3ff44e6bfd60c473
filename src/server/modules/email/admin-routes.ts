import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LANGUAGES, type Language } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, type FieldError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { Nullable, problems, StringEnum } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { seal } from '../../lib/secret-box.js';
import { inTransaction } from '../../lib/transaction.js';
import { authorizeAdmin } from '../accounts/policy.js';
import { findOfficeByCode, type Office } from '../offices/storage.js';
import { type CaseForTemplate, renderTemplate, templateValues } from './compose.js';
import { IMAP_PASSWORD_PURPOSE } from './inbound/imap-poller.js';
import { checkTemplate } from './render.js';
import {
  deleteTemplate,
  effectiveTemplate,
  findMailSettings,
  type MailSettingsChanges,
  saveMailSettings,
  saveTemplate,
} from './storage.js';
import { PLACEHOLDERS, TEMPLATE_IDS, type TemplateId } from './templates/types.js';

const tags = ['Staff administration'];
const security = [{ staffSession: [] }];
const OfficeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }) });
const TemplateParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }),
  template: StringEnum(TEMPLATE_IDS),
  language: StringEnum(LANGUAGES),
});
const Email = Type.String({ format: 'email', maxLength: 254 });
const MailboxName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const SettingsView = Type.Object({
  address: Nullable(Type.String()),
  imap: Type.Object({
    enabled: Type.Boolean(),
    host: Nullable(Type.String()),
    port: Nullable(Type.Integer()),
    tls: Type.Boolean(),
    user: Nullable(Type.String()),
    /** The password itself is never returned. */
    hasPassword: Type.Boolean(),
    mailbox: Type.String(),
    processedMailbox: Nullable(Type.String()),
    lastPolledAt: Nullable(Type.String()),
    lastError: Nullable(Type.String()),
  }),
  /** Received mail of the last 30 days by what became of it (new_case, reply, auto_reply, bounce, loop, …). */
  receivedLast30Days: Type.Record(Type.String(), Type.Integer()),
});

const SettingsChanges = Type.Object(
  {
    address: Type.Optional(Nullable(Email)),
    imap: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean()),
          host: Type.Optional(
            Nullable(Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.-]+$' })),
          ),
          port: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 65535 }))),
          tls: Type.Optional(Type.Boolean()),
          user: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 254 }))),
          password: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          mailbox: Type.Optional(MailboxName),
          processedMailbox: Type.Optional(Nullable(MailboxName)),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const TemplateBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
    text: Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' }),
    html: Type.String({ minLength: 1, maxLength: 50_000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

const TemplateView = Type.Object({
  template: Type.String(),
  language: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  customised: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
  placeholders: Type.Array(Type.String()),
});

/**
 * E-mail administration of an office: its mail address and IMAP mailbox, and the notification templates
 * (edit, preview with an example case, reset to the default text). Administrators of the office only.
 */
export const emailAdminRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireStaffSession(app, ctx);

  async function office(code: string, staff: Parameters<typeof authorizeAdmin>[0]): Promise<Office> {
    const found = await findOfficeByCode(db, code.toUpperCase());
    if (!found) throw new AppError('not_found');
    authorizeAdmin(staff, found.id);
    return found;
  }

  async function settingsView(officeId: string) {
    const settings = await findMailSettings(db, officeId);
    const since = new Date(Date.now() - 30 * 24 * 3_600_000).toISOString();
    const counts = await db
      .selectFrom('email_messages')
      .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .where('office_id', '=', officeId)
      .where('direction', '=', 'in')
      .where('created_at', '>=', since)
      .groupBy('outcome')
      .execute();
    return {
      address: settings?.address ?? null,
      imap: {
        enabled: settings?.imap.enabled ?? false,
        host: settings?.imap.host ?? null,
        port: settings?.imap.port ?? null,
        tls: settings?.imap.tls ?? true,
        user: settings?.imap.user ?? null,
        hasPassword: Boolean(settings?.imap.passwordSealed),
        mailbox: settings?.imap.mailbox ?? 'INBOX',
        processedMailbox: settings?.imap.processedMailbox ?? null,
        lastPolledAt: settings?.imap.lastPolledAt ?? null,
        lastError: settings?.imap.lastError ?? null,
      },
      receivedLast30Days: Object.fromEntries(counts.map((c) => [c.outcome ?? 'pending', Number(c.n)])),
    };
  }

  app.get(
    '/offices/:code/email/settings',
    {
      schema: {
        tags,
        security,
        summary: "The office's mail address, IMAP mailbox and received-mail counts",
        params: OfficeParams,
        response: { 200: SettingsView, ...problems(401, 403, 404) },
      },
    },
    async (request) => settingsView((await office(request.params.code, request.staff)).id),
  );

  app.patch(
    '/offices/:code/email/settings',
    {
      schema: {
        tags,
        security,
        summary: "Change the office's mail address or IMAP mailbox (the password is stored encrypted)",
        params: OfficeParams,
        body: SettingsChanges,
        response: { 200: SettingsView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const found = await office(request.params.code, request.staff);
      const { address, imap } = request.body;
      const changes: MailSettingsChanges = {};
      if (address !== undefined) changes.address = address?.trim().toLowerCase() ?? null;
      if (imap?.enabled !== undefined) changes.imap_enabled = imap.enabled;
      if (imap?.host !== undefined) changes.imap_host = imap.host;
      if (imap?.port !== undefined) changes.imap_port = imap.port;
      if (imap?.tls !== undefined) changes.imap_tls = imap.tls;
      if (imap?.user !== undefined) changes.imap_user = imap.user;
      if (imap?.mailbox !== undefined) changes.imap_mailbox = imap.mailbox;
      if (imap?.processedMailbox !== undefined) changes.imap_processed_mailbox = imap.processedMailbox;
      if (imap?.password !== undefined) {
        changes.imap_password_sealed = seal(config.secret, IMAP_PASSWORD_PURPOSE, imap.password);
      }
      // A new address, server or account is worth trying at once rather than at the next interval.
      if (imap) changes.imap_last_polled_at = null;
      const current = await findMailSettings(db, found.id);
      const enabled = changes.imap_enabled ?? current?.imap.enabled ?? false;
      if (enabled) {
        const missing: FieldError[] = [];
        if (!(changes.imap_host ?? current?.imap.host))
          missing.push({ field: 'imap.host', code: 'required' });
        if (!(changes.imap_user ?? current?.imap.user))
          missing.push({ field: 'imap.user', code: 'required' });
        if (!(changes.imap_password_sealed ?? current?.imap.passwordSealed)) {
          missing.push({ field: 'imap.password', code: 'required' });
        }
        if (missing.length) throw new AppError('validation_failed', { errors: missing });
      }
      const now = new Date();
      try {
        await inTransaction(db, async (trx) => {
          await saveMailSettings(trx, found.id, changes, now);
          await recordEvent(trx, {
            type: 'office.mail_settings_saved',
            actor: request.actor,
            officeId: found.id,
            payload: {
              address: changes.address ?? current?.address ?? null,
              imapEnabled: enabled,
              passwordChanged: imap?.password !== undefined,
            },
            at: now,
          });
        });
      } catch (error) {
        // Each address belongs to one office.
        if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'address' });
        throw error;
      }
      return settingsView(found.id);
    },
  );

  app.get(
    '/offices/:code/email/templates',
    {
      schema: {
        tags,
        security,
        summary: 'The citizen notification templates in every language, with their placeholders',
        params: OfficeParams,
        response: { 200: Type.Object({ items: Type.Array(TemplateView) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const found = await office(request.params.code, request.staff);
      const items = [];
      for (const template of TEMPLATE_IDS) {
        for (const language of LANGUAGES) items.push(await templateView(found.id, template, language));
      }
      return { items };
    },
  );

  async function templateView(officeId: string, template: TemplateId, language: Language) {
    const effective = await effectiveTemplate(db, officeId, template, language);
    return { ...effective, placeholders: [...PLACEHOLDERS[template]] };
  }

  function checkBody(template: TemplateId, body: { subject: string; text: string; html: string }): void {
    const errors: FieldError[] = [];
    for (const field of ['subject', 'text', 'html'] as const) {
      for (const problem of checkTemplate(body[field], PLACEHOLDERS[template])) {
        errors.push({ field, code: problem.code, params: { name: problem.name } });
      }
    }
    if (errors.length) throw new AppError('validation_failed', { errors });
  }

  app.patch(
    '/offices/:code/email/templates/:template/:language',
    {
      schema: {
        tags,
        security,
        summary: 'Change a notification template (placeholders are checked)',
        params: TemplateParams,
        body: TemplateBody,
        response: { 200: TemplateView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await office(request.params.code, request.staff);
      const { template, language } = request.params;
      checkBody(template, request.body);
      const now = new Date();
      await inTransaction(db, async (trx) => {
        await saveTemplate(
          trx,
          { officeId: found.id, template, language, userId: request.staff.id, ...request.body },
          now,
        );
        await recordEvent(trx, {
          type: 'email_template.saved',
          actor: request.actor,
          officeId: found.id,
          payload: { template, language, reset: false },
          at: now,
        });
      });
      return templateView(found.id, template, language);
    },
  );

  app.delete(
    '/offices/:code/email/templates/:template/:language',
    {
      schema: {
        tags,
        security,
        summary: "Reset a notification template to Loket's default text",
        params: TemplateParams,
        response: { 200: TemplateView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const found = await office(request.params.code, request.staff);
      const { template, language } = request.params;
      const now = new Date();
      await inTransaction(db, async (trx) => {
        if (!(await deleteTemplate(trx, found.id, template, language))) return;
        await recordEvent(trx, {
          type: 'email_template.saved',
          actor: request.actor,
          officeId: found.id,
          payload: { template, language, reset: true },
          at: now,
        });
      });
      return templateView(found.id, template, language);
    },
  );

  app.post(
    '/offices/:code/email/templates/:template/:language/preview',
    {
      schema: {
        tags,
        security,
        summary: 'Render a template (saved or not) with an example case',
        params: TemplateParams,
        body: TemplateBody,
        response: {
          200: Type.Object({ subject: Type.String(), text: Type.String(), html: Type.String() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const found = await office(request.params.code, request.staff);
      const { template, language } = request.params;
      checkBody(template, request.body);
      return renderTemplate(
        request.body,
        templateValues(config, found, exampleCase(found, language), exampleDetails(template, language)),
      );
    },
  );
};

/** The made-up case previews are rendered with. */
function exampleCase(office: Office, language: Language): CaseForTemplate {
  return {
    trackingCode: `${office.code}-26-7K3Q9MX`,
    subject: language === 'id' ? 'Syarat perpanjangan paspor' : 'Passport renewal requirements',
    language,
    contact: { name: 'Siti Aminah', email: 'siti@example.com', phone: null },
  };
}

function exampleDetails(template: TemplateId, language: Language) {
  if (template === 'reply') {
    return {
      reply: {
        text:
          language === 'id'
            ? 'Silakan membawa paspor lama dan KTP asli.\nAntrean dapat diambil melalui aplikasi M-Paspor.'
            : 'Please bring your old passport and original ID card.\nBook a slot in the M-Paspor app.',
        author: 'Rina',
      },
    };
  }
  if (template === 'status') return { status: { to: 'waiting_on_citizen' as const, reason: null } };
  if (template === 'resolved') return { status: { to: 'resolved' as const, reason: null } };
  return { accessKey: 'ABCD-EFGH-JKMN-PQRS' };
}
