// Reads for a campaign's Survey results tab: the campaign and its survey, views and
// responses from campaign_stats, one grouped query per question kind over the
// campaign's answers, and the respondents (and those not answered yet) in keyset pages.
import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { campaignStats, campaigns, surveyQuestions, surveys } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import type { SurveyQuestion } from './responses';
import { decodeCursor, encodeCursor, type Cursor } from './survey-params';

export type SurveyTab = {
  campaign: { id: number; name: string; status: (typeof campaigns.$inferSelect)['status']; sentAt: Date | null; scheduledAt: Date | null };
  survey: { id: number; name: string };
  questions: SurveyQuestion[];
  /** Distinct recipients (campaign_stats): messaged, who opened their link, who submitted. */
  counts: { recipients: number; views: number; responses: number };
};

/** The campaign with its survey; NotFoundError when it is another account's or has no survey. */
export async function loadSurveyTab(ctx: Ctx, campaignId: number): Promise<SurveyTab> {
  const [row] = await ctx.db
    .select({
      campaign: { id: campaigns.id, name: campaigns.name, status: campaigns.status, sentAt: campaigns.sentAt, scheduledAt: campaigns.scheduledAt },
      survey: { id: surveys.id, name: surveys.name },
      recipients: campaignStats.recipients,
      views: campaignStats.surveyViewed,
      responses: campaignStats.surveyResponded,
    })
    .from(campaigns)
    .innerJoin(surveys, and(eq(surveys.accountId, campaigns.accountId), eq(surveys.id, campaigns.surveyId)))
    .leftJoin(campaignStats, and(eq(campaignStats.accountId, campaigns.accountId), eq(campaignStats.campaignId, campaigns.id)))
    .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
  if (!row) throw new NotFoundError('campaign survey', campaignId);
  const questions = await ctx.db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.accountId, ctx.accountId), eq(surveyQuestions.surveyId, row.survey.id)))
    .orderBy(asc(surveyQuestions.position));
  return {
    campaign: row.campaign,
    survey: row.survey,
    questions,
    // A campaign still being drafted has no counters row yet.
    counts: { recipients: row.recipients ?? 0, views: row.views ?? 0, responses: row.responses ?? 0 },
  };
}

// ---- Summary -------------------------------------------------------------------

export type ChoiceTally = { choice: string; count: number; /** False for a choice removed from the survey since. */ offered: boolean };
export type TextAnswer = { answerId: number; contactId: number; name: string; phone: string; at: Date; text: string };
export type Page<T> = { rows: T[]; newer: string | null; older: string | null };

export type QuestionSummary =
  | { kind: 'single_choice' | 'multiple_choice'; answered: number; tallies: ChoiceTally[] }
  | { kind: 'rating'; answered: number; /** Index 0 is a rating of 1. */ distribution: number[]; average: number | null }
  | { kind: 'nps'; answered: number; /** Index = score 0–10. */ distribution: number[]; promoters: number; passives: number; detractors: number; score: number | null }
  | { kind: 'free_text'; answered: number; answers: Page<TextAnswer> };

export const TEXT_ANSWERS_PER_PAGE = 10;

/**
 * Answers `a` to the given questions from the campaign's respondents. Read through the
 * respondents' invitations (an index on survey and submission time), not by scanning
 * every invitation the campaign sent.
 */
function campaignAnswersOf(ctx: Ctx, tab: SurveyTab, questionIds: number[]): SQL {
  return sql`a.account_id = ${ctx.accountId}
    and a.question_id in (${sql.join(questionIds.map((id) => sql`${id}`), sql`, `)})
    and a.invitation_id in (select i.id from survey_invitations i where ${respondedInvitations(ctx, tab)})`;
}

/**
 * Every question's results. `paged` names the free-text question whose answers are
 * read from `cursor`; the others show their newest answers.
 */
