import { Type } from 'typebox';
import { LANGUAGES } from '../../../shared/enums.js';
import { IsoDateTime, Nullable, StringEnum } from '../../http/schema-helpers.js';
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
