// Credits used per calendar month in the account's zone, what is left of the plan,
// and each campaign's estimated overage (DESIGN §5), read from the rollups: account
// activity by day and by 15 minutes, and campaign totals.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { campaignStats, campaigns, closedMonthOverages } from '@/db/schema';
import { activityBetween, DAY_MS, splitByUtcDay, type Span } from '@/lib/billing/activity';
import { remainingCredits } from '@/lib/billing/credits';
import { estimateScheduledOverage, moneyFor, overageInSendOrder, type Charge, type Money } from '@/lib/billing/overage';
import { monthWindow } from '@/lib/time/windows';

type MonthWindow = ReturnType<typeof monthWindow>;

export type Plan = {
  accountId: number;
  timeZone: string;
  monthlyCredits: number | null;
  overagePricePerCredit: number;
};

export type MonthlyUsage = {
  label: string;
  start: Date;
  end: Date;
  used: number;
  /** null on unlimited plans. */
  allowance: number | null;
  remaining: number | null;
};

export async function monthlyUsage(db: Executor, plan: Plan, now = new Date()): Promise<MonthlyUsage> {
  const month = monthWindow(now, plan.timeZone);
  const used = await creditsBetween(db, plan.accountId, month.start, month.end);
  return {
    label: month.label,
    start: month.start,
    end: month.end,
    used,
    allowance: plan.monthlyCredits,
    remaining: remainingCredits(plan.monthlyCredits, used),
  };
}

function creditsBetween(db: Executor, accountId: number, start: Date, end: Date): Promise<number> {
  return activityBetween(db, accountId, 'credits', start, end);
}

export type Overage = { credits: number; money: Money };

/** Campaigns to estimate: sent ones by their credits, scheduled ones by an estimate. */
export type OverageSubject =
  | { id: number; kind: 'sent'; sentAt: Date }
  | { id: number; kind: 'scheduled'; scheduledAt: Date; estimatedCredits: number };

/** A month's charges are final this long after it ends (a send in flight at midnight has been recorded). */
const MONTH_SETTLES_MS = 60 * 60 * 1000;

/**
 * Estimated overage of each campaign. Sent (or sending) campaigns are charged in send
 * order with the automation texts of their month; a scheduled campaign is estimated
 * against what its month will have left when it goes out. Months that have ended are
 * charged once and remembered (closed_month_overages), so a list spanning a year of
 * campaigns reads one row per campaign from them.
 */
export async function campaignOverages(db: Executor, plan: Plan, subjects: OverageSubject[], now = new Date()): Promise<Map<number, Overage>> {
  const result = new Map<number, Overage>();
  if (plan.monthlyCredits === null) {
    for (const s of subjects) result.set(s.id, { credits: 0, money: '0.0000' });
    return result;
  }
  const metered = { ...plan, monthlyCredits: plan.monthlyCredits };
  const settled = (month: MonthWindow) => month.end.getTime() <= now.getTime() - MONTH_SETTLES_MS;
  const remembered = await rememberedOverages(db, metered, subjects.filter((s) => s.kind === 'sent' && settled(monthWindow(s.sentAt, plan.timeZone))));
  for (const [id, credits] of remembered) result.set(id, { credits, money: moneyFor(credits, plan.overagePricePerCredit) });

  const months = new Map<string, MonthWindow>();
  for (const s of subjects) {
    if (result.has(s.id)) continue;
    const window = monthWindow(s.kind === 'sent' ? s.sentAt : s.scheduledAt, plan.timeZone);
    months.set(window.label, window);
  }
  const current = monthWindow(now, plan.timeZone);
  const { chargesOf, stillSending } = await monthCharges(db, plan.accountId, [...months.values()]);
  const toRemember: { month: MonthWindow; campaignId: number; overageCredits: number }[] = [];
  for (const month of months.values()) {
    const charges = chargesOf.get(month.label) ?? [];
    const charged = overageInSendOrder({ allowance: plan.monthlyCredits, pricePerCredit: plan.overagePricePerCredit, charges });
    for (const c of charged.charges) {
      if (!c.key.startsWith('campaign:')) continue;
      const campaignId = Number(c.key.slice('campaign:'.length));
      result.set(campaignId, { credits: c.overageCredits, money: c.overageMoney });
      // A campaign still going out adds credits to its month after the month ended.
      if (settled(month) && !stillSending.has(month.label)) toRemember.push({ month, campaignId, overageCredits: c.overageCredits });
    }
    // Scheduled campaigns of this month, in the order they will go out.
    const scheduled = subjects
      .filter((s): s is Extract<OverageSubject, { kind: 'scheduled' }> => s.kind === 'scheduled')
      .filter((s) => s.scheduledAt >= month.start && s.scheduledAt < month.end)
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.id - b.id);
    let usedBefore = month.label === current.label ? await creditsBetween(db, plan.accountId, month.start, month.end) : month.start > now ? 0 : charged.usedCredits;
    for (const s of scheduled) {
      const estimate = estimateScheduledOverage({ allowance: plan.monthlyCredits, usedBeforeIt: usedBefore, credits: s.estimatedCredits, pricePerCredit: plan.overagePricePerCredit });
      result.set(s.id, { credits: estimate.overageCredits, money: estimate.overageMoney });
      usedBefore += s.estimatedCredits;
    }
  }
  await rememberOverages(db, metered, toRemember);
  return result;
}

