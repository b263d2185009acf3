// Credits used per calendar month in the account's zone, what is left of the plan,
// and each campaign's estimated overage (DESIGN §5), read from the rollups: account
// activity by day and by 15 minutes, campaign totals and automation buckets.
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { campaignStats, campaigns } from '@/db/schema';
import { activityBetween, DAY_MS, splitByUtcDay, type Span } from '@/lib/billing/activity';
import { remainingCredits } from '@/lib/billing/credits';
import { estimateScheduledOverage, overageInSendOrder, type Charge, type Money } from '@/lib/billing/overage';
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

/**
 * Estimated overage of each campaign. Sent (or sending) campaigns are charged in send
 * order with the automation texts of their month; a scheduled campaign is estimated
 * against what its month will have left when it goes out.
 */
export async function campaignOverages(db: Executor, plan: Plan, subjects: OverageSubject[], now = new Date()): Promise<Map<number, Overage>> {
  const result = new Map<number, Overage>();
  if (plan.monthlyCredits === null) {
    for (const s of subjects) result.set(s.id, { credits: 0, money: '0.0000' });
    return result;
  }
  const months = new Map<string, ReturnType<typeof monthWindow>>();
  for (const s of subjects) {
    const window = monthWindow(s.kind === 'sent' ? s.sentAt : s.scheduledAt, plan.timeZone);
    months.set(window.label, window);
  }
  const current = monthWindow(now, plan.timeZone);
  const chargesOf = await monthCharges(db, plan.accountId, [...months.values()]);
  for (const month of months.values()) {
    const charges = chargesOf.get(month.label) ?? [];
    const charged = overageInSendOrder({ allowance: plan.monthlyCredits, pricePerCredit: plan.overagePricePerCredit, charges });
    for (const c of charged.charges) {
      if (c.key.startsWith('campaign:')) result.set(Number(c.key.slice('campaign:'.length)), { credits: c.overageCredits, money: c.overageMoney });
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
  return result;
}

/**
 * Each month's campaign sends and automation texts as charges, in two queries for
 * all the months. Only the campaigns' overages are read, so the automation texts
 * between two campaign sends are one charge (at its first bucket): the same result
 * as bucket by bucket, from a few rows whatever the account's volume. A bucket that
 * starts as a campaign goes out is charged before it, as compareSendOrder orders them.
 */
async function monthCharges(db: Executor, accountId: number, months: MonthWindow[]): Promise<Map<string, Charge[]>> {
  const result = new Map<string, Charge[]>(months.map((m) => [m.label, []]));
  if (months.length === 0) return result;
  const from = new Date(Math.min(...months.map((m) => m.start.getTime())));
  const until = new Date(Math.max(...months.map((m) => m.end.getTime())));
  const sent = await db
    .select({ id: campaigns.id, sentAt: campaigns.sentAt, credits: campaignStats.credits })
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
    result.get(months[i]!.label)!.push({ key: `campaign:${c.id}`, at: c.sentAt!, credits: c.credits });
  }
  // Months never overlap, so the send times of all of them cut each one where its own sends do.
  const sendTimes = sent.map((c) => c.sentAt!.toISOString()).sort();
  const pieces = months.map((m, i) => sql`select ${i}::int as month, p.at, p.credits from (${automationCreditPieces(accountId, m.start, m.end, sendsIn[i]!)}) p`);
  const betweenSends = await db.execute<{ month: number; at: string; credits: number }>(sql`
    with pieces as (${sql.join(pieces, sql` union all `)}),
         -- Cast once (as an InitPlan), not once per row.
         sends as (select ${sql.param(sendTimes)}::text[]::timestamptz[] as times)
    select month, min(at) as at, sum(credits)::int as credits from pieces
    group by month, width_bucket(at - interval '1 microsecond', (select times from sends))`);
  for (const b of betweenSends) {
    const at = new Date(b.at);
    result.get(months[Number(b.month)]!.label)!.push({ key: `automations:${at.toISOString()}`, at, credits: Number(b.credits) });
  }
  return result;
}

/**
 * The month's automation credits as (at, credits) pieces: whole UTC days without a
 * campaign send from the daily rollup (the day is before or after every send, never
 * across one), the partial first and last days and the days of a send from the
 * 15-minute buckets of every automation.
 */
function automationCreditPieces(accountId: number, start: Date, end: Date, sendTimes: Date[]): SQL {
  const { partial, wholeDays } = splitByUtcDay(start, end);
  const detailed: Span[] = [...partial];
  const sendDays = new Set<number>();
  if (wholeDays) {
    for (const t of sendTimes) {
      const day = Math.floor(t.getTime() / DAY_MS) * DAY_MS;
      if (day >= wholeDays.start.getTime() && day < wholeDays.end.getTime()) sendDays.add(day);
    }
    for (const day of sendDays) detailed.push({ start: new Date(day), end: new Date(day + DAY_MS) });
  }
  const quarterHours = detailed.map(
    (s) => sql`select bucket_start as at, credits from automation_activity
               where account_id = ${accountId} and credits > 0
                 and bucket_start >= ${s.start.toISOString()}::timestamptz and bucket_start < ${s.end.toISOString()}::timestamptz`,
  );
  if (!wholeDays) return sql.join(quarterHours, sql` union all `);
  const skipped = [...sendDays].map((day) => new Date(day).toISOString());
  const days = sql`select day_start as at, automation_credits as credits from account_activity_daily
                   where account_id = ${accountId} and automation_credits > 0
                     and day_start >= ${wholeDays.start.toISOString()}::timestamptz and day_start < ${wholeDays.end.toISOString()}::timestamptz
                     and day_start <> all(${sql.param(skipped)}::text[]::timestamptz[])`;
  return sql.join([...quarterHours, days], sql` union all `);
}
