// The campaigns overview's numbers and list: every card and row figure equals a
// recount from raw rows (messages, opt-outs, clicks, invitations, conversations —
// never campaign_stats) on the demo data and on a world texted through the real
// code paths; keyset pages visit every campaign once in every order; the windows
// cut at local midnight; search takes LIKE characters literally; accounts stay apart.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { accounts, campaignStats, campaigns, contactTags, links, surveyInvitations, surveyQuestions, surveyTokens, tags } from '@/db/schema';
import { segmentsOf } from '@/lib/billing/segments';
import { campaignOverages, type OverageSubject, type Plan } from '@/lib/billing/usage';
import { CAMPAIGN_SORTS, type CampaignListParams, type CampaignSort, type SortDirection } from '@/lib/campaigns/list-params';
import { CAMPAIGNS_PER_PAGE, countCampaigns, listCampaigns, overviewCards, type CampaignListRow } from '@/lib/campaigns/overview';
import type { Ctx } from '@/lib/context';
import { receiveInboundText } from '@/lib/messaging/inbound';
import { renderMessage } from '@/lib/messaging/merge-fields';
import { recordStatusCallback } from '@/lib/messaging/status-callbacks';
import { recordLinkVisit } from '@/lib/messaging/tracked-links';
import { verifyStats } from '@/lib/stats';
import { openSurvey, submitSurvey } from '@/lib/surveys/responses';
import { createAccount, createCampaign, createContact, createPhoneNumber, createSurvey } from '../../support/factories';
import { campaignWorld, phoneEndingIn, sendCampaign, stopTestBoss, TEST_PUBLIC_URL, useTwilioTestEnvironment } from '../../support/messaging';

/** The demo history ends at midnight UTC of this day; the overview is read at noon. */
const SEED_DAY = new Date('2026-11-25T00:00:00Z');
const SEED_NOW = new Date('2026-11-25T12:00:00Z');

beforeAll(async () => {
  useTwilioTestEnvironment();
  await seedDemoData(process.env.DATABASE_URL!, { scale: 'S', seed: 3, now: SEED_DAY, publicUrl: TEST_PUBLIC_URL });
}, 180_000);
afterAll(stopTestBoss);

const DEFAULTS: CampaignListParams = { q: '', status: null, sort: 'recent', dir: 'desc', cursor: null };

async function accountNamed(name: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.name, name));
  return account!;
}

function planOf(account: typeof accounts.$inferSelect): Plan {
  return { accountId: account.id, timeZone: account.timeZone, monthlyCredits: account.monthlyCredits, overagePricePerCredit: account.overagePricePerCredit };
}

const ctxOf = (accountId: number): Ctx => ({ accountId, userId: null, db });

/** Every row of the list, following the next-page cursors from the first page. */
async function walkForward(ctx: Ctx, plan: Plan, params: Partial<CampaignListParams>, now: Date) {
  const pages: CampaignListRow[][] = [];
  let state: CampaignListParams = { ...DEFAULTS, ...params, cursor: null };
  for (;;) {
    const page = await listCampaigns(ctx, plan, state, now);
    pages.push(page.rows);
    if (!page.next) break;
    expect(pages.length, 'the walk ends').toBeLessThan(100);
    state = { ...state, cursor: page.next };
  }
  return pages;
}

type Recount = {
  id: number;
  recipients: number;
  delivered: number;
  replies: number;
  opt_outs: number;
  link_clicks: number;
  clicks: number;
  survey_responses: number;
};

/**
 * Each campaign's numbers counted from raw rows: a recipient's state is their latest
 * message's; replies are inbound texts of kind reply attributed to the campaign's
 * messages; opt-outs, human clicks and submitted surveys are counted per contact.
 */
