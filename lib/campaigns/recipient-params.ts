// The recipients table's state in the URL of /campaigns/{id} (CONTRACT): filters,
// search, sort, direction and the keyset cursor. One parser serves the page, the CSV
// export and the actions' way back; the same module builds every link, so links and
// parsing never drift. Bad values fall back to defaults instead of failing.
import type { Route } from 'next';

export const RECIPIENT_STATUS_FILTERS = ['delivered', 'pending', 'failed'] as const;
export type RecipientStatusFilter = (typeof RECIPIENT_STATUS_FILTERS)[number];

/** Yes/no filters, each `=1` in the URL, in the order the filter form shows them. */
export const RECIPIENT_FLAGS = ['replied', 'opted_out', 'clicked', 'responded'] as const;
export type RecipientFlag = (typeof RECIPIENT_FLAGS)[number];

export const RECIPIENT_SORTS = ['name', 'phone', 'status', 'delivered_at', 'replied_at', 'clicked_at'] as const;
export type RecipientSort = (typeof RECIPIENT_SORTS)[number];

/** Columns that are empty for some recipients; their empty rows come last either way. */
export const NULLABLE_SORTS: ReadonlySet<RecipientSort> = new Set(['delivered_at', 'replied_at', 'clicked_at']);

export type SortDirection = 'asc' | 'desc';

/** Longer searches are cut: nobody types 100 characters of a name or a phone. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * A page boundary: the sort key and contact id of the row it is next to. `after` pages
 * forward from that row, `before` backwards. `key` is null in the tail of rows whose
 * sort column is empty. Sort and direction are part of it, so a cursor from another
 * ordering is ignored instead of skipping rows.
 */
export type RecipientCursor = {
  mode: 'after' | 'before';
  sort: RecipientSort;
  dir: SortDirection;
  key: string | null;
  contactId: number;
};

export type RecipientFilters = {
  status: RecipientStatusFilter | null;
  flags: Record<RecipientFlag, boolean>;
  /** What was typed in the search box, trimmed; '' for none. */
  q: string;
};

export type RecipientView = RecipientFilters & {
  sort: RecipientSort;
  dir: SortDirection;
  cursor: RecipientCursor | null;
};

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const DEFAULT_SORT: RecipientSort = 'name';

const NO_FLAGS: Record<RecipientFlag, boolean> = { replied: false, opted_out: false, clicked: false, responded: false };

export const DEFAULT_VIEW: RecipientView = {
  status: null,
  flags: NO_FLAGS,
  q: '',
  sort: DEFAULT_SORT,
  dir: 'asc',
  cursor: null,
};

