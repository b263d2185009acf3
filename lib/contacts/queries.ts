// Reads for the contact pages: the searchable, keyset-paged list with its count and
// the account's tags, and one contact with its opt-out history and latest messages.
//
// The list is sorted newest first, (created_at, id) descending, which the
// contacts_created index serves in both directions. Search uses the trigram index
// on contacts.search_text. The count uses the same filters; it is exact without a
// search (an index-only scan of the account's rows, or of one tag's), and capped at
// COUNT_CAP with one, since a short search term can match most of a large account
// and the page only needs to say "10,000+".
import 'server-only';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { automations, campaigns, contacts, contactTags, messages, optOuts, tags, users } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { containsText } from '@/lib/search/contains';
import type { ContactCursor, ContactListState } from './list-params';
import { searchTermsOf } from './search';

export const PAGE_SIZE = 50;
export const COUNT_CAP = 10_000;
/** Tags offered in the filter; an account with more still filters by any tag through the URL. */
const TAG_OPTIONS_LIMIT = 500;

export type ContactRow = {
  id: number;
  firstName: string;
  lastName: string;
  phone: string;
  timeZone: string | null;
  optedOutAt: Date | null;
  createdAt: Date;
  tags: string[];
};

export type ContactPage = {
  rows: ContactRow[];
  /** Cursors of the neighbouring pages; null where there is none. */
  next: ContactCursor | null;
  previous: ContactCursor | null;
};

type ListFilter = Pick<ContactListState, 'q' | 'tag'>;

/** The filter as SQL, or null when it cannot match anything (a tag the account does not have). */
async function filterOf(ctx: Ctx, filter: ListFilter, country: string): Promise<SQL | null> {
  const conditions: SQL[] = [eq(contacts.accountId, ctx.accountId)];
  for (const term of searchTermsOf(filter.q, country)) {
    conditions.push(or(...term.map((text) => containsText(sql`${contacts.searchText}`, text)))!);
  }
  if (filter.tag !== null) {
    const [tag] = await ctx.db
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.accountId, ctx.accountId), eq(tags.name, filter.tag)));
    if (!tag) return null;
    conditions.push(sql`exists (
      select 1 from ${contactTags}
      where ${contactTags.accountId} = ${contacts.accountId} and ${contactTags.contactId} = ${contacts.id}
        and ${contactTags.tagId} = ${tag.id})`);
  }
  return and(...conditions)!;
}

