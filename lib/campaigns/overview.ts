// Reads for the campaigns overview (/campaigns): the cards over the rolling windows
// and the month's credits, and one keyset page of the campaign list with each row's
// counters (campaign_stats), audience estimate and estimated overage. Everything
// comes from rollups and the campaigns table; no raw event is scanned.
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { campaignStats, campaigns } from '@/db/schema';
import { activityBetween } from '@/lib/billing/activity';
import { campaignOverages, monthlyUsage, type MonthlyUsage, type Overage, type OverageSubject, type Plan } from '@/lib/billing/usage';
import type { Ctx } from '@/lib/context';
import { containsText } from '@/lib/search/contains';
import { last30Days, next30Days, type ZonedWindow } from '@/lib/time/windows';
import { estimatesOf, scheduledOverageSubjects, type Unsent } from './estimates';
import { SORT_KINDS, type CampaignCursor, type CampaignListParams, type CampaignSort } from './list-params';

export const CAMPAIGNS_PER_PAGE = 25;

/** A moment as a query parameter (the driver takes strings in raw SQL, not Dates). */
const instant = (moment: Date) => sql`${moment.toISOString()}::timestamptz`;

export type OverviewCards = {
  last30: ZonedWindow;
  next30: ZonedWindow;
  /** Status scheduled, scheduled_at in the next 30 days. */
  scheduled30d: number;
  /** Status sending or sent, sent_at in the last 30 days. */
  recent30d: number;
  conversations30d: number;
  /** The month's credits; `allowance` and `remaining` are null on unlimited plans. */
  credits: MonthlyUsage;
};

export async function overviewCards(ctx: Ctx, plan: Plan, now: Date): Promise<OverviewCards> {
  const last30 = last30Days(now, plan.timeZone);
  const next30 = next30Days(now, plan.timeZone);
  const [[counts], conversations] = await Promise.all([
    ctx.db.execute<{ scheduled: number; recent: number }>(sql`
      select (select count(*) from ${campaigns} c
                where c.account_id = ${ctx.accountId} and c.status = 'scheduled'
                  and c.scheduled_at >= ${instant(next30.start)} and c.scheduled_at < ${instant(next30.end)})::int as scheduled,
             (select count(*) from ${campaigns} c
                where c.account_id = ${ctx.accountId} and c.status in ('sending', 'sent')
                  and c.sent_at >= ${instant(last30.start)} and c.sent_at < ${instant(last30.end)})::int as recent`),
    activityBetween(ctx.db, ctx.accountId, 'conversations_started', last30.start, last30.end),
  ]);
  const credits = await monthlyUsage(ctx.db, plan, now);
  return {
    last30,
    next30,
    scheduled30d: Number(counts?.scheduled ?? 0),
    recent30d: Number(counts?.recent ?? 0),
    conversations30d: conversations,
    credits,
  };
}

export type CampaignStatus = (typeof campaigns.$inferSelect)['status'];

export type CampaignListRow = {
  id: number;
  name: string;
  status: CampaignStatus;
  hasSurvey: boolean;
  sentAt: Date | null;
  scheduledAt: Date | null;
  createdAt: Date;
  /** False for campaigns that never started sending: they have no results yet. */
  wentOut: boolean;
  /** Recipients messaged; for drafts and scheduled campaigns, the audience as it stands now. */
  recipients: number;
  recipientsEstimated: boolean;
  delivered: number;
  replied: number;
  optedOut: number;
  clicked: number;
  clicksTotal: number;
  surveyResponded: number;
  /** Estimated overage; null where there is nothing to charge (drafts, canceled campaigns). */
  overage: Overage | null;
  /** The row's position, for the page links. */
  sortValue: string | number | null;
};

export type CampaignListPage = {
  rows: CampaignListRow[];
  /** Cursors for the pages before and after this one, when they exist. */
  previous: CampaignCursor | null;
  next: CampaignCursor | null;
};

