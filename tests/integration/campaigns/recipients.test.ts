// The recipients table's query: every sort in both directions pages through every row
// exactly once, forwards and backwards, in the order a plain ORDER BY gives; filters,
// search and counts show what the rows say; another account sees nothing.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { campaignRecipients, campaignStats } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { countRecipients, recipientsPage, allRecipients, COUNT_CAP } from '@/lib/campaigns/recipients';
import {
  DEFAULT_VIEW,
  RECIPIENT_SORTS,
  type RecipientView,
  type RecipientSort,
  type SortDirection,
} from '@/lib/campaigns/recipient-params';
import { createAccount, createCampaign, createContact, createPhoneNumber } from '../../support/factories';

const ROWS = 263;

/** A small seeded generator (mulberry32), so the rows are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}
let ctx: Ctx;
let otherCtx: Ctx;
let campaignId: number;

const NAMES = ['Ana Souza', 'ana souza', 'Bruno Lima', 'Zoë Adams', 'Ólafur Arnalds', '50%_off Kim', 'João', '', 'Carla Dias', 'Ana Souza'];

beforeAll(async () => {
  const account = await createAccount({ name: 'Recipients table' });
  const number = await createPhoneNumber(account.id);
  const campaign = await createCampaign(account.id, { fromNumberId: number.id, status: 'sent', sentAt: new Date() });
  ctx = { accountId: account.id, userId: null, db };
  campaignId = campaign.id;
  const other = await createAccount({ name: 'Someone else' });
  otherCtx = { accountId: other.id, userId: null, db };

  const random = seeded(7);
  const base = Date.UTC(2026, 2, 8, 12, 0, 0);
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const name = NAMES[i % NAMES.length]!;
    const phone = `+1415555${String(1000 + i).padStart(4, '0')}`;
    const contact = await createContact(account.id, { firstName: name, lastName: '', phone });
    const status = random.pick(['delivered', 'delivered', 'pending', 'failed', 'suppressed'] as const);
    // Few distinct times, so ties on the sort column are common and the tie-break matters.
    const at = (chance: number) => (random.chance(chance) ? new Date(base + random.int(0, 5) * 60_000) : null);
    const repliedAt = status === 'suppressed' ? null : at(0.3);
    const clickedAt = status === 'suppressed' ? null : at(0.4);
    rows.push({
      accountId: account.id,
      campaignId: campaign.id,
      contactId: contact.id,
      name,
      phone,
      sortName: name.toLowerCase() || phone,
      status,
      errorCode: status === 'failed' ? random.pick([30003, 30006]) : null,
      deliveredAt: status === 'delivered' ? at(0.95) : null,
      repliedAt,
      replyCount: repliedAt ? random.int(1, 3) : 0,
      lastReply: repliedAt ? random.pick(['Yes', 'Thanks!', 'What time?']) : null,
      optedOutAt: status !== 'suppressed' && random.chance(0.1) ? new Date(base) : null,
      clickedAt,
      clickCount: clickedAt ? random.int(1, 4) : 0,
      surveyRespondedAt: status !== 'suppressed' && random.chance(0.2) ? new Date(base) : null,
    });
  }
  await db.insert(campaignRecipients).values(rows);
  // Microseconds that a JavaScript Date cannot hold: cursors must carry them exactly.
  await db.execute(sql`
    update campaign_recipients set
      delivered_at = delivered_at + (contact_id % 3) * interval '1 microsecond',
      replied_at = replied_at + (contact_id % 2) * interval '7 microseconds'
    where account_id = ${account.id}`);
  await db.execute(sql`
    insert into campaign_stats (account_id, campaign_id, recipients, suppressed, delivered, pending, failed, replied, opted_out, clicked, survey_responded)
    select account_id, campaign_id,
           count(*) filter (where status <> 'suppressed'), count(*) filter (where status = 'suppressed'),
           count(*) filter (where status = 'delivered'), count(*) filter (where status = 'pending'),
           count(*) filter (where status = 'failed'), count(replied_at), count(opted_out_at), count(clicked_at),
           count(survey_responded_at)
    from campaign_recipients where account_id = ${account.id} group by account_id, campaign_id`);
});

const COLUMN: Record<RecipientSort, string> = {
  name: 'sort_name',
  phone: 'phone',
  status: 'status',
  delivered_at: 'delivered_at',
  replied_at: 'replied_at',
  clicked_at: 'clicked_at',
};

/** The order the table promises, from a plain ORDER BY over every row: empty values last, ties by contact id. */
async function expectedOrder(sort: RecipientSort, dir: SortDirection, where = sql`true`): Promise<number[]> {
  const column = sql.raw(COLUMN[sort]);
  const direction = sql.raw(dir);
  const rows = await db.execute<{ contact_id: string }>(sql`
    select contact_id from campaign_recipients
    where account_id = ${ctx.accountId} and campaign_id = ${campaignId} and ${where}
    order by ${column} ${direction} nulls last, contact_id ${direction}`);
  return rows.map((row) => Number(row.contact_id));
}

