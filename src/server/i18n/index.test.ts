import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/enums.js';
import { ERROR_STATUS } from '../errors.js';
import { toFieldErrors, validatorCompiler } from '../http/validation.js';
import { en } from './en.js';
import { id } from './id.js';
import { type MessageKey, negotiateLanguage, t } from './index.js';

const catalogues: Record<string, Record<string, string>> = { id, en };

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe('message catalogues', () => {
  it('en has exactly the keys of id', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('has no empty messages', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect(value.trim(), `${language}:${key}`).not.toBe('');
      }
    }
  });

  it('has an error.<code> title for every error code, in every language', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        expect(catalogue, `${language}: error.${code}`).toHaveProperty([`error.${code}`]);
      }
    }
  });

  it('has no error.* key without a matching error code', () => {
    const codes = new Set(Object.keys(ERROR_STATUS));
    for (const key of Object.keys(id).filter((k) => k.startsWith('error.'))) {
      expect(codes.has(key.slice('error.'.length)), key).toBe(true);
    }
  });

  it('uses the same placeholders in id and en for each key', () => {
    for (const key of Object.keys(id) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
    // The check is not vacuous: some messages do have placeholders.
    expect(placeholders(id['error.rate_limited'])).toEqual(['seconds']);
  });

  it('has a type.<name> word for every JSON type a validation error can name', () => {
    for (const type of ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        expect(catalogue, `${language}: type.${type}`).toHaveProperty([`type.${type}`]);
      }
    }
  });
});

/** Field-error codes produced by real AJV errors, for schemas using the given keywords. */
function fieldErrorCodes(schema: object, value: unknown): string[] {
  const validate = validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '/' }) as unknown as {
    (data: unknown): boolean;
    errors: Parameters<typeof toFieldErrors>[0];
  };
  expect(validate(value)).toBe(false);
  return toFieldErrors(validate.errors).map((error) => error.code);
}

describe('validation messages', () => {
  it('has a validation.<code> message for every code the schemas in use can produce', () => {
    const codes = fieldErrorCodes(
      {
        type: 'object',
        required: ['missing'],
        additionalProperties: false,
        properties: {
          missing: { type: 'string' },
          text: { type: 'string' },
          short: { type: 'string', minLength: 3 },
          long: { type: 'string', maxLength: 1 },
          low: { type: 'integer', minimum: 1 },
          high: { type: 'integer', maximum: 1 },
          choice: { type: 'string', enum: ['a', 'b'] },
          email: { type: 'string', format: 'email' },
          code: { type: 'string', pattern: '^[A-Z]+$' },
          either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        },
      },
      {
        text: 5,
        short: 'a',
        long: 'abc',
        low: 0,
        high: 2,
        choice: 'c',
        email: 'nope',
        code: 'abc',
        either: 1,
        extra: true,
      },
    );
    expect(new Set(codes)).toEqual(
      new Set([
        'required',
        'additionalProperties',
        'type',
        'minLength',
        'maxLength',
        'minimum',
        'maximum',
        'enum',
        'format',
        'pattern',
        'invalid',
      ]),
    );
    for (const code of codes) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        expect(catalogue, `${language}: validation.${code}`).toHaveProperty([`validation.${code}`]);
      }
    }
  });

  it('has a validation.<code> message for minItems and maxItems as well', () => {
    const codes = fieldErrorCodes(
      {
        type: 'object',
        properties: {
          few: { type: 'array', minItems: 2 },
          many: { type: 'array', maxItems: 1 },
        },
      },
      { few: [], many: [1, 2] },
    );
    expect(codes.sort()).toEqual(['maxItems', 'minItems']);
    for (const code of codes) expect(id).toHaveProperty([`validation.${code}`]);
  });
});

describe('t', () => {
  it('returns the message in the chosen language', () => {
    expect(t('id', 'error.not_found')).toBe(id['error.not_found']);
    expect(t('en', 'error.not_found')).toBe(en['error.not_found']);
    expect(t('id', 'error.not_found')).not.toBe(t('en', 'error.not_found'));
  });

  it('fills {placeholders} with strings and numbers', () => {
    expect(t('en', 'error.rate_limited', { seconds: 42 })).toBe(
      'Too many requests. Please try again in 42 seconds.',
    );
    expect(t('id', 'validation.enum', { values: 'a, b' })).toBe('Harus salah satu dari: a, b');
  });

  it('fills every occurrence and leaves unknown placeholders visible', () => {
    expect(t('en', 'validation.maxLength', { limit: 200 })).toBe('At most 200 characters');
    expect(t('en', 'validation.maxLength')).toBe('At most {limit} characters');
    expect(t('en', 'validation.maxLength', { other: 1 })).toBe('At most {limit} characters');
  });

  it('does not interpret replacement patterns in values', () => {
    expect(t('en', 'validation.enum', { values: '$& $1' })).toBe('Must be one of: $& $1');
  });

  it('works for every key in both languages without leaving known placeholders', () => {
    for (const language of LANGUAGES) {
      for (const key of Object.keys(id) as MessageKey[]) {
        const params = Object.fromEntries(placeholders(id[key]).map((name) => [name, 'X']));
        expect(t(language, key, params)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['id', 'id'],
    ['EN', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['en-GB', 'en'],
    ['id-ID', 'id'],
    ['id,en;q=0.8', 'id'],
    ['en;q=0.8,id', 'id'],
    ['fr', 'id'],
    ['fr, en;q=0.5', 'en'],
    ['fr, de;q=0.9', 'id'],
    ['en;q=0.5, id;q=0.5', 'id'],
    ['id;q=0.5, en;q=0.5', 'id'],
    ['id;q=0.4, en;q=0.5', 'en'],
    ['en;q=0.9, id;q=0.8', 'en'],
    ['in', 'id'],
    ['in-ID, en;q=0.9', 'id'],
    ['en; q=0.7 , fr', 'en'],
    ['en;q=abc', 'id'],
    ['english', 'id'],
    ['*', 'id'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('allows whitespace before the ;q= parameter', () => {
    expect(negotiateLanguage('en ;q=0.7, fr')).toBe('en');
  });
});
