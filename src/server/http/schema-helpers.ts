import { type Static, type TSchema, Type } from 'typebox';

/** A string enum as plain JSON Schema `enum`, which reads better in OpenAPI and in error messages than anyOf. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * `schema` or null. A schema with one `type` becomes a type list (`type: ['string', 'null']`, null added to an
 * enum): fast-json-stringify serializes a type list with a typeof check, but an anyOf by running a validator
 * for each alternative on every response — measured at 3.3 µs against 1.2 µs for a case look-up's answer.
 * Validation and the OpenAPI 3.1 document mean the same either way.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const { type, enum: values } = schema as { type?: unknown; enum?: unknown[] };
  if (typeof type !== 'string') return Type.Union([schema, Type.Null()]);
  return Type.Unsafe<Static<T> | null>({
    ...schema,
    type: [type, 'null'],
    ...(values ? { enum: [...values, null] } : {}),
  });
}

export const IsoDateTime = Type.String({ format: 'date-time' });

/** Ids are UUIDs (v7) on both engines; checking the shape keeps malformed ones away from typed uuid columns. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const Uuid = Type.String({ pattern: UUID_PATTERN.source });

/** An office code as used in tracking codes, e.g. SBY. */
export const OfficeCode = Type.String({ pattern: '^[A-Z]{2,5}$' });

export const LocalizedName = Type.Object(
  { id: Type.String(), en: Type.String() },
  { description: 'The same name in Indonesian (id) and English (en).' },
);

const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String({ description: 'Localized by Accept-Language (id by default, or en).' }),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable, machine-readable error code.' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.String(),
    field: Type.Optional(Type.String({ description: 'The first failing field, as a dotted path.' })),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    ),
    retryAfterSeconds: Type.Optional(Type.Integer()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' },
);

export const problemSchema = Problem;

/** Documents error responses by status; bodies are written by the error handler, not serialized here. */
export function problems(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'Problem details',
        content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
      },
    ]),
  );
}
