// Reads for the Campaign tab of /campaigns/{id}: the campaign as its header shows it,
// its counters from campaign_stats (never a scan of events), the message as a phone
// shows it with its segments and credits, who it goes to, and its estimated overage.
import 'server-only';
import { and, asc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cache } from 'react';
import { campaignRecipients, campaignStats, campaigns, contacts, messages, phoneNumbers, surveys } from '@/db/schema';
import { segmentsOf, type SmsEncoding } from '@/lib/billing/segments';
import { campaignOverages, type Overage, type Plan } from '@/lib/billing/usage';
import { publicUrl } from '@/lib/config';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { LINK_CODE_LENGTH } from '@/lib/messaging/links';
import { renderMessage } from '@/lib/messaging/merge-fields';
import { estimatesOf, scheduledOverageSubjects } from './estimates';

export type CampaignStatus = (typeof campaigns.$inferSelect)['status'];

export type CampaignHeader = {
  id: number;
  name: string;
  status: CampaignStatus;
  body: string;
  audience: string;
  survey: { id: number; name: string } | null;
  sourceCampaign: { id: number; name: string } | null;
  scheduledAt: Date | null;
  sentAt: Date | null;
  completedAt: Date | null;
  canceledAt: Date | null;
  /** What was stored of its audience estimate while it waits (lib/campaigns/estimates.ts). */
  estimatedRecipients: number | null;
  estimatedCredits: number | null;
  from: { id: number; e164: string; label: string | null };
};

const source = alias(campaigns, 'source_campaign');

/** The campaign of the caller's account, or NotFoundError (another account's id included). */
export const findCampaign = cache(async (ctx: Ctx, campaignId: number): Promise<CampaignHeader> => {
  const [row] = await ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      body: campaigns.body,
      audience: campaigns.audience,
      surveyId: surveys.id,
      surveyName: surveys.name,
      sourceId: source.id,
      sourceName: source.name,
      scheduledAt: campaigns.scheduledAt,
      sentAt: campaigns.sentAt,
      completedAt: campaigns.completedAt,
      canceledAt: campaigns.canceledAt,
      estimatedRecipients: campaigns.estimatedRecipients,
      estimatedCredits: campaigns.estimatedCredits,
      fromId: phoneNumbers.id,
      fromE164: phoneNumbers.e164,
      fromLabel: phoneNumbers.label,
    })
    .from(campaigns)
    .innerJoin(phoneNumbers, and(eq(phoneNumbers.accountId, campaigns.accountId), eq(phoneNumbers.id, campaigns.fromNumberId)))
    .leftJoin(surveys, and(eq(surveys.accountId, campaigns.accountId), eq(surveys.id, campaigns.surveyId)))
    .leftJoin(source, and(eq(source.accountId, campaigns.accountId), eq(source.id, campaigns.sourceCampaignId)))
    .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
  if (!row) throw new NotFoundError('campaign', campaignId);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    body: row.body,
    audience: row.audience,
    survey: row.surveyId !== null && row.surveyName !== null ? { id: row.surveyId, name: row.surveyName } : null,
    sourceCampaign: row.sourceId !== null && row.sourceName !== null ? { id: row.sourceId, name: row.sourceName } : null,
    scheduledAt: row.scheduledAt,
    sentAt: row.sentAt,
    completedAt: row.completedAt,
    canceledAt: row.canceledAt,
    estimatedRecipients: row.estimatedRecipients,
    estimatedCredits: row.estimatedCredits,
    from: { id: row.fromId, e164: row.fromE164, label: row.fromLabel },
  };
});

export type CampaignCounters = Omit<typeof campaignStats.$inferSelect, 'accountId' | 'campaignId'>;

const ZERO: CampaignCounters = {
  recipients: 0,
  suppressed: 0,
  delivered: 0,
  pending: 0,
  failed: 0,
  replied: 0,
  repliesTotal: 0,
  optedOut: 0,
  clicked: 0,
  clicksTotal: 0,
  surveyViewed: 0,
  surveyResponded: 0,
  messages: 0,
  credits: 0,
};

/** The campaign's counters; a campaign that never started has none yet, so zeros. */
export async function campaignCounters(ctx: Ctx, campaignId: number): Promise<CampaignCounters> {
  const [row] = await ctx.db
    .select()
    .from(campaignStats)
    .where(and(eq(campaignStats.accountId, ctx.accountId), eq(campaignStats.campaignId, campaignId)));
  if (!row) return ZERO;
  const { accountId: _account, campaignId: _campaign, ...counters } = row;
  return counters;
}

/** Who a campaign is addressed to, from its `audience` (CONTRACT: all, tag:NAME, campaign:ID). */
export type Audience = { kind: 'all' } | { kind: 'tag'; tag: string } | { kind: 'campaign'; campaignId: number | null };

export function audienceOf(audience: string): Audience {
  if (audience.startsWith('tag:')) return { kind: 'tag', tag: audience.slice(4) };
  if (audience.startsWith('campaign:')) {
    const id = Number(audience.slice(9));
    return { kind: 'campaign', campaignId: Number.isSafeInteger(id) && id > 0 ? id : null };
  }
  return { kind: 'all' };
}

