// What a manager does from the Campaign tab: resend to failed recipients, cancel a
// scheduled campaign, start a follow-up from a selection. One verb per use case, each
// in one transaction, each written to the audit log.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditEvents, campaignRecipients, campaigns, phoneNumbers } from '@/db/schema';
import type { Transaction } from '@/db/client';
import type { Ctx } from '@/lib/context';
import { DomainError, NotFoundError } from '@/lib/errors';
import { linkRecipientsToMessages } from '@/lib/campaigns/launch';
import { createOutboundMessages } from '@/lib/messaging/outbound';
import { isBadNumberError, KNOWN_TWILIO_ERROR_CODES } from '@/lib/messaging/twilio/error-codes';
import { MAX_SELECTION } from './recipient-params';

/** Whom a resend is for: the ticked recipients, or every failed one. */
export type ResendSelection = { kind: 'selected'; contactIds: number[] } | { kind: 'all_failed' };

export type ResendPreview = {
  /** Failed recipients who will be texted again. */
  resendable: number;
  /** Failed recipients who opted out since: never texted again. */
  optedOut: number;
  /** Ticked recipients who did not fail (delivered, pending, not sent): skipped. */
  notFailed: number;
  /** Ticked ids that are not recipients of this campaign. */
  unknown: number;
  /** Of the resendable, those whose number cannot take texts (a landline): likely to fail again. */
  badNumbers: number;
};

/** Only campaigns that went out have failed recipients to resend to. */
const RESENDABLE_STATUSES = new Set(['sending', 'sent']);

const BAD_NUMBER_CODES = KNOWN_TWILIO_ERROR_CODES.filter((code) => isBadNumberError(code));

/** Resends are created in batches, as the launch does, to keep each insert well under the parameter limit. */
const BATCH_SIZE = 500;

async function lockCampaign(tx: Transaction, ctx: Ctx, campaignId: number) {
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)))
    .for('update');
  if (!campaign) throw new NotFoundError('campaign', campaignId);
  return campaign;
}

function selectionCondition(selection: ResendSelection) {
  return selection.kind === 'selected' ? sql`and r.contact_id = any(${sql.param(selection.contactIds)}::bigint[])` : sql``;
}

/** What a resend would do now, for the confirmation. Reads only. */
export async function previewResend(ctx: Ctx, campaignId: number, selection: ResendSelection): Promise<ResendPreview> {
  const [campaign] = await ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
  if (!campaign) throw new NotFoundError('campaign', campaignId);
  const failedOnly = selection.kind === 'all_failed' ? sql`and r.status = 'failed'` : sql``;
  const [row] = await ctx.db.execute<{ resendable: number; opted_out: number; not_failed: number; bad_numbers: number; found: number }>(sql`
    select count(*) filter (where r.status = 'failed' and c.opted_out_at is null)::int as resendable,
           count(*) filter (where r.status = 'failed' and c.opted_out_at is not null)::int as opted_out,
           count(*) filter (where r.status <> 'failed')::int as not_failed,
           count(*) filter (where r.status = 'failed' and c.opted_out_at is null
                              and r.error_code = any(${sql.param(BAD_NUMBER_CODES)}::int[]))::int as bad_numbers,
           count(*)::int as found
    from campaign_recipients r
    join contacts c on c.account_id = r.account_id and c.id = r.contact_id
    where r.account_id = ${ctx.accountId} and r.campaign_id = ${campaignId} ${failedOnly} ${selectionCondition(selection)}`);
  const found = Number(row?.found ?? 0);
  return {
    resendable: Number(row?.resendable ?? 0),
    optedOut: Number(row?.opted_out ?? 0),
    notFailed: Number(row?.not_failed ?? 0),
    unknown: selection.kind === 'selected' ? selection.contactIds.length - found : 0,
    badNumbers: Number(row?.bad_numbers ?? 0),
  };
}

/** Refuses, with the reason in the manager's words, a resend that would text nobody. */
export function requireSomethingToResend(selection: ResendSelection, preview: ResendPreview): void {
  if (selection.kind === 'selected' && selection.contactIds.length === 0) throw new DomainError('campaign.errors.selectFailed');
  if (preview.unknown > 0) throw new DomainError('campaign.errors.notInCampaign');
  if (preview.resendable > 0) return;
  if (preview.optedOut > 0) throw new DomainError('campaign.errors.allOptedOut');
  throw new DomainError(selection.kind === 'selected' ? 'campaign.errors.noneFailedSelected' : 'campaign.errors.noneFailed');
}

export type ResendResult = { resent: number; skippedOptedOut: number; skippedNotFailed: number };

/**
 * Texts the chosen failed recipients again: the next attempt of the campaign's message
 * from its number, now. The rows are locked and re-read, so only those still failed
 * are taken: a double submit, or two managers at once, resend nobody twice. Contacts
 * who opted out since are skipped. The campaign goes back to `sending` until the
 * worker has handed the new attempts over.
 */
