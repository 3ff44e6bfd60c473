import type { QueryValue } from './api';

export const VIEWS = ['mine', 'unassigned', 'team', 'due', 'overdue', 'all'] as const;
export type View = (typeof VIEWS)[number];

// The vocabularies come from src/shared, the same module the API validates against.
export { CASE_STATUSES as STATUSES, CASE_TYPES as TYPES, CHANNELS, PRIORITIES } from '../../shared/enums';

export const OPEN_STATUSES = ['received', 'in_progress', 'waiting_on_citizen'] as const;
export type Order = 'newest' | 'oldest' | 'due';

export interface InboxFilters {
  status: string;
  type: string;
  channel: string;
  office: string;
  category: string;
  from: string;
  to: string;
  q: string;
  order: Order | '';
}

export const EMPTY_FILTERS: InboxFilters = {
  status: '',
  type: '',
  channel: '',
  office: '',
  category: '',
  from: '',
  to: '',
  q: '',
  order: '',
};

export function isView(value: string | undefined): value is View {
  return (VIEWS as readonly string[]).includes(value ?? '');
}

/** Counts per view from GET /staff/cases/counts; "due" lists all open cases by due time. */
export function viewCount(
  view: View,
  counts: { mine: number; unassigned: number; team: number; open: number; all: number; overdue?: number },
) {
  if (view === 'due') return counts.open;
  if (view === 'overdue') return counts.overdue ?? '';
  return counts[view];
}

/** Start of a local calendar day (YYYY-MM-DD) as an ISO instant; `nextDay` gives the following midnight. */
export function dayToIso(day: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return date.toISOString();
}

/**
 * The list query for a saved view and the filters on top of it. Saved views other than "all" show open cases
 * unless a status is chosen; "due" sorts by due date (cases without one last).
 */
export function inboxQuery(view: View, filters: InboxFilters): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  if (view === 'mine') query.assignee = 'me';
  if (view === 'unassigned') query.assignee = 'none';
  if (view === 'team') query.team = 'mine';
  if (view === 'overdue') query.overdue = 'true';
  query.status = filters.status ? [filters.status] : view === 'all' ? undefined : [...OPEN_STATUSES];
  query.type = filters.type ? [filters.type] : undefined;
  query.channel = filters.channel ? [filters.channel] : undefined;
  if (filters.category && filters.office) {
    query.office = filters.office;
    query.category = filters.category;
  } else if (filters.office) {
    query.office = filters.office;
  }
  query.receivedFrom = dayToIso(filters.from);
  query.receivedBefore = dayToIso(filters.to, true);
  query.q = filters.q.trim() || undefined;
  query.order = filters.order || (view === 'due' || view === 'overdue' ? 'due' : 'newest');
  return query;
}

/** Filters from the address bar's search params, so a view with filters can be bookmarked and shared. */
export function filtersFromSearch(search: URLSearchParams): InboxFilters {
  const order = search.get('order');
  return {
    status: search.get('status') ?? '',
    type: search.get('type') ?? '',
    channel: search.get('channel') ?? '',
    office: search.get('office') ?? '',
    category: search.get('category') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    q: search.get('q') ?? '',
    order: order === 'newest' || order === 'oldest' || order === 'due' ? order : '',
  };
}

export function filtersToSearch(filters: InboxFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  return search;
}

export function hasFilters(filters: InboxFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'order' && value !== '');
}
