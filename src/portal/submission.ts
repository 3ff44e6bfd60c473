import { ATTACHMENT_LIMITS, type StoredFile } from '../server/modules/cases/attachments.js';
import { DESCRIPTION_MAX, MESSAGE_MAX, SUBJECT_MAX } from '../server/modules/cases/schemas.js';
import type { OfficeWithServices } from '../server/modules/offices/storage.js';
import { normaliseApplicationNumber } from '../server/modules/passports/model.js';
import type { CaseType } from '../shared/enums.js';
import { CASE_TYPES } from '../shared/enums.js';
import type { FieldErrors } from './components.js';
import type { Translate } from './messages/index.js';

/** What the visitor has filled in so far; it travels sealed between the form and the summary page. */
export interface Draft {
  type: CaseType;
  category: string;
  subject: string;
  description: string;
  name: string;
  email: string;
  phone: string;
  /** A passport application number the case is about (optional); older sealed drafts lack it. */
  passportNumber?: string;
  anonymous: boolean;
  confidential: boolean;
  consent: boolean;
  files: StoredFile[];
}

export function isCaseType(value: string): value is CaseType {
  return (CASE_TYPES as readonly string[]).includes(value);
}

export function emptyDraft(type: CaseType): Draft {
  return {
    type,
    category: '',
    subject: '',
    description: '',
    name: '',
    email: '',
    phone: '',
    passportNumber: '',
    anonymous: false,
    confidential: false,
    consent: false,
    files: [],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{6,24}$/;

const clean = (value: string | undefined) => (value ?? '').replace(/\r\n?/g, '\n').trim();

/** Reads the form's text fields into a draft and checks them; file problems are added by the caller. */
export function readDraft(
  type: CaseType,
  fields: Record<string, string>,
  files: StoredFile[],
  office: OfficeWithServices,
  t: Translate,
): { draft: Draft; errors: FieldErrors } {
  const draft: Draft = {
    type,
    category: clean(fields.category),
    subject: clean(fields.subject).replace(/\s+/g, ' '),
    description: clean(fields.description),
    name: clean(fields.name),
    email: clean(fields.email),
    phone: clean(fields.phone),
    passportNumber: clean(fields.passport_number).slice(0, 60),
    anonymous: fields.anonymous === '1',
    confidential: fields.confidential === '1',
    consent: fields.consent === '1',
    files,
  };
  const errors: FieldErrors = [];
  const known = office.services.some((s) => s.categories.some((c) => c.code === draft.category));
  if (draft.category && !known) errors.push({ field: 'category', message: t('error.category') });
  requireText(errors, t, 'subject', t('submit.subject'), draft.subject, SUBJECT_MAX);
  requireText(errors, t, 'description', t('submit.description'), draft.description, DESCRIPTION_MAX);
  if (draft.name.length > 200) {
    errors.push({ field: 'name', message: t('error.max_length', { field: t('submit.name'), limit: 200 }) });
  }
  if (draft.email && (!EMAIL.test(draft.email) || draft.email.length > 254)) {
    errors.push({ field: 'email', message: t('error.email') });
  }
  if (draft.phone && !PHONE.test(draft.phone)) errors.push({ field: 'phone', message: t('error.phone') });
  if (draft.passportNumber && !normaliseApplicationNumber(draft.passportNumber)) {
    errors.push({ field: 'passport_number', message: t('passport.application_number_invalid') });
  }
  if (!draft.consent) errors.push({ field: 'consent', message: t('error.consent') });
  if (files.length > ATTACHMENT_LIMITS.maxFiles) {
    errors.push({ field: 'files', message: t('error.file_count', { count: ATTACHMENT_LIMITS.maxFiles }) });
  }
  return { draft, errors };
}

export function requireText(
  errors: FieldErrors,
  t: Translate,
  field: string,
  label: string,
  value: string,
  max: number = MESSAGE_MAX,
): void {
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  if (value === '') errors.push({ field, message: t('error.required', { field: lower }) });
  else if (value.length > max)
    errors.push({ field, message: t('error.max_length', { field: label, limit: max }) });
}