async function recountCampaigns(accountId: number): Promise<Map<number, Recount>> {
  const rows = await db.execute<Record<keyof Recount, string>>(sql`
    with latest as (
      select distinct on (m.campaign_id, m.contact_id) m.campaign_id, m.contact_id, m.status::text as status
      from messages m
      where m.account_id = ${accountId} and m.direction = 'outbound' and m.campaign_id is not null
      order by m.campaign_id, m.contact_id, m.attempt desc, m.id desc
    ), addressed as (
      select r.campaign_id,
             count(*) filter (where coalesce(l.status, 'pending') <> 'suppressed') as recipients,
             count(*) filter (where l.status in ('delivered', 'read')) as delivered
      from campaign_recipients r
      left join latest l on l.campaign_id = r.campaign_id and l.contact_id = r.contact_id
      where r.account_id = ${accountId}
      group by r.campaign_id
    ), replies as (
      select o.campaign_id, count(distinct o.contact_id) as replies
      from messages i join messages o on o.account_id = i.account_id and o.id = i.attributed_message_id
      where i.account_id = ${accountId} and i.direction = 'inbound' and i.inbound_kind = 'reply' and o.campaign_id is not null
      group by o.campaign_id
    ), opt_outs as (
      select campaign_id, count(distinct contact_id) as opt_outs
      from opt_outs where account_id = ${accountId} and kind = 'opt_out' and campaign_id is not null
      group by campaign_id
    ), clicks as (
      select l.campaign_id, count(distinct l.contact_id) as link_clicks, count(*) as clicks
      from links l join link_clicks k on k.account_id = l.account_id and k.link_id = l.id
      where l.account_id = ${accountId} and l.campaign_id is not null and not k.is_bot
      group by l.campaign_id
    ), responses as (
      select campaign_id, count(distinct contact_id) as survey_responses
      from survey_invitations where account_id = ${accountId} and campaign_id is not null and submitted_at is not null
      group by campaign_id
    )
    select c.id, coalesce(a.recipients, 0) as recipients, coalesce(a.delivered, 0) as delivered,
           coalesce(rp.replies, 0) as replies, coalesce(o.opt_outs, 0) as opt_outs,
           coalesce(k.link_clicks, 0) as link_clicks, coalesce(k.clicks, 0) as clicks,
           coalesce(sr.survey_responses, 0) as survey_responses
    from campaigns c
    left join addressed a on a.campaign_id = c.id
    left join replies rp on rp.campaign_id = c.id
    left join opt_outs o on o.campaign_id = c.id
    left join clicks k on k.campaign_id = c.id
    left join responses sr on sr.campaign_id = c.id
    where c.account_id = ${accountId}`);
  return new Map(
    rows.map((r) => [Number(r.id), Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) as Recount]),
  );
}

/** Contacts of a draft's or scheduled campaign's audience who are not opted out, and the first of them. */
async function recountAudience(accountId: number, campaign: { id: number; audience: string }) {
  const members =
    campaign.audience === 'all'
      ? sql`select c.id, c.first_name, c.last_name from contacts c where c.account_id = ${accountId} and c.opted_out_at is null`
      : campaign.audience.startsWith('tag:')
        ? sql`select c.id, c.first_name, c.last_name from contacts c
            where c.account_id = ${accountId} and c.opted_out_at is null and exists (
              select 1 from contact_tags ct join tags t on t.account_id = ct.account_id and t.id = ct.tag_id
              where ct.account_id = c.account_id and ct.contact_id = c.id and t.name = ${campaign.audience.slice(4)})`
        : sql`select c.id, c.first_name, c.last_name from contacts c
            join campaign_recipients r on r.account_id = c.account_id and r.contact_id = c.id
            where c.account_id = ${accountId} and r.campaign_id = ${campaign.id} and c.opted_out_at is null`;
  const rows = await db.execute<{ id: string; first_name: string; last_name: string }>(sql`select * from (${members}) m order by id`);
  return { count: rows.length, members: rows };
}

/** What a scheduled campaign will cost: the segments of the body as each of its audience gets it, summed. */
async function estimatedCredits(accountId: number, campaign: typeof campaigns.$inferSelect) {
  const audience = await recountAudience(accountId, campaign);
  const code = 'C'.repeat(12);
  let credits = 0;
  for (const member of audience.members) {
    const body = renderMessage(campaign.body, {
      firstName: member.first_name,
      lastName: member.last_name,
      surveyLink: campaign.surveyId ? `${TEST_PUBLIC_URL}/s/${code}` : null,
      trackLink: () => `${TEST_PUBLIC_URL}/l/${code}`,
    });
    credits += segmentsOf(body).segments;
  }
  return credits;
}

