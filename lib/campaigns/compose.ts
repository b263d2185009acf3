// The campaign composer's server side: the choices it offers, what a draft would cost
// before it is sent (recipients, suppressed contacts, segments, credits, overage), and
// the command that creates the campaign, to go out now or at a scheduled time.
import 'server-only';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import {
  auditEvents,
  campaignRecipients,
  campaignStats,
  campaigns,
  phoneNumbers,
  surveys,
} from '@/db/schema';
import { segmentsOf, type SegmentCount } from '@/lib/billing/segments';
import { campaignOverages, monthlyUsage, type Plan } from '@/lib/billing/usage';
import { publicUrl } from '@/lib/config';
import type { Ctx } from '@/lib/context';
import { DomainError, NotFoundError } from '@/lib/errors';
import { monthWindow } from '@/lib/time/windows';
import { scheduledOverageSubjects, storeCampaignEstimate } from './estimates';
import {
  audienceValue,
  renderAsRecipient,
  sampleLinks,
  sendInstantOf,
  type Audience,
  type ComposerInput,
  type ComposerRules,
  type SampleNames,
} from './compose-schema';

export type ComposerOptions = {
  numbers: Array<{ e164: string; label: string | null }>;
  surveys: Array<{ id: number; name: string }>;
  tags: Array<{ name: string; contacts: number }>;
  contacts: number;
};