const view = (changes: Partial<RecipientView>): RecipientView => ({ ...DEFAULT_VIEW, ...changes });

/** Follows "next" from the first page to the end, then "previous" back, collecting the pages. */
async function walk(v: RecipientView, limit: number) {
  const forward: number[][] = [];
  let page = await recipientsPage(ctx, campaignId, v, limit);
  forward.push(page.rows.map((row) => row.contactId));
  expect(page.previous).toBeNull();
  while (page.next) {
    page = await recipientsPage(ctx, campaignId, { ...v, cursor: page.next }, limit);
    forward.push(page.rows.map((row) => row.contactId));
  }
  const backward: number[][] = [forward.at(-1)!];
  while (page.previous) {
    page = await recipientsPage(ctx, campaignId, { ...v, cursor: page.previous }, limit);
    backward.unshift(page.rows.map((row) => row.contactId));
  }
  return { forward, backward };
}

describe('keyset pages', () => {
  for (const sort of RECIPIENT_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`by ${sort} ${dir} show every recipient once, in order, forwards and backwards`, async () => {
        const { forward, backward } = await walk(view({ sort, dir }), 20);
        expect(forward.flat()).toEqual(await expectedOrder(sort, dir));
        expect(forward.slice(0, -1).every((page) => page.length === 20)).toBe(true);
        expect(backward).toEqual(forward);
      });
    }
  }

  it('page across the boundary into the recipients without a value, with a page that holds both', async () => {
    const order = await expectedOrder('clicked_at', 'asc');
    const withValue = (await expectedOrder('clicked_at', 'asc', sql`clicked_at is not null`)).length;
    // A page size that makes one page straddle the last clicked recipient and the first who never clicked.
    const limit = withValue - 3;
    const first = await recipientsPage(ctx, campaignId, view({ sort: 'clicked_at' }), limit);
    const second = await recipientsPage(ctx, campaignId, view({ sort: 'clicked_at', cursor: first.next }), limit);
    expect(second.rows.map((r) => r.contactId)).toEqual(order.slice(limit, 2 * limit));
    expect(second.rows.slice(0, 3).every((r) => r.clickedAt !== null)).toBe(true);
    expect(second.rows.slice(3).every((r) => r.clickedAt === null)).toBe(true);
  });

  it('combine filters and sort with paging', async () => {
    const { forward } = await walk(view({ status: 'delivered', flags: { ...DEFAULT_VIEW.flags, clicked: true }, sort: 'replied_at', dir: 'desc' }), 7);
    expect(forward.flat()).toEqual(await expectedOrder('replied_at', 'desc', sql`status = 'delivered' and clicked_at is not null`));
  });

  it('export the same rows in the same order, in batches', async () => {
    const v = view({ status: 'failed', sort: 'phone', dir: 'desc' });
    const batches: number[] = [];
    const ids: number[] = [];
    for await (const batch of allRecipients(ctx, campaignId, v, 9)) {
      batches.push(batch.length);
      ids.push(...batch.map((row) => row.contactId));
    }
    expect(ids).toEqual(await expectedOrder('phone', 'desc', sql`status = 'failed'`));
    expect(batches.slice(0, -1).every((size) => size === 9)).toBe(true);
  });
});

