import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.js';

/**
 * Two validators: request bodies are checked strictly (a number where text belongs is an error, unknown fields
 * are refused, never silently dropped); query strings, path parameters and headers arrive as text and are
 * converted to the declared types.
 */
function createAjv(strict: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: strict,
    coerceTypes: strict ? false : 'array',
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  return ajv;
}

const bodyAjv = createAjv(true);
const paramsAjv = createAjv(false);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : paramsAjv).compile(schema as object) as ValidateFunction;

/** AJV errors → our field errors: a dotted field path, a reason code and its parameters. */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const fieldError = toFieldError(error);
    const key = `${fieldError.field}:${fieldError.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push(fieldError);
    }
  }
  return result;
}

function toFieldError(error: ErrorObject): FieldError {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: join([...path, String(params.missingProperty)]), code: 'required' };
    case 'additionalProperties':
      return { field: join([...path, String(params.additionalProperty)]), code: 'additionalProperties' };
    case 'type':
      return { field: join(path), code: 'type', params: { type: String(params.type) } };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return { field: join(path), code: error.keyword, params: { limit: Number(params.limit) } };
    case 'enum':
      return {
        field: join(path),
        code: 'enum',
        params: { values: (params.allowedValues as unknown[]).join(', ') },
      };
    case 'format':
      return { field: join(path), code: 'format', params: { format: String(params.format) } };
    case 'pattern':
      return { field: join(path), code: 'pattern' };
    default:
      return { field: join(path), code: 'invalid' };
  }
}

function join(segments: string[]): string {
  return segments.filter((s) => s !== '').join('.');
}
