import { Type } from 'typebox';
import { CHANNELS, LANGUAGES } from '../../../shared/enums.js';
import { IsoDateTime, LocalizedName, Nullable, StringEnum } from '../../http/schema-helpers.js';
import { STANDARD_COMPONENTS } from './content/types.js';
import { KB_STATUSES } from './model.js';

export const Lang = StringEnum(LANGUAGES);
export const Status = StringEnum(KB_STATUSES);
/** Keys and slugs: lowercase ASCII words joined by hyphens. */
export const Key = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 });
export const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 });
const CALENDAR_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
export const CalendarDate = Type.String({ pattern: CALENDAR_DATE });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Message = Type.Optional(Type.String({ maxLength: 500 }));
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 });
const Keys = Type.Array(Key, { maxItems: 20 });

const Translation = Type.Object({
  id: Type.String(),
  language: Lang,
  slug: Nullable(Type.String()),
  status: Status,
});

const common = {
  id: Type.String(),
  language: Lang,
  status: Status,
  categoryKey: Nullable(Type.String()),
  version: Type.Integer(),
  revisionNumber: Type.Integer(),
  publishedRevisionNumber: Nullable(Type.Integer()),
  hasUnpublishedChanges: Type.Boolean(),
  publicUrl: Nullable(Type.String()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  publishedAt: Nullable(IsoDateTime),
};

export const StaffArticleListItem = Type.Object({
  ...common,
  translationKey: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  lastReviewedAt: Nullable(IsoDateTime),
  reviewDueAt: Nullable(IsoDateTime),
});

export const StaffArticle = Type.Object({
  ...StaffArticleListItem.properties,
  summary: Type.String(),
  body: Type.String(),
  bodyHtml: Type.String(),
  tags: Type.Array(Type.String()),
  related: Type.Array(Type.String()),
  reviewIntervalDays: Type.Integer(),
  translations: Type.Array(Translation),
  allowedActions: Type.Array(Type.String()),
});

export const StaffFaqListItem = Type.Object({
  ...common,
  key: Type.String(),
  question: Type.String(),
  articleKey: Nullable(Type.String()),
});

export const StaffFaq = Type.Object({
  ...StaffFaqListItem.properties,
  questions: Type.Array(Type.String()),
  answer: Type.String(),
  answerHtml: Type.String(),
  translations: Type.Array(Translation),
  allowedActions: Type.Array(Type.String()),
});

export const NewArticleBody = Type.Object(
  {
    translationKey: Key,
    language: Lang,
    slug: Slug,
    title: Text(200),
    summary: Text(1000),
    body: Text(100_000),
    categoryKey: Type.Optional(Nullable(Key)),
    tags: Type.Optional(Tags),
    related: Type.Optional(Keys),
    reviewIntervalDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 1095 })),
    message: Message,
  },
  { additionalProperties: false },
);

export const ArticleChangesBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    message: Message,
    slug: Type.Optional(Slug),
    title: Type.Optional(Text(200)),
    summary: Type.Optional(Text(1000)),
    body: Type.Optional(Text(100_000)),
    categoryKey: Type.Optional(Nullable(Key)),
    tags: Type.Optional(Tags),
    related: Type.Optional(Keys),
    reviewIntervalDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 1095 })),
  },
  { additionalProperties: false },
);

const Questions = Type.Array(Text(300), { minItems: 1, maxItems: 20 });

export const NewFaqBody = Type.Object(
  {
    key: Key,
    language: Lang,
    questions: Questions,
    answer: Text(20_000),
    articleKey: Type.Optional(Nullable(Key)),
    categoryKey: Type.Optional(Nullable(Key)),
    message: Message,
  },
  { additionalProperties: false },
);

export const FaqChangesBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    message: Message,
    questions: Type.Optional(Questions),
    answer: Type.Optional(Text(20_000)),
    articleKey: Type.Optional(Nullable(Key)),
    categoryKey: Type.Optional(Nullable(Key)),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), to: Status, message: Message },
  { additionalProperties: false },
);
export const VersionBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), message: Message },
  { additionalProperties: false },
);

