/** Pure helpers for the knowledge screens: workflow, review dates, fee periods, slugs, form values. */
import type { Language } from '../i18n';
import { ApiError } from './api';
import type { DiffPart, Fee, ItemStatus, KnowledgeAction, StaffArticleListItem } from './knowledge-types';
import { hasRole, type StaffUser } from './types';

/** Who sees the knowledge screens (docs/knowledge-api.md: read = publisher, admin, auditor). */
export function readsKnowledge(user: StaffUser): boolean {
  return hasRole(user, 'publisher', 'admin', 'auditor');
}

/** Who may change knowledge content; items still say per action what is allowed (`allowedActions`). */
export function writesKnowledge(user: StaffUser): boolean {
  return hasRole(user, 'publisher', 'admin');
}

/** Workflow buttons in the order an editor reads them, with the status each one moves to. */
export const WORKFLOW: readonly { action: KnowledgeAction; to: ItemStatus }[] = [
  { action: 'submit_for_review', to: 'review' },
  { action: 'publish', to: 'published' },
  { action: 'return_to_draft', to: 'draft' },
  { action: 'archive', to: 'archived' },
];

/** The workflow steps the server allows, in display order. */
export function workflowSteps(allowed: readonly KnowledgeAction[]) {
  return WORKFLOW.filter((step) => allowed.includes(step.action));
}

/** A published article whose latest revision is newer than the one the public sees. */
export function hasUnpublishedChanges(
  item: Pick<StaffArticleListItem, 'status' | 'revisionNumber' | 'publishedRevisionNumber'>,
): boolean {
  return (
    item.status === 'published' &&
    item.publishedRevisionNumber !== null &&
    item.revisionNumber > item.publishedRevisionNumber
  );
}

export type ReviewState = 'overdue' | 'soon' | 'ok' | 'none';

/** Review reminder for a published item: overdue, due within `soonDays`, fine, or not applicable. */
export function reviewState(
  item: Pick<StaffArticleListItem, 'status' | 'reviewDueAt'>,
  now: Date = new Date(),
  soonDays = 14,
): ReviewState {
  if (item.status !== 'published' || !item.reviewDueAt) return 'none';
  const due = new Date(item.reviewDueAt).getTime();
  if (due <= now.getTime()) return 'overdue';
  if (due - now.getTime() <= soonDays * 86_400_000) return 'soon';
  return 'ok';
}

/** The portal address of a published article (docs/knowledge-api.md, "URLs of public content"). */
export function publicArticleUrl(item: {
  language: Language;
  slug: string;
  publicUrl?: string | null;
}): string {
  return item.publicUrl ?? `/knowledge/${item.language}/${encodeURIComponent(item.slug)}`;
}

/** A URL slug from a title: lowercase ASCII words joined by `-` (accents dropped), at most 80 characters. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120;
}

/** Comma- or newline-separated tags → trimmed, without duplicates (case-insensitive), in typed order. */
export function parseTags(text: string): string[] {
  return uniqueTrimmed(text.split(/[,\n]/));
}

/** Question variants as typed → trimmed, non-empty, without case-insensitive duplicates. */
export function uniqueTrimmed(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim().replace(/\s+/g, ' ');
    const folded = value.toLocaleLowerCase('id');
    if (!value || seen.has(folded)) continue;
    seen.add(folded);
    out.push(value);
  }
  return out;
}

/** Moves the entry at `index` by `delta` places (for reordering question variants with buttons). */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** Whether two form states differ (plain JSON values; key order does not matter). */
export function isDirty(saved: unknown, current: unknown): boolean {
  return stableJson(saved) !== stableJson(current);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Problem documents → messages per request field, for showing next to the inputs; `''` holds the rest. */
export function fieldMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.field.replace(/^\/?body\/?/, '').replace(/\//g, '.');
    out[field] = out[field] ? `${out[field]} ${e.message}` : e.message;
  }
  if (error.field && !out[error.field]) out[error.field] = error.detail ?? error.title;
  return out;
}

// ---- dates and fees ----

/** Today's calendar date in the office's zone (Asia/Jakarta by default), `YYYY-MM-DD`. */
export function todayIn(timeZone = 'Asia/Jakarta', now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + delta)).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}