/** The cards recounted from raw rows, with the windows computed by PostgreSQL in the account's zone. */
async function recountCards(accountId: number, timeZone: string, now: Date) {
  const at = now.toISOString();
  const [row] = await db.execute<Record<string, string>>(sql`
    with w as (
      select ((${at}::timestamptz at time zone ${timeZone})::date - 29)::timestamp at time zone ${timeZone} as last_start,
             ((${at}::timestamptz at time zone ${timeZone})::date + 30)::timestamp at time zone ${timeZone} as next_end,
             date_trunc('month', ${at}::timestamptz at time zone ${timeZone}) at time zone ${timeZone} as month_start,
             (date_trunc('month', ${at}::timestamptz at time zone ${timeZone}) + interval '1 month') at time zone ${timeZone} as month_end
    )
    select
      (select count(*) from campaigns, w where account_id = ${accountId} and status = 'scheduled'
         and scheduled_at >= ${at}::timestamptz and scheduled_at < w.next_end) as scheduled,
      (select count(*) from campaigns, w where account_id = ${accountId} and status in ('sending', 'sent')
         and sent_at >= w.last_start and sent_at < ${at}::timestamptz) as recent,
      (select count(*) from conversations, w where account_id = ${accountId}
         and started_at >= w.last_start and started_at < ${at}::timestamptz) as conversations,
      (select coalesce(sum(credits), 0) from messages, w where account_id = ${accountId} and direction = 'outbound'
         and sent_at >= w.month_start and sent_at < w.month_end) as credits`);
  return { scheduled: Number(row!.scheduled), recent: Number(row!.recent), conversations: Number(row!.conversations), credits: Number(row!.credits) };
}

/** The list's figures and the recount side by side, for one readable failure message. */
async function expectRowsToMatchRecount(accountId: number, rows: CampaignListRow[]) {
  const recount = await recountCampaigns(accountId);
  const all = await db.select().from(campaigns).where(eq(campaigns.accountId, accountId));
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const row of rows) {
    const campaign = byId.get(row.id)!;
    const expected = recount.get(row.id)!;
    const unsent = campaign.status === 'draft' || campaign.status === 'scheduled';
    const recipients = unsent ? (await recountAudience(accountId, campaign)).count : expected.recipients;
    expect(
      {
        id: row.id,
        recipients: row.recipients,
        estimated: row.recipientsEstimated,
        delivered: row.delivered,
        replies: row.replied,
        opt_outs: row.optedOut,
        link_clicks: row.clicked,
        clicks: row.clicksTotal,
        survey_responses: row.surveyResponded,
      },
      campaign.name,
    ).toEqual({
      id: row.id,
      recipients,
      estimated: unsent,
      delivered: expected.delivered,
      replies: expected.replies,
      opt_outs: expected.opt_outs,
      link_clicks: expected.link_clicks,
      clicks: expected.clicks,
      survey_responses: expected.survey_responses,
    });
  }
}

describe('on the demo data', () => {
  it('the rollups the overview reads agree with the recount', async () => {
    const demo = await accountNamed('Demo');
    expect(await verifyStats(db, { accountId: demo.id })).toEqual([]);
  });

  for (const name of ['Demo', 'Other']) {
    it(`shows ${name}'s cards as counted from raw rows`, async () => {
      const account = await accountNamed(name);
      const cards = await overviewCards(ctxOf(account.id), planOf(account), SEED_NOW);
      const expected = await recountCards(account.id, account.timeZone, SEED_NOW);
      expect({
        scheduled: cards.scheduled30d,
        recent: cards.recent30d,
        conversations: cards.conversations30d,
        credits: cards.credits.used,
      }).toEqual(expected);
      // The demo data has something in every card.
      expect(Math.min(expected.scheduled, expected.recent, expected.conversations, expected.credits)).toBeGreaterThan(0);
      if (account.monthlyCredits === null) expect(cards.credits.remaining).toBeNull();
      else expect(cards.credits.remaining).toBe(Math.max(0, account.monthlyCredits - expected.credits));
    });

    it(`lists every one of ${name}'s campaigns with the figures counted from raw rows`, async () => {
      const account = await accountNamed(name);
      const rows = (await walkForward(ctxOf(account.id), planOf(account), {}, SEED_NOW)).flat();
      const ids = (await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.accountId, account.id))).map((c) => c.id);
      expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
      await expectRowsToMatchRecount(account.id, rows);
      expect(rows.some((r) => r.recipientsEstimated)).toBe(true);
      expect(rows.some((r) => r.replied > 0 && r.optedOut > 0 && r.clicked > 0)).toBe(true);
    });
  }

  it("gives each campaign the overage it has when the whole month is charged at once, whatever page it is on", async () => {
    const demo = await accountNamed('Demo');
    const plan = planOf(demo);
    const all = await db.select().from(campaigns).where(eq(campaigns.accountId, demo.id));
    const subjects: OverageSubject[] = [];
    for (const c of all) {
      if ((c.status === 'sent' || c.status === 'sending') && c.sentAt) subjects.push({ id: c.id, kind: 'sent', sentAt: c.sentAt });
      if (c.status === 'scheduled') subjects.push({ id: c.id, kind: 'scheduled', scheduledAt: c.scheduledAt!, estimatedCredits: await estimatedCredits(demo.id, c) });
    }
    const expected = await campaignOverages(db, plan, subjects, SEED_NOW);
    // Pages cut in different places: by default, by name, and only the scheduled campaigns in reverse.
    for (const params of [{}, { sort: 'name' as const, dir: 'asc' as const }, { status: 'scheduled' as const, dir: 'asc' as const }]) {
      for (const row of (await walkForward(ctxOf(demo.id), plan, params, SEED_NOW)).flat()) {
        const campaign = all.find((c) => c.id === row.id)!;
        const charged = campaign.status === 'sent' || campaign.status === 'sending' || campaign.status === 'scheduled';
        expect(row.overage, campaign.name).toEqual(charged ? expected.get(row.id) : null);
      }
    }
    // The demo month is nearly used up, so some campaign really has an overage.
    expect([...expected.values()].some((o) => o.credits > 0)).toBe(true);
  });
});

