// Every number the Campaign tab shows equals a recount written here from raw rows
// (messages, replies, opt-outs, link clicks, survey invitations): for a campaign that
// went through the real fan-out, dispatch, callbacks, replies, clicks and survey, and
// for every campaign of the demo data. The tab reads only the rollups.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, campaigns, contacts, links, surveyInvitations, surveyQuestions, surveyTokens } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { campaignTab, findCampaign } from '@/lib/campaigns/detail';
import { DEFAULT_VIEW, type RecipientFlag, type RecipientView } from '@/lib/campaigns/recipient-params';
import { allRecipients, countRecipients, type RecipientRow } from '@/lib/campaigns/recipients';
import type { Ctx } from '@/lib/context';
import { receiveInboundText } from '@/lib/messaging/inbound';
import { recordStatusCallback } from '@/lib/messaging/status-callbacks';
import { recordLinkVisit } from '@/lib/messaging/tracked-links';
import { verifyStats } from '@/lib/stats';
import { openSurvey, submitSurvey } from '@/lib/surveys/responses';
import { createCampaign, createSurvey } from '../../support/factories';
import { campaignWorld, phoneEndingIn, sendCampaign, stopTestBoss, useTwilioTestEnvironment } from '../../support/messaging';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

type Recount = {
  recipients: number;
  suppressed: number;
  delivered: number;
  pending: number;
  failed: number;
  replied: number;
  repliesTotal: number;
  optedOut: number;
  clicked: number;
  clicksTotal: number;
  surveyViewed: number;
  surveyResponded: number;
  messages: number;
  credits: number;
};

/**
 * The campaigns' numbers by DESIGN §5, straight from the event rows: a recipient's
 * status is that of their latest message (highest attempt); replies are inbound
 * replies attributed to one of the campaign's messages; clicks are human clicks on
 * its links; survey numbers come from its invitations.
 */
async function recount(accountId: number): Promise<Map<number, Recount>> {
  const rows = await db.execute<Record<keyof Recount, string> & { campaign_id: string }>(sql`
    with addressed as (
      select campaign_id, contact_id from campaign_recipients where account_id = ${accountId}
      union
      select campaign_id, contact_id from messages
      where account_id = ${accountId} and direction = 'outbound' and campaign_id is not null
    ),
    latest as (
      select distinct on (campaign_id, contact_id) campaign_id, contact_id, status
      from messages where account_id = ${accountId} and direction = 'outbound' and campaign_id is not null
      order by campaign_id, contact_id, attempt desc, id desc
    ),
    delivery as (
      select a.campaign_id,
        count(*) filter (where l.status is distinct from 'suppressed') as recipients,
        count(*) filter (where l.status = 'suppressed') as suppressed,
        count(*) filter (where l.status in ('delivered', 'read')) as delivered,
        count(*) filter (where l.status in ('failed', 'undelivered', 'canceled')) as failed,
        count(*) filter (where l.status is null or l.status not in ('delivered', 'read', 'failed', 'undelivered', 'canceled', 'suppressed')) as pending
      from addressed a left join latest l using (campaign_id, contact_id)
      group by a.campaign_id
    ),
    replies as (
      select o.campaign_id, count(distinct o.contact_id) as replied, count(*) as replies_total
      from messages i join messages o on o.account_id = i.account_id and o.id = i.attributed_message_id
      where i.account_id = ${accountId} and i.direction = 'inbound' and i.inbound_kind = 'reply' and o.campaign_id is not null
      group by o.campaign_id
    ),
    opt_outs as (
      select campaign_id, count(distinct contact_id) as opted_out from opt_outs
      where account_id = ${accountId} and kind = 'opt_out' and campaign_id is not null group by campaign_id
    ),
    clicks as (
      select l.campaign_id, count(distinct l.contact_id) as clicked, count(*) as clicks_total
      from links l join link_clicks c on c.account_id = l.account_id and c.link_id = l.id
      where l.account_id = ${accountId} and l.campaign_id is not null and not c.is_bot
      group by l.campaign_id
    ),
    survey as (
      select campaign_id, count(distinct contact_id) filter (where viewed_at is not null) as survey_viewed,
             count(distinct contact_id) filter (where submitted_at is not null) as survey_responded
      from survey_invitations where account_id = ${accountId} and campaign_id is not null group by campaign_id
    ),
    charged as (
      select campaign_id, count(*) filter (where sent_at is not null) as messages, coalesce(sum(credits), 0) as credits
      from messages where account_id = ${accountId} and direction = 'outbound' and campaign_id is not null group by campaign_id
    )
    select c.id as campaign_id,
      coalesce(d.recipients, 0) as recipients, coalesce(d.suppressed, 0) as suppressed, coalesce(d.delivered, 0) as delivered,
      coalesce(d.pending, 0) as pending, coalesce(d.failed, 0) as failed, coalesce(r.replied, 0) as replied,
      coalesce(r.replies_total, 0) as "repliesTotal", coalesce(o.opted_out, 0) as "optedOut", coalesce(k.clicked, 0) as clicked,
      coalesce(k.clicks_total, 0) as "clicksTotal", coalesce(s.survey_viewed, 0) as "surveyViewed",
      coalesce(s.survey_responded, 0) as "surveyResponded", coalesce(m.messages, 0) as messages, coalesce(m.credits, 0) as credits
    from campaigns c
    left join delivery d on d.campaign_id = c.id left join replies r on r.campaign_id = c.id
    left join opt_outs o on o.campaign_id = c.id left join clicks k on k.campaign_id = c.id
    left join survey s on s.campaign_id = c.id left join charged m on m.campaign_id = c.id
    where c.account_id = ${accountId}`);
  return new Map(
    rows.map(({ campaign_id, ...counts }) => [
      Number(campaign_id),
      Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value)])) as Recount,
    ]),
  );
}

