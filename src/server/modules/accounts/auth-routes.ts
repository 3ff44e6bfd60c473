import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { problems } from '../../http/schema-helpers.js';
import {
  clearSessionCookie,
  requireStaffSession,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../http/staff-auth.js';
import { presentSession } from './present-user.js';
import {
  CodeBody,
  LoginBody,
  PasswordChangeBody,
  RecoveryCodesResponse,
  SessionResponse,
  SignedOutResponse,
  TwoFactorSetupResponse,
} from './schemas.js';
import { completeTwoFactor, deleteSession, deleteUserSessions, findLiveSession } from './sessions.js';
import { signIn, verifySecondFactor } from './sign-in.js';
import { beginTwoFactorSetup, confirmTwoFactorSetup, disableOwnTwoFactor } from './two-factor.js';
import { changeOwnPassword } from './update-user.js';

const tags = ['Staff sign-in'];

/** Sign-in (password, then TOTP or a recovery code), two-factor enrolment, password change, sign-out. */
export const authRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config, limiters } = ctx;

  app.post(
    '/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginBody,
        response: { 200: SessionResponse, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      if (limiters.enabled) {
        const wait = limiters.loginFailures.blockedFor(request.ip);
        if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      }
      try {
        const result = await signIn(db, config, {
          ...request.body,
          userAgent: request.headers['user-agent'],
        });
        // A previous session in this browser ends: one person, one session per browser.
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) {
          const old = await findLiveSession(db, previous, config.sessions, new Date());
          if (old) await deleteSession(db, old.id);
        }
        setSessionCookie(reply, result.token, config);
        return presentSession(db, result.user, result.session);
      } catch (error) {
        if (limiters.enabled && error instanceof AppError && error.code === 'invalid_credentials') {
          limiters.loginFailures.hit(request.ip);
        }
        throw error;
      }
    },
  );

  await app.register(async (context) => {
    requireStaffSession(context, ctx);
    const session = context.withTypeProvider<TypeBoxTypeProvider>();

    session.get(
      '/session',
      {
        config: { allowPendingTwoFactor: true },
        schema: {
          tags,
          summary: 'The signed-in user, the session state and its CSRF token',
          response: { 200: SessionResponse, ...problems(401) },
        },
      },
      async (request) => presentSession(db, request.staff, request.session),
    );

    session.post(
      '/2fa/verify',
      {
        config: { allowPendingTwoFactor: true },
        schema: {
          tags,
          summary: 'Second sign-in step: a TOTP code or a recovery code',
          body: CodeBody,
          response: { 200: SessionResponse, ...problems(400, 401, 403, 429) },
        },
      },
      async (request) => {
        const user = await verifySecondFactor(db, config, request.session, request.body.code);
        return presentSession(db, user, { ...request.session, twoFactorPending: false });
      },
    );

    session.post(
      '/2fa/setup',
      {
        config: { allowPendingTwoFactor: true },
        schema: {
          tags,
          summary: 'Start two-factor enrolment: a new secret and its QR code',
          response: { 200: TwoFactorSetupResponse, ...problems(401, 409) },
        },
      },
      async (request) => {
        const { secret, uri } = await beginTwoFactorSetup(db, config.secret, request.staff);
        return { secret, uri, qrSvg: await qrCodeSvg(uri) };
      },
    );

    session.post(
      '/2fa/confirm',
      {
        config: { allowPendingTwoFactor: true },
        schema: {
          tags,
          summary: 'Finish enrolment with a first code; returns the recovery codes once',
          body: CodeBody,
          response: { 200: RecoveryCodesResponse, ...problems(400, 401, 409) },
        },
      },
      async (request) => {
        const recoveryCodes = await confirmTwoFactorSetup(
          db,
          config.secret,
          request.staff,
          request.body.code,
        );
        // Enrolling proves the second factor: the session that had to enrol is now complete.
        await completeTwoFactor(db, request.session.id);
        await deleteUserSessions(db, request.staff.id, request.session.id);
        const user = { ...request.staff, twoFactorEnabled: true };
        return {
          recoveryCodes,
          session: await presentSession(db, user, { ...request.session, twoFactorPending: false }),
        };
      },
    );

    session.post(
      '/2fa/disable',
      {
        schema: {
          tags,
          summary: 'Turn off an optional second factor',
          response: { 204: { type: 'null' }, ...problems(401, 409) },
        },
      },
      async (request, reply) => {
        await disableOwnTwoFactor(db, request.staff);
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    session.post(
      '/password',
      {
        schema: {
          tags,
          summary: 'Change your password; your other sessions end',
          body: PasswordChangeBody,
          response: { 204: { type: 'null' }, ...problems(400, 401, 422) },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(db, request.staff, request.session.id, request.body);
        return reply.code(204).send(null);
      },
    );

    session.post(
      '/logout',
      {
        config: { allowPendingTwoFactor: true },
        schema: {
          tags,
          summary: 'Sign out of this browser',
          response: { 200: SignedOutResponse, ...problems(401) },
        },
      },
      async (request, reply) => {
        await deleteSession(db, request.session.id);
        await recordEvent(db, {
          type: 'auth.signed_out',
          actor: request.actor,
          officeId: request.staff.officeId,
          payload: { everywhere: false, sessionsEnded: 1 },
          at: new Date(),
        });
        clearSessionCookie(reply);
        return { sessionsEnded: 1 };
      },
    );

    session.post(
      '/logout-everywhere',
      {
        schema: {
          tags,
          summary: 'Sign out of every browser and device',
          response: { 200: SignedOutResponse, ...problems(401) },
        },
      },
      async (request, reply) => {
        const sessionsEnded = await deleteUserSessions(db, request.staff.id);
        await recordEvent(db, {
          type: 'auth.signed_out',
          actor: request.actor,
          officeId: request.staff.officeId,
          payload: { everywhere: true, sessionsEnded },
          at: new Date(),
        });
        clearSessionCookie(reply);
        return { sessionsEnded };
      },
    );
  });
};

/** The QR code library is loaded when someone sets up two-step verification, not by every server start. */
async function qrCodeSvg(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', margin: 1 });
}