export async function surveySummary(
  ctx: Ctx,
  tab: SurveyTab,
  paged: { question: number | null; cursor: string | null } = { question: null, cursor: null },
): Promise<Map<number, QuestionSummary>> {
  const ofKind = (...kinds: SurveyQuestion['kind'][]) => tab.questions.filter((q) => kinds.includes(q.kind)).map((q) => q.id);
  const choiceIds = ofKind('single_choice', 'multiple_choice');
  const scoreIds = ofKind('rating', 'nps');
  const textIds = ofKind('free_text');
  const [choiceRows, scoreRows, textCounts, textPages] = await Promise.all([
    choiceIds.length === 0
      ? []
      : // The per-question row (choice null) counts answers: each answer has exactly one first choice.
        ctx.db.execute<{ question_id: number; choice: string | null; mentions: number; answers: number }>(sql`
          select a.question_id::int as question_id, c.choice, count(*)::int as mentions,
                 count(*) filter (where c.n = 1)::int as answers
          from survey_answers a
          cross join lateral jsonb_array_elements_text(a.choices) with ordinality as c(choice, n)
          where ${campaignAnswersOf(ctx, tab, choiceIds)}
          group by grouping sets ((a.question_id, c.choice), (a.question_id))`),
    scoreIds.length === 0
      ? []
      : ctx.db.execute<{ question_id: number; score: number; answers: number }>(sql`
          select a.question_id::int as question_id, a.score::int as score, count(*)::int as answers
          from survey_answers a
          where ${campaignAnswersOf(ctx, tab, scoreIds)} and a.score is not null
          group by a.question_id, a.score`),
    textIds.length === 0
      ? []
      : ctx.db.execute<{ question_id: number; answers: number }>(sql`
          select a.question_id::int as question_id, count(*)::int as answers
          from survey_answers a
          where ${campaignAnswersOf(ctx, tab, textIds)} and a.text is not null
          group by a.question_id`),
    Promise.all(textIds.map((id) => textAnswers(ctx, tab, id, id === paged.question ? paged.cursor : null))),
  ]);

  const results = new Map<number, QuestionSummary>();
  for (const q of tab.questions) {
    switch (q.kind) {
      case 'single_choice':
      case 'multiple_choice': {
        const rows = [...choiceRows].filter((r) => Number(r.question_id) === q.id);
        const mentions = new Map(rows.filter((r) => r.choice !== null).map((r) => [r.choice!, r.mentions]));
        const tallies: ChoiceTally[] = q.choices.map((choice) => ({ choice, count: mentions.get(choice) ?? 0, offered: true }));
        for (const [choice, count] of mentions) if (!q.choices.includes(choice)) tallies.push({ choice, count, offered: false });
        results.set(q.id, { kind: q.kind, answered: rows.find((r) => r.choice === null)?.answers ?? 0, tallies });
        break;
      }
      case 'rating':
      case 'nps': {
        const [min, max] = q.kind === 'rating' ? [1, 5] : [0, 10];
        const distribution = Array.from({ length: max - min + 1 }, () => 0);
        for (const r of scoreRows) if (r.question_id === q.id && r.score >= min && r.score <= max) distribution[r.score - min] = r.answers;
        results.set(q.id, q.kind === 'rating' ? ratingSummary(distribution) : npsSummary(distribution));
        break;
      }
      case 'free_text':
        results.set(q.id, {
          kind: 'free_text',
          answered: [...textCounts].find((r) => r.question_id === q.id)?.answers ?? 0,
          answers: textPages[textIds.indexOf(q.id)]!,
        });
        break;
    }
  }
  return results;
}

/** Average rating, rounded to one decimal as shown. */
export function ratingSummary(distribution: number[]): QuestionSummary & { kind: 'rating' } {
  const answered = distribution.reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
  return { kind: 'rating', answered, distribution, average: answered === 0 ? null : Math.round((total * 10) / answered) / 10 };
}

/** Net Promoter Score: % promoters (9–10) − % detractors (0–6), a whole number from −100 to 100. */
export function npsSummary(distribution: number[]): QuestionSummary & { kind: 'nps' } {
  const sum = (from: number, to: number) => distribution.slice(from, to + 1).reduce((s, n) => s + n, 0);
  const detractors = sum(0, 6);
  const passives = sum(7, 8);
  const promoters = sum(9, 10);
  const answered = detractors + passives + promoters;
  const exact = answered === 0 ? null : (100 * (promoters - detractors)) / answered;
  // Half a point rounds away from zero, the same on both sides of zero.
  const score = exact === null ? null : Math.sign(exact) * Math.round(Math.abs(exact)) || 0;
  return { kind: 'nps', answered, distribution, promoters, passives, detractors, score };
}

async function textAnswers(ctx: Ctx, tab: SurveyTab, questionId: number, rawCursor: string | null): Promise<Page<TextAnswer>> {
  const cursor = decodeCursor(rawCursor, ['integer', 'integer']);
  const rows = await ctx.db.execute<{ answer_id: number; contact_id: number; name: string; phone: string; at: string; text: string; micros: string }>(sql`
    select a.id::float8 as answer_id, i.contact_id::float8 as contact_id, r.name, r.phone, a.created_at as at, a.text,
           ${micros(sql`a.created_at`)} as micros
    from survey_answers a
    join survey_invitations i on i.account_id = a.account_id and i.id = a.invitation_id
    join campaign_recipients r on r.account_id = i.account_id and r.campaign_id = i.campaign_id and r.contact_id = i.contact_id
    where a.account_id = ${ctx.accountId} and a.question_id = ${questionId} and a.text is not null and ${respondedInvitations(ctx, tab)}
      ${keysetCondition(sql`a.created_at`, sql`a.id`, 'desc', cursor)}
    ${keysetOrder(sql`a.created_at`, sql`a.id`, 'desc', cursor)}
    limit ${TEXT_ANSWERS_PER_PAGE + 1}`);
  return pageOf([...rows], TEXT_ANSWERS_PER_PAGE, cursor, (r) => [Number(r.micros), r.answer_id], (r) => ({
    answerId: r.answer_id,
    contactId: r.contact_id,
    name: r.name,
    phone: r.phone,
    at: new Date(r.at),
    text: r.text,
  }));
}