/** The order the list must have, stated directly in SQL over the whole account (no keyset). */
async function expectedOrder(accountId: number, sort: CampaignSort, dir: SortDirection): Promise<number[]> {
  const unsentLast = (column: string) => sql.raw(`case when c.sent_at is null then null else coalesce(s.${column}, 0) end`);
  const key = {
    recent: sql`coalesce(c.sent_at, c.scheduled_at, c.created_at)`,
    name: sql`lower(c.name)`,
    sent_at: sql`c.sent_at`,
    scheduled_at: sql`c.scheduled_at`,
    recipients: unsentLast('recipients'),
    delivered: unsentLast('delivered'),
    replies: unsentLast('replied'),
    opt_outs: unsentLast('opted_out'),
    link_clicks: unsentLast('clicked'),
    survey_responses: unsentLast('survey_responded'),
  }[sort];
  const rows = await db.execute<{ id: string }>(sql`
    select c.id from campaigns c left join campaign_stats s on s.account_id = c.account_id and s.campaign_id = c.id
    where c.account_id = ${accountId}
    order by ${key} ${sql.raw(dir)} nulls last, c.id ${sql.raw(dir)}`);
  return rows.map((r) => Number(r.id));
}

describe('keyset pages', () => {
  for (const sort of ['recent', ...CAMPAIGN_SORTS] as const) {
    it(`visit every campaign exactly once, in order, by ${sort} both ways, forwards and back`, async () => {
      const demo = await accountNamed('Demo');
      const ctx = ctxOf(demo.id);
      const plan = planOf(demo);
      for (const dir of ['asc', 'desc'] as const) {
        const pages = await walkForward(ctx, plan, { sort, dir }, SEED_NOW);
        expect(pages.length).toBeGreaterThan(2);
        expect(pages.slice(0, -1).every((p) => p.length === CAMPAIGNS_PER_PAGE)).toBe(true);
        expect(pages.flat().map((r) => r.id), `${sort} ${dir}`).toEqual(await expectedOrder(demo.id, sort, dir));

        // Back from the last page through the previous-page cursors: the same pages in reverse.
        const back: number[][] = [];
        const state: CampaignListParams = { ...DEFAULTS, sort, dir };
        const last = pages.at(-1)!;
        // Reach the last page the way a reader does, then walk back.
        let page = await listCampaigns(ctx, plan, state, SEED_NOW);
        while (page.next) page = await listCampaigns(ctx, plan, { ...state, cursor: page.next }, SEED_NOW);
        expect(page.rows.map((r) => r.id)).toEqual(last.map((r) => r.id));
        back.push(page.rows.map((r) => r.id));
        while (page.previous) {
          page = await listCampaigns(ctx, plan, { ...state, cursor: page.previous }, SEED_NOW);
          back.push(page.rows.map((r) => r.id));
          expect(page.next, 'a page reached backwards links forwards').not.toBeNull();
        }
        expect(back.reverse()).toEqual(pages.map((p) => p.map((r) => r.id)));
      }
    });
  }

  it('filtered by status and search, still visit each matching campaign once', async () => {
    const demo = await accountNamed('Demo');
    const params = { status: 'sent' as const, q: 'e', sort: 'replies' as const, dir: 'desc' as const };
    const rows = (await walkForward(ctxOf(demo.id), planOf(demo), params, SEED_NOW)).flat();
    const matching = await db.execute<{ id: string }>(sql`
      select id from campaigns where account_id = ${demo.id} and status = 'sent' and lower(name) like '%e%'`);
    expect(rows.length).toBeGreaterThan(CAMPAIGNS_PER_PAGE);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(matching.map((m) => Number(m.id)).sort((a, b) => a - b));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect((await countCampaigns(ctxOf(demo.id), params)).matching).toBe(rows.length);
  });
});

