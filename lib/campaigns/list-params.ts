// The campaigns overview's URL (/campaigns, CONTRACT "Pages"): the one parser that
// turns the query string into a typed, defaulted state, and the link builder that
// writes a state back, so links and parsing never drift. Bad values fall back to
// defaults (a hand-edited URL shows the first page of the plain list, never an error).
import type { Route } from 'next';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'canceled'] as const;
export type CampaignStatusFilter = (typeof CAMPAIGN_STATUSES)[number];

/** The sortable columns the contract names, in the order the sort menu offers them. */
export const CAMPAIGN_SORTS = [
  'name',
  'sent_at',
  'scheduled_at',
  'recipients',
  'delivered',
  'replies',
  'opt_outs',
  'link_clicks',
  'survey_responses',
] as const;
export type CampaignSortColumn = (typeof CAMPAIGN_SORTS)[number];

/**
 * `recent` is the order without a `sort` in the URL: newest first by when the campaign
 * goes or went out (sent_at, else scheduled_at, else created_at), so upcoming sends
 * lead, then what is sending, then the history. It has no name in the URL.
 */
export type CampaignSort = CampaignSortColumn | 'recent';
export type SortDirection = 'asc' | 'desc';

/** What kind of value a sort key holds, which decides how a cursor stores it. */
export const SORT_KINDS: Record<CampaignSort, 'text' | 'time' | 'count'> = {
  recent: 'time',
  name: 'text',
  sent_at: 'time',
  scheduled_at: 'time',
  recipients: 'count',
  delivered: 'count',
  replies: 'count',
  opt_outs: 'count',
  link_clicks: 'count',
  survey_responses: 'count',
};

/** Names read A→Z first; times newest first; counts largest first. */
export function defaultDirection(sort: CampaignSort): SortDirection {
  return sort === 'name' ? 'asc' : 'desc';
}

/**
 * A position in the list: the sort key of one row and its id (the tie-break), and
 * whether the page wanted lies after it or before it in list order. It only applies
 * to the sort and direction it was made for.
 */
export type CampaignCursor = {
  direction: 'after' | 'before';
  sort: CampaignSort;
  dir: SortDirection;
  /** The row's sort value: text, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, a count, or null (sorted last). */
  value: string | number | null;
  id: number;
};

export type CampaignListParams = {
  /** Case-insensitive part of the name; '' = no search. */
  q: string;
  status: CampaignStatusFilter | null;
  sort: CampaignSort;
  dir: SortDirection;
  cursor: CampaignCursor | null;
};

export const DEFAULT_LIST_PARAMS: CampaignListParams = { q: '', status: null, sort: 'recent', dir: 'desc', cursor: null };

/** Longer searches are cut: no campaign name a person types is this long. */
export const MAX_QUERY_LENGTH = 100;
const MAX_CURSOR_LENGTH = 800;
const MAX_NAME_KEY_LENGTH = 500;

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The search as typed, without control characters or surrounding space, cut to a sane length. */
export function cleanQuery(value: string | undefined): string {
  if (value === undefined) return '';
  return [...value.replace(/\p{Cc}/gu, ' ').replace(/\s+/gu, ' ').trim()].slice(0, MAX_QUERY_LENGTH).join('').trim();
}

export function parseCampaignListParams(params: RawParams): CampaignListParams {
  const sort = oneOf(CAMPAIGN_SORTS, first(params.sort)) ?? 'recent';
  const dir = oneOf(['asc', 'desc'] as const, first(params.dir)) ?? defaultDirection(sort);
  const cursor = decodeCursor(first(params.cursor));
  return {
    q: cleanQuery(first(params.q)),
    status: oneOf(CAMPAIGN_STATUSES, first(params.status)),
    sort,
    dir,
    // A cursor made for another order would land on an arbitrary page: start over instead.
    cursor: cursor && cursor.sort === sort && cursor.dir === dir ? cursor : null,
  };
}

/**
 * The overview's address for a state. Defaults are left out, so the plain list is
 * `/campaigns` and every link is as short as it can be.
 */
export function campaignsHref(state: Partial<CampaignListParams> = {}): Route {
  const { q = '', status = null, sort = 'recent', cursor = null } = state;
  const dir = state.dir ?? defaultDirection(sort);
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (status) query.set('status', status);
  if (sort !== 'recent') query.set('sort', sort);
  if (dir !== defaultDirection(sort)) query.set('dir', dir);
  if (cursor) query.set('cursor', encodeCursor(cursor));
  const search = query.toString();
  return `/campaigns${search ? `?${search}` : ''}` as Route;
}

/** Where a sortable column header leads: the same filters, first page, that column (flipped when it is already the sort). */
export function sortHref(current: CampaignListParams, sort: CampaignSortColumn): Route {
  const dir = current.sort === sort ? (current.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  return campaignsHref({ q: current.q, status: current.status, sort, dir });
}

/** The same list without search and status: what "clear filters" leads to. */
export function withoutFilters(current: CampaignListParams): Route {
  return campaignsHref({ sort: current.sort, dir: current.dir });
}

// A cursor is base64url JSON, `[direction, sort, dir, value, id]`, so names with any
// characters survive the query string; decoding checks every part.

const SORT_NAMES = ['recent', ...CAMPAIGN_SORTS] as const;
const TIME_KEY = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\d{3}Z$/;

export function encodeCursor(cursor: CampaignCursor): string {
  const payload = [cursor.direction === 'after' ? 'a' : 'b', cursor.sort, cursor.dir, cursor.value, cursor.id];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(value: string | undefined): CampaignCursor | null {
  if (value === undefined || value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(payload) || payload.length !== 5) return null;
  const [direction, sortName, dir, key, id] = payload as unknown[];
  const sort = typeof sortName === 'string' ? oneOf(SORT_NAMES, sortName) : null;
  if ((direction !== 'a' && direction !== 'b') || !sort || (dir !== 'asc' && dir !== 'desc')) return null;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  if (key !== null && !isSortValue(SORT_KINDS[sort], key)) return null;
  return { direction: direction === 'a' ? 'after' : 'before', sort, dir, value: key as string | number | null, id };
}

function isSortValue(kind: 'text' | 'time' | 'count', value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_NAME_KEY_LENGTH;
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 2_147_483_647;
    case 'time':
      return typeof value === 'string' && isTimeKey(value);
  }
}

/** A real instant in the cursor's exact form (the database casts it, so `2026-02-30` must not get there). */
function isTimeKey(value: string): boolean {
  const match = TIME_KEY.exec(value);
  if (!match) return false;
  const date = new Date(`${match[1]}Z`);
  // PostgreSQL has no year 0.
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString() === `${match[1]}Z`;
}
