import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { readForm } from '../../../portal/form-data.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { IsoDateTime, Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession, SESSION_COOKIE } from '../../http/staff-auth.js';
import { ATTACHMENT_LIMITS } from '../cases/attachments.js';
import { downloadHeaders, type IncomingFile, IntegrityFileStore } from './attachments.js';
import {
  enrolOfficer,
  grantOfficer,
  lockForSession,
  MIN_PASSPHRASE_LENGTH,
  officerKeyStatus,
  unlockedKey,
  unlockForSession,
} from './officers.js';
import {
  INTEGRITY_CATEGORIES,
  INTEGRITY_STATUSES,
  integrityCounts,
  listReportsForOfficer,
  MAX_REPORT_LENGTH,
  readAttachmentAsOfficer,
  readReportAsOfficer,
  replyAsOfficer,
  triageReport,
} from './reports.js';

/** Integrity reports for integrity officers; aggregate counts for the rest of the office's staff. */
const tags = ['Integrity reports'];
const security = [{ staffSession: [] }];

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Summary = Type.Object({
  id: Type.String(),
  category: StringEnum(INTEGRITY_CATEGORIES),
  status: StringEnum(INTEGRITY_STATUSES),
  receivedDay: Day,
  lastActivityDay: Day,
  messageCount: Type.Integer(),
});
const Message = Type.Object({
  position: Type.Integer(),
  author: StringEnum(['reporter', 'officer'] as const),
  body: Type.String(),
  day: Day,
});
const Attachment = Type.Object({
  id: Type.String(),
  messagePosition: Type.Integer({
    description: '0: sent with the report; otherwise the message it came with',
  }),
  author: StringEnum(['reporter', 'officer'] as const),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  day: Day,
});
const Report = Type.Object({
  ...Summary.properties,
  description: Type.String(),
  contact: Nullable(Type.String()),
  reportedUser: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  messages: Type.Array(Message),
  attachments: Type.Array(Attachment),
});
const KeyStatus = Type.Object({
  enrolled: Type.Boolean(),
  status: Nullable(StringEnum(['active', 'pending'] as const)),
  unlockedUntil: Nullable(IsoDateTime),
  pendingOfficers: Type.Array(Type.Object({ userId: Type.String(), name: Type.String() })),
});
const Passphrase = Type.Object({ passphrase: Type.String({ minLength: 1, maxLength: 500 }) });

function sessionOf(request: FastifyRequest): { id: string; token: string } {
  return { id: request.session.id, token: request.cookies[SESSION_COOKIE] ?? '' };
}

