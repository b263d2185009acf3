// The Survey results tab's numbers, checked against a recount from the raw rows: a
// campaign sent through the real fan-out, recipients who open, skip, and answer every
// kind of question, and a second campaign answering the same survey that must not count.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { campaignStats } from '@/db/schema';
import { Random } from '@/db/seed/random';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { verifyStats } from '@/lib/stats';
import { answerSurvey, openSurvey } from '@/lib/surveys/responses';
import {
  awaitingPage,
  loadSurveyTab,
  npsSummary,
  ratingSummary,
  recipientSurvey,
  respondentsPage,
  surveySummary,
  TEXT_ANSWERS_PER_PAGE,
  type Page,
  type QuestionSummary,
  type SurveyTab,
} from '@/lib/surveys/results';
import { createAccount, createCampaign } from '../../support/factories';
import { sendCampaign, stopTestBoss, useTwilioTestEnvironment } from '../../support/messaging';
import { CHOICES, formOf, surveyCampaign, type SurveyWorld } from './helpers';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

const CONTACTS = 40;
let world: SurveyWorld;
let ctx: Ctx;
let tab: SurveyTab;

type RawAnswer = { question_id: number; choices: string[] | null; score: number | null; text: string | null; id: number; contact_id: number };

/** Every answer of the campaign, straight from the table, newest first. */
async function rawAnswers(campaignId: number): Promise<RawAnswer[]> {
  const rows = await db.execute<RawAnswer>(sql`
    select a.question_id::int as question_id, a.choices, a.score, a.text, a.id::int as id, i.contact_id::int as contact_id
    from survey_answers a join survey_invitations i on i.account_id = a.account_id and i.id = a.invitation_id
    where i.account_id = ${ctx.accountId} and i.campaign_id = ${campaignId}
    order by a.created_at desc, a.id desc`);
  return [...rows];
}

function summaryOf<K extends QuestionSummary['kind']>(summary: Map<number, QuestionSummary>, id: number, kind: K) {
  const result = summary.get(id);
  expect(result?.kind).toBe(kind);
  return result as QuestionSummary & { kind: K };
}

beforeAll(async () => {
  world = await surveyCampaign({ contacts: CONTACTS });
  ctx = { accountId: world.account.id, userId: null, db };
  const random = new Random(20261125);
  const base = Date.UTC(2026, 9, 1, 12, 0, 0);
  const { q } = world;

  for (const [i, invitation] of world.invitations.entries()) {
    if (i % 10 === 9) continue; // never opens the link
    await openSurvey(invitation.token, new Date(base + i * 60_000));
    if (i % 10 === 8 && random.chance(0.5)) await openSurvey(invitation.token, new Date(base + i * 60_000 + 5000)); // opens twice
    if (i % 10 === 8) continue; // opens, never answers
    const shopped = CHOICES.shoppedFor.filter(() => random.chance(0.45));
    const fields = {
      [`q_${q.single_choice.id}`]: random.pick(CHOICES.heardFrom),
      [`q_${q.multiple_choice.id}`]: shopped.length > 0 ? shopped : undefined,
      [`q_${q.rating.id}`]: String(random.int(1, 5)),
      [`q_${q.nps.id}`]: String(random.int(0, 10)),
      [`q_${q.free_text.id}`]: random.chance(0.7) ? `Note ${i}: ${random.pick(['more parking', 'great staff', 'open earlier'])}` : undefined,
    };
    // Pairs of recipients submit in the same microsecond, so the tie-break decides their order.
    const at = new Date(base + 86_400_000 + Math.floor(i / 2) * 90_000);
    expect(await answerSurvey(invitation.token, formOf(fields), at)).toEqual({ status: 'saved' });
  }

  // A second campaign of the same account sends the same survey; its answers are its own.
  const other = await createCampaign(world.account.id, { fromNumberId: world.number.id, status: 'sending', sentAt: new Date(), surveyId: world.survey.id, body: 'Again: {survey_link}' });
  await db.insert(campaignStats).values({ accountId: world.account.id, campaignId: other.id });
  await sendCampaign({ ...world, campaign: other });
  const otherTokens = await db.execute<{ token: string }>(sql`select token from survey_invitations where account_id = ${ctx.accountId} and campaign_id = ${other.id}`);
  for (const { token } of otherTokens) {
    await answerSurvey(token, formOf({ [`q_${q.single_choice.id}`]: 'Google', [`q_${q.rating.id}`]: '1', [`q_${q.nps.id}`]: '0', [`q_${q.free_text.id}`]: 'other campaign' }));
  }

  tab = await loadSurveyTab(ctx, world.campaign.id);
}, 180_000);