/** A calendar date for people: "17 Des 2024" / "17 Dec 2024" (no time zone shift). */
export function formatDay(day: string | null, language: Language): string {
  if (!day || !isDay(day)) return day ?? '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export type PeriodState = 'past' | 'current' | 'future';

/** Where a validity period stands on `day` (both ends inclusive; an open end runs forever). */
export function periodState(period: { validFrom: string; validTo: string | null }, day: string): PeriodState {
  if (period.validFrom > day) return 'future';
  if (period.validTo !== null && period.validTo < day) return 'past';
  return 'current';
}

/** Fee rows grouped by code: each group newest period first, groups by service then code. */
export function groupFees(fees: readonly Fee[]): { code: string; serviceCode: string; rows: Fee[] }[] {
  const groups = new Map<string, Fee[]>();
  for (const fee of fees) groups.set(fee.code, [...(groups.get(fee.code) ?? []), fee]);
  return [...groups.entries()]
    .map(([code, rows]) => ({
      code,
      serviceCode: rows[0]!.serviceCode,
      rows: [...rows].sort((a, b) => b.validFrom.localeCompare(a.validFrom)),
    }))
    .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.code.localeCompare(b.code));
}

/** The row of `code` in force on `day`, if any. */
export function feeInForce(fees: readonly Fee[], code: string, day: string): Fee | undefined {
  return fees.find((f) => f.code === code && periodState(f, day) === 'current');
}

export type FeeChangePlan =
  | { ok: true; close: { fee: Fee; validTo: string } | null }
  | { ok: false; reason: 'overlap' | 'before_open_period'; fee: Fee };

/**
 * What adding a period of `code` from `validFrom` (to `validTo`, null = open) needs: an open-ended period that
 * started earlier is closed the day before the new one (the contract's "set validTo on the old row and add a row
 * from the next day"); any other overlap is refused before the server is asked.
 */
export function planFeeChange(
  fees: readonly Fee[],
  code: string,
  validFrom: string,
  validTo: string | null,
): FeeChangePlan {
  let close: { fee: Fee; validTo: string } | null = null;
  for (const fee of fees.filter((f) => f.code === code)) {
    const overlaps = fee.validFrom <= (validTo ?? '9999-12-31') && (fee.validTo ?? '9999-12-31') >= validFrom;
    if (!overlaps) continue;
    if (fee.validTo === null && fee.validFrom < validFrom) close = { fee, validTo: addDays(validFrom, -1) };
    else if (fee.validTo === null) return { ok: false, reason: 'before_open_period', fee };
    else return { ok: false, reason: 'overlap', fee };
  }
  return { ok: true, close };
}

/** Rupiah as the server writes it in both languages: `Rp650.000`. */
export function formatRupiah(amount: number): string {
  return `Rp${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount)}`;
}

/** Parses "650.000", "Rp 650.000", "650000" → 650000; undefined for anything that is not whole rupiah. */
export function parseRupiah(text: string): number | undefined {
  const digits = text.replace(/^\s*rp\.?\s*/i, '').replace(/[.\s]/g, '');
  if (!/^\d{1,13}$/.test(digits)) return undefined;
  return Number(digits);
}

// ---- diffs ----

/** Words added and removed in one field's diff, for a short summary next to it. */
export function diffCounts(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.op === 'insert') inserted += words(part.text);
    else if (part.op === 'delete') deleted += words(part.text);
  }
  return { inserted, deleted };
}

export type DiffSegment = DiffPart | { op: 'skip'; lines: number };

/**
 * Shortens long unchanged stretches of a diff to the `context` lines next to each change, so a one-word change in a
 * long article is not lost in a screen of unchanged text. A stretch is cut only when at least two lines would go.
 */
export function collapseUnchanged(parts: readonly DiffPart[], context = 2): DiffSegment[] {
  const out: DiffSegment[] = [];
  const last = parts.length - 1;
  parts.forEach((part, index) => {
    // The first line of an equal part ends the line of the change before it; its last line starts the next change.
    const lines = part.text.split('\n');
    const first = index === 0;
    const final = index === last;
    const head = first ? 0 : context + 1;
    const tail = final ? 0 : context + 1;
    const skipped = lines.length - head - tail;
    if (part.op !== 'equal' || (first && final) || skipped < 2) {
      out.push(part);
      return;
    }
    if (head > 0) out.push({ op: 'equal', text: `${lines.slice(0, head).join('\n')}\n` });
    out.push({ op: 'skip', lines: skipped });
    if (tail > 0) out.push({ op: 'equal', text: lines.slice(lines.length - tail).join('\n') });
  });
  return out;
}

// ---- unanswered questions ----

export interface QuestionFilters {
  from: string;
  to: string;
  lang: '' | Language;
}

/** The default report window: the last 30 days including today. */
export function defaultQuestionFilters(today: string): QuestionFilters {
  return { from: addDays(today, -29), to: today, lang: '' };
}

/** A question from the log → the first variant of a new FAQ entry (placeholders like `[…]` removed). */
export function questionToVariant(question: string): string {
  return question.replace(/\[…\]/g, ' ').replace(/\s+/g, ' ').trim();
}
