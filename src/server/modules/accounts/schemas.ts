import { Type } from 'typebox';
import { LANGUAGES } from '../../../shared/enums.js';
import { IsoDateTime, Nullable, OfficeCode, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { ROLES } from './roles.js';

export const StaffUserResponse = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  officeCode: Nullable(Type.String({ description: 'Null for a national account spanning offices.' })),
  roles: Type.Array(StringEnum(ROLES)),
  teamIds: Type.Array(Type.String()),
  language: StringEnum(LANGUAGES),
  twoFactorEnabled: Type.Boolean(),
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});

export const SessionResponse = Type.Object({
  state: StringEnum(['signed_in', 'two_factor_required', 'two_factor_setup_required'] as const),
  user: StaffUserResponse,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every POST, PATCH, PUT and DELETE.' }),
  twoFactorRequiredByRole: Type.Boolean(),
});

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const CodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 6,
      maxLength: 20,
      description: 'A 6-digit TOTP code or a recovery code.',
    }),
  },
  { additionalProperties: false },
);

export const TwoFactorSetupResponse = Type.Object({
  secret: Type.String({ description: 'Base32 secret for manual entry.' }),
  uri: Type.String({ description: 'otpauth:// URI.' }),
  qrSvg: Type.String({ description: 'The URI as an SVG QR code.' }),
});

export const RecoveryCodesResponse = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'Shown once. Each works one time.' }),
  session: SessionResponse,
});

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const SignedOutResponse = Type.Object({ sessionsEnded: Type.Integer() });

export const UserParams = Type.Object({ id: Uuid });
export const TeamParams = Type.Object({ id: Uuid });

export const UserList = Type.Object({ items: Type.Array(StaffUserResponse) });

export const NewUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    roles: Type.Array(StringEnum(ROLES), { minItems: 1, uniqueItems: true }),
    officeCode: Nullable(OfficeCode),
    teamIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true })),
    language: Type.Optional(StringEnum(LANGUAGES)),
  },
  { additionalProperties: false },
);

export const CreatedUserResponse = Type.Object({
  user: StaffUserResponse,
  password: Type.String({ description: 'Generated password, shown only in this response.' }),
});

export const UserEditBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    roles: Type.Optional(Type.Array(StringEnum(ROLES), { minItems: 1, uniqueItems: true })),
    officeCode: Type.Optional(Nullable(OfficeCode)),
    teamIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true })),
    language: Type.Optional(StringEnum(LANGUAGES)),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PasswordResponse = Type.Object({
  password: Type.String({ description: 'Shown only in this response.' }),
});

export const DirectoryResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      displayName: Type.String(),
      roles: Type.Array(StringEnum(ROLES)),
      teamIds: Type.Array(Type.String()),
      officeCode: Nullable(Type.String()),
    }),
  ),
});

export const TeamResponse = Type.Object({
  id: Type.String(),
  officeCode: Type.String(),
  code: Type.String(),
  name: Type.Object({ id: Type.String(), en: Type.String() }),
  memberIds: Type.Array(Type.String()),
});

export const TeamList = Type.Object({ items: Type.Array(TeamResponse) });

export const NewTeamBody = Type.Object(
  {
    officeCode: OfficeCode,
    code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 }),
    nameId: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    nameEn: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const TeamEditBody = Type.Object(
  {
    nameId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
  },
  { additionalProperties: false },
);
