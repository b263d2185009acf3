// Credits used per calendar month in the account's zone, what is left of the plan,
// and each campaign's estimated overage (DESIGN §5), read from the rollups: account
// activity in 15-minute buckets, campaign totals and automation buckets.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accountActivity, automationActivity, campaignStats, campaigns } from '@/db/schema';
import { remainingCredits } from '@/lib/billing/credits';
import { estimateScheduledOverage, overageInSendOrder, type Charge, type Money } from '@/lib/billing/overage';
import { monthWindow } from '@/lib/time/windows';

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

async function creditsBetween(db: Executor, accountId: number, start: Date, end: Date): Promise<number> {
  const [row] = await db
    .select({ credits: sql<number>`coalesce(sum(${accountActivity.credits}), 0)::int` })
    .from(accountActivity)
    .where(and(eq(accountActivity.accountId, accountId), gte(accountActivity.bucketStart, start), lt(accountActivity.bucketStart, end)));
  return row?.credits ?? 0;
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
  for (const month of months.values()) {
    const charges = await monthCharges(db, plan.accountId, month.start, month.end);
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
 * The month's campaign sends and automation texts as charges. Only the campaigns'
 * overages are read, so the automation texts between two campaign sends are one
 * charge (at its first bucket): the same result as bucket by bucket, from a few rows
 * whatever the account's volume. A bucket that starts as a campaign goes out is
 * charged before it, as compareSendOrder orders them.
 */
async function monthCharges(db: Executor, accountId: number, start: Date, end: Date): Promise<Charge[]> {
  const sent = await db
    .select({ id: campaigns.id, sentAt: campaigns.sentAt, credits: campaignStats.credits })
    .from(campaigns)
    .innerJoin(campaignStats, and(eq(campaignStats.accountId, campaigns.accountId), eq(campaignStats.campaignId, campaigns.id)))
    .where(
      and(
        eq(campaigns.accountId, accountId),
        inArray(campaigns.status, ['sending', 'sent']),
        gte(campaigns.sentAt, start),
        lt(campaigns.sentAt, end),
      ),
    );
  const sendTimes = sent.map((c) => c.sentAt!.toISOString()).sort();
  const betweenSends = await db.execute<{ at: string; credits: number }>(sql`
    select min(${automationActivity.bucketStart}) as at, sum(${automationActivity.credits})::int as credits
    from ${automationActivity}
    where ${automationActivity.accountId} = ${accountId} and ${automationActivity.credits} > 0
      and ${automationActivity.bucketStart} >= ${start.toISOString()}::timestamptz and ${automationActivity.bucketStart} < ${end.toISOString()}::timestamptz
    group by width_bucket(${automationActivity.bucketStart} - interval '1 microsecond', ${sql.param(sendTimes)}::text[]::timestamptz[])`);
  return [
    ...sent.map((c) => ({ key: `campaign:${c.id}`, at: c.sentAt!, credits: c.credits })),
    ...betweenSends.map((b) => {
      const at = new Date(b.at);
      return { key: `automations:${at.toISOString()}`, at, credits: Number(b.credits) };
    }),
  ];
}