// ---- Respondents ----------------------------------------------------------------

export type Respondent = { contactId: number; name: string; phone: string; submittedAt: Date };
export type AwaitingRecipient = { contactId: number; name: string; phone: string; viewedAt: Date | null };

export const RESPONDENTS_PER_PAGE = 20;

/** Who answered, latest first (keyset on submitted_at, invitation id). */
export async function respondentsPage(ctx: Ctx, tab: SurveyTab, rawCursor: string | null): Promise<Page<Respondent>> {
  const cursor = decodeCursor(rawCursor, ['integer', 'integer']);
  const rows = await ctx.db.execute<{ id: number; contact_id: number; name: string; phone: string; submitted_at: string; micros: string }>(sql`
    select i.id::float8 as id, i.contact_id::float8 as contact_id, r.name, r.phone, i.submitted_at, ${micros(sql`i.submitted_at`)} as micros
    from survey_invitations i
    join campaign_recipients r on r.account_id = i.account_id and r.campaign_id = i.campaign_id and r.contact_id = i.contact_id
    where ${respondedInvitations(ctx, tab)}
      ${keysetCondition(sql`i.submitted_at`, sql`i.id`, 'desc', cursor)}
    ${keysetOrder(sql`i.submitted_at`, sql`i.id`, 'desc', cursor)}
    limit ${RESPONDENTS_PER_PAGE + 1}`);
  return pageOf([...rows], RESPONDENTS_PER_PAGE, cursor, (r) => [Number(r.micros), r.id], (r) => ({
    contactId: r.contact_id,
    name: r.name,
    phone: r.phone,
    submittedAt: new Date(r.submitted_at),
  }));
}

/** Recipients who have not answered yet, by name (keyset on sort_name, contact id). */
export async function awaitingPage(ctx: Ctx, tab: SurveyTab, rawCursor: string | null): Promise<Page<AwaitingRecipient>> {
  const cursor = decodeCursor(rawCursor, ['string', 'integer']);
  const rows = await ctx.db.execute<{ contact_id: number; name: string; sort_name: string; phone: string; viewed_at: string | null }>(sql`
    select r.contact_id::float8 as contact_id, r.name, r.sort_name, r.phone, r.survey_viewed_at as viewed_at
    from campaign_recipients r
    where r.account_id = ${ctx.accountId} and r.campaign_id = ${tab.campaign.id}
      and r.status <> 'suppressed' and r.survey_responded_at is null
      ${keysetCondition(sql`r.sort_name`, sql`r.contact_id`, 'asc', cursor)}
    ${keysetOrder(sql`r.sort_name`, sql`r.contact_id`, 'asc', cursor)}
    limit ${RESPONDENTS_PER_PAGE + 1}`);
  return pageOf([...rows], RESPONDENTS_PER_PAGE, cursor, (r) => [r.sort_name, r.contact_id], (r) => ({
    contactId: r.contact_id,
    name: r.name,
    phone: r.phone,
    viewedAt: r.viewed_at === null ? null : new Date(r.viewed_at),
  }));
}

export type RecipientAnswer = { choices: string[] | null; score: number | null; text: string | null };

export type RecipientSurvey = {
  contactId: number;
  name: string;
  phone: string;
  viewedAt: Date | null;
  submittedAt: Date | null;
  /** Their personal /s/ token, for a manager who passes the link on; null when none was sent (suppressed). */
  token: string | null;
  answers: Map<number, RecipientAnswer>;
  /** The respondents just before and after them in the latest-first order. */
  newer: number | null;
  older: number | null;
};