/** Overage credits remembered for these campaigns under the plan's allowance and zone. */
async function rememberedOverages(db: Executor, plan: Plan & { monthlyCredits: number }, subjects: OverageSubject[]): Promise<Map<number, number>> {
  if (subjects.length === 0) return new Map();
  const rows = await db
    .select({ campaignId: closedMonthOverages.campaignId, overageCredits: closedMonthOverages.overageCredits })
    .from(closedMonthOverages)
    .where(
      and(
        eq(closedMonthOverages.accountId, plan.accountId),
        inArray(closedMonthOverages.campaignId, subjects.map((s) => s.id)),
        eq(closedMonthOverages.allowance, plan.monthlyCredits),
        eq(closedMonthOverages.timeZone, plan.timeZone),
      ),
    );
  return new Map(rows.map((r) => [r.campaignId, r.overageCredits]));
}

async function rememberOverages(
  db: Executor,
  plan: Plan & { monthlyCredits: number },
  rows: { month: MonthWindow; campaignId: number; overageCredits: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(closedMonthOverages)
    .values(
      // In id order, so two pages remembering the same months lock the rows in the same order.
      [...rows].sort((a, b) => a.campaignId - b.campaignId).map((r) => ({
        accountId: plan.accountId,
        campaignId: r.campaignId,
        monthStart: r.month.start,
        monthEnd: r.month.end,
        allowance: plan.monthlyCredits,
        timeZone: plan.timeZone,
        overageCredits: r.overageCredits,
      })),
    )
    .onConflictDoUpdate({
      target: [closedMonthOverages.accountId, closedMonthOverages.campaignId],
      set: {
        monthStart: sql`excluded.month_start`,
        monthEnd: sql`excluded.month_end`,
        allowance: sql`excluded.allowance`,
        timeZone: sql`excluded.time_zone`,
        overageCredits: sql`excluded.overage_credits`,
      },
    });
}

/**
 * Each month's campaign sends and automation texts as charges, in two queries for
 * all the months, and the months with a campaign still sending. Only the campaigns'
 * overages are read, so the automation texts between two campaign sends are one
 * charge (at its first bucket): the same result as bucket by bucket, from a few rows
 * whatever the account's volume. A bucket that starts as a campaign goes out is
 * charged before it, as compareSendOrder orders them.
 */
async function monthCharges(
  db: Executor,
  accountId: number,
  months: MonthWindow[],
): Promise<{ chargesOf: Map<string, Charge[]>; stillSending: Set<string> }> {
  const result = new Map<string, Charge[]>(months.map((m) => [m.label, []]));
  const stillSending = new Set<string>();
  if (months.length === 0) return { chargesOf: result, stillSending };
  const from = new Date(Math.min(...months.map((m) => m.start.getTime())));
  const until = new Date(Math.max(...months.map((m) => m.end.getTime())));
  const sent = await db
    .select({ id: campaigns.id, status: campaigns.status, sentAt: campaigns.sentAt, credits: campaignStats.credits })
    .from(campaigns)
    .innerJoin(campaignStats, and(eq(campaignStats.accountId, campaigns.accountId), eq(campaignStats.campaignId, campaigns.id)))
    .where(
      and(
        eq(campaigns.accountId, accountId),
        inArray(campaigns.status, ['sending', 'sent']),
        gte(campaigns.sentAt, from),
        lt(campaigns.sentAt, until),
      ),
    );
  const monthOf = (at: Date) => months.findIndex((m) => at >= m.start && at < m.end);
  const sendsIn = months.map(() => [] as Date[]);
  for (const c of sent) {
    const i = monthOf(c.sentAt!);
    if (i < 0) continue;
    sendsIn[i]!.push(c.sentAt!);
    if (c.status === 'sending') stillSending.add(months[i]!.label);
    result.get(months[i]!.label)!.push({ key: `campaign:${c.id}`, at: c.sentAt!, credits: c.credits });
  }
  // Months never overlap, so the send times of all of them cut each one where its own sends do.
  const sendTimes = sent.map((c) => c.sentAt!.toISOString()).sort();
  const spans = months.map((m, i) => automationCreditSpans(m.start, m.end, sendsIn[i]!));
  const quarterHours = spans.flatMap((s, month) => s.quarterHours.map((span) => ({ month, ...span })));
  const wholeDays = spans.flatMap((s, month) => (s.wholeDays ? [{ month, ...s.wholeDays }] : []));
  const sendDays = spans.flatMap((s) => s.sendDays);
  // The spans travel as arrays, so the statement is the same size for one month or twelve.
  const table = (rows: { month: number; start: Date; end: Date }[]) => sql`
    unnest(${sql.param(rows.map((r) => r.month))}::int[],
           ${sql.param(rows.map((r) => r.start.toISOString()))}::text[]::timestamptz[],
           ${sql.param(rows.map((r) => r.end.toISOString()))}::text[]::timestamptz[]) as span(month, start_at, end_at)`;
  const betweenSends = await db.execute<{ month: number; at: string; credits: number }>(sql`
    -- Cast once (as InitPlans), not once per row.
    with send_days as (select ${sql.param(sendDays.map((d) => d.toISOString()))}::text[]::timestamptz[] as days),
    pieces as (
      select span.month, a.bucket_start as at, a.automation_credits as credits
      from ${table(quarterHours)}
      join account_activity a on a.account_id = ${accountId} and a.automation_credits > 0
        and a.bucket_start >= span.start_at and a.bucket_start < span.end_at
      union all
      select span.month, d.day_start, d.automation_credits
      from ${table(wholeDays)}
      join account_activity_daily d on d.account_id = ${accountId} and d.automation_credits > 0
        and d.day_start >= span.start_at and d.day_start < span.end_at
        and d.day_start <> all((select days from send_days)::timestamptz[])
    ),
    sends as (select ${sql.param(sendTimes)}::text[]::timestamptz[] as times)
    select month, min(at) as at, sum(credits)::int as credits from pieces
    group by month, width_bucket(at - interval '1 microsecond', (select times from sends))`);
  for (const b of betweenSends) {
    const at = new Date(b.at);
    result.get(months[Number(b.month)]!.label)!.push({ key: `automations:${at.toISOString()}`, at, credits: Number(b.credits) });
  }
  return { chargesOf: result, stillSending };
}

/**
 * Where a month's automation credits are read: whole UTC days without a campaign send
 * from the daily rollup (the day is before or after every send, never across one),
 * the partial first and last days and the days of a send (skipped in the daily
 * rollup) from the account's 15-minute buckets.
 */
function automationCreditSpans(start: Date, end: Date, sendTimes: Date[]): { quarterHours: Span[]; wholeDays: Span | null; sendDays: Date[] } {
  const { partial, wholeDays } = splitByUtcDay(start, end);
  const sendDays = new Set<number>();
  if (wholeDays) {
    for (const t of sendTimes) {
      const day = Math.floor(t.getTime() / DAY_MS) * DAY_MS;
      if (day >= wholeDays.start.getTime() && day < wholeDays.end.getTime()) sendDays.add(day);
    }
  }
  const days = [...sendDays].map((day) => new Date(day));
  return {
    quarterHours: [...partial, ...days.map((day) => ({ start: day, end: new Date(day.getTime() + DAY_MS) }))],
    wholeDays,
    sendDays: days,
  };
}