export async function resendToFailed(ctx: Ctx, campaignId: number, selection: ResendSelection): Promise<ResendResult> {
  return ctx.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, ctx, campaignId);
    const failed = await tx.execute<{ contact_id: string; attempts: number; phone: string; first_name: string; last_name: string; opted_out: boolean }>(sql`
      select r.contact_id, r.attempts, r.phone, c.first_name, c.last_name, c.opted_out_at is not null as opted_out
      from campaign_recipients r
      join contacts c on c.account_id = r.account_id and c.id = r.contact_id
      where r.account_id = ${ctx.accountId} and r.campaign_id = ${campaignId} and r.status = 'failed'
        ${selectionCondition(selection)}
      order by r.contact_id
      for update of r`);
    const resendable = failed.filter((row) => !row.opted_out);
    const result: ResendResult = {
      resent: 0,
      skippedOptedOut: failed.length - resendable.length,
      skippedNotFailed: selection.kind === 'selected' ? selection.contactIds.length - failed.length : 0,
    };

    if (resendable.length > 0) {
      if (!RESENDABLE_STATUSES.has(campaign.status)) throw new DomainError('campaign.errors.notSent');
      const [number] = await tx
        .select({ id: phoneNumbers.id, e164: phoneNumbers.e164 })
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.accountId, ctx.accountId), eq(phoneNumbers.id, campaign.fromNumberId)));
      if (!number) throw new Error(`campaign ${campaignId} has no sender number`);
      const now = new Date();
      for (let start = 0; start < resendable.length; start += BATCH_SIZE) {
        const created = await createOutboundMessages(tx, {
          accountId: ctx.accountId,
          phoneNumber: number,
          template: campaign.body,
          surveyId: campaign.surveyId,
          campaignId,
          automationId: null,
          sendAfter: now,
          recipients: resendable.slice(start, start + BATCH_SIZE).map((row) => ({
            contactId: Number(row.contact_id),
            firstName: row.first_name,
            lastName: row.last_name,
            phone: row.phone,
            optedOut: false,
            attempt: Number(row.attempts) + 1,
          })),
        });
        await linkRecipientsToMessages(tx, campaign, created.map((m) => m.messageId));
        result.resent += created.length;
      }
      // Keeps sent_at and fanned_out_at: the worker marks it sent again once these are handed over.
      await tx
        .update(campaigns)
        .set({ status: 'sending', completedAt: null, updatedAt: now })
        .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
    }

    await tx.insert(auditEvents).values({
      accountId: ctx.accountId,
      userId: ctx.userId,
      action: 'campaign.resend',
      subjectType: 'campaign',
      subjectId: campaignId,
      details: {
        requested: selection.kind === 'selected' ? 'selected' : 'all_failed',
        contactIds: selection.kind === 'selected' ? selection.contactIds.length : failed.length,
        ...result,
      },
    });
    return result;
  });
}

export type CancelOutcome = 'canceled' | 'already_canceled' | 'too_late';

/**
 * Cancels a scheduled campaign. The update is conditional on `scheduled`, so a
 * campaign the worker has just started cannot be canceled: that is `too_late`.
 */
export async function cancelCampaign(ctx: Ctx, campaignId: number): Promise<CancelOutcome> {
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [canceled] = await tx
      .update(campaigns)
      .set({ status: 'canceled', canceledAt: now, updatedAt: now })
      .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId), eq(campaigns.status, 'scheduled')))
      .returning({ id: campaigns.id, scheduledAt: campaigns.scheduledAt });
    if (!canceled) {
      const [current] = await tx
        .select({ status: campaigns.status })
        .from(campaigns)
        .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
      if (!current) throw new NotFoundError('campaign', campaignId);
      if (current.status === 'canceled') return 'already_canceled';
      if (current.status === 'draft') throw new DomainError('campaign.errors.notScheduled');
      return 'too_late';
    }
    await tx.insert(auditEvents).values({
      accountId: ctx.accountId,
      userId: ctx.userId,
      action: 'campaign.cancel',
      subjectType: 'campaign',
      subjectId: campaignId,
      details: { scheduledAt: canceled.scheduledAt?.toISOString() ?? null },
    });
    return 'canceled';
  });
}

/**
 * Checks that every ticked contact is a recipient of the campaign and records that a
 * follow-up was started from them; the composer then creates the campaign (and its
 * own audit entry). Returns the ids in the order given.
 */
export async function startFollowUp(ctx: Ctx, campaignId: number, contactIds: number[]): Promise<number[]> {
  if (contactIds.length === 0) throw new DomainError('campaign.errors.selectRecipients');
  if (contactIds.length > MAX_SELECTION) throw new DomainError('campaign.errors.tooManySelected');
  return ctx.db.transaction(async (tx) => {
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.accountId, ctx.accountId), eq(campaigns.id, campaignId)));
    if (!campaign) throw new NotFoundError('campaign', campaignId);
    const found = await tx
      .select({ contactId: campaignRecipients.contactId })
      .from(campaignRecipients)
      .where(
        and(
          eq(campaignRecipients.accountId, ctx.accountId),
          eq(campaignRecipients.campaignId, campaignId),
          inArray(campaignRecipients.contactId, contactIds),
        ),
      );
    if (found.length !== contactIds.length) throw new DomainError('campaign.errors.notInCampaign');
    await tx.insert(auditEvents).values({
      accountId: ctx.accountId,
      userId: ctx.userId,
      action: 'campaign.follow_up_started',
      subjectType: 'campaign',
      subjectId: campaignId,
      details: { contactIds: contactIds.length },
    });
    return contactIds;
  });
}
