// The contact list against real rows: search by name or phone however it is typed,
// the tag filter, and keyset pages that together hold every matching contact once,
// checked against a recount straight from the table.
import { and, desc, eq, ilike, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contacts, contactTags, tags } from '@/db/schema';
import { encodeContactCursor, parseContactListParams, type ContactListState } from '@/lib/contacts/list-params';
import { countContacts, listContacts, tagNames } from '@/lib/contacts/queries';
import type { Ctx } from '@/lib/context';
import { createAccount, createContact } from '@/tests/support/factories';

let ctx: Ctx;
let otherCtx: Ctx;
const state = (overrides: Partial<ContactListState> = {}): ContactListState => ({ ...parseContactListParams({}), ...overrides });

const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Davi', 'Eva', 'Fábio', 'Gil'];

beforeAll(async () => {
  ctx = { accountId: (await createAccount({ country: 'US' })).id, userId: null, db };
  otherCtx = { accountId: (await createAccount({ country: 'US' })).id, userId: null, db };
  const [vip, late] = await db
    .insert(tags)
    .values([
      { accountId: ctx.accountId, name: 'VIP' },
      { accountId: ctx.accountId, name: 'late' },
    ])
    .returning();
  // 130 contacts, many sharing one creation moment so only the id breaks ties.
  const shared = new Date('2026-01-02T03:04:05.123456Z');
  for (let i = 0; i < 130; i++) {
    const contact = await createContact(ctx.accountId, {
      firstName: FIRST_NAMES[i % FIRST_NAMES.length],
      lastName: `Person${i}`,
      phone: `+1202555${String(1000 + i)}`,
      createdAt: i % 3 === 0 ? shared : new Date(Date.UTC(2026, 0, 1 + (i % 40), 12, 0, i)),
    });
    if (i % 4 === 0) await db.insert(contactTags).values({ accountId: ctx.accountId, contactId: contact.id, tagId: vip!.id });
    if (i % 10 === 0) await db.insert(contactTags).values({ accountId: ctx.accountId, contactId: contact.id, tagId: late!.id });
  }
  // Another account with the same names and numbers must never show.
  for (let i = 0; i < 5; i++) {
    await createContact(otherCtx.accountId, { firstName: 'Ana', phone: `+1202555${String(1000 + i)}` });
  }
});

/** Walks the list a page at a time, following the next links. */
async function walk(filter: Partial<ContactListState>, pageSize: number) {
  const pages: number[][] = [];
  let cursor: ContactListState['cursor'] = null;
  for (;;) {
    const page = await listContacts(ctx, state({ ...filter, cursor }), 'US', pageSize);
    pages.push(page.rows.map((row) => row.id));
    if (!page.next) return pages;
    // Through the URL, as a browser would follow the link.
    cursor = parseContactListParams({ cursor: encodeContactCursor(page.next) }).cursor;
  }
}

/** The recount: every contact of the account the filter should find, newest first. */
async function recount(where = sql`true`) {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.accountId, ctx.accountId), where))
    .orderBy(desc(contacts.createdAt), desc(contacts.id));
  return rows.map((row) => row.id);
}

