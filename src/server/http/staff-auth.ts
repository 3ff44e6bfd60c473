import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { AppError } from '../errors.js';
import { type Actor, staffActor } from '../events/catalogue.js';
import { type StaffUser, toStaffUser } from '../modules/accounts/model.js';
import { findLiveSession, type Session } from '../modules/accounts/sessions.js';
import { signInState } from '../modules/accounts/sign-in.js';
import { findUserById } from '../modules/accounts/storage.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    staff: StaffUser;
    session: Session;
  }
  interface FastifyContextConfig {
    /** The route serves a session still waiting for its second factor (sign-in steps, sign-out). */
    allowPendingTwoFactor?: boolean;
  }
}

export const SESSION_COOKIE = 'loket_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(reply: FastifyReply, token: string, config: Pick<Config, 'sessions'>): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over HTTPS (directly or, with LOKET_TRUST_PROXY, through a proxy).
    secure: 'auto',
    maxAge: Math.floor(config.sessions.absoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Staff authentication for every route of the context it is registered on: a live server-side session from the
 * cookie, an enabled account, a completed second factor (unless the route allows the pending state), and the
 * session's CSRF token in `X-CSRF-Token` on every state-changing request.
 */
export function requireStaffSession(app: FastifyInstance, ctx: { db: Db; config: Config }): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('staff', null as unknown as StaffUser);
  app.decorateRequest('session', null as unknown as Session);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findLiveSession(ctx.db, token, ctx.config.sessions, new Date()) : undefined;
    if (!session) throw new AppError('unauthorized');
    const account = await findUserById(ctx.db, session.userId);
    if (!account || account.disabled) throw new AppError('unauthorized');
    const user = toStaffUser(account);
    if (UNSAFE_METHODS.has(request.method)) {
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !sameToken(presented, session.csrfToken))
        throw new AppError('csrf_failed');
    }
    const state = signInState(user, session);
    if (state !== 'signed_in' && !request.routeOptions.config.allowPendingTwoFactor) {
      throw new AppError(
        state === 'two_factor_required' ? 'two_factor_required' : 'two_factor_setup_required',
      );
    }
    request.session = session;
    request.staff = user;
    request.actor = staffActor(user);
  });
}