/** The first value of a query parameter, whichever shape the caller has. */
function first(params: SearchParamsInput, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a repeated query parameter (`recipient=1&recipient=2`). */
export function allValues(params: SearchParamsInput, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The search text as it will be matched: one line, no control characters, at most 100 characters. */
export function cleanSearch(value: string | undefined): string {
  if (value === undefined) return '';
  return value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_SEARCH_LENGTH)
    .trim();
}

export function parseRecipientView(params: SearchParamsInput): RecipientView {
  const sort = oneOf(RECIPIENT_SORTS, first(params, 'sort')) ?? DEFAULT_SORT;
  const dir = oneOf(['asc', 'desc'] as const, first(params, 'dir')) ?? 'asc';
  const flags = { ...NO_FLAGS };
  for (const flag of RECIPIENT_FLAGS) flags[flag] = first(params, flag) === '1';
  return {
    status: oneOf(RECIPIENT_STATUS_FILTERS, first(params, 'status')),
    flags,
    q: cleanSearch(first(params, 'q')),
    sort,
    dir,
    cursor: decodeCursor(first(params, 'cursor'), sort, dir),
  };
}

/** Whether anything narrows the table (the count then needs more than the campaign totals). */
export function isFiltered(filters: RecipientFilters): boolean {
  return filters.status !== null || filters.q !== '' || RECIPIENT_FLAGS.some((flag) => filters.flags[flag]);
}

/** The view as query parameters, defaults left out so URLs stay short and canonical. */
export function recipientViewParams(view: RecipientView, options: { cursor?: boolean } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (view.status) params.set('status', view.status);
  for (const flag of RECIPIENT_FLAGS) if (view.flags[flag]) params.set(flag, '1');
  if (view.q) params.set('q', view.q);
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  if (view.dir !== 'asc') params.set('dir', view.dir);
  if (options.cursor !== false && view.cursor) params.set('cursor', encodeCursor(view.cursor));
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The `{id}` of /campaigns/{id}, or null for anything that cannot be one (the page then answers 404). */
export function parseCampaignId(raw: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(raw)) return null;
  return Number(raw);
}

export function campaignPath(campaignId: number): Route {
  return `/campaigns/${campaignId}` as Route;
}

/**
 * The campaign page showing `view` with `changes` applied. Changing anything but the
 * cursor starts again from the first page.
 */
export function recipientsHref(campaignId: number, view: RecipientView, changes: Partial<RecipientView> = {}): Route {
  const changesPage = Object.keys(changes).some((key) => key !== 'cursor');
  const next: RecipientView = { ...view, ...(changesPage ? { cursor: null } : {}), ...changes };
  return `${withQuery(campaignPath(campaignId), recipientViewParams(next))}#recipients` as Route;
}

/** The same link without the fragment, for redirects after an action. */
export function recipientsPath(campaignId: number, view: RecipientView, extra: Record<string, string> = {}): Route {
  const params = recipientViewParams(view);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return withQuery(campaignPath(campaignId), params) as Route;
}

/**
 * The header link of a sort column: the other direction when the table is sorted by it,
 * else its natural first direction (names A→Z, times newest first).
 */
export function sortHref(campaignId: number, view: RecipientView, sort: RecipientSort): Route {
  const dir: SortDirection =
    view.sort === sort ? (view.dir === 'asc' ? 'desc' : 'asc') : NULLABLE_SORTS.has(sort) ? 'desc' : 'asc';
  return recipientsHref(campaignId, view, { sort, dir });
}

/** The CSV of everything the current filter shows, in the table's order (the cursor is dropped). */
export function recipientsCsvHref(campaignId: number, view: RecipientView): Route {
  return withQuery(`/campaigns/${campaignId}/recipients.csv`, recipientViewParams(view, { cursor: false })) as Route;
}

/** The view as the query string the actions carry back (`view` field of the forms). */
export function viewQuery(view: RecipientView): string {
  return recipientViewParams(view).toString();
}

// --- cursors ---------------------------------------------------------------------

const TIMESTAMP_KEY = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const STATUS_KEYS = new Set(['pending', 'delivered', 'failed', 'suppressed']);
const MAX_KEY_LENGTH = 400;

/** Whether `key` can be a value of the sort column (so the database never sees a bad cast). */
export function isValidSortKey(sort: RecipientSort, key: string): boolean {
  if (key.length > MAX_KEY_LENGTH || key.includes('\u0000')) return false;
  if (sort === 'status') return STATUS_KEYS.has(key);
  if (!NULLABLE_SORTS.has(sort)) return true;
  const match = TIMESTAMP_KEY.exec(key);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute && date.getUTCSeconds() === second
  );
}

export function encodeCursor(cursor: RecipientCursor): string {
  const packed = [cursor.mode === 'after' ? 'a' : 'b', cursor.sort, cursor.dir, cursor.key, cursor.contactId];
  return Buffer.from(JSON.stringify(packed), 'utf8').toString('base64url');
}

