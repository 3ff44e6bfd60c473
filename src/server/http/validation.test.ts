import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { toFieldErrors, validatorCompiler } from './validation.js';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function compile(schema: object, httpPart: 'body' | 'querystring' | 'params' = 'body'): Validate {
  return validatorCompiler({ schema, httpPart, method: 'POST', url: '/test' }) as unknown as Validate;
}

/** Validates `data` as a request body and returns the mapped field errors (validation must fail). */
function bodyErrors(schema: object, data: unknown) {
  const validate = compile(schema);
  expect(validate(data)).toBe(false);
  return toFieldErrors(validate.errors ?? []);
}

const caseSchema = {
  type: 'object',
  required: ['type', 'description', 'contact'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: ['complaint', 'request'] },
    description: { type: 'string', maxLength: 10 },
    count: { type: 'integer', minimum: 1, maximum: 5 },
    contact: {
      type: 'object',
      required: ['email'],
      additionalProperties: false,
      properties: {
        email: { type: 'string', format: 'email' },
        name: { type: 'string', minLength: 2 },
      },
    },
  },
};

const validCase = { type: 'complaint', description: 'Pothole', contact: { email: 'a@example.org' } };

describe('toFieldErrors on real AJV errors', () => {
  it('accepts a valid body', () => {
    expect(compile(caseSchema)(validCase)).toBe(true);
  });

  it('maps required to the missing property', () => {
    expect(bodyErrors(caseSchema, { type: 'complaint', contact: { email: 'a@example.org' } })).toEqual([
      { field: 'description', code: 'required' },
    ]);
  });

  it('maps a nested required to a dotted path', () => {
    expect(bodyErrors(caseSchema, { ...validCase, contact: {} })).toEqual([
      { field: 'contact.email', code: 'required' },
    ]);
  });

  it('maps additionalProperties to the unknown property, at top level and nested', () => {
    expect(bodyErrors(caseSchema, { ...validCase, priority: 'high' })).toEqual([
      { field: 'priority', code: 'additionalProperties' },
    ]);
    expect(bodyErrors(caseSchema, { ...validCase, contact: { email: 'a@example.org', phone: '1' } })).toEqual(
      [{ field: 'contact.phone', code: 'additionalProperties' }],
    );
  });

  it('maps type with the expected type', () => {
    expect(bodyErrors(caseSchema, { ...validCase, description: 42 })).toEqual([
      { field: 'description', code: 'type', params: { type: 'string' } },
    ]);
  });

  it('maps maxLength and minLength with the limit', () => {
    expect(bodyErrors(caseSchema, { ...validCase, description: 'x'.repeat(11) })).toEqual([
      { field: 'description', code: 'maxLength', params: { limit: 10 } },
    ]);
    expect(bodyErrors(caseSchema, { ...validCase, contact: { email: 'a@example.org', name: 'A' } })).toEqual([
      { field: 'contact.name', code: 'minLength', params: { limit: 2 } },
    ]);
  });

  it('maps minimum and maximum with the limit', () => {
    expect(bodyErrors(caseSchema, { ...validCase, count: 0 })).toEqual([
      { field: 'count', code: 'minimum', params: { limit: 1 } },
    ]);
    expect(bodyErrors(caseSchema, { ...validCase, count: 6 })).toEqual([
      { field: 'count', code: 'maximum', params: { limit: 5 } },
    ]);
  });

  it('maps enum with the allowed values', () => {
    expect(bodyErrors(caseSchema, { ...validCase, type: 'praise' })).toEqual([
      { field: 'type', code: 'enum', params: { values: 'complaint, request' } },
    ]);
  });

  it('maps format with the format name', () => {
    expect(bodyErrors(caseSchema, { ...validCase, contact: { email: 'not-an-email' } })).toEqual([
      { field: 'contact.email', code: 'format', params: { format: 'email' } },
    ]);
  });

  it('maps pattern and unknown keywords', () => {
    expect(
      bodyErrors(
        { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]+$' } } },
        { code: 'x' },
      ),
    ).toEqual([{ field: 'code', code: 'pattern' }]);
    expect(
      bodyErrors({ type: 'object', properties: { n: { type: 'integer', multipleOf: 2 } } }, { n: 3 }),
    ).toEqual([{ field: 'n', code: 'invalid' }]);
  });

  it('reports every failing field of a body (all errors)', () => {
    const errors = bodyErrors(caseSchema, {
      type: 'praise',
      description: 5,
      contact: { email: 'x' },
      extra: 1,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', code: 'additionalProperties' },
        { field: 'type', code: 'enum', params: { values: 'complaint, request' } },
        { field: 'description', code: 'type', params: { type: 'string' } },
        { field: 'contact.email', code: 'format', params: { format: 'email' } },
      ]),
    );
    expect(errors).toHaveLength(4);
  });

  it('uses an empty field for errors on the body itself', () => {
    expect(bodyErrors(caseSchema, 'just a string')).toEqual([
      { field: '', code: 'type', params: { type: 'object' } },
    ]);
  });

  it('writes array indexes as path segments', () => {
    const schema = {
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string', maxLength: 3 } } },
    };
    expect(bodyErrors(schema, { tags: ['ok', 'too long'] })).toEqual([
      { field: 'tags.1', code: 'maxLength', params: { limit: 3 } },
    ]);
  });

  it('unescapes JSON-pointer segments (~1 → /, ~0 → ~)', () => {
    const schema = {
      type: 'object',
      properties: { 'a/b': { type: 'string' }, 'c~d': { type: 'string' } },
    };
    const errors = bodyErrors(schema, { 'a/b': 1, 'c~d': 2 });
    expect(errors.map((e) => e.field)).toEqual(['a/b', 'c~d']);
  });

  it('drops duplicate field/code pairs', () => {
    const schema = {
      type: 'object',
      properties: { v: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
    };
    // anyOf yields two `type` errors on the same field plus the anyOf error itself.
    expect(bodyErrors(schema, { v: true })).toEqual([
      { field: 'v', code: 'type', params: { type: 'string' } },
      { field: 'v', code: 'invalid' },
    ]);
  });
});