// The allow-list of orders. Counts of campaigns that never went out are null, so
// they sort last in either direction rather than posing as zeros among real results.
const stat = (column: SQL) => sql`case when ${campaigns.sentAt} is null then null else coalesce(${column}, 0) end`;
const SORT_EXPRESSIONS: Record<CampaignSort, SQL> = {
  recent: sql`coalesce(${campaigns.sentAt}, ${campaigns.scheduledAt}, ${campaigns.createdAt})`,
  name: sql`lower(${campaigns.name})`,
  sent_at: sql`${campaigns.sentAt}`,
  scheduled_at: sql`${campaigns.scheduledAt}`,
  recipients: stat(sql`${campaignStats.recipients}`),
  delivered: stat(sql`${campaignStats.delivered}`),
  replies: stat(sql`${campaignStats.replied}`),
  opt_outs: stat(sql`${campaignStats.optedOut}`),
  link_clicks: stat(sql`${campaignStats.clicked}`),
  survey_responses: stat(sql`${campaignStats.surveyResponded}`),
};

/** The sort value as the cursor keeps it: times in UTC to the microsecond, so no row is skipped or repeated. */
function cursorValueOf(sort: CampaignSort): SQL {
  const expression = SORT_EXPRESSIONS[sort];
  return SORT_KINDS[sort] === 'time'
    ? sql`to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : expression;
}

function cursorParam(sort: CampaignSort, value: string | number): SQL {
  switch (SORT_KINDS[sort]) {
    case 'time':
      return sql`${value}::timestamptz`;
    case 'count':
      return sql`${value}::int`;
    case 'text':
      return sql`${value}::text`;
  }
}

/**
 * Rows strictly after (or before) the cursor in list order `expression dir nulls last, id dir`.
 * Null sort values come last whatever the direction, so they are compared apart.
 */
function keysetCondition(sort: CampaignSort, dir: 'asc' | 'desc', cursor: CampaignCursor): SQL {
  const expression = SORT_EXPRESSIONS[sort];
  const forward = (dir === 'asc') === (cursor.direction === 'after');
  const beyond = forward ? sql.raw('>') : sql.raw('<');
  const id = sql`${campaigns.id} ${beyond} ${cursor.id}`;
  if (cursor.direction === 'after') {
    if (cursor.value === null) return sql`(${expression} is null and ${id})`;
    const value = cursorParam(sort, cursor.value);
    return sql`(${expression} is null or ${expression} ${beyond} ${value} or (${expression} = ${value} and ${id}))`;
  }
  if (cursor.value === null) return sql`(${expression} is not null or ${id})`;
  const value = cursorParam(sort, cursor.value);
  return sql`(${expression} is not null and (${expression} ${beyond} ${value} or (${expression} = ${value} and ${id})))`;
}

export async function listCampaigns(ctx: Ctx, plan: Plan, params: CampaignListParams, now: Date): Promise<CampaignListPage> {
  const { sort, dir, cursor } = params;
  const expression = SORT_EXPRESSIONS[sort];
  const backwards = cursor?.direction === 'before';
  // Reading backwards walks the list order reversed from the cursor, then turns the page round.
  const readDir = sql.raw((dir === 'asc') !== backwards ? 'asc' : 'desc');
  const nulls = sql.raw(backwards ? 'nulls first' : 'nulls last');
  const conditions = filtersOf(ctx, params);
  if (cursor) conditions.push(keysetCondition(sort, dir, cursor));

  const fetched = await ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      audience: campaigns.audience,
      body: campaigns.body,
      surveyId: campaigns.surveyId,
      estimatedRecipients: campaigns.estimatedRecipients,
      estimatedCredits: campaigns.estimatedCredits,
      sentAt: campaigns.sentAt,
      scheduledAt: campaigns.scheduledAt,
      createdAt: campaigns.createdAt,
      recipients: sql<number>`coalesce(${campaignStats.recipients}, 0)`,
      delivered: sql<number>`coalesce(${campaignStats.delivered}, 0)`,
      replied: sql<number>`coalesce(${campaignStats.replied}, 0)`,
      optedOut: sql<number>`coalesce(${campaignStats.optedOut}, 0)`,
      clicked: sql<number>`coalesce(${campaignStats.clicked}, 0)`,
      clicksTotal: sql<number>`coalesce(${campaignStats.clicksTotal}, 0)`,
      surveyResponded: sql<number>`coalesce(${campaignStats.surveyResponded}, 0)`,
      sortValue: sql<string | number | null>`${cursorValueOf(sort)}`,
    })
    .from(campaigns)
    .leftJoin(campaignStats, and(eq(campaignStats.accountId, campaigns.accountId), eq(campaignStats.campaignId, campaigns.id)))
    .where(and(...conditions))
    .orderBy(sql`${expression} ${readDir} ${nulls}`, sql`${campaigns.id} ${readDir}`)
    .limit(CAMPAIGNS_PER_PAGE + 1);

  const more = fetched.length > CAMPAIGNS_PER_PAGE;
  const page = fetched.slice(0, CAMPAIGNS_PER_PAGE);
  if (backwards) page.reverse();

  const { estimates, overages } = await estimatesAndOverages(ctx, plan, page, now);

  const rows = page.map((c): CampaignListRow => {
    const estimate = estimates.get(c.id);
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      hasSurvey: c.surveyId !== null,
      sentAt: c.sentAt,
      scheduledAt: c.scheduledAt,
      createdAt: c.createdAt,
      wentOut: c.sentAt !== null,
      recipients: estimate?.recipients ?? Number(c.recipients),
      recipientsEstimated: estimate !== undefined,
      delivered: Number(c.delivered),
      replied: Number(c.replied),
      optedOut: Number(c.optedOut),
      clicked: Number(c.clicked),
      clicksTotal: Number(c.clicksTotal),
      surveyResponded: Number(c.surveyResponded),
      overage: overages.get(c.id) ?? null,
      sortValue: SORT_KINDS[sort] === 'count' && c.sortValue !== null ? Number(c.sortValue) : c.sortValue,
    };
  });

  const at = (row: CampaignListRow | undefined, direction: 'after' | 'before'): CampaignCursor | null =>
    row ? { direction, sort, dir, value: row.sortValue, id: row.id } : null;
  const hasPrevious = backwards ? more : cursor !== null;
  const hasNext = backwards ? true : more;
  return {
    rows,
    previous: hasPrevious ? at(rows[0], 'before') : null,
    next: hasNext ? at(rows.at(-1), 'after') : null,
  };
}

function filtersOf(ctx: Ctx, params: Pick<CampaignListParams, 'q' | 'status'>): SQL[] {
  const conditions: SQL[] = [sql`${campaigns.accountId} = ${ctx.accountId}`];
  if (params.status) conditions.push(sql`${campaigns.status} = ${params.status}`);
  if (params.q) conditions.push(containsText(sql`lower(${campaigns.name})`, params.q.toLowerCase()));
  return conditions;
}

/**
 * How many campaigns match the search and status, and how many the account has at
 * all (no campaigns is the empty state; none matching is a different page).
 */
export async function countCampaigns(ctx: Ctx, params: Pick<CampaignListParams, 'q' | 'status'>) {
  const [row] = await ctx.db
    .select({
      matching: sql<number>`count(*) filter (where ${and(...filtersOf(ctx, params))})::int`,
      all: sql<number>`count(*)::int`,
    })
    .from(campaigns)
    .where(eq(campaigns.accountId, ctx.accountId));
  return { matching: row?.matching ?? 0, all: row?.all ?? 0 };
}

type PageCampaign = Unsent & { status: CampaignStatus; sentAt: Date | null; scheduledAt: Date | null };

/**
 * The audience estimates of the page's drafts and scheduled campaigns (stored by the
 * worker, lib/campaigns/estimates.ts), and the estimated overage of its charged
 * campaigns: sent and sending ones from their credits, scheduled ones from their
 * estimate. A scheduled campaign is charged after every campaign scheduled before it
 * in its month, on this page or not, so its figure does not depend on the filters or
 * the page.
 */
async function estimatesAndOverages(ctx: Ctx, plan: Plan, page: PageCampaign[], now: Date) {
  const estimates = await estimatesOf(
    ctx,
    page.filter((c) => c.status === 'draft' || c.status === 'scheduled'),
  );
  const scheduled = page.flatMap((c) => (c.status === 'scheduled' && c.scheduledAt !== null ? [{ scheduledAt: c.scheduledAt }] : []));
  const subjects: OverageSubject[] = page.flatMap((c): OverageSubject[] =>
    (c.status === 'sent' || c.status === 'sending') && c.sentAt ? [{ id: c.id, kind: 'sent', sentAt: c.sentAt }] : [],
  );
  subjects.push(...(await scheduledOverageSubjects(ctx, plan, scheduled)));
  const overages = subjects.length === 0 || plan.monthlyCredits === null ? new Map<number, Overage>() : await campaignOverages(ctx.db, plan, subjects, now);
  const onPage = new Set(page.map((c) => c.id));
  for (const id of overages.keys()) if (!onPage.has(id)) overages.delete(id);
  return { estimates, overages };
}