/** The cursor in `raw`, or null when it is missing, malformed or made for another ordering. */
export function decodeCursor(raw: string | undefined, sort: RecipientSort, dir: SortDirection): RecipientCursor | null {
  if (!raw || raw.length > 1200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let packed: unknown;
  try {
    packed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(packed) || packed.length !== 5) return null;
  const [mode, cursorSort, cursorDir, key, contactId] = packed as unknown[];
  if (mode !== 'a' && mode !== 'b') return null;
  if (cursorSort !== sort || cursorDir !== dir) return null;
  if (key !== null && (typeof key !== 'string' || !isValidSortKey(sort, key))) return null;
  if (key === null && !NULLABLE_SORTS.has(sort)) return null;
  if (typeof contactId !== 'number' || !Number.isSafeInteger(contactId) || contactId <= 0) return null;
  return { mode: mode === 'a' ? 'after' : 'before', sort, dir, key, contactId };
}

// --- what an action asks to confirm, and what it did ----------------------------------

/** Bulk actions that ask before they send: `?confirm=resend&recipient=…` shows the question. */
export const CONFIRMED_INTENTS = ['resend', 'resend_failed'] as const;
export type ConfirmedIntent = (typeof CONFIRMED_INTENTS)[number];

/** At most this many ids travel in one selection (a page holds 50; the rest is tampering). */
export const MAX_SELECTION = 500;

export type PendingConfirmation = { intent: ConfirmedIntent; contactIds: number[] };

export function parseContactIds(values: string[]): number[] {
  const ids = new Set<number>();
  for (const value of values) {
    if (!/^\d{1,15}$/.test(value)) continue;
    const id = Number(value);
    if (id > 0) ids.add(id);
  }
  return [...ids].slice(0, MAX_SELECTION);
}

export function parsePendingConfirmation(params: SearchParamsInput): PendingConfirmation | null {
  const intent = oneOf(CONFIRMED_INTENTS, first(params, 'confirm'));
  if (!intent) return null;
  const contactIds = intent === 'resend' ? parseContactIds(allValues(params, 'recipient')) : [];
  if (intent === 'resend' && contactIds.length === 0) return null;
  return { intent, contactIds };
}

/** The question for a pending confirmation, on top of the current view. */
export function confirmationPath(campaignId: number, view: RecipientView, confirmation: PendingConfirmation): Route {
  const params = recipientViewParams(view);
  params.set('confirm', confirmation.intent);
  for (const id of confirmation.contactIds) params.append('recipient', String(id));
  return withQuery(campaignPath(campaignId), params) as Route;
}

/** What the last action did, shown once above the page. */
export type CampaignNotice =
  | { kind: 'resent'; count: number; skippedOptedOut: number }
  | { kind: 'canceled' }
  | { kind: 'cancel_too_late' };

const count = (value: string | undefined) => (value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null);

export function parseCampaignNotice(params: SearchParamsInput): CampaignNotice | null {
  const resent = count(first(params, 'resent'));
  if (resent !== null) return { kind: 'resent', count: resent, skippedOptedOut: count(first(params, 'skipped')) ?? 0 };
  if (first(params, 'canceled') === '1') return { kind: 'canceled' };
  if (first(params, 'cancel') === 'too_late') return { kind: 'cancel_too_late' };
  return null;
}

export function noticeParams(notice: CampaignNotice): Record<string, string> {
  switch (notice.kind) {
    case 'resent':
      return notice.skippedOptedOut > 0
        ? { resent: String(notice.count), skipped: String(notice.skippedOptedOut) }
        : { resent: String(notice.count) };
    case 'canceled':
      return { canceled: '1' };
    case 'cancel_too_late':
      return { cancel: 'too_late' };
  }
}

/** The composer with a follow-up to these recipients (CONTRACT: `/campaigns/new?from=ID&recipient=…`). */
export function followUpHref(campaignId: number, contactIds: readonly number[]): Route {
  const params = new URLSearchParams({ from: String(campaignId) });
  for (const id of contactIds) params.append('recipient', String(id));
  return `/campaigns/new?${params.toString()}` as Route;
}