describe('a campaign texted through the real code paths', () => {
  it('shows the figures a person would count, equal to the recount', async () => {
    const world = await campaignWorld({
      contacts: [1, 2, 3, 4, 5].map((digit) => ({ phone: phoneEndingIn(digit), firstName: `Ana${digit}` })),
      body: 'Hi {first_name}, our sale: https://example.com/sale {survey_link}',
    });
    const { account, number, contacts } = world;
    await db.update(accounts).set({ monthlyCredits: 3, overagePricePerCredit: 0.05 }).where(eq(accounts.id, account.id));
    const plan: Plan = { accountId: account.id, timeZone: account.timeZone, monthlyCredits: 3, overagePricePerCredit: 0.05 };
    const survey = await createSurvey(account.id);
    const [question] = await db
      .insert(surveyQuestions)
      .values({ accountId: account.id, surveyId: survey.id, position: 1, kind: 'rating', prompt: 'How was it?' })
      .returning();
    await db.update(campaigns).set({ surveyId: survey.id }).where(eq(campaigns.id, world.campaign.id));
    let sid = 0;
    const text = (contact: (typeof contacts)[number], body: string) =>
      receiveInboundText({ messageSid: `SM${(++sid).toString(16).padStart(32, '0')}`, from: contact.phone, to: number.e164, body, optOutType: null });

    // The fifth contact opted out before the campaign: suppressed, not a recipient.
    await text(contacts[4]!, 'STOP');
    const sent = await sendCampaign(world);
    const sidOf = (i: number) => sent.find((m) => m.contactId === contacts[i]!.id)!.providerSid!;
    await recordStatusCallback({ messageSid: sidOf(0), status: 'delivered', errorCode: null, payload: {} });
    await recordStatusCallback({ messageSid: sidOf(1), status: 'delivered', errorCode: null, payload: {} });
    await recordStatusCallback({ messageSid: sidOf(2), status: 'undelivered', errorCode: 30003, payload: {} });
    // A late "sent" after "delivered" changes nothing.
    await recordStatusCallback({ messageSid: sidOf(0), status: 'sent', errorCode: null, payload: {} });
    await text(contacts[0]!, 'Yes please!');
    await text(contacts[0]!, 'And one for my sister');
    await text(contacts[1]!, 'STOP');
    await text(contacts[2]!, 'HELP');
    const linkOf = async (i: number) =>
      (await db.select({ code: links.code }).from(links).where(and(eq(links.accountId, account.id), eq(links.contactId, contacts[i]!.id))))[0]!.code;
    await recordLinkVisit({ code: await linkOf(0), method: 'GET', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)' });
    await recordLinkVisit({ code: await linkOf(0), method: 'GET', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)' });
    await recordLinkVisit({ code: await linkOf(1), method: 'GET', userAgent: 'facebookexternalhit/1.1' });
    await recordLinkVisit({ code: await linkOf(1), method: 'HEAD', userAgent: null });
    const tokenOf = async (i: number) =>
      (
        await db
          .select({ token: surveyTokens.token })
          .from(surveyTokens)
          .innerJoin(surveyInvitations, and(eq(surveyInvitations.accountId, surveyTokens.accountId), eq(surveyInvitations.id, surveyTokens.invitationId)))
          .where(and(eq(surveyInvitations.accountId, account.id), eq(surveyInvitations.contactId, contacts[i]!.id)))
      )[0]!.token;
    await openSurvey(await tokenOf(0));
    await submitSurvey(await tokenOf(0), [{ questionId: question!.id, score: 5 }]);
    await openSurvey(await tokenOf(1));

    // A draft for the VIPs (Ana1, Ana2 opted out since, Ana5 opted out) and a send to everyone in a minute.
    const [vip] = await db.insert(tags).values({ accountId: account.id, name: 'vip' }).returning();
    await db.insert(contactTags).values([0, 1, 4].map((i) => ({ accountId: account.id, contactId: contacts[i]!.id, tagId: vip!.id })));
    const draft = await createCampaign(account.id, { fromNumberId: number.id, status: 'draft', audience: 'tag:vip', name: 'VIP draft', body: 'VIP night!' });
    const now = new Date();
    const scheduled = await createCampaign(account.id, {
      fromNumberId: number.id,
      status: 'scheduled',
      audience: 'all',
      name: 'Everyone soon',
      body: 'Back in stock, {first_name}!',
      scheduledAt: new Date(now.getTime() + 60_000),
    });
    // Another account's campaign, sent the same minute, is nobody's business here.
    const stranger = await createAccount();
    const strangerNumber = await createPhoneNumber(stranger.id);
    const foreign = await createCampaign(stranger.id, { fromNumberId: strangerNumber.id, status: 'sent', sentAt: now, name: 'Everyone soon' });
    await db.insert(campaignStats).values({ accountId: stranger.id, campaignId: foreign.id, recipients: 99, replied: 9 });

    expect(await verifyStats(db, { accountId: account.id })).toEqual([]);
    const ctx = ctxOf(account.id);
    const page = await listCampaigns(ctx, plan, DEFAULTS, now);
    expect(page.rows.map((r) => r.id)).toEqual([scheduled.id, draft.id, world.campaign.id]);
    expect(page.next).toBeNull();
    expect(page.previous).toBeNull();
    const [upcoming, vipDraft, texted] = page.rows;
    expect(texted).toMatchObject({
      recipients: 4,
      recipientsEstimated: false,
      delivered: 2,
      replied: 1,
      optedOut: 1,
      clicked: 1,
      clicksTotal: 2,
      surveyResponded: 1,
      hasSurvey: true,
      wentOut: true,
      // 4 one-segment texts against an allowance of 3: the fourth credit is overage.
      overage: { credits: 1, money: '0.0500' },
    });
    expect(vipDraft).toMatchObject({ recipients: 1, recipientsEstimated: true, wentOut: false, overage: null });
    // Everyone not opted out: Ana1, Ana3, Ana4; the month's allowance is already used up.
    expect(upcoming).toMatchObject({ recipients: 3, recipientsEstimated: true, overage: { credits: 3, money: '0.1500' } });
    await expectRowsToMatchRecount(account.id, page.rows);

    const cards = await overviewCards(ctx, plan, now);
    const expected = await recountCards(account.id, account.timeZone, now);
    expect({ scheduled: cards.scheduled30d, recent: cards.recent30d, conversations: cards.conversations30d, credits: cards.credits.used }).toEqual(expected);
    // Four campaign texts, and the answers to two STOPs and a HELP, one credit each.
    expect(cards).toMatchObject({ scheduled30d: 1, recent30d: 1, credits: { used: 7, allowance: 3, remaining: 0 } });
    expect(await countCampaigns(ctx, DEFAULTS)).toEqual({ matching: 3, all: 3 });
  });
});

describe('the windows', () => {
  it("cut at local midnight 29 days ago and at the end of the 29th day ahead, in the account's zone", async () => {
    // Kathmandu is UTC+05:45. At 12:00Z on Nov 25 it is 17:45 there; the last 30 days start at
    // 00:00 on Oct 27 local = 2026-10-26T18:15Z, the next 30 end at 00:00 on Dec 25 local = 2026-12-24T18:15Z.
    const now = new Date('2026-11-25T12:00:00Z');
    const account = await createAccount({ timeZone: 'Asia/Kathmandu' });
    const number = await createPhoneNumber(account.id);
    await db.execute(sql`insert into number_routes (e164, account_id, phone_number_id) values (${number.e164}, ${account.id}, ${number.id})`);
    const plan = planOf(account);
    const sentAt = async (iso: string, status: 'sent' | 'sending' | 'canceled' = 'sent') =>
      createCampaign(account.id, { fromNumberId: number.id, status, sentAt: new Date(iso) });
    const scheduledAt = async (iso: string) => createCampaign(account.id, { fromNumberId: number.id, status: 'scheduled', scheduledAt: new Date(iso) });

    await sentAt('2026-10-26T18:15:00Z'); // 00:00 local, 29 days ago: in
    await sentAt('2026-10-26T18:14:00Z'); // a minute before: out
    await sentAt('2026-11-25T11:00:00Z', 'sending'); // in
    await sentAt('2026-11-20T11:00:00Z', 'canceled'); // not sent
    await scheduledAt('2026-12-24T18:14:59Z'); // 23:59:59 local on Dec 24: in
    await scheduledAt('2026-12-24T18:15:00Z'); // 00:00 local on Dec 25: out
    await scheduledAt('2026-11-25T11:59:00Z'); // overdue, the worker's business: out

    let sid = 0;
    const conversationAt = async (iso: string) => {
      const contact = await createContact(account.id, { phone: phoneEndingIn(1) });
      await receiveInboundText({ messageSid: `SMk${(++sid).toString(16).padStart(31, '0')}`, from: contact.phone, to: number.e164, body: 'Hello?', optOutType: null }, new Date(iso));
    };
    await conversationAt('2026-10-26T18:15:00Z'); // in
    await conversationAt('2026-10-26T18:14:00Z'); // out
    await conversationAt('2026-11-25T11:59:00Z'); // in

    const cards = await overviewCards(ctxOf(account.id), plan, now);
    expect(cards).toMatchObject({ scheduled30d: 1, recent30d: 2, conversations30d: 2 });
    expect(cards.last30.start.toISOString()).toBe('2026-10-26T18:15:00.000Z');
    expect(cards.next30.end.toISOString()).toBe('2026-12-24T18:15:00.000Z');
    expect({ scheduled: cards.scheduled30d, recent: cards.recent30d, conversations: cards.conversations30d }).toEqual(
      (({ scheduled, recent, conversations }) => ({ scheduled, recent, conversations }))(await recountCards(account.id, account.timeZone, now)),
    );
  });
});

describe('search', () => {
  it('finds names by any part, in any case, taking %, _ and \\ literally', async () => {
    const account = await createAccount();
    const number = await createPhoneNumber(account.id);
    const named = async (name: string) => (await createCampaign(account.id, { fromNumberId: number.id, name, sentAt: new Date() })).id;
    const spring = await named('Spring sale');
    const preview = await named('SPRING preview');
    const half = await named('50% off everything');
    const fiveHundred = await named('500 off');
    const underscore = await named('a_b test');
    await named('axb test');
    const slash = await named('Back\\slash');
    const search = async (q: string) =>
      (await listCampaigns(ctxOf(account.id), planOf(account), { ...DEFAULTS, q, sort: 'name', dir: 'asc' }, new Date())).rows.map((r) => r.id);

    expect(await search('spring')).toEqual([preview, spring]);
    expect(await search('50%')).toEqual([half]);
    expect((await search('50')).sort((a, b) => a - b)).toEqual([half, fiveHundred]);
    expect(await search('a_b')).toEqual([underscore]);
    expect(await search('\\')).toEqual([slash]);
    expect(await search('nothing like it')).toEqual([]);
    expect(await countCampaigns(ctxOf(account.id), { q: 'nothing like it', status: null })).toEqual({ matching: 0, all: 7 });
  });

  it("never lists another account's campaigns, whatever the filters or cursor", async () => {
    const mine = await createAccount();
    const theirs = await createAccount();
    const myNumber = await createPhoneNumber(mine.id);
    const theirNumber = await createPhoneNumber(theirs.id);
    const own = await createCampaign(mine.id, { fromNumberId: myNumber.id, name: 'Shared name', sentAt: new Date() });
    const foreign = await createCampaign(theirs.id, { fromNumberId: theirNumber.id, name: 'Shared name', sentAt: new Date() });
    const listed = await listCampaigns(ctxOf(mine.id), planOf(mine), { ...DEFAULTS, q: 'shared' }, new Date());
    expect(listed.rows.map((r) => r.id)).toEqual([own.id]);
    // A cursor pointing at the other account's row still only reads this account.
    const after = await listCampaigns(
      ctxOf(mine.id),
      planOf(mine),
      { ...DEFAULTS, sort: 'name', dir: 'asc', cursor: { direction: 'before', sort: 'name', dir: 'asc', value: 'zzz', id: foreign.id } },
      new Date(),
    );
    expect(after.rows.map((r) => r.id)).toEqual([own.id]);
  });
});