/** One recipient of the campaign with their answers; null when the contact is not a recipient. */
export async function recipientSurvey(ctx: Ctx, tab: SurveyTab, contactId: number): Promise<RecipientSurvey | null> {
  const [row] = await ctx.db.execute<{
    name: string;
    phone: string;
    invitation_id: number | null;
    token: string | null;
    viewed_at: string | null;
    submitted_at: string | null;
  }>(sql`
    select r.name, r.phone, i.id::float8 as invitation_id, i.token, i.viewed_at, i.submitted_at
    from campaign_recipients r
    left join lateral (
      select id, token, viewed_at, submitted_at from survey_invitations
      where account_id = r.account_id and campaign_id = r.campaign_id and contact_id = r.contact_id
      order by submitted_at desc nulls last, id
      limit 1
    ) i on true
    where r.account_id = ${ctx.accountId} and r.campaign_id = ${tab.campaign.id} and r.contact_id = ${contactId}`);
  if (!row) return null;

  const recipient: RecipientSurvey = {
    contactId,
    name: row.name,
    phone: row.phone,
    viewedAt: row.viewed_at === null ? null : new Date(row.viewed_at),
    submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
    token: row.token,
    answers: new Map(),
    newer: null,
    older: null,
  };
  if (row.invitation_id === null || row.submitted_at === null) return recipient;

  const at = sql`(select submitted_at from survey_invitations where account_id = ${ctx.accountId} and id = ${row.invitation_id})`;
  const neighbour = (comparison: SQL, direction: SQL) => sql`(
    select i.contact_id::float8 from survey_invitations i
    where ${respondedInvitations(ctx, tab)} and (i.submitted_at, i.id) ${comparison} (${at}, ${row.invitation_id})
    order by i.submitted_at ${direction}, i.id ${direction} limit 1)`;
  const [answers, [neighbours]] = await Promise.all([
    ctx.db.execute<{ question_id: number; choices: string[] | null; score: number | null; text: string | null }>(sql`
      select question_id::int as question_id, choices, score, text from survey_answers
      where account_id = ${ctx.accountId} and invitation_id = ${row.invitation_id}`),
    ctx.db.execute<{ newer: number | null; older: number | null }>(
      sql`select ${neighbour(sql`>`, sql`asc`)} as newer, ${neighbour(sql`<`, sql`desc`)} as older`,
    ),
  ]);
  for (const a of answers) recipient.answers.set(a.question_id, { choices: a.choices, score: a.score, text: a.text });
  recipient.newer = neighbours?.newer ?? null;
  recipient.older = neighbours?.older ?? null;
  return recipient;
}

/** The latest respondent's contact id, the individual view's default. */
export async function latestRespondent(ctx: Ctx, tab: SurveyTab): Promise<number | null> {
  const page = await respondentsPage(ctx, tab, null);
  return page.rows[0]?.contactId ?? null;
}

// ---- Keyset helpers ---------------------------------------------------------------

function respondedInvitations(ctx: Ctx, tab: SurveyTab): SQL {
  return sql`i.account_id = ${ctx.accountId} and i.survey_id = ${tab.survey.id} and i.campaign_id = ${tab.campaign.id} and i.submitted_at is not null`;
}

/** A timestamp as whole microseconds since 1970: exact, unlike a JavaScript Date. */
function micros(column: SQL): SQL {
  return sql`(extract(epoch from ${column}) * 1000000)::int8::text`;
}

function keyValue(part: string | number): SQL {
  return typeof part === 'number' ? sql`(timestamptz 'epoch' + ${part}::int8 * interval '1 microsecond')` : sql`${part}`;
}

/**
 * `and (sort, id) > (…)` for the rows after the cursor in list order, `<` for those
 * before it. A time sort key travels as microseconds (see micros()).
 */
function keysetCondition(sortColumn: SQL, idColumn: SQL, order: 'asc' | 'desc', cursor: Cursor | null): SQL {
  if (!cursor) return sql``;
  const [sortKey, id] = cursor.key as [string | number, number];
  const forwards = (cursor.direction === 'after') === (order === 'asc');
  return sql`and (${sortColumn}, ${idColumn}) ${forwards ? sql`>` : sql`<`} (${keyValue(sortKey)}, ${id})`;
}

/** Reading backwards (towards the start of the list) walks the index the other way. */
function keysetOrder(sortColumn: SQL, idColumn: SQL, order: 'asc' | 'desc', cursor: Cursor | null): SQL {
  const reversed = cursor?.direction === 'before';
  const direction = (order === 'asc') !== reversed ? sql`asc` : sql`desc`;
  return sql`order by ${sortColumn} ${direction}, ${idColumn} ${direction}`;
}

/**
 * One page from `limit + 1` fetched rows, in list order, with the cursors of the
 * pages before (`newer`) and after (`older`) it.
 */
function pageOf<R, T>(fetched: R[], limit: number, cursor: Cursor | null, keyOf: (row: R) => Array<string | number>, toRow: (row: R) => T): Page<T> {
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (cursor?.direction === 'before') rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const hasBefore = cursor?.direction === 'before' ? more : cursor !== null;
  const hasAfter = cursor?.direction === 'before' ? true : more;
  return {
    rows: rows.map(toRow),
    newer: hasBefore && first ? encodeCursor('before', keyOf(first)) : null,
    older: hasAfter && last ? encodeCursor('after', keyOf(last)) : null,
  };
}
