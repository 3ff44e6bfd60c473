import { Type } from 'typebox';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CHANNELS,
  LANGUAGES,
  MESSAGE_KINDS,
  PRIORITIES,
} from '../../../shared/enums.js';
import { IsoDateTime, LocalizedName, Nullable, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { SlaStandingSchema } from '../service-levels/schemas.js';

/** Limits the issue sets for public submissions. */
export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const MESSAGE_MAX = 10_000;

const NotBlank = '\\S';
const Code = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 });

export const TrackingCodeParams = Type.Object({
  trackingCode: Type.String({
    maxLength: 40,
    description:
      'Tracking code such as SBY-26-7K3Q9MX (case, spaces and look-alike characters are forgiven).',
  }),
});

export const AccessKeyHeaders = Type.Object({
  'x-access-key': Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'The access key given when the case was submitted, e.g. 7K3Q-9MXA-B2CD-EFGH.',
  }),
});

const Contact = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ().-]{6,24}$' })),
  },
  { additionalProperties: false, description: 'All optional. Never shown publicly.' },
);

export const CreateCaseBody = Type.Object(
  {
    type: StringEnum(CASE_TYPES),
    officeCode: Type.String({ pattern: '^[A-Z]{2,5}$', description: 'Office code, e.g. SBY.' }),
    subject: Type.String({ minLength: 1, maxLength: SUBJECT_MAX, pattern: NotBlank }),
    description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, pattern: NotBlank }),
    serviceCode: Type.Optional(Code),
    categoryCode: Type.Optional(Code),
    contact: Type.Optional(Contact),
    anonymous: Type.Optional(
      Type.Boolean({
        description: 'Hide the identity from staff outside the handling team and from every public view.',
      }),
    ),
    confidential: Type.Optional(Type.Boolean({ description: 'Never show the content publicly.' })),
    language: Type.Optional(StringEnum(LANGUAGES, { default: 'id' })),
    passportApplicationNumber: Type.Optional(
      Type.String({
        maxLength: 60,
        description: 'The passport application the case is about, if any; linked when the office knows it.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreatedCaseResponse = Type.Object({
  trackingCode: Type.String(),
  accessKey: Type.String({ description: 'Shown only once. Keep it: it is needed to follow the case.' }),
  status: StringEnum(CASE_STATUSES),
  receivedAt: IsoDateTime,
});

export const MessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: MESSAGE_MAX, pattern: NotBlank }) },
  { additionalProperties: false },
);

const Classification = Nullable(Type.Object({ code: Type.String(), name: LocalizedName }));

const PublicAuthor = Type.Object({
  type: StringEnum(['citizen', 'staff', 'system'] as const),
  name: Nullable(Type.String({ description: 'A display name only; staff identities are never exposed.' })),
});

const PublicTimelineEntry = Type.Object({
  kind: StringEnum(['received', 'status_changed', 'message'] as const),
  at: IsoDateTime,
  from: Type.Optional(StringEnum(CASE_STATUSES)),
  to: Type.Optional(StringEnum(CASE_STATUSES)),
  reason: Type.Optional(Type.String()),
  messageKind: Type.Optional(StringEnum(['public_reply', 'citizen_message'] as const)),
  body: Type.Optional(Type.String()),
  author: Type.Optional(PublicAuthor),
});

export const PublicCaseResponse = Type.Object({
  trackingCode: Type.String(),
  type: StringEnum(CASE_TYPES),
  status: StringEnum(CASE_STATUSES),
  subject: Type.String(),
  description: Type.String(),
  office: Type.Object({ code: Type.String(), name: LocalizedName }),
  service: Classification,
  category: Classification,
  language: StringEnum(LANGUAGES),
  receivedAt: IsoDateTime,
  firstResponseAt: Nullable(IsoDateTime),
  resolvedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
  rejectionReason: Nullable(Type.String()),
  canReply: Type.Boolean({ description: 'Whether the citizen may still add a message.' }),
  mergedInto: Nullable(
    Type.String({
      description: 'When staff merged this case as a duplicate: the tracking code it continues under.',
    }),
  ),
  timeline: Type.Array(PublicTimelineEntry),
});

export const PublicMessageResponse = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  status: StringEnum(CASE_STATUSES, { description: 'The case status after the message.' }),
});

// ---- staff ----

export const StaffCaseSummary = Type.Object({
  trackingCode: Type.String(),
  type: StringEnum(CASE_TYPES),
  status: StringEnum(CASE_STATUSES),
  subject: Type.String(),
  officeCode: Type.String(),
  service: Classification,
  category: Classification,
  channel: StringEnum(CHANNELS),
  language: StringEnum(LANGUAGES),
  priority: StringEnum(PRIORITIES),
  anonymous: Type.Boolean(),
  confidential: Type.Boolean(),
  assigneeId: Nullable(Type.String()),
  teamId: Nullable(Type.String()),
  mergedInto: Nullable(Type.String({ description: 'Tracking code of the case this one was merged into.' })),
  receivedAt: IsoDateTime,
  firstResponseAt: Nullable(IsoDateTime),
  waitingSince: Nullable(IsoDateTime),
  resolvedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
  dueAt: Nullable(IsoDateTime),
  firstResponseDueAt: Nullable(IsoDateTime),
  sla: SlaStandingSchema,
  updatedAt: IsoDateTime,
  version: Type.Integer(),
});