describe('the contact list', () => {
  it('pages through every contact once, newest first, with ties broken by id', async () => {
    const pages = await walk({}, 25);
    expect(pages.map((page) => page.length)).toEqual([25, 25, 25, 25, 25, 5]);
    expect(pages.flat()).toEqual(await recount());
    expect(await countContacts(ctx, state(), 'US')).toEqual({ count: 130, capped: false });
  });

  it('goes back a page to exactly the rows it came from', async () => {
    const first = await listContacts(ctx, state(), 'US', 25);
    expect(first.previous).toBeNull();
    const second = await listContacts(ctx, state({ cursor: first.next }), 'US', 25);
    const third = await listContacts(ctx, state({ cursor: second.next }), 'US', 25);
    const backToSecond = await listContacts(ctx, state({ cursor: third.previous }), 'US', 25);
    expect(backToSecond.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
    const backToFirst = await listContacts(ctx, state({ cursor: backToSecond.previous }), 'US', 25);
    expect(backToFirst.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(backToFirst.previous).toBeNull();
    expect(backToFirst.next).not.toBeNull();
  });

  it('finds contacts by name, in any case and word order', async () => {
    const found = (await walk({ q: 'person12 ANA' }, 50)).flat();
    const expected = await recount(and(ilike(contacts.firstName, 'ana'), ilike(contacts.lastName, 'person12%')));
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
  });

  it.each(['(202) 555-1007', '202.555.1007', '2025551007', '+1 202 555 1007', '555-1007', '5551007'])(
    'finds a number typed as %j',
    async (q) => {
      const page = await listContacts(ctx, state({ q }), 'US');
      expect(page.rows.map((row) => row.phone)).toEqual(['+12025551007']);
      expect(await countContacts(ctx, state({ q }), 'US')).toEqual({ count: 1, capped: false });
    },
  );

  it('finds every number that starts with what was typed', async () => {
    const found = (await walk({ q: '(202) 555-10' }, 7)).flat();
    expect(found).toEqual(await recount(sql`${contacts.phone} like '+120255510%'`));
    expect(found).toHaveLength(100);
  });

  it('filters by tag, alone and with a search, and shows each contact’s tags', async () => {
    const vipIds = await recount(sql`exists (select 1 from contact_tags ct join tags t on t.account_id = ct.account_id and t.id = ct.tag_id
      where ct.account_id = ${contacts.accountId} and ct.contact_id = ${contacts.id} and t.name = 'VIP')`);
    expect((await walk({ tag: 'VIP' }, 10)).flat()).toEqual(vipIds);
    expect(await countContacts(ctx, state({ tag: 'VIP' }), 'US')).toEqual({ count: vipIds.length, capped: false });

    const page = await listContacts(ctx, state({ tag: 'late', q: 'ana' }), 'US');
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      expect(row.firstName).toBe('Ana');
      expect(row.tags).toContain('late');
    }
    const both = page.rows.find((row) => row.tags.length === 2);
    expect(both?.tags).toEqual(['late', 'VIP']);
  });

  it('shows nothing for a tag the account does not have, or another account’s tag', async () => {
    await db.insert(tags).values({ accountId: otherCtx.accountId, name: 'Theirs' });
    for (const tag of ['Nope', 'Theirs']) {
      expect((await listContacts(ctx, state({ tag }), 'US')).rows).toEqual([]);
      expect(await countContacts(ctx, state({ tag }), 'US')).toEqual({ count: 0, capped: false });
    }
    expect(await tagNames(ctx)).toEqual(['late', 'VIP']);
  });

  it('finds one- and two-character searches anywhere in the name, as longer ones', async () => {
    const found = (await walk({ q: 'VA' }, 40)).flat();
    // Eva and Davi, nobody else.
    expect(found).toEqual(await recount(sql`lower(${contacts.firstName}) like '%va%'`));
    expect(found.length).toBeGreaterThan(0);
    expect((await walk({ q: 'é' }, 40)).flat()).toEqual([]);
    expect((await walk({ q: 'á' }, 40)).flat()).toEqual(await recount(eq(contacts.firstName, 'Fábio')));
  });

  it('takes LIKE wildcards in a search literally', async () => {
    expect((await listContacts(ctx, state({ q: '%' }), 'US')).rows).toEqual([]);
    expect((await listContacts(ctx, state({ q: 'Person1_' }), 'US')).rows).toEqual([]);
  });

  it('never lists another account’s contacts', async () => {
    const theirs = await listContacts(otherCtx, state({ q: 'ana' }), 'US');
    expect(theirs.rows).toHaveLength(5);
    const ours = (await walk({ q: 'ana' }, 100)).flat();
    expect(ours).not.toEqual(expect.arrayContaining(theirs.rows.map((row) => row.id)));
  });

  it('reads a tampered cursor as the first page', async () => {
    const first = await listContacts(ctx, state(), 'US', 10);
    const tampered = parseContactListParams({ cursor: `a.${Buffer.from('2026-02-30T00:00:00.000000Z 1').toString('base64url')}` });
    expect((await listContacts(ctx, tampered, 'US', 10)).rows).toEqual(first.rows);
  });

  it('caps the count of a search that matches a great many contacts', async () => {
    const big = { accountId: (await createAccount()).id, userId: null, db };
    await db.execute(sql`
      insert into contacts (account_id, first_name, phone)
      select ${big.accountId}, 'Common', '+1312' || (2000000 + i) from generate_series(1, 10050) i`);
    expect(await countContacts(big, state({ q: 'common' }), 'US')).toEqual({ count: 10_000, capped: true });
    expect(await countContacts(big, state(), 'US')).toEqual({ count: 10_050, capped: false });
    const page = await listContacts(big, state({ q: 'common' }), 'US');
    expect(page.rows).toHaveLength(50);
    expect(page.next).not.toBeNull();
  });
});