export type MessagePreview = {
  /** The text as one recipient's phone shows it, or the template when nobody got it yet. */
  body: string;
  /** Whose message it is (their name, or their phone when they have none). */
  sampleFor: string | null;
  encoding: SmsEncoding;
  segments: number;
};

export type CampaignTab = {
  counters: CampaignCounters;
  message: MessagePreview;
  /** Recipients before the campaign started: the audience now, opted-out contacts left out. */
  estimatedRecipients: number | null;
  /** null: no estimate applies (unlimited plan, a draft, a canceled campaign). */
  overage: Overage | null;
};

/** Everything the Campaign tab shows above the recipients table. */
export async function campaignTab(ctx: Ctx, campaign: CampaignHeader, plan: Plan, now = new Date()): Promise<CampaignTab> {
  const started = campaign.status === 'sending' || campaign.status === 'sent';
  if (started) {
    const [counters, sent, overage] = await Promise.all([
      campaignCounters(ctx, campaign.id),
      sentMessage(ctx, campaign.id),
      plan.monthlyCredits === null || campaign.sentAt === null
        ? null
        : campaignOverages(ctx.db, plan, [{ id: campaign.id, kind: 'sent', sentAt: campaign.sentAt }], now).then((all) => all.get(campaign.id) ?? null),
    ]);
    const message = sent ?? (await previewForAudience(ctx, campaign));
    return { counters, message, estimatedRecipients: null, overage };
  }
  const [counters, message, estimates] = await Promise.all([
    campaignCounters(ctx, campaign.id),
    previewForAudience(ctx, campaign),
    estimatesOf(ctx, [campaign]),
  ]);
  const estimatedRecipients = estimates.get(campaign.id)?.recipients ?? 0;
  let overage: Overage | null = null;
  if (campaign.status === 'scheduled' && campaign.scheduledAt !== null && plan.monthlyCredits !== null) {
    // Charged after every campaign scheduled before it in its month, as the overview does.
    const subjects = await scheduledOverageSubjects(ctx, plan, [{ scheduledAt: campaign.scheduledAt }]);
    overage = (await campaignOverages(ctx.db, plan, subjects, now)).get(campaign.id) ?? null;
  }
  return { counters, message, estimatedRecipients, overage };
}

/** The message of the first recipient in name order who was sent one, as their phone showed it. */
async function sentMessage(ctx: Ctx, campaignId: number): Promise<MessagePreview | null> {
  const [row] = await ctx.db
    .select({ name: campaignRecipients.name, phone: campaignRecipients.phone, body: messages.body })
    .from(campaignRecipients)
    .innerJoin(messages, and(eq(messages.accountId, campaignRecipients.accountId), eq(messages.id, campaignRecipients.messageId)))
    .where(
      and(
        eq(campaignRecipients.accountId, ctx.accountId),
        eq(campaignRecipients.campaignId, campaignId),
        ne(campaignRecipients.status, 'suppressed'),
      ),
    )
    .orderBy(asc(campaignRecipients.sortName), asc(campaignRecipients.contactId))
    .limit(1);
  if (!row) return null;
  const { encoding, segments } = segmentsOf(row.body);
  return { body: row.body, sampleFor: row.name || row.phone, encoding, segments };
}

/**
 * The message as the audience's first contact will get it: merge fields filled, and
 * placeholder links as long as the real ones, so segments and credits are exact.
 */
async function previewForAudience(ctx: Ctx, campaign: CampaignHeader): Promise<MessagePreview> {
  const [contact] = await ctx.db
    .select({ firstName: contacts.firstName, lastName: contacts.lastName, phone: contacts.phone })
    .from(contacts)
    .where(audienceCondition(ctx.accountId, campaign))
    .orderBy(asc(contacts.id))
    .limit(1);
  const base = publicUrl();
  const placeholder = 'x'.repeat(LINK_CODE_LENGTH);
  const body = renderMessage(campaign.body, {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    surveyLink: campaign.survey ? `${base}/s/${placeholder}` : '',
    trackLink: () => `${base}/l/${placeholder}`,
  });
  const { encoding, segments } = segmentsOf(body);
  const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() || contact.phone : null;
  return { body, sampleFor: name, encoding, segments };
}

/** The contacts a campaign that has not started would text now (opted-out ones never are). */
function audienceCondition(accountId: number, campaign: CampaignHeader): SQL | undefined {
  const audience = audienceOf(campaign.audience);
  const reachable = and(eq(contacts.accountId, accountId), isNull(contacts.optedOutAt));
  if (audience.kind === 'campaign') {
    // A hand-picked follow-up: its recipients were added when it was created.
    return and(
      reachable,
      sql`exists (select 1 from ${campaignRecipients} r where r.account_id = ${contacts.accountId}
                  and r.campaign_id = ${campaign.id} and r.contact_id = ${contacts.id})`,
    );
  }
  if (audience.kind === 'tag') {
    return and(
      reachable,
      sql`exists (select 1 from contact_tags ct join tags t on t.account_id = ct.account_id and t.id = ct.tag_id
                  where ct.account_id = ${contacts.accountId} and ct.contact_id = ${contacts.id} and t.name = ${audience.tag})`,
    );
  }
  return reachable;
}