export async function loadComposerOptions(ctx: Ctx): Promise<ComposerOptions> {
  const numbers = await ctx.db
    .select({ e164: phoneNumbers.e164, label: phoneNumbers.label })
    .from(phoneNumbers)
    .where(eq(phoneNumbers.accountId, ctx.accountId))
    .orderBy(asc(phoneNumbers.id));
  const surveyRows = await ctx.db
    .select({ id: surveys.id, name: surveys.name })
    .from(surveys)
    .where(and(eq(surveys.accountId, ctx.accountId), isNull(surveys.archivedAt)))
    .orderBy(asc(surveys.name), asc(surveys.id));
  const tags = await ctx.db.execute<{ name: string; contacts: number }>(sql`
    select t.name, (select count(*) from contact_tags ct where ct.account_id = t.account_id and ct.tag_id = t.id)::int as contacts
    from tags t where t.account_id = ${ctx.accountId} order by lower(t.name), t.id`);
  const [all] = await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contacts where account_id = ${ctx.accountId}`);
  return { numbers, surveys: surveyRows, tags: [...tags], contacts: all?.n ?? 0 };
}

export type Selection = { campaign: { id: number; name: string }; contactIds: number[]; ignored: number };

/**
 * The contacts picked on another campaign's page, kept only where they are recipients
 * of it. Another account's campaign (or none) is a NotFoundError.
 */
export async function loadSelection(ctx: Ctx, campaignId: number, contactIds: number[]): Promise<Selection> {
  const [campaign] = await ctx.db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
  if (!campaign) throw new NotFoundError('campaign', campaignId);
  const asked = [...new Set(contactIds)];
  const found = asked.length === 0 ? [] : await ctx.db.execute<{ contact_id: string }>(sql`
    select contact_id from campaign_recipients
    where account_id = ${ctx.accountId} and campaign_id = ${campaignId} and contact_id = any(${sql.param(asked)}::bigint[])
    order by contact_id`);
  const contactIdsFound = found.map((row) => Number(row.contact_id));
  return { campaign, contactIds: contactIdsFound, ignored: asked.length - contactIdsFound.length };
}

/** Who an audience is, as a condition on `contacts c`; `recipientsOf` is a created campaign's own selection. */
export type AudienceScope = Audience | { kind: 'recipientsOf'; campaignId: number };

function audienceCondition(accountId: number, audience: AudienceScope, selected: number[] = []): SQL {
  const isRecipientOf = (campaignId: number) =>
    sql`exists (select 1 from campaign_recipients r where r.account_id = c.account_id and r.campaign_id = ${campaignId} and r.contact_id = c.id)`;
  const condition =
    audience.kind === 'all'
      ? sql`true`
      : audience.kind === 'tag'
        ? sql`exists (select 1 from contact_tags ct join tags t on t.account_id = ct.account_id and t.id = ct.tag_id
            where ct.account_id = c.account_id and ct.contact_id = c.id and t.name = ${audience.tag})`
        : audience.kind === 'campaign'
          ? sql`c.id = any(${sql.param(selected)}::bigint[]) and ${isRecipientOf(audience.campaignId)}`
          : isRecipientOf(audience.campaignId);
  return sql`c.account_id = ${accountId} and ${condition}`;
}

type NameGroup = { first_name: string; last_name: string; n: number };

/**
 * Up to this many recipients with at most EXACT_NAME_GROUPS different names, every
 * message is counted; beyond, credits come from a sample of SAMPLE_SIZE recipients,
 * which keeps a check of a 370,000-contact audience well under a second.
 */
export const EXACT_AUDIENCE = 50_000;
export const EXACT_NAME_GROUPS = 10_000;
export const SAMPLE_SIZE = 5_000;

export type AudienceCost = {
  recipients: number;
  suppressed: number;
  /** The first contact the fan-out texts (lowest id), whose message the segments describe. */
  first: SampleNames | null;
  message: string;
  segments: SegmentCount;
  credits: number;
  /** exact: every recipient's message counted; sample: extrapolated from a sample of recipients. */
  creditsBasis: 'exact' | 'sample';
};

type AudienceSample = Omit<AudienceCost, 'credits' | 'creditsBasis'>;

/** Who would be texted and suppressed, and the message the first recipient would get. */
async function audienceSample(ctx: Ctx, template: string, where: SQL): Promise<AudienceSample> {
  const [counts] = await ctx.db.execute<{ recipients: number; suppressed: number }>(sql`
    select count(*) filter (where c.opted_out_at is null)::int as recipients,
           count(*) filter (where c.opted_out_at is not null)::int as suppressed
    from contacts c where ${where}`);
  const [firstRow] = await ctx.db.execute<{ first_name: string; last_name: string }>(sql`
    select c.first_name, c.last_name from contacts c where ${where} and c.opted_out_at is null order by c.id limit 1`);
  const first = firstRow ? { firstName: firstRow.first_name, lastName: firstRow.last_name } : null;
  const message = renderAsRecipient(template, first, sampleLinks(publicUrl()));
  return { recipients: counts?.recipients ?? 0, suppressed: counts?.suppressed ?? 0, first, message, segments: segmentsOf(message) };
}

/**
 * Recipients, suppressed contacts and credits of a template for an audience. Messages
 * differ only by the names filled in (links and survey links have a fixed length), so
 * credits are summed over distinct names: exact for a template without names, and
 * with at most EXACT_NAME_GROUPS distinct names (first and last together only up to
 * EXACT_AUDIENCE recipients); otherwise averaged over a fixed pseudo-random sample of
 * recipients and scaled up (the page says it is an estimate).
 */
export async function audienceCost(
  ctx: Ctx,
  template: string,
  audience: AudienceScope,
  selected: number[] = [],
  { exactAudience = EXACT_AUDIENCE, exactNameGroups = EXACT_NAME_GROUPS, sampleSize = SAMPLE_SIZE } = {},
): Promise<AudienceCost> {
  const where = audienceCondition(ctx.accountId, audience, selected);
  const sample = await audienceSample(ctx, template, where);
  const usesFirst = template.includes('{first_name}');
  const usesLast = template.includes('{last_name}');
  if (sample.recipients === 0 || (!usesFirst && !usesLast)) {
    return { ...sample, credits: sample.recipients * sample.segments.segments, creditsBasis: 'exact' };
  }

  const links = sampleLinks(publicUrl());
  const names = sql`${usesFirst ? sql`c.first_name` : sql`''`} as first_name, ${usesLast ? sql`c.last_name` : sql`''`} as last_name`;
  const creditsOf = (rows: readonly NameGroup[]) =>
    rows.reduce((sum, g) => sum + g.n * segmentsOf(renderAsRecipient(template, { firstName: g.first_name, lastName: g.last_name }, links)).segments, 0);
  // One name has few distinct values even in a large audience; first and last together
  // are nearly one per recipient, so past EXACT_AUDIENCE they go straight to the sample.
  if (sample.recipients <= exactAudience || !(usesFirst && usesLast)) {
    const groups = await ctx.db.execute<NameGroup>(sql`
      select first_name, last_name, count(*)::int as n
      from (select ${names} from contacts c where ${where} and c.opted_out_at is null) named
      group by first_name, last_name limit ${exactNameGroups + 1}`);
    if (groups.length <= exactNameGroups) return { ...sample, credits: creditsOf(groups), creditsBasis: 'exact' };
  }

  // The MINSTD permutation of the id orders recipients in a fixed pseudo-random way
  // (the same audience gives the same estimate) at the cost of integer arithmetic.
  const sampled = await ctx.db.execute<NameGroup>(sql`
    select first_name, last_name, count(*)::int as n
    from (select ${names} from contacts c where ${where} and c.opted_out_at is null
          order by ((c.id % 2147483647) * 48271) % 2147483647, c.id limit ${sampleSize}) named
    group by first_name, last_name`);
  const size = sampled.reduce((sum, g) => sum + g.n, 0);
  return { ...sample, credits: Math.round((creditsOf(sampled) / Math.max(1, size)) * sample.recipients), creditsBasis: 'sample' };
}

export type Draft = { body: string; audience: Audience; recipients: number[]; sendAt: Date };

export type CampaignEstimate = AudienceCost & {
  sendAt: Date;
  /** null on unlimited plans. */
  plan: { monthLabel: string; allowance: number; leftBefore: number; overageCredits: number; overageMoney: string } | null;
};

/** The draft's id in the send order: after every existing campaign scheduled for the same instant. */
const DRAFT_ID = Number.MAX_SAFE_INTEGER;

export async function estimateCampaign(ctx: Ctx, plan: Plan, draft: Draft, now = new Date()): Promise<CampaignEstimate> {
  const cost = await audienceCost(ctx, draft.body, draft.audience, draft.recipients);
  if (plan.monthlyCredits === null) return { ...cost, sendAt: draft.sendAt, plan: null };

  const month = monthWindow(draft.sendAt, plan.timeZone);
  // Campaigns scheduled before it in its month are charged first, at their stored estimates.
  const subjects = await scheduledOverageSubjects(ctx, plan, [{ scheduledAt: draft.sendAt }]);
  const dueBefore = subjects.reduce((sum, s) => sum + (s.kind === 'scheduled' ? s.estimatedCredits : 0), 0);
  subjects.push({ id: DRAFT_ID, kind: 'scheduled' as const, scheduledAt: draft.sendAt, estimatedCredits: cost.credits });
  const overage = (await campaignOverages(ctx.db, plan, subjects, now)).get(DRAFT_ID) ?? { credits: 0, money: '0.0000' };
  const usedInMonth = month.start > now ? 0 : (await monthlyUsage(ctx.db, plan, draft.sendAt)).used;
  return {
    ...cost,
    sendAt: draft.sendAt,
    plan: {
      monthLabel: month.label,
      allowance: plan.monthlyCredits,
      leftBefore: Math.max(0, plan.monthlyCredits - usedInMonth - dueBefore),
      overageCredits: overage.credits,
      overageMoney: overage.money,
    },
  };
}

/**
 * A submission counts as a repeat of a campaign this user created within the last
 * minute with the same name, sender, body, audience, survey and time ("now" or the
 * same instant): a double click or a resent form lands on that campaign instead.
 */
const REPEAT_WINDOW = sql`interval '1 minute'`;

export async function createCampaign(ctx: Ctx, input: ComposerInput, rules: ComposerRules): Promise<{ id: number; repeated: boolean }> {
  const userId = ctx.userId;
  if (userId === null) throw new Error('a campaign is created by a signed-in manager');
  const audience = input.audience;
  const sendAt = input.when === 'now' ? null : sendInstantOf(input, rules);

  return ctx.db.transaction(async (tx) => {
    // One creation at a time per manager, so two quick submissions cannot both miss each other.
    await tx.execute(sql`select 1 from users where account_id = ${ctx.accountId} and id = ${userId} for update`);
    const [number] = await tx
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.accountId, ctx.accountId), eq(phoneNumbers.e164, input.from)));
    if (!number) throw new DomainError('composer.errors.unknownNumber', 'from');
    if (input.survey !== null) {
      const [survey] = await tx
        .select({ id: surveys.id })
        .from(surveys)
        .where(and(eq(surveys.accountId, ctx.accountId), eq(surveys.id, input.survey), isNull(surveys.archivedAt)));
      if (!survey) throw new DomainError('composer.errors.surveyInvalid', 'survey');
    }
    const selected = audience.kind === 'campaign' ? [...new Set(input.recipient)] : [];
    if (audience.kind === 'tag') {
      const [tag] = await tx.execute(sql`select 1 from tags where account_id = ${ctx.accountId} and name = ${audience.tag}`);
      if (!tag) throw new DomainError('composer.errors.unknownTag', 'audience');
    }
    if (audience.kind === 'campaign') {
      const selection = await loadSelection({ ...ctx, db: tx }, audience.campaignId, selected);
      if (selection.ignored > 0) throw new DomainError('composer.errors.notInSelection', 'recipient', { count: selection.ignored });
    }
    if (input.when === 'now') {
      const [reachable] = await tx.execute<{ n: number }>(sql`
        select count(*)::int as n from contacts c where ${audienceCondition(ctx.accountId, audience, selected)} and c.opted_out_at is null`);
      if (!reachable?.n) throw new DomainError('composer.errors.nobodyToText', 'audience');
    }

    const [repeat] = await tx.execute<{ id: string }>(sql`
      select id from campaigns
      where account_id = ${ctx.accountId} and created_by = ${userId} and created_at > now() - ${REPEAT_WINDOW}
        and name = ${input.name} and body = ${input.body} and from_number_id = ${number.id}
        and audience = ${audienceValue(audience)} and survey_id is not distinct from ${input.survey}
        and ${sendAt === null ? sql`scheduled_at <= created_at` : sql`scheduled_at = ${sendAt.toISOString()}::timestamptz`}
      order by id desc limit 1`);
    if (repeat) return { id: Number(repeat.id), repeated: true };

    const [campaign] = await tx
      .insert(campaigns)
      .values({
        accountId: ctx.accountId,
        name: input.name,
        body: input.body,
        fromNumberId: number.id,
        surveyId: input.survey,
        status: 'scheduled',
        audience: audienceValue(audience),
        sourceCampaignId: audience.kind === 'campaign' ? audience.campaignId : null,
        // "Send now" is scheduled for the database's now, the clock the worker compares with.
        scheduledAt: sendAt ?? sql`now()`,
        createdBy: userId,
      })
      .returning({ id: campaigns.id });
    const id = campaign!.id;
    await tx.insert(campaignStats).values({ accountId: ctx.accountId, campaignId: id });
    if (selected.length > 0) {
      // The same snapshot of name and phone as the fan-out takes for `all` and `tag:` audiences.
      const added = await tx.execute(sql`
        insert into ${campaignRecipients} (account_id, campaign_id, contact_id, name, phone, sort_name)
        select c.account_id, ${id}, c.id, trim(c.first_name || ' ' || c.last_name), c.phone,
               coalesce(nullif(lower(trim(c.first_name || ' ' || c.last_name)), ''), c.phone)
        from contacts c where c.account_id = ${ctx.accountId} and c.id = any(${sql.param(selected)}::bigint[])
        returning 1`);
      await tx
        .update(campaignStats)
        .set({ recipients: added.length, pending: added.length })
        .where(and(eq(campaignStats.accountId, ctx.accountId), eq(campaignStats.campaignId, id)));
    }
    await tx.insert(auditEvents).values({
      accountId: ctx.accountId,
      userId,
      action: 'campaign.create',
      subjectType: 'campaign',
      subjectId: id,
      details: { audience: audienceValue(audience), when: input.when, scheduledAt: sendAt?.toISOString() ?? null, selected: selected.length },
    });
    // A campaign sent now is fanned out within a second; a scheduled one shows its estimate until then.
    if (sendAt !== null) await storeCampaignEstimate(tx, { id, accountId: ctx.accountId, body: input.body, audience: audienceValue(audience) });
    return { id, repeated: false };
  });
}