describe('filters and search', () => {
  const ids = async (v: RecipientView) => (await walk(v, 100)).forward.flat().sort((a, b) => a - b);
  const idsWhere = async (where: ReturnType<typeof sql>) => (await expectedOrder('name', 'asc', where)).sort((a, b) => a - b);

  it('filter by delivery status and by each yes/no column', async () => {
    expect(await ids(view({ status: 'failed' }))).toEqual(await idsWhere(sql`status = 'failed'`));
    expect(await ids(view({ flags: { ...DEFAULT_VIEW.flags, replied: true } }))).toEqual(await idsWhere(sql`replied_at is not null`));
    expect(await ids(view({ flags: { ...DEFAULT_VIEW.flags, opted_out: true } }))).toEqual(await idsWhere(sql`opted_out_at is not null`));
    expect(await ids(view({ flags: { ...DEFAULT_VIEW.flags, responded: true } }))).toEqual(await idsWhere(sql`survey_responded_at is not null`));
  });

  it('find names whatever their case, and phones typed the way people write them', async () => {
    expect(await ids(view({ q: 'ANA SOU' }))).toEqual(await idsWhere(sql`lower(name) like '%ana sou%'`));
    expect((await ids(view({ q: 'ANA SOU' }))).length).toBeGreaterThan(40);
    const [row] = (await recipientsPage(ctx, campaignId, view({ q: '(415) 555-1017' }))).rows;
    expect(row?.phone).toBe('+14155551017');
    expect(await ids(view({ q: '555-1017' }))).toEqual([row!.contactId]);
  });

  it('take % and _ in a search literally', async () => {
    expect(await ids(view({ q: '50%_off' }))).toEqual(await idsWhere(sql`name = '50%_off Kim'`));
    expect(await ids(view({ q: '5_%' }))).toEqual([]);
    // One- and two-character searches take another path (too short for the trigram index).
    expect(await ids(view({ q: '%_' }))).toEqual(await idsWhere(sql`name = '50%_off Kim'`));
    expect(await ids(view({ q: '_' }))).toEqual(await idsWhere(sql`name = '50%_off Kim'`));
  });

  it('find one- and two-character searches anywhere in names and phones, as longer ones are', async () => {
    const kim = await ids(view({ q: 'Ki' }));
    expect(kim).toEqual(await idsWhere(sql`lower(name) like '%ki%'`));
    expect(kim.length).toBeGreaterThan(0);
    expect(await ids(view({ q: 'z' }))).toEqual(await idsWhere(sql`lower(name) like '%z%'`));
    expect(await ids(view({ q: '17' }))).toEqual(await idsWhere(sql`lower(name) like '%17%' or phone like '%17%'`));
    expect(await ids(view({ q: '17' }))).toContain((await recipientsPage(ctx, campaignId, view({ q: '555-1017' }))).rows[0]!.contactId);
    expect(await ids(view({ q: 'Ki', status: 'failed' }))).toEqual(await idsWhere(sql`lower(name) like '%ki%' and status = 'failed'`));
  });

  it('find recipients without a name by their phone', async () => {
    const nameless = await idsWhere(sql`name = ''`);
    const { rows } = await recipientsPage(ctx, campaignId, view({ q: '+14155551007' }));
    expect(rows.map((r) => r.contactId)).toEqual(nameless.filter((id) => rows.some((r) => r.contactId === id)));
    expect(rows[0]?.name).toBe('');
  });
});

describe('counts', () => {
  const countWhere = async (where: ReturnType<typeof sql>) =>
    (await expectedOrder('name', 'asc', where)).length;

  it('equal the rows the table shows, for no filter, one filter and combinations', async () => {
    expect(await countRecipients(ctx, campaignId, view({}))).toEqual({ count: ROWS, exact: true });
    expect(await countRecipients(ctx, campaignId, view({ status: 'pending' }))).toEqual({ count: await countWhere(sql`status = 'pending'`), exact: true });
    expect(await countRecipients(ctx, campaignId, view({ flags: { ...DEFAULT_VIEW.flags, clicked: true } }))).toEqual({
      count: await countWhere(sql`clicked_at is not null`),
      exact: true,
    });
    expect(await countRecipients(ctx, campaignId, view({ status: 'delivered', flags: { ...DEFAULT_VIEW.flags, replied: true } }))).toEqual({
      count: await countWhere(sql`status = 'delivered' and replied_at is not null`),
      exact: true,
    });
    expect(await countRecipients(ctx, campaignId, view({ q: 'souza' }))).toEqual({ count: await countWhere(sql`sort_name like '%souza%'`), exact: true });
  });

  it('stop at the cap on a large campaign and say the count is not exact', async () => {
    const number = await createPhoneNumber(ctx.accountId);
    const big = await createCampaign(ctx.accountId, { fromNumberId: number.id, status: 'sent', sentAt: new Date() });
    await db.execute(sql`
      with added as (
        insert into contacts (account_id, first_name, last_name, phone)
        select ${ctx.accountId}, 'Many', 'People ' || i, '+1646' || lpad(i::text, 7, '0')
        from generate_series(1, ${COUNT_CAP + 50}) i
        returning account_id, id, first_name, last_name, phone)
      insert into campaign_recipients (account_id, campaign_id, contact_id, name, phone, sort_name, status)
      select account_id, ${big.id}, id, first_name || ' ' || last_name, phone, lower(first_name || ' ' || last_name), 'delivered'
      from added`);
    expect(await countRecipients(ctx, big.id, view({ q: 'many people' }))).toEqual({ count: COUNT_CAP, exact: false });
    expect(await countRecipients(ctx, big.id, view({ q: 'people 1000' }))).toEqual({ count: 11, exact: true });
  });
});

describe('another account', () => {
  it('sees no recipient and counts none, whatever the filters', async () => {
    expect((await recipientsPage(otherCtx, campaignId, view({}))).rows).toEqual([]);
    expect((await recipientsPage(otherCtx, campaignId, view({ q: 'ana', status: 'failed' }))).rows).toEqual([]);
    expect(await countRecipients(otherCtx, campaignId, view({ q: 'ana' }))).toEqual({ count: 0, exact: true });
    const stats = await db.select().from(campaignStats);
    expect(stats.some((s) => s.accountId === otherCtx.accountId)).toBe(false);
  });
});