describe('survey results tab', () => {
  it('counts views and responses as the campaign’s distinct recipients who opened and who submitted', async () => {
    const [recount] = await db.execute<{ recipients: number; views: number; responses: number }>(sql`
      select
        (select count(*)::int from campaign_recipients where account_id = ${ctx.accountId} and campaign_id = ${world.campaign.id} and status <> 'suppressed') as recipients,
        (select count(distinct contact_id)::int from survey_invitations where account_id = ${ctx.accountId} and campaign_id = ${world.campaign.id} and viewed_at is not null) as views,
        (select count(distinct contact_id)::int from survey_invitations where account_id = ${ctx.accountId} and campaign_id = ${world.campaign.id} and submitted_at is not null) as responses`);
    expect(tab.counts).toEqual(recount);
    expect(tab.counts).toEqual({ recipients: CONTACTS, views: 36, responses: 32 });
    expect(await verifyStats(db, { accountId: ctx.accountId })).toEqual([]);
  });

  it('lists the questions in the survey’s order', () => {
    expect(tab.questions.map((question) => question.kind)).toEqual(['single_choice', 'multiple_choice', 'rating', 'nps', 'free_text']);
  });

  it('counts each choice over the people who answered the question, choices of several answers included', async () => {
    const summary = await surveySummary(ctx, tab);
    const raw = await rawAnswers(world.campaign.id);
    for (const question of [world.q.single_choice, world.q.multiple_choice]) {
      const answers = raw.filter((a) => a.question_id === question.id);
      const result = summaryOf(summary, question.id, question.kind as 'single_choice' | 'multiple_choice');
      expect(result.answered).toBe(answers.length);
      expect(result.tallies.map((t) => t.choice)).toEqual(question.choices);
      for (const tally of result.tallies) {
        expect(tally.count, tally.choice).toBe(answers.filter((a) => a.choices!.includes(tally.choice)).length);
      }
    }
    const multiple = summaryOf(summary, world.q.multiple_choice.id, 'multiple_choice');
    // Several choices per answer: the tallies add up to more than the people who answered.
    expect(multiple.tallies.reduce((sum, t) => sum + t.count, 0)).toBeGreaterThan(multiple.answered);
    // The other campaign answered "Google" every time; none of it shows here.
    const single = summaryOf(summary, world.q.single_choice.id, 'single_choice');
    expect(single.answered).toBe(tab.counts.responses);
  });

  it('gives the average rating to one decimal and the NPS as counted by hand', async () => {
    const summary = await surveySummary(ctx, tab);
    const raw = await rawAnswers(world.campaign.id);
    const ratings = raw.filter((a) => a.question_id === world.q.rating.id).map((a) => a.score!);
    const rating = summaryOf(summary, world.q.rating.id, 'rating');
    expect(rating.answered).toBe(ratings.length);
    expect(rating.distribution).toEqual([1, 2, 3, 4, 5].map((s) => ratings.filter((r) => r === s).length));
    expect(rating.average).toBe(Number((ratings.reduce((a, b) => a + b, 0) / ratings.length).toFixed(1)));

    const scores = raw.filter((a) => a.question_id === world.q.nps.id).map((a) => a.score!);
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    const nps = summaryOf(summary, world.q.nps.id, 'nps');
    expect(nps).toMatchObject({ answered: scores.length, promoters, detractors, passives: scores.length - promoters - detractors });
    expect(nps.distribution).toEqual(Array.from({ length: 11 }, (_, s) => scores.filter((x) => x === s).length));
    const exact = ((promoters - detractors) / scores.length) * 100;
    expect(nps.score).toBe(Math.sign(exact) * Math.round(Math.abs(exact))); // half a point away from zero
  });

  it('rounds an NPS or an average exactly half-way away from zero, and has none without answers', () => {
    // Of 8 people, 1 promoter and 2 detractors: −12.5 → −13; 2 promoters and 1 detractor: +12.5 → 13.
    expect(npsSummary([2, 0, 0, 0, 0, 0, 0, 5, 0, 1, 0]).score).toBe(-13);
    expect(npsSummary([1, 0, 0, 0, 0, 0, 0, 5, 0, 2, 0]).score).toBe(13);
    expect(npsSummary([0, 0, 0, 0, 0, 0, 1, 6, 0, 1, 0]).score).toBe(0);
    expect(npsSummary([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]).score).toBe(100);
    expect(npsSummary(Array.from({ length: 11 }, () => 0)).score).toBeNull();
    expect(ratingSummary([0, 0, 1, 1, 0]).average).toBe(3.5);
    expect(ratingSummary([0, 0, 0, 0, 0]).average).toBeNull();
  });

  it('pages through every written answer newest first, and back again', async () => {
    const raw = (await rawAnswers(world.campaign.id)).filter((a) => a.question_id === world.q.free_text.id);
    expect(raw.length).toBeGreaterThan(2 * TEXT_ANSWERS_PER_PAGE);
    const pageOf = async (cursor: string | null) => {
      const summary = await surveySummary(ctx, tab, { question: world.q.free_text.id, cursor });
      return summaryOf(summary, world.q.free_text.id, 'free_text').answers;
    };
    const forwards = await walk(pageOf, 'older');
    expect(forwards.pages[0]!.newer).toBeNull();
    expect(forwards.rows.map((r) => r.answerId)).toEqual(raw.map((a) => a.id));
    expect(forwards.rows.map((r) => r.text)).toEqual(raw.map((a) => a.text));
    expect(forwards.rows.every((r) => r.name.startsWith('Person'))).toBe(true);

    const last = forwards.pages.at(-1)!;
    const backwards = await walk(pageOf, 'newer', last.newer);
    expect([...backwards.rows, ...last.rows].map((r) => r.answerId)).toEqual(raw.map((a) => a.id));
  });

  it('lists respondents latest first with a stable tie-break, each linked to the ones before and after', async () => {
    const expected = await db.execute<{ contact_id: number }>(sql`
      select contact_id::int as contact_id from survey_invitations
      where account_id = ${ctx.accountId} and campaign_id = ${world.campaign.id} and submitted_at is not null
      order by submitted_at desc, id desc`);
    const order = expected.map((r) => r.contact_id);
    const listed = await walk((cursor) => respondentsPage(ctx, tab, cursor), 'older');
    expect(listed.rows.map((r) => r.contactId)).toEqual(order);

    const raw = await rawAnswers(world.campaign.id);
    for (const [index, contactId] of order.entries()) {
      const recipient = (await recipientSurvey(ctx, tab, contactId))!;
      expect(recipient.newer).toBe(order[index - 1] ?? null);
      expect(recipient.older).toBe(order[index + 1] ?? null);
      const theirs = raw.filter((a) => a.contact_id === contactId);
      expect(recipient.answers.size).toBe(theirs.length);
      for (const a of theirs) expect(recipient.answers.get(a.question_id)).toEqual({ choices: a.choices, score: a.score, text: a.text });
    }
  });

  it('lists the recipients who have not answered by name, with their survey link', async () => {
    const expected = await db.execute<{ contact_id: number }>(sql`
      select r.contact_id::int as contact_id from campaign_recipients r
      where r.account_id = ${ctx.accountId} and r.campaign_id = ${world.campaign.id} and r.survey_responded_at is null and r.status <> 'suppressed'
      order by r.sort_name, r.contact_id`);
    const listed = await walk((cursor) => awaitingPage(ctx, tab, cursor), 'older');
    expect(listed.rows.map((r) => r.contactId)).toEqual(expected.map((r) => r.contact_id));
    expect(listed.rows).toHaveLength(tab.counts.recipients - tab.counts.responses);

    const waiting = (await recipientSurvey(ctx, tab, listed.rows[0]!.contactId))!;
    const invitation = world.invitations.find((i) => i.contactId === waiting.contactId)!;
    expect(waiting).toMatchObject({ submittedAt: null, token: invitation.token, newer: null, older: null });
    expect(waiting.answers.size).toBe(0);
  });

  it('finds no recipient for a contact the campaign did not text', async () => {
    expect(await recipientSurvey(ctx, tab, 987_654_321)).toBeNull();
  });

  it('reads a hand-edited or foreign cursor as the first page', async () => {
    const first = await respondentsPage(ctx, tab, null);
    for (const cursor of ['a.bm90IGpzb24', 'b.WyJ4Il0', 'a.WzEsMiwzXQ', 'x.123']) {
      expect(await respondentsPage(ctx, tab, cursor)).toEqual(first);
    }
  });

  it('is not found for another account’s campaign or a campaign without a survey', async () => {
    const stranger = await createAccount();
    await expect(loadSurveyTab({ accountId: stranger.id, userId: null, db }, world.campaign.id)).rejects.toBeInstanceOf(NotFoundError);
    const plain = await createCampaign(world.account.id, { fromNumberId: world.number.id });
    await expect(loadSurveyTab(ctx, plain.id)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, ctx.accountId), eq(campaignStats.campaignId, world.campaign.id)));
    expect(row?.surveyResponded).toBe(tab.counts.responses);
  });
});

/** Follows a list's cursors in one direction until the end, collecting the pages. */
async function walk<T>(pageAt: (cursor: string | null) => Promise<Page<T>>, direction: 'older' | 'newer', start: string | null = null) {
  const pages: Page<T>[] = [];
  let cursor = start;
  for (let guard = 0; guard < 100; guard++) {
    const page = await pageAt(cursor);
    pages.push(page);
    cursor = page[direction];
    if (cursor === null) break;
  }
  if (direction === 'newer') pages.reverse();
  return { pages, rows: pages.flatMap((p) => p.rows) };
}
