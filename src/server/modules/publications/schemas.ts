import { Type } from 'typebox';
import { LANGUAGES } from '../../../shared/enums.js';
import { IsoDateTime, Nullable, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { ENFORCEMENT_ACTIONS } from './enforcement-records.js';
import { PUBLICATION_CATEGORIES, PUBLICATION_STATUSES } from './model.js';

export const Category = StringEnum(PUBLICATION_CATEGORIES);
export const Status = StringEnum(PUBLICATION_STATUSES);
export const Action = StringEnum(ENFORCEMENT_ACTIONS);
const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const TextVersion = Type.Object(
  { title: Text(200), summary: Text(600), body: Type.String({ minLength: 1, maxLength: 50_000 }) },
  { additionalProperties: false },
);
export const Texts = Type.Object(
  { id: TextVersion, en: Type.Optional(TextVersion) },
  { additionalProperties: false },
);
const Citations = Type.Array(Uuid, { maxItems: 100 });
const Version = Type.Integer({ minimum: 1 });

export const NewPublicationBody = Type.Object(
  {
    category: Category,
    texts: Texts,
    citations: Type.Optional(Citations),
    slug: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 })),
    message: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PublicationChangesBody = Type.Object(
  {
    version: Version,
    category: Type.Optional(Category),
    texts: Type.Optional(Texts),
    citations: Type.Optional(Citations),
    message: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const ApproveBody = Type.Object(
  { version: Version, scheduledAt: Type.Optional(Nullable(IsoDateTime)) },
  { additionalProperties: false },
);
export const RejectBody = Type.Object(
  { version: Version, comment: Text(2000) },
  { additionalProperties: false },
);

export const CitationView = Type.Object({
  id: Type.String(),
  initials: Type.String(),
  nationality: Type.String(),
  label: Type.String(),
  action: Type.String(),
  legalBasis: Type.String(),
  decidedOn: Type.String(),
  carriedOutOn: Nullable(Type.String()),
});

const TextView = Type.Object({ title: Type.String(), summary: Type.String(), body: Type.String() });

export const DeliveryView = Type.Object({
  id: Type.String(),
  webhookId: Type.String(),
  webhookName: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const StaffPublication = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  category: Type.String(),
  status: Type.String(),
  texts: Type.Object({ id: TextView, en: Type.Optional(TextView) }),
  citations: Type.Array(CitationView),
  revisionNumber: Type.Integer(),
  publishedRevisionNumber: Nullable(Type.Integer()),
  version: Type.Integer(),
  authorName: Type.String(),
  reviewerName: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  scheduledAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  archivedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publicUrls: Type.Array(Type.Object({ language: Type.String(), url: Type.String() })),
  deliveries: Type.Array(DeliveryView),
  allowedActions: Type.Array(Type.String()),
});

export const StaffPublicationListItem = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  category: Type.String(),
  status: Type.String(),
  title: Type.String(),
  languages: Type.Array(Type.String()),
  authorName: Type.String(),
  scheduledAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

export const FindingView = Type.Object({
  language: StringEnum(LANGUAGES),
  field: Type.String(),
  kind: Type.String(),
  excerpt: Type.String(),
  citation: Type.Optional(Type.Integer()),
  message: Type.String(),
});

export const RecordBody = Type.Object(
  {
    fullName: Text(200),
    nationality: Type.String({ pattern: '^[A-Z]{2}$' }),
    documentNumber: Type.String({ minLength: 5, maxLength: 30, pattern: '^[A-Za-z0-9 -]+$' }),
    legalBasis: Text(300),
    action: Action,
    decidedOn: CalendarDate,
    carriedOutOn: Type.Optional(Nullable(CalendarDate)),
  },
  { additionalProperties: false },
);
export const RecordUpdateBody = Type.Object(
  { ...RecordBody.properties, version: Version },
  { additionalProperties: false },
);

export const RecordView = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  documentNumber: Type.String(),
  initials: Type.String(),
  nationality: Type.String(),
  label: Type.String(),
  legalBasis: Type.String(),
  action: Type.String(),
  decidedOn: Type.String(),
  carriedOutOn: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const WebhookBody = Type.Object(
  {
    name: Text(120),
    url: Type.String({ minLength: 8, maxLength: 500 }),
    active: Type.Boolean(),
    rotateSecret: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const WebhookView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** Shown once, when created or rotated. */
  signingSecret: Type.Optional(Nullable(Type.String())),
});

export const ImageBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    contentBase64: Type.String({ minLength: 4, maxLength: 2_800_000, pattern: '^[A-Za-z0-9+/]+={0,2}$' }),
  },
  { additionalProperties: false },
);
