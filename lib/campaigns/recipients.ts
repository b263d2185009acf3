// The recipients of one campaign as the table and the CSV export show them: one
// query definition with the CONTRACT filters, search and sorts, paged by keyset over
// the per-column indexes (account_id, campaign_id, <column>, contact_id), so page
// 5,000 of a 250k campaign costs what page 1 costs.
//
// Order: rows whose sort column has a value, by (value, contact_id) in the chosen
// direction, then the rows where it is empty, by contact_id. Each part is its own
// index range scan (`(col, contact_id) > ($v, $id)`, or `col is null and contact_id >
// $id`); a page that runs out of the first part continues in the second.
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { campaignRecipients as r, campaignStats, messages } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { containsText } from '@/lib/search/contains';
import {
  NULLABLE_SORTS,
  RECIPIENT_FLAGS,
  type RecipientCursor,
  type RecipientFilters,
  type RecipientFlag,
  type RecipientSort,
  type RecipientView,
  type SortDirection,
} from './recipient-params';

export const PAGE_SIZE = 50;

/** Filtered counts stop here and say "more than"; a capped count stays fast at any size. */
export const COUNT_CAP = 10_000;

export type RecipientRow = {
  contactId: number;
  name: string;
  phone: string;
  status: 'pending' | 'delivered' | 'failed' | 'suppressed';
  messageStatus: string;
  statusReason: string | null;
  errorCode: number | null;
  attempts: number;
  messageSid: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  repliedAt: Date | null;
  replyCount: number;
  lastReply: string | null;
  optedOutAt: Date | null;
  clickedAt: Date | null;
  clickCount: number;
  surveyViewedAt: Date | null;
  surveyRespondedAt: Date | null;
  /** The sort column's value as the cursor carries it (exact to the microsecond). */
  sortKey: string | null;
};

export type RecipientsPage = {
  rows: RecipientRow[];
  /** Where the next and previous pages start; null at either end. */
  next: RecipientCursor | null;
  previous: RecipientCursor | null;
};

/** The indexed column, its value as the cursor carries it, and the type to read a cursor value back as. */
type SortSpec = { column: AnyPgColumn; key: SQL; cast: SQL };