const view = (changes: Partial<RecipientView>): RecipientView => ({ ...DEFAULT_VIEW, ...changes });
const flag = (name: RecipientFlag) => view({ flags: { ...DEFAULT_VIEW.flags, [name]: true } });

async function planOf(accountId: number) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return { accountId, timeZone: account!.timeZone, monthlyCredits: account!.monthlyCredits, overagePricePerCredit: account!.overagePricePerCredit };
}

/** The tab's numbers and the table's counts for one campaign, against the recount. */
async function expectTabToMatch(ctx: Ctx, campaignId: number, expected: Recount) {
  const campaign = await findCampaign(ctx, campaignId);
  const tab = await campaignTab(ctx, campaign, await planOf(ctx.accountId));
  expect(tab.counters, `campaign ${campaignId}`).toEqual(expected);
  // The table: all rows, each status and each yes/no filter count what the recount says.
  const all = expected.recipients + expected.suppressed;
  expect(await countRecipients(ctx, campaignId, view({}))).toEqual({ count: all, exact: true });
  for (const status of ['delivered', 'pending', 'failed'] as const) {
    expect(await countRecipients(ctx, campaignId, view({ status })), `${campaignId} ${status}`).toEqual({ count: expected[status], exact: true });
  }
  expect((await countRecipients(ctx, campaignId, flag('replied'))).count).toBe(expected.replied);
  expect((await countRecipients(ctx, campaignId, flag('opted_out'))).count).toBe(expected.optedOut);
  expect((await countRecipients(ctx, campaignId, flag('clicked'))).count).toBe(expected.clicked);
  expect((await countRecipients(ctx, campaignId, flag('responded'))).count).toBe(expected.surveyResponded);
  return tab;
}

