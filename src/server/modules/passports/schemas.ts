import { Type } from 'typebox';
import { Nullable, StringEnum } from '../../http/schema-helpers.js';
import { API_PERMISSIONS } from './api-keys.js';
import { PASSPORT_KINDS, PRIORITY_GROUPS, SERVICES, SPEEDS, STAGES } from './model.js';

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const ApplicationNumber = Type.String({ minLength: 4, maxLength: 60, pattern: '\\S' });
const Stage = StringEnum(STAGES);

export const StatusCheckBody = Type.Object(
  { applicationNumber: ApplicationNumber, birthDate: IsoDate },
  { additionalProperties: false },
);

export const PublicStatus = Type.Object({
  applicationNumber: Type.String(),
  officeCode: Type.String(),
  applicantInitials: Type.String(),
  stage: Stage,
  stageText: Type.String(),
  stageAt: Type.String(),
  nextStep: Type.String(),
  nextStepText: Type.String(),
  note: Nullable(Type.String()),
  expectedAt: Nullable(Type.String()),
  expectedDate: Nullable(Type.String()),
  late: Type.Boolean(),
  speed: StringEnum(SPEEDS),
  service: StringEnum(SERVICES),
  appointmentDate: Nullable(Type.String()),
  stages: Type.Array(Type.Object({ stage: Stage, at: Type.String() })),
});

const Contact = Type.Object(
  {
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    consent: Type.Boolean({ description: 'The applicant agreed to be told of stage changes.' }),
    consentAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'When the applicant gave that consent. After the applicant withdrew consent (unsubscribe link or staff), consent = true switches notifications back on only with a consentAt later than the withdrawal.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ApplicationDetails = Type.Object(
  {
    applicantName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    birthDate: IsoDate,
    nik: Type.Optional(
      Type.String({
        pattern: '^[0-9 .-]{16,24}$',
        description: '16 digits; stored only as a keyed hash and its last four digits.',
      }),
    ),
    passportKind: StringEnum(PASSPORT_KINDS),
    validityYears: Type.Optional(Type.Union([Type.Literal(5), Type.Literal(10)])),
    service: StringEnum(SERVICES),
    speed: Type.Optional(StringEnum(SPEEDS)),
    appointmentDate: Type.Optional(Nullable(IsoDate)),
    priorityGroup: Type.Optional(Nullable(StringEnum(PRIORITY_GROUPS))),
    contact: Type.Optional(Contact),
    language: Type.Optional(StringEnum(['id', 'en'] as const)),
  },
  { additionalProperties: false },
);

export const StageEvent = Type.Object(
  {
    eventId: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9._:/-]+$',
      description: 'Your id of this change; sending it again is acknowledged without a second change.',
    }),
    applicationNumber: ApplicationNumber,
    stage: Stage,
    at: Type.String({ format: 'date-time' }),
    officer: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    application: Type.Optional(ApplicationDetails),
  },
  { additionalProperties: false },
);

export const EventsBody = Type.Object(
  { events: Type.Array(StageEvent, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);

export const EventResult = Type.Object({
  eventId: Type.String(),
  applicationNumber: Type.String(),
  result: StringEnum(['applied', 'unchanged', 'stale', 'duplicate', 'rejected'] as const),
  code: Type.Optional(Type.String()),
});

export const StaffApplication = Type.Object({
  id: Type.String(),
  officeId: Type.String(),
  officeCode: Type.String(),
  applicationNumber: Type.String(),
  applicantName: Type.String(),
  birthDate: Type.String(),
  nikLast4: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  contactConsent: Type.Boolean(),
  consentGivenAt: Nullable(Type.String()),
  consentWithdrawal: Nullable(
    Type.Object({ at: Type.String(), source: StringEnum(['unsubscribe', 'staff'] as const) }),
  ),
  language: Type.String(),
  passportKind: StringEnum(PASSPORT_KINDS),
  validityYears: Type.Integer(),
  service: StringEnum(SERVICES),
  speed: StringEnum(SPEEDS),
  appointmentDate: Nullable(Type.String()),
  priorityGroup: Nullable(StringEnum(PRIORITY_GROUPS)),
  stage: Stage,
  stageAt: Type.String(),
  stageOfficer: Nullable(Type.String()),
  stageNote: Nullable(Type.String()),
  expectedAt: Nullable(Type.String()),
  late: Type.Boolean(),
  version: Type.Integer(),
  allowedActions: Type.Array(Type.String()),
  nextStages: Type.Array(Stage),
});

export const StaffApplicationDetail = Type.Object({
  ...StaffApplication.properties,
  stages: Type.Array(
    Type.Object({
      stage: Stage,
      at: Type.String(),
      officer: Nullable(Type.String()),
      note: Nullable(Type.String()),
      source: Type.String(),
    }),
  ),
  cases: Type.Array(
    Type.Object({
      caseId: Type.String(),
      trackingCode: Type.String(),
      subject: Type.String(),
      status: Type.String(),
      linkedAt: Type.String(),
    }),
  ),
});

export const ApiKeyView = Type.Object({
  id: Type.String(),
  officeId: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  permissions: Type.Array(StringEnum(API_PERMISSIONS)),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