export const RevisionList = Type.Object({
  items: Type.Array(
    Type.Object({
      number: Type.Integer(),
      authorName: Nullable(Type.String()),
      message: Nullable(Type.String()),
      createdAt: IsoDateTime,
      published: Type.Boolean(),
    }),
  ),
});

export const Diff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(
    Type.Object({
      field: Type.String(),
      changes: Type.Array(
        Type.Object({ op: StringEnum(['equal', 'insert', 'delete'] as const), text: Type.String() }),
      ),
    }),
  ),
});

export const Category = Type.Object({
  id: Type.String(),
  key: Type.String(),
  names: LocalizedName,
  descriptions: LocalizedName,
  sortOrder: Type.Integer(),
  articleCount: Type.Integer(),
});

const Names = Type.Object({ id: Text(300), en: Text(300) }, { additionalProperties: false });
const Descriptions = Type.Object(
  { id: Type.String({ maxLength: 500 }), en: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

export const CategoryBody = Type.Object(
  {
    key: Key,
    names: Names,
    descriptions: Type.Optional(Descriptions),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export const Fee = Type.Object({
  id: Type.String(),
  code: Type.String(),
  serviceCode: Type.String(),
  names: LocalizedName,
  amount: Type.Integer(),
  legalBasis: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  inForce: Type.Boolean(),
});

export const FeeBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9_]{2,60}$' }),
    serviceCode: Key,
    names: Names,
    amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
    legalBasis: Text(300),
    validFrom: CalendarDate,
    validTo: Type.Optional(Nullable(CalendarDate)),
  },
  { additionalProperties: false },
);

const ComponentText = Type.Object(
  { id: Type.String({ maxLength: 20_000 }), en: Type.String({ maxLength: 20_000 }) },
  { additionalProperties: false },
);

export const StandardBody = Type.Object(
  {
    legalBasis: Text(1000),
    effectiveFrom: CalendarDate,
    components: Type.Object(Object.fromEntries(STANDARD_COMPONENTS.map((c) => [c, ComponentText])), {
      additionalProperties: false,
    }),
  },
  { additionalProperties: false },
);

export const Standard = Type.Object({
  id: Type.String(),
  officeCode: Type.String(),
  serviceCode: Type.String(),
  legalBasis: Type.String(),
  effectiveFrom: Type.String(),
  current: Type.Boolean(),
  components: Type.Record(Type.String(), LocalizedName),
});

export const MaklumatBody = Type.Object(
  {
    effectiveFrom: CalendarDate,
    text: Type.Object({ id: Text(20_000), en: Text(20_000) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const Maklumat = Type.Object({
  id: Type.String(),
  officeCode: Type.String(),
  effectiveFrom: Type.String(),
  text: LocalizedName,
  current: Type.Boolean(),
});

export const Synonym = Type.Object({
  id: Type.String(),
  language: Lang,
  term: Type.String(),
  means: Type.String(),
});
export const SynonymBody = Type.Object(
  { language: Lang, term: Type.String({ minLength: 1, maxLength: 60 }), means: Text(200) },
  { additionalProperties: false },
);

const ReportDay = (description: string) =>
  Type.Optional(Type.String({ pattern: CALENDAR_DATE, description }));

export const QuestionFilter = {
  from: ReportDay("First day, inclusive, in the time zone of the staff member's office"),
  to: ReportDay("Last day, inclusive, in the time zone of the staff member's office"),
  lang: Type.Optional(Lang),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
};

export const LoggedQuestion = Type.Object({
  question: Type.String(),
  language: Lang,
  answered: Type.Boolean(),
  confidence: Type.Number(),
  matchedKind: Nullable(Type.String()),
  matchedKey: Nullable(Type.String()),
  channel: StringEnum(CHANNELS),
  askedAt: IsoDateTime,
});

export const UnansweredQuestion = Type.Object({
  question: Type.String(),
  language: Lang,
  count: Type.Integer(),
  lastAskedAt: IsoDateTime,
  bestConfidence: Type.Number(),
});