describe('validatorCompiler', () => {
  const countSchema = {
    type: 'object',
    properties: { count: { type: 'integer' }, flag: { type: 'boolean' } },
  };

  it('does not coerce request bodies: "5" for an integer is an error', () => {
    const validate = compile(countSchema, 'body');
    const data = { count: '5' };
    expect(validate(data)).toBe(false);
    expect(toFieldErrors(validate.errors ?? [])).toEqual([
      { field: 'count', code: 'type', params: { type: 'integer' } },
    ]);
    expect(data.count).toBe('5');
    expect(validate({ flag: 'true' })).toBe(false);
  });

  it('coerces query strings to the declared types', () => {
    const validate = compile(countSchema, 'querystring');
    const data: Record<string, unknown> = { count: '5', flag: 'true' };
    expect(validate(data)).toBe(true);
    expect(data).toEqual({ count: 5, flag: true });
    expect(validate({ count: 'five' })).toBe(false);
  });

  it('wraps a single query value into an array', () => {
    const validate = compile(
      {
        type: 'object',
        properties: { status: { type: 'array', items: { type: 'string', enum: ['received', 'closed'] } } },
      },
      'querystring',
    );
    const single: Record<string, unknown> = { status: 'received' };
    expect(validate(single)).toBe(true);
    expect(single.status).toEqual(['received']);
    const many: Record<string, unknown> = { status: ['received', 'closed'] };
    expect(validate(many)).toBe(true);
    expect(many.status).toEqual(['received', 'closed']);
  });

  it('coerces path parameters as well', () => {
    const validate = compile({ type: 'object', properties: { id: { type: 'integer' } } }, 'params');
    const data: Record<string, unknown> = { id: '12' };
    expect(validate(data)).toBe(true);
    expect(data.id).toBe(12);
  });

  it('does not wrap a single value into an array in bodies', () => {
    const validate = compile({ type: 'object', properties: { tags: { type: 'array' } } }, 'body');
    expect(validate({ tags: 'one' })).toBe(false);
  });

  it('refuses unknown body fields instead of silently removing them', () => {
    const validate = compile({ type: 'object', additionalProperties: false, properties: {} }, 'body');
    const data = { extra: 1 };
    expect(validate(data)).toBe(false);
    expect(data).toEqual({ extra: 1 });
  });

  it('fills in defaults', () => {
    const validate = compile(
      { type: 'object', properties: { page: { type: 'integer', default: 1 } } },
      'querystring',
    );
    const data: Record<string, unknown> = {};
    expect(validate(data)).toBe(true);
    expect(data.page).toBe(1);
  });
});