export const integrityStaffRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  const store = IntegrityFileStore.inDataDir(config.dataDir);
  requireStaffSession(app, ctx);
  // Officers' files (this plugin only): the portal's limits, checked by content as in the portal.
  await app.register(multipart, {
    limits: {
      fileSize: ATTACHMENT_LIMITS.maxBytes,
      files: ATTACHMENT_LIMITS.maxFiles + 1,
      fields: 5,
      fieldSize: MAX_REPORT_LENGTH * 4,
      parts: 12,
    },
    throwFileSizeLimit: false,
  });

  app.get(
    '/integrity/counts',
    {
      schema: {
        tags,
        security,
        summary:
          'How many integrity reports the office has, by status — for integrity officers and auditors (metadata counts only); no one else, not administrators',
        response: {
          200: Type.Object({ total: Type.Integer(), byStatus: Type.Record(Type.String(), Type.Integer()) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const { roles, officeId } = request.staff;
      const mayCount = roles.includes('integrity_officer') || roles.includes('auditor');
      if (!officeId || !mayCount) throw new AppError('forbidden');
      return integrityCounts(db, officeId);
    },
  );

  app.get(
    '/integrity/key',
    {
      schema: {
        tags,
        security,
        summary:
          'The officer’s own key: enrolled, active or pending, unlocked until; colleagues waiting for access',
        response: { 200: KeyStatus, ...problems(401, 403) },
      },
    },
    async (request) => officerKeyStatus(db, request.staff, request.session.id, new Date()),
  );

  app.post(
    '/integrity/key',
    {
      schema: {
        tags,
        security,
        summary: `Enrols the officer: a key pair whose private key is encrypted with their passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters)`,
        body: Passphrase,
        response: { 201: KeyStatus, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await enrolOfficer(db, request.staff, request.actor, request.body.passphrase, new Date());
      return reply
        .status(201)
        .send(await officerKeyStatus(db, request.staff, request.session.id, new Date()));
    },
  );

  app.post(
    '/integrity/unlock',
    {
      schema: {
        tags,
        security,
        summary: 'Unlocks the officer’s key for this session for 15 minutes',
        body: Passphrase,
        response: { 200: KeyStatus, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (request) => {
      await unlockForSession(
        db,
        request.staff,
        request.actor,
        sessionOf(request),
        request.body.passphrase,
        new Date(),
      );
      return officerKeyStatus(db, request.staff, request.session.id, new Date());
    },
  );

  app.post(
    '/integrity/lock',
    {
      schema: {
        tags,
        security,
        summary: 'Locks the key again at once',
        response: { 204: Type.Null(), ...problems(401) },
      },
    },
    async (request, reply) => {
      await lockForSession(db, request.session.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/integrity/officers/:userId/grant',
    {
      schema: {
        tags,
        security,
        summary:
          'Grants a newly enrolled colleague the office’s reports (sealed again to their key; needs an unlocked key)',
        params: Type.Object({ userId: Uuid }),
        response: { 200: Type.Object({ reports: Type.Integer() }), ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const key = await unlockedKey(db, request.staff, sessionOf(request), new Date());
      const reports = await grantOfficer(
        db,
        config.secret,
        request.staff,
        request.actor,
        key,
        request.params.userId,
        new Date(),
      );
      return { reports };
    },
  );

  app.get(
    '/integrity/reports',
    {
      schema: {
        tags,
        security,
        summary: 'The office’s integrity reports the officer may see (metadata only: no key needed)',
        response: { 200: Type.Object({ items: Type.Array(Summary) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listReportsForOfficer(db, config.secret, request.staff) }),
  );

  app.get(
    '/integrity/reports/:id',
    {
      schema: {
        tags,
        security,
        summary:
          'One report with its messages, decrypted with the officer’s unlocked key (the reading is recorded)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Report, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const key = await unlockedKey(db, request.staff, sessionOf(request), new Date());
      return readReportAsOfficer(
        db,
        config.secret,
        request.staff,
        request.actor,
        key,
        request.params.id,
        new Date(),
      );
    },
  );

  app.post(
    '/integrity/reports/:id/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Writes to the reporter (they read it with their receipt)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ body: Type.String({ minLength: 1, maxLength: MAX_REPORT_LENGTH }) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const key = await unlockedKey(db, request.staff, sessionOf(request), new Date());
      await replyAsOfficer(
        db,
        config.secret,
        request.staff,
        request.actor,
        key,
        request.params.id,
        request.body.body,
        new Date(),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/integrity/reports/:id/files',
    {
      schema: {
        tags,
        security,
        summary: `Writes to the reporter with files (multipart: \`body\`, up to ${ATTACHMENT_LIMITS.maxFiles} \`files\` — JPEG, PNG, WebP or PDF); encrypted like the report`,
        params: Type.Object({ id: Uuid }),
        consumes: ['multipart/form-data'],
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      // The key first: nobody but an unlocked officer gets as far as sending a body.
      const key = await unlockedKey(db, request.staff, sessionOf(request), new Date());
      if (!request.isMultipart()) throw invalidFiles('multipart');
      const form = await readForm(request);
      const body = (form.fields.body ?? '').trim();
      if (body.length > MAX_REPORT_LENGTH) throw invalidFiles('maxLength', 'body');
      const files: IncomingFile[] = [];
      for (const file of form.files) {
        if (file.problem || !file.mediaType) throw invalidFiles(file.problem ?? 'file_type');
        files.push({ fileName: file.fileName, mediaType: file.mediaType, content: file.content });
      }
      if (files.length === 0 && body.length === 0) throw invalidFiles('required', 'body');
      await replyAsOfficer(
        db,
        config.secret,
        request.staff,
        request.actor,
        key,
        request.params.id,
        body,
        new Date(),
        { store, list: files },
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/integrity/reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        security,
        summary: 'One file of a report, decrypted with the officer’s unlocked key (the download is recorded)',
        params: Type.Object({ id: Uuid, attachmentId: Uuid }),
        response: { ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const key = await unlockedKey(db, request.staff, sessionOf(request), new Date());
      const file = await readAttachmentAsOfficer(
        db,
        config.secret,
        store,
        request.staff,
        request.actor,
        key,
        { reportId: request.params.id, attachmentId: request.params.attachmentId },
        new Date(),
      );
      return reply.headers(downloadHeaders(file)).send(file.content);
    },
  );

  app.patch(
    '/integrity/reports/:id',
    {
      schema: {
        tags,
        security,
        summary:
          'Triage: status, and the staff member reported (who then can never be given access to the report)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({
          status: Type.Optional(StringEnum(INTEGRITY_STATUSES)),
          reportedUserId: Type.Optional(Uuid),
        }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const key = await unlockedKey(db, request.staff, sessionOf(request), new Date());
      await triageReport(
        db,
        config.secret,
        request.staff,
        request.actor,
        key,
        request.params.id,
        request.body,
        new Date(),
      );
      return reply.status(204).send(null);
    },
  );
};

function invalidFiles(code: string, field = 'files'): AppError {
  return new AppError('validation_failed', { errors: [{ field, code }] });
}