// The demo data goes first: it seeds an empty database.
describe('the demo data', () => {
  beforeAll(async () => {
    await seedDemoData(process.env.DATABASE_URL!, { scale: 'S', seed: 3, now: new Date('2026-03-10T15:00:00Z'), publicUrl: 'https://pulse.example.test' });
  }, 600_000);

  it('shows, for every campaign of both accounts, numbers equal to the recount from raw rows', async () => {
    const seeded = await db.select({ id: accounts.id }).from(accounts).where(sql`name in ('Demo', 'Other')`);
    expect(seeded).toHaveLength(2);
    let checked = 0;
    for (const { id: accountId } of seeded) {
      expect(await verifyStats(db, { accountId })).toEqual([]);
      const ctx: Ctx = { accountId, userId: null, db };
      const expected = await recount(accountId);
      for (const [campaignId, counts] of expected) {
        await expectTabToMatch(ctx, campaignId, counts);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 600_000);
});

describe('a campaign sent through the real paths', () => {
  it('shows numbers equal to the recount, and each row what happened to that recipient', async () => {
    const world = await campaignWorld({
      contacts: [
        { phone: phoneEndingIn(1), firstName: 'Ana' },
        { phone: phoneEndingIn(2), firstName: 'Bruno' },
        { phone: phoneEndingIn(3), firstName: 'Carla' },
        { phone: phoneEndingIn(4), firstName: 'Davi' },
        { phone: phoneEndingIn(5), firstName: 'Elisa' },
        { phone: phoneEndingIn(6), firstName: 'Fábio' },
        { phone: phoneEndingIn(7), firstName: 'Gil', optedOutAt: new Date('2026-01-01T00:00:00Z') },
        { phone: phoneEndingIn(8), firstName: 'Hana' },
      ],
      body: 'Hi {first_name}, our sale: https://shop.example/sale {survey_link}',
    });
    const { account, campaign, number } = world;
    const ctx: Ctx = { accountId: account.id, userId: null, db };
    await db.update(accounts).set({ monthlyCredits: 5, overagePricePerCredit: 0.05 }).where(eq(accounts.id, account.id));
    const survey = await createSurvey(account.id);
    const [question] = await db
      .insert(surveyQuestions)
      .values({ accountId: account.id, surveyId: survey.id, position: 1, kind: 'rating', prompt: 'How was it?' })
      .returning();
    await db.update(campaigns).set({ surveyId: survey.id }).where(eq(campaigns.id, campaign.id));
    const sent = await sendCampaign(world);
    const byName = new Map(world.contacts.map((c) => [c.firstName, c]));
    const messageOf = (name: string) => sent.find((m) => m.contactId === byName.get(name)!.id)!;

    // The carrier: delivered, unreachable, landline, one still out, one read receipt.
    for (const name of ['Ana', 'Bruno', 'Carla', 'Hana']) await recordStatusCallback({ messageSid: messageOf(name).providerSid!, status: 'delivered', errorCode: null, payload: {} });
    await recordStatusCallback({ messageSid: messageOf('Davi').providerSid!, status: 'undelivered', errorCode: 30003, payload: {} });
    await recordStatusCallback({ messageSid: messageOf('Elisa').providerSid!, status: 'failed', errorCode: 30006, payload: {} });
    await recordStatusCallback({ messageSid: messageOf('Hana').providerSid!, status: 'read', errorCode: null, payload: {} });
    // A late 'sent' after 'delivered' changes nothing.
    await recordStatusCallback({ messageSid: messageOf('Ana').providerSid!, status: 'sent', errorCode: null, payload: {} });

    // Replies (Ana twice), a STOP from Bruno, HELP from Carla (not a reply).
    let sid = 0;
    const text = (name: string, body: string) =>
      receiveInboundText({ messageSid: `SM${(++sid).toString(16).padStart(32, 'a')}`, from: byName.get(name)!.phone, to: number.e164, body, optOutType: null });
    await text('Ana', 'Yes please!');
    await text('Ana', 'Is it on until Sunday? I would like to come with my sister and we can only make it in the afternoon after four.');
    await text('Carla', 'HELP');
    await text('Hana', 'Thanks');
    await text('Bruno', 'STOP');

    // Clicks: Ana twice, Carla once, a link preview of Hana's (not counted).
    const linkOf = async (name: string) =>
      (await db.select({ code: links.code }).from(links).where(and(eq(links.accountId, account.id), eq(links.contactId, byName.get(name)!.id))))[0]!.code;
    const browser = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1';
    await recordLinkVisit({ code: await linkOf('Ana'), method: 'GET', userAgent: browser });
    await recordLinkVisit({ code: await linkOf('Ana'), method: 'GET', userAgent: browser });
    await recordLinkVisit({ code: await linkOf('Carla'), method: 'GET', userAgent: browser });
    await recordLinkVisit({ code: await linkOf('Hana'), method: 'GET', userAgent: 'facebookexternalhit/1.1' });

    // Survey: Ana and Carla open it, Ana answers.
    const tokenOf = async (name: string) =>
      (
        await db
          .select({ token: surveyTokens.token })
          .from(surveyTokens)
          .innerJoin(surveyInvitations, and(eq(surveyInvitations.accountId, surveyTokens.accountId), eq(surveyInvitations.id, surveyTokens.invitationId)))
          .where(and(eq(surveyInvitations.accountId, account.id), eq(surveyInvitations.contactId, byName.get(name)!.id)))
      )[0]!.token;
    await openSurvey(await tokenOf('Ana'));
    await openSurvey(await tokenOf('Carla'));
    await submitSurvey(await tokenOf('Ana'), [{ questionId: question!.id, score: 5 }]);

    expect(await verifyStats(db, { accountId: account.id })).toEqual([]);
    const expected = (await recount(account.id)).get(campaign.id)!;
    // The story above, so the recount itself is checked too.
    expect(expected).toMatchObject({
      recipients: 7, suppressed: 1, delivered: 4, failed: 2, pending: 1,
      replied: 2, repliesTotal: 3, optedOut: 1, clicked: 2, clicksTotal: 3, surveyViewed: 2, surveyResponded: 1,
    });
    const tab = await expectTabToMatch(ctx, campaign.id, expected);

    // The message as Ana's phone showed it, and its cost.
    expect(tab.message.sampleFor).toBe(byName.get('Ana')!.firstName + ' ' + byName.get('Ana')!.lastName);
    expect(tab.message.body).toBe(messageOf('Ana').body);
    expect(tab.message.segments).toBe(messageOf('Ana').segments);
    // The month's only charge: its credits past the allowance of 5, at 0.05 each.
    const overage = Math.max(0, expected.credits - 5);
    expect(tab.overage).toEqual({ credits: overage, money: (overage * 0.05).toFixed(4) });

    // Rows: each recipient's state as the raw rows tell it.
    const rows = new Map<number, RecipientRow>();
    for await (const batch of allRecipients(ctx, campaign.id, view({}))) for (const row of batch) rows.set(row.contactId, row);
    const row = (name: string) => rows.get(byName.get(name)!.id)!;
    expect(rows.size).toBe(8);
    expect(row('Davi')).toMatchObject({ status: 'failed', errorCode: 30003, messageSid: messageOf('Davi').providerSid });
    expect(row('Elisa')).toMatchObject({ status: 'failed', errorCode: 30006 });
    expect(row('Gil')).toMatchObject({ status: 'suppressed', statusReason: 'opted_out', messageSid: null });
    expect(row('Fábio')).toMatchObject({ status: 'pending', messageStatus: 'queued' });
    expect(row('Ana')).toMatchObject({ status: 'delivered', replyCount: 2, clickCount: 2 });
    expect(row('Ana').lastReply).toMatch(/^Is it on until Sunday/);
    expect(row('Ana').surveyRespondedAt).not.toBeNull();
    expect(row('Carla')).toMatchObject({ replyCount: 0, clickCount: 1, surveyRespondedAt: null });
    expect(row('Carla').surveyViewedAt).not.toBeNull();
    expect(row('Bruno').optedOutAt).not.toBeNull();
    expect(row('Hana')).toMatchObject({ status: 'delivered', clickCount: 0, clickedAt: null });
  });

  it('estimates a scheduled campaign from its audience now, leaving opted-out contacts out', async () => {
    const world = await campaignWorld({
      contacts: [{ firstName: 'Ivo' }, { firstName: 'Júlia' }, { firstName: 'Kai', optedOutAt: new Date() }],
      body: 'Hello {first_name}! See https://shop.example/new',
    });
    const ctx: Ctx = { accountId: world.account.id, userId: null, db };
    await db.update(accounts).set({ monthlyCredits: 1, overagePricePerCredit: 0.1 }).where(eq(accounts.id, world.account.id));
    const scheduled = await createCampaign(world.account.id, {
      fromNumberId: world.number.id,
      status: 'scheduled',
      scheduledAt: new Date(Date.now() + 60_000),
      audience: 'all',
      body: world.campaign.body,
    });
    const tab = await campaignTab(ctx, await findCampaign(ctx, scheduled.id), await planOf(world.account.id));
    const reachable = await db.select().from(contacts).where(and(eq(contacts.accountId, world.account.id), sql`opted_out_at is null`));
    expect(tab.estimatedRecipients).toBe(reachable.length);
    // As the first contact will get it, with a link as long as the real one.
    expect(tab.message.body).toMatch(/^Hello Ivo! See https:\/\/pulse\.example\.test\/l\/x{12}$/);
    expect(tab.message.segments).toBe(1);
    const credits = reachable.length * tab.message.segments;
    expect(tab.overage).toEqual({ credits: credits - 1, money: ((credits - 1) * 0.1).toFixed(4) });
    expect(tab.counters.recipients).toBe(0);
  });

  it('is not found from another account', async () => {
    const world = await campaignWorld({ contacts: [{ firstName: 'Lia' }] });
    const other = await campaignWorld({ contacts: [{ firstName: 'Mia' }] });
    await expect(findCampaign({ accountId: other.account.id, userId: null, db }, world.campaign.id)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

