// What a campaign not sent yet is expected to cost: its audience's recipients and
// credits (the composer's estimator, lib/campaigns/compose.ts), stored on the campaign
// so the overview and the campaign page read them in constant time whatever the
// audience size. They are written when the campaign is created and refreshed by the
// worker every few minutes while it waits; pages say they are estimates.
import { and, asc, eq, inArray, isNotNull, lte, gte, sql } from 'drizzle-orm';
import { db as defaultDb, type Executor } from '@/db/client';
import { campaigns } from '@/db/schema';
import type { OverageSubject, Plan } from '@/lib/billing/usage';
import { audienceCost, type AudienceScope } from '@/lib/campaigns/compose';
import type { Ctx } from '@/lib/context';
import { monthWindow } from '@/lib/time/windows';

/** A stored estimate older than this is recomputed by the worker. */
export const ESTIMATE_MAX_AGE_SECONDS = 600;

type Estimated = { id: number; accountId: number; body: string; audience: string };

export type AudienceEstimate = { recipients: number; credits: number };

/** A campaign not sent yet, with what is stored of its estimate (null until the first one). */
export type Unsent = { id: number; body: string; audience: string; estimatedRecipients: number | null; estimatedCredits: number | null };

/**
 * The estimates of campaigns not sent yet: as stored, or computed now for one the
 * worker has not reached yet (created before estimates were stored, or by hand).
 */
export async function estimatesOf(ctx: Ctx, unsent: Unsent[]): Promise<Map<number, AudienceEstimate>> {
  const result = new Map<number, AudienceEstimate>();
  for (const c of unsent) {
    if (c.estimatedRecipients !== null && c.estimatedCredits !== null) {
      result.set(c.id, { recipients: c.estimatedRecipients, credits: c.estimatedCredits });
    } else {
      const cost = await audienceCost(ctx, c.body, audienceScopeOf(c));
      result.set(c.id, { recipients: cost.recipients, credits: cost.credits });
    }
  }
  return result;
}

export function audienceScopeOf(campaign: Pick<Estimated, 'id' | 'audience'>): AudienceScope {
  if (campaign.audience.startsWith('tag:')) return { kind: 'tag', tag: campaign.audience.slice('tag:'.length) };
  // A follow-up's hand-picked recipients are already its recipient rows.
  if (campaign.audience.startsWith('campaign:')) return { kind: 'recipientsOf', campaignId: campaign.id };
  return { kind: 'all' };
}

export async function storeCampaignEstimate(executor: Executor, campaign: Estimated, at = new Date()) {
  const cost = await audienceCost({ accountId: campaign.accountId, userId: null, db: executor }, campaign.body, audienceScopeOf(campaign));
  await executor
    .update(campaigns)
    .set({ estimatedRecipients: cost.recipients, estimatedCredits: cost.credits, estimatedAt: at })
    .where(and(eq(campaigns.accountId, campaign.accountId), eq(campaigns.id, campaign.id)));
  return { recipients: cost.recipients, credits: cost.credits };
}

/** The worker's pass: drafts and scheduled campaigns whose estimate is missing or stale. */
export async function refreshCampaignEstimates(executor: Executor = defaultDb, limit = 25): Promise<number> {
  const stale = await executor
    .select({ id: campaigns.id, accountId: campaigns.accountId, body: campaigns.body, audience: campaigns.audience })
    .from(campaigns)
    .where(
      and(
        inArray(campaigns.status, ['draft', 'scheduled']),
        sql`(${campaigns.estimatedAt} is null or ${campaigns.estimatedAt} < now() - make_interval(secs => ${ESTIMATE_MAX_AGE_SECONDS}))`,
      ),
    )
    .orderBy(sql`${campaigns.estimatedAt} nulls first`)
    .limit(limit);
  for (const campaign of stale) await storeCampaignEstimate(executor, campaign);
  return stale.length;
}

/**
 * Scheduled campaigns are charged in the order they will go out (DESIGN §5): for the
 * months of `scheduled`, every scheduled campaign of the account up to the latest of
 * them, as overage subjects with their stored credits, ready for campaignOverages.
 */
export async function scheduledOverageSubjects(ctx: Ctx, plan: Plan, scheduled: Array<{ scheduledAt: Date }>): Promise<OverageSubject[]> {
  if (scheduled.length === 0 || plan.monthlyCredits === null) return [];
  const times = scheduled.map((c) => c.scheduledAt.getTime());
  const from = monthWindow(new Date(Math.min(...times)), plan.timeZone).start;
  const until = new Date(Math.max(...times));
  const due = await ctx.db
    .select({
      id: campaigns.id,
      body: campaigns.body,
      audience: campaigns.audience,
      scheduledAt: campaigns.scheduledAt,
      estimatedRecipients: campaigns.estimatedRecipients,
      estimatedCredits: campaigns.estimatedCredits,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.accountId, ctx.accountId),
        eq(campaigns.status, 'scheduled'),
        isNotNull(campaigns.scheduledAt),
        gte(campaigns.scheduledAt, from),
        lte(campaigns.scheduledAt, until),
      ),
    )
    .orderBy(asc(campaigns.scheduledAt), asc(campaigns.id));
  const estimates = await estimatesOf(ctx, due);
  return due.map((c) => ({ id: c.id, kind: 'scheduled' as const, scheduledAt: c.scheduledAt!, estimatedCredits: estimates.get(c.id)?.credits ?? 0 }));
}
