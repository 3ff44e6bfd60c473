import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { findOfficeByCode } from '../offices/storage.js';
import { createUser, generatePassword } from './create-user.js';
import type { StaffUser } from './model.js';
import { authorizeAdmin } from './policy.js';
import { officeCodes, presentUser } from './present-user.js';
import {
  CreatedUserResponse,
  DirectoryResponse,
  NewTeamBody,
  NewUserBody,
  PasswordResponse,
  StaffUserResponse,
  TeamEditBody,
  TeamList,
  TeamParams,
  TeamResponse,
  UserEditBody,
  UserList,
  UserParams,
} from './schemas.js';
import { findUserById, listUsers, replaceTeams } from './storage.js';
import { createTeam, findTeam, listTeams, renameTeam, type Team } from './teams.js';
import { resetTwoFactor } from './two-factor.js';
import { resetPassword, updateUser } from './update-user.js';

const tags = ['Staff administration'];
const security = [{ staffSession: [] }];

/** Accounts and teams: the directory for everyone on staff, administration for administrators. */
export const adminRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function officeIdFor(code: string | null): Promise<string | null> {
    if (code === null) return null;
    const office = await findOfficeByCode(db, code);
    if (!office) throw new AppError('unknown_office', { field: 'officeCode' });
    return office.id;
  }

  async function teamsOfOffice(teamIds: string[] | undefined, officeId: string | null): Promise<void> {
    for (const id of teamIds ?? []) {
      const team = await findTeam(db, id);
      if (!team || (officeId !== null && team.officeId !== officeId)) {
        throw new AppError('validation_failed', { errors: [{ field: 'teamIds', code: 'invalid' }] });
      }
    }
  }

  async function present(users: StaffUser[]) {
    const codes = await officeCodes(db);
    return users.map((u) => presentUser(u, codes));
  }

  async function presentTeams(teams: Team[]) {
    const codes = await officeCodes(db);
    return teams.map(({ officeId, ...team }) => ({ ...team, officeCode: codes.get(officeId) ?? '' }));
  }

  async function administeredUser(admin: StaffUser, id: string): Promise<StaffUser> {
    const target = await findUserById(db, id);
    if (!target) throw new AppError('not_found');
    authorizeAdmin(admin, target.officeId);
    return target;
  }

  app.get(
    '/directory',
    {
      schema: {
        tags,
        security,
        summary: 'Colleagues who handle cases in your office (for assignment)',
        response: { 200: DirectoryResponse, ...problems(401) },
      },
    },
    async (request) => {
      const users = await listUsers(db, request.staff.officeId);
      const handlers = users.filter(
        (u) => !u.disabled && u.roles.some((r) => r === 'agent' || r === 'supervisor'),
      );
      return {
        items: (await present(handlers)).map(({ id, displayName, roles, teamIds, officeCode }) => ({
          id,
          displayName,
          roles,
          teamIds,
          officeCode,
        })),
      };
    },
  );

  app.get(
    '/teams',
    {
      schema: {
        tags,
        security,
        summary: 'Teams of your office',
        response: { 200: TeamList, ...problems(401) },
      },
    },
    async (request) => ({ items: await presentTeams(await listTeams(db, request.staff.officeId)) }),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        security,
        summary: 'Create a team',
        body: NewTeamBody,
        response: { 201: TeamResponse, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const officeId = await officeIdFor(request.body.officeCode);
      authorizeAdmin(request.staff, officeId);
      const team = await createTeam(db, request.actor, { ...request.body, officeId: officeId! });
      return reply.code(201).send((await presentTeams([team]))[0]!);
    },
  );

  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename a team',
        params: TeamParams,
        body: TeamEditBody,
        response: { 200: TeamResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const team = await findTeam(db, request.params.id);
      if (!team) throw new AppError('not_found');
      authorizeAdmin(request.staff, team.officeId);
      return (await presentTeams([await renameTeam(db, request.actor, team, request.body)]))[0]!;
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        security,
        summary: 'Accounts you administer',
        response: { 200: UserList, ...problems(401, 403) },
      },
    },
    async (request) => {
      if (!request.staff.roles.includes('admin')) throw new AppError('forbidden');
      return { items: await present(await listUsers(db, request.staff.officeId)) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        security,
        summary: 'Invite a colleague: the generated password is shown once',
        body: NewUserBody,
        response: { 201: CreatedUserResponse, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const officeId = await officeIdFor(request.body.officeCode);
      authorizeAdmin(request.staff, officeId);
      await teamsOfOffice(request.body.teamIds, officeId);
      const { user, generatedPassword } = await createUser(db, request.actor, {
        email: request.body.email,
        displayName: request.body.displayName,
        roles: request.body.roles,
        officeId,
        language: request.body.language,
      });
      if (request.body.teamIds?.length) await replaceTeams(db, user.id, request.body.teamIds);
      const created = (await findUserById(db, user.id))!;
      return reply.code(201).send({ user: (await present([created]))[0]!, password: generatedPassword! });
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change roles, office, teams, language or disable an account (its sessions end)',
        params: UserParams,
        body: UserEditBody,
        response: { 200: StaffUserResponse, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const target = await administeredUser(request.staff, request.params.id);
      const { officeCode, ...edit } = request.body;
      const officeId = officeCode === undefined ? undefined : await officeIdFor(officeCode);
      if (officeId !== undefined) authorizeAdmin(request.staff, officeId);
      if (
        target.id === request.staff.id &&
        (edit.disabled || (edit.roles && !edit.roles.includes('admin')))
      ) {
        // Locking oneself out of administration is never what was meant.
        throw new AppError('forbidden', { reason: 'cannot remove your own administration' });
      }
      await teamsOfOffice(edit.teamIds, officeId === undefined ? target.officeId : officeId);
      const updated = await updateUser(db, request.actor, target.id, {
        ...edit,
        ...(officeId !== undefined ? { officeId } : {}),
      });
      return (await present([updated]))[0]!;
    },
  );

  app.post(
    '/users/:id/reset-2fa',
    {
      schema: {
        tags,
        security,
        summary: 'Remove an account’s second factor (lost phone)',
        params: UserParams,
        response: { 204: { type: 'null' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const target = await administeredUser(request.staff, request.params.id);
      await resetTwoFactor(db, request.actor, target.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        security,
        summary: 'Give an account a new generated password (shown once); its sessions end',
        params: UserParams,
        response: { 200: PasswordResponse, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const target = await administeredUser(request.staff, request.params.id);
      const password = generatePassword();
      await resetPassword(db, request.actor, target.id, password);
      return { password };
    },
  );
};