const isoMicros = (column: typeof r.deliveredAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SORTS: Record<RecipientSort, SortSpec> = {
  name: { column: r.sortName, key: sql`${r.sortName}`, cast: sql`text` },
  phone: { column: r.phone, key: sql`${r.phone}`, cast: sql`text` },
  status: { column: r.status, key: sql`${r.status}::text`, cast: sql`recipient_status` },
  delivered_at: { column: r.deliveredAt, key: isoMicros(r.deliveredAt), cast: sql`timestamptz` },
  replied_at: { column: r.repliedAt, key: isoMicros(r.repliedAt), cast: sql`timestamptz` },
  clicked_at: { column: r.clickedAt, key: isoMicros(r.clickedAt), cast: sql`timestamptz` },
};

const FLAG_COLUMNS: Record<RecipientFlag, AnyPgColumn> = {
  replied: r.repliedAt,
  opted_out: r.optedOutAt,
  clicked: r.clickedAt,
  responded: r.surveyRespondedAt,
};

/**
 * What the search box matches: names lower-cased, and for anything that looks like a
 * phone number ("(212) 555-0142", "+1 212…") its digits, which appear together in E.164.
 */
function searchText(q: string): string {
  const looksLikePhone = /^[\d\s().+-]+$/.test(q) && /\d/.test(q);
  return looksLikePhone ? q.replace(/\D/g, '') : q.toLowerCase();
}

/** The WHERE of the table: the campaign of the caller's account, narrowed by the filters. */
function filterConditions(ctx: Ctx, campaignId: number, filters: RecipientFilters): SQL[] {
  const conditions: SQL[] = [eq(r.accountId, ctx.accountId), eq(r.campaignId, campaignId)];
  if (filters.status) conditions.push(eq(r.status, filters.status));
  for (const flag of RECIPIENT_FLAGS) if (filters.flags[flag]) conditions.push(isNotNull(FLAG_COLUMNS[flag]));
  // Exactly the expression of the trigram index campaign_recipients_search_trgm.
  if (filters.q) conditions.push(containsText(sql`(${r.sortName} || ' ' || ${r.phone})`, searchText(filters.q)));
  return conditions;
}

const rowColumns = (sort: RecipientSort) => ({
  contactId: r.contactId,
  name: r.name,
  phone: r.phone,
  status: r.status,
  messageStatus: r.messageStatus,
  statusReason: r.statusReason,
  errorCode: r.errorCode,
  attempts: r.attempts,
  messageSid: messages.providerSid,
  sentAt: r.sentAt,
  deliveredAt: r.deliveredAt,
  failedAt: r.failedAt,
  repliedAt: r.repliedAt,
  replyCount: r.replyCount,
  lastReply: r.lastReply,
  optedOutAt: r.optedOutAt,
  clickedAt: r.clickedAt,
  clickCount: r.clickCount,
  surveyViewedAt: r.surveyViewedAt,
  surveyRespondedAt: r.surveyRespondedAt,
  sortKey: sql<string | null>`${SORTS[sort].key}`,
});

/** One part of the order: the rows with a value (`values`) or the empty tail (`empty`). */
type Part = 'values' | 'empty';

type ScanStart = { part: Part; key: string | null; contactId: number } | null;

/**
 * Up to `limit` rows in `direction` (the view's, or its reverse for a previous page),
 * starting after `start`. Returns the rows in scan order.
 */
async function scan(
  ctx: Ctx,
  campaignId: number,
  filters: RecipientFilters,
  sort: RecipientSort,
  direction: SortDirection,
  reversed: boolean,
  start: ScanStart,
  limit: number,
): Promise<RecipientRow[]> {
  const spec = SORTS[sort];
  const nullable = NULLABLE_SORTS.has(sort);
  const base = filterConditions(ctx, campaignId, filters);
  const order = direction === 'asc' ? asc : desc;
  const beyond = direction === 'asc' ? sql`>` : sql`<`;
  // Forward: values, then the empty tail; a previous page walks the same order backwards.
  const parts: Part[] = !nullable ? ['values'] : reversed ? ['empty', 'values'] : ['values', 'empty'];
  const startIndex = start ? parts.indexOf(start.part) : 0;

  const rows: RecipientRow[] = [];
  for (let i = Math.max(startIndex, 0); i < parts.length && rows.length < limit; i++) {
    const part = parts[i]!;
    const bounded = start !== null && i === startIndex;
    const where: SQL[] = [...base];
    if (part === 'values') {
      if (nullable) where.push(isNotNull(spec.column));
      if (bounded) where.push(sql`(${spec.column}, ${r.contactId}) ${beyond} (${start.key}::${spec.cast}, ${start.contactId})`);
    } else {
      where.push(isNull(spec.column));
      if (bounded) where.push(sql`${r.contactId} ${beyond} ${start.contactId}`);
    }
    const orderBy = part === 'values' ? [order(spec.column), order(r.contactId)] : [order(r.contactId)];
    const found = await ctx.db
      .select(rowColumns(sort))
      .from(r)
      .leftJoin(messages, and(eq(messages.accountId, r.accountId), eq(messages.id, r.messageId)))
      .where(and(...where))
      .orderBy(...orderBy)
      .limit(limit - rows.length);
    rows.push(...found);
  }
  return rows;
}

const flip = (dir: SortDirection): SortDirection => (dir === 'asc' ? 'desc' : 'asc');

function startOf(cursor: RecipientCursor | null): ScanStart {
  if (!cursor) return null;
  return { part: cursor.key === null ? 'empty' : 'values', key: cursor.key, contactId: cursor.contactId };
}

function cursorAt(view: RecipientView, row: RecipientRow, mode: RecipientCursor['mode']): RecipientCursor {
  return { mode, sort: view.sort, dir: view.dir, key: row.sortKey, contactId: row.contactId };
}

/** One page of the table for `view` (its cursor included). */
export async function recipientsPage(ctx: Ctx, campaignId: number, view: RecipientView, limit = PAGE_SIZE): Promise<RecipientsPage> {
  const { cursor } = view;
  if (cursor?.mode === 'before') {
    const found = await scan(ctx, campaignId, view, view.sort, flip(view.dir), true, startOf(cursor), limit + 1);
    // Back at the start (rows may have moved meanwhile): show the real first page.
    if (found.length <= limit) return recipientsPage(ctx, campaignId, { ...view, cursor: null }, limit);
    const rows = found.slice(0, limit).reverse();
    return { rows, previous: cursorAt(view, rows[0]!, 'before'), next: cursorAt(view, rows.at(-1)!, 'after') };
  }
  const found = await scan(ctx, campaignId, view, view.sort, view.dir, false, startOf(cursor), limit + 1);
  const rows = found.slice(0, limit);
  return {
    rows,
    next: found.length > limit ? cursorAt(view, rows.at(-1)!, 'after') : null,
    previous: cursor && rows.length > 0 ? cursorAt(view, rows[0]!, 'before') : null,
  };
}

/**
 * Every row the filter shows, in the table's order, in batches of `batchSize`: each
 * batch is a fresh keyset query, so an export of any size holds one batch in memory
 * and no connection between batches.
 */
export async function* allRecipients(ctx: Ctx, campaignId: number, view: RecipientView, batchSize = 1000): AsyncGenerator<RecipientRow[]> {
  let cursor: RecipientCursor | null = null;
  for (;;) {
    const page = await recipientsPage(ctx, campaignId, { ...view, cursor }, batchSize);
    if (page.rows.length > 0) yield page.rows;
    if (!page.next) return;
    cursor = page.next;
  }
}

export type RecipientCount = { count: number; exact: boolean };

/**
 * How many rows the filter shows. With no filter or a single one the campaign's
 * counters answer exactly (they count the same rows); any other combination is
 * counted from the index, up to COUNT_CAP.
 */
export async function countRecipients(ctx: Ctx, campaignId: number, filters: RecipientFilters): Promise<RecipientCount> {
  const activeFlags = RECIPIENT_FLAGS.filter((flag) => filters.flags[flag]);
  const single = !filters.q && (filters.status ? 1 : 0) + activeFlags.length <= 1;
  if (single) {
    const [stats] = await ctx.db
      .select()
      .from(campaignStats)
      .where(and(eq(campaignStats.accountId, ctx.accountId), eq(campaignStats.campaignId, campaignId)));
    if (stats) {
      const counters = {
        all: stats.recipients + stats.suppressed,
        delivered: stats.delivered,
        pending: stats.pending,
        failed: stats.failed,
        replied: stats.replied,
        opted_out: stats.optedOut,
        clicked: stats.clicked,
        responded: stats.surveyResponded,
      };
      return { count: counters[filters.status ?? activeFlags[0] ?? 'all'], exact: true };
    }
  }
  const [row] = await ctx.db.execute<{ count: number }>(sql`
    select count(*)::int as count from (
      select 1 from ${r} where ${and(...filterConditions(ctx, campaignId, filters))} limit ${COUNT_CAP + 1}
    ) matching`);
  const count = Number(row?.count ?? 0);
  return count > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count, exact: true };
}