export const StaffCaseList = Type.Object({
  items: Type.Array(StaffCaseSummary),
  nextCursor: Nullable(
    Type.String({ description: 'Pass as `cursor` to get the next page; null on the last.' }),
  ),
});

const StaffTimelineEntry = Type.Object({
  kind: StringEnum(['event', 'message'] as const),
  at: IsoDateTime,
  type: Type.Optional(Type.String({ description: 'Event type, e.g. case.status_changed.' })),
  payload: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  messageId: Type.Optional(Type.String()),
  messageKind: Type.Optional(StringEnum(MESSAGE_KINDS)),
  body: Type.Optional(Type.String()),
  actor: Type.Object({
    type: StringEnum(['citizen', 'staff', 'system'] as const),
    id: Nullable(Type.String()),
    name: Nullable(Type.String()),
  }),
});

export const StaffCaseDetail = Type.Object({
  ...StaffCaseSummary.properties,
  description: Type.String(),
  contact: Nullable(
    Type.Object({
      name: Nullable(Type.String()),
      email: Nullable(Type.String()),
      phone: Nullable(Type.String()),
    }),
  ),
  rejectionReason: Nullable(Type.String()),
  allowedTransitions: Type.Array(StringEnum(CASE_STATUSES)),
  allowedActions: Type.Array(
    StringEnum([
      'read',
      'reply',
      'note',
      'transition',
      'reopen',
      'update',
      'assign',
      'take',
      'link',
      'merge',
    ] as const),
    { description: 'What the signed-in user may do with this case.' },
  ),
  linkedCases: Type.Array(
    Type.Object({ trackingCode: Type.String(), status: StringEnum(CASE_STATUSES), subject: Type.String() }),
  ),
  timeline: Type.Array(StaffTimelineEntry),
});

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(StringEnum(CASE_STATUSES), { description: 'Repeat to match several.' })),
    type: Type.Optional(Type.Array(StringEnum(CASE_TYPES))),
    channel: Type.Optional(Type.Array(StringEnum(CHANNELS))),
    priority: Type.Optional(Type.Array(StringEnum(PRIORITIES))),
    office: Type.Optional(Type.String({ pattern: '^[A-Z]{2,5}$' })),
    category: Type.Optional(Code),
    receivedFrom: Type.Optional(IsoDateTime),
    receivedBefore: Type.Optional(IsoDateTime),
    order: Type.Optional(StringEnum(['newest', 'oldest', 'due'] as const, { default: 'newest' })),
    overdue: Type.Optional(
      Type.Boolean({ description: 'Only open cases past a due time (first response or resolution).' }),
    ),
    assignee: Type.Optional(Type.String({ maxLength: 40, description: '`me`, `none` or a staff id.' })),
    team: Type.Optional(Type.String({ maxLength: 40, description: '`mine` or a team id.' })),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Words to find in subject and description.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const StaffMessageBody = Type.Object(
  {
    kind: StringEnum(['public_reply', 'internal_note'] as const),
    body: Type.String({ minLength: 1, maxLength: MESSAGE_MAX, pattern: NotBlank }),
  },
  { additionalProperties: false },
);

export const StaffMessageResponse = Type.Object({
  id: Type.String(),
  kind: StringEnum(MESSAGE_KINDS),
  at: IsoDateTime,
});

export const TransitionBody = Type.Object(
  {
    to: StringEnum(CASE_STATUSES),
    reason: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Shown to the citizen. Required when rejecting.' }),
    ),
    version: Type.Integer({ minimum: 1, description: 'The version you last saw; a newer one gives 409.' }),
  },
  { additionalProperties: false },
);

export const UpdateCaseBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    priority: Type.Optional(StringEnum(PRIORITIES)),
    categoryCode: Type.Optional(Nullable(Code)),
    assigneeId: Type.Optional(Nullable(Uuid)),
    teamId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const LinkBody = Type.Object(
  { relatedTrackingCode: Type.String({ maxLength: 40 }) },
  { additionalProperties: false },
);

export const MergeBody = Type.Object(
  { intoTrackingCode: Type.String({ maxLength: 40 }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const ViewCounts = Type.Object({
  mine: Type.Integer(),
  unassigned: Type.Integer(),
  team: Type.Integer(),
  open: Type.Integer(),
  all: Type.Integer(),
  overdue: Type.Integer({ description: 'Open cases past a due time (the overdue view).' }),
});