// created_at as text with its microseconds, so a cursor never skips rows that share a millisecond.
const cursorTime = sql<string>`to_char(${contacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listContacts(ctx: Ctx, state: ContactListState, country: string, pageSize = PAGE_SIZE): Promise<ContactPage> {
  const empty: ContactPage = { rows: [], next: null, previous: null };
  const filter = await filterOf(ctx, state, country);
  if (filter === null) return empty;

  const cursor = state.cursor;
  const backwards = cursor?.direction === 'before';
  const position = cursor
    ? sql`(${contacts.createdAt}, ${contacts.id}) ${backwards ? sql`>` : sql`<`} (${cursor.createdAt}::timestamptz, ${cursor.id})`
    : undefined;
  const order = backwards ? [asc(contacts.createdAt), asc(contacts.id)] : [desc(contacts.createdAt), desc(contacts.id)];
  const fetched = await ctx.db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      phone: contacts.phone,
      timeZone: contacts.timeZone,
      optedOutAt: contacts.optedOutAt,
      createdAt: contacts.createdAt,
      cursorTime,
    })
    .from(contacts)
    .where(and(filter, position))
    .orderBy(...order)
    .limit(pageSize + 1);

  const more = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  if (backwards) page.reverse();
  const keyOf = (row: (typeof page)[number], direction: ContactCursor['direction']): ContactCursor => ({
    direction,
    createdAt: row.cursorTime,
    id: row.id,
  });
  const firstRow = page[0];
  const lastRow = page.at(-1);
  const tagsByContact = await tagsOf(ctx, page.map((row) => row.id));
  return {
    rows: page.map(({ cursorTime: _key, ...row }) => ({ ...row, tags: tagsByContact.get(row.id) ?? [] })),
    // Going forwards there is a next page when one more row came back; going back, there always is.
    next: lastRow && (backwards ? true : more) ? keyOf(lastRow, 'after') : null,
    previous: firstRow && (backwards ? more : cursor !== null) ? keyOf(firstRow, 'before') : null,
  };
}

// Alphabetical as people read it ("newsletter" before "VIP"), whatever the database collation.
const byTagName = sql`lower(${tags.name})`;

/** Tag names per contact, alphabetical, in one query for the whole page. */
async function tagsOf(ctx: Ctx, contactIds: number[]): Promise<Map<number, string[]>> {
  const byContact = new Map<number, string[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await ctx.db
    .select({ contactId: contactTags.contactId, name: tags.name })
    .from(contactTags)
    .innerJoin(tags, and(eq(tags.accountId, contactTags.accountId), eq(tags.id, contactTags.tagId)))
    .where(and(eq(contactTags.accountId, ctx.accountId), inArray(contactTags.contactId, contactIds)))
    .orderBy(byTagName, asc(tags.name));
  for (const row of rows) {
    const names = byContact.get(row.contactId) ?? [];
    names.push(row.name);
    byContact.set(row.contactId, names);
  }
  return byContact;
}

/** How many contacts the filter matches: exact, or COUNT_CAP + 1 ("more than") when a search is capped. */
export async function countContacts(ctx: Ctx, filter: ListFilter, country: string): Promise<{ count: number; capped: boolean }> {
  const where = await filterOf(ctx, filter, country);
  if (where === null) return { count: 0, capped: false };
  if (filter.q === '') {
    const [row] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(where);
    return { count: row?.count ?? 0, capped: false };
  }
  const matches = ctx.db.select({ one: sql`1` }).from(contacts).where(where).limit(COUNT_CAP + 1).as('matches');
  const [row] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(matches);
  const count = row?.count ?? 0;
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}

/** The account's tags by name, for the filter. */
export async function tagNames(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .select({ name: tags.name })
    .from(tags)
    .where(eq(tags.accountId, ctx.accountId))
    .orderBy(byTagName, asc(tags.name))
    .limit(TAG_OPTIONS_LIMIT);
  return rows.map((row) => row.name);
}

export type ContactDetail = Omit<ContactRow, 'tags'> & {
  birthday: string | null;
  updatedAt: Date;
  tags: string[];
};

/** One contact of the account; another account's id is not found. */
export async function getContact(ctx: Ctx, contactId: number): Promise<ContactDetail> {
  const [row] = await ctx.db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      phone: contacts.phone,
      timeZone: contacts.timeZone,
      birthday: contacts.birthday,
      optedOutAt: contacts.optedOutAt,
      createdAt: contacts.createdAt,
      updatedAt: contacts.updatedAt,
    })
    .from(contacts)
    .where(and(eq(contacts.accountId, ctx.accountId), eq(contacts.id, contactId)));
  if (!row) throw new NotFoundError('contact', contactId);
  const tagsByContact = await tagsOf(ctx, [row.id]);
  return { ...row, tags: tagsByContact.get(row.id) ?? [] };
}

export const HISTORY_LIMIT = 50;

/** Opt-outs and opt-ins of a contact, newest first, with who or what caused each. */
export async function optOutHistory(ctx: Ctx, contactId: number) {
  return ctx.db
    .select({
      id: optOuts.id,
      kind: optOuts.kind,
      source: optOuts.source,
      keyword: optOuts.keyword,
      at: optOuts.createdAt,
      userName: users.name,
      campaignId: optOuts.campaignId,
      campaignName: campaigns.name,
      automationId: optOuts.automationId,
      automationName: automations.name,
    })
    .from(optOuts)
    .leftJoin(users, and(eq(users.accountId, optOuts.accountId), eq(users.id, optOuts.userId)))
    .leftJoin(campaigns, and(eq(campaigns.accountId, optOuts.accountId), eq(campaigns.id, optOuts.campaignId)))
    .leftJoin(automations, and(eq(automations.accountId, optOuts.accountId), eq(automations.id, optOuts.automationId)))
    .where(and(eq(optOuts.accountId, ctx.accountId), eq(optOuts.contactId, contactId)))
    .orderBy(desc(optOuts.createdAt), desc(optOuts.id))
    .limit(HISTORY_LIMIT);
}

export type OptOutEntry = Awaited<ReturnType<typeof optOutHistory>>[number];

export const RECENT_MESSAGES_LIMIT = 20;

/** The contact's latest texts in both directions, with the campaign or automation behind each. */
export async function recentMessages(ctx: Ctx, contactId: number) {
  return ctx.db
    .select({
      id: messages.id,
      direction: messages.direction,
      body: messages.body,
      status: messages.status,
      errorCode: messages.errorCode,
      at: messages.createdAt,
      campaignId: messages.campaignId,
      campaignName: campaigns.name,
      automationName: automations.name,
    })
    .from(messages)
    .leftJoin(campaigns, and(eq(campaigns.accountId, messages.accountId), eq(campaigns.id, messages.campaignId)))
    .leftJoin(automations, and(eq(automations.accountId, messages.accountId), eq(automations.id, messages.automationId)))
    .where(and(eq(messages.accountId, ctx.accountId), eq(messages.contactId, contactId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(RECENT_MESSAGES_LIMIT);
}

export type RecentMessage = Awaited<ReturnType<typeof recentMessages>>[number];
