/** Closed vocabularies shared by the API, the portal and the console. */

export const CASE_TYPES = ['complaint', 'request', 'opinion', 'compliment'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = [
  'received',
  'in_progress',
  'waiting_on_citizen',
  'resolved',
  'closed',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = [
  'web',
  'api',
  'email',
  'chat',
  'whatsapp',
  'telegram',
  'phone',
  'counter',
  'social',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGE_KINDS = ['public_reply', 'citizen_message', 'internal_note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
