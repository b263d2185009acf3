// Creates outbound messages for a batch of recipients of one campaign attempt or one
// automation action: fills the merge fields per recipient, swaps every URL for the
// recipient's own tracked link, gives each a survey invitation when a survey is
// attached, counts segments, and marks opted-out contacts suppressed on the spot.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { linkCodes, links, messages, surveyInvitations, surveyTokens } from '@/db/schema';
import { segmentsOf } from '@/lib/billing/segments';
import { publicUrl } from '@/lib/config';
import { newLinkCode } from '@/lib/messaging/links';
import { renderMessage } from '@/lib/messaging/merge-fields';
import { statusRank } from '@/lib/messaging/status';

export type OutboundRecipient = {
  contactId: number;
  firstName: string;
  lastName: string;
  phone: string;
  optedOut: boolean;
  /** 1 for a first message, n for the (n−1)th resend. */
  attempt: number;
  automationExecutionId?: number;
};

export type OutboundBatch = {
  accountId: number;
  phoneNumber: { id: number; e164: string };
  template: string;
  surveyId: number | null;
  campaignId: number | null;
  automationId: number | null;
  recipients: OutboundRecipient[];
  sendAfter: Date;
};

export type CreatedMessage = { contactId: number; messageId: number; suppressed: boolean };

/** The key the provider sees for a recipient attempt; the unique index makes a retried batch a no-op. */
export function idempotencyKey(batch: Pick<OutboundBatch, 'campaignId' | 'automationId'>, r: OutboundRecipient): string {
  if (batch.campaignId !== null) return `campaign:${batch.campaignId}:contact:${r.contactId}:attempt:${r.attempt}`;
  return `automation:${batch.automationId}:execution:${r.automationExecutionId}`;
}

export async function createOutboundMessages(tx: Transaction, batch: OutboundBatch): Promise<CreatedMessage[]> {
  if (batch.recipients.length === 0) return [];
  const base = publicUrl();
  const surveyLinks = batch.surveyId === null ? new Map<number, string>() : await invitationLinks(tx, batch, base);

  const pendingLinks: Array<{ contactId: number; code: string; destination: string }> = [];
  const rows = batch.recipients.map((r) => {
    const body = renderMessage(batch.template, {
      firstName: r.firstName,
      lastName: r.lastName,
      surveyLink: surveyLinks.get(r.contactId),
      trackLink: r.optedOut
        ? undefined
        : (destination: string) => {
            const code = newLinkCode();
            pendingLinks.push({ contactId: r.contactId, code, destination });
            return `${base}/l/${code}`;
          },
    });
    const { encoding, segments } = segmentsOf(body);
    const status: 'suppressed' | 'ready' = r.optedOut ? 'suppressed' : 'ready';
    return {
      accountId: batch.accountId,
      direction: 'outbound' as const,
      outboundKind: batch.campaignId !== null ? ('campaign' as const) : ('automation' as const),
      contactId: r.contactId,
      phoneNumberId: batch.phoneNumber.id,
      contactPhone: r.phone,
      numberPhone: batch.phoneNumber.e164,
      campaignId: batch.campaignId,
      automationId: batch.automationId,
      automationExecutionId: r.automationExecutionId ?? null,
      attempt: r.attempt,
      body,
      encoding,
      segments,
      status,
      statusRank: statusRank(status),
      statusReason: r.optedOut ? 'opted_out' : null,
      idempotencyKey: idempotencyKey(batch, r),
      sendAfter: batch.sendAfter,
    };
  });

  const inserted = await tx
    .insert(messages)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: messages.id, contactId: messages.contactId, status: messages.status });
  const messageOf = new Map(inserted.map((m) => [m.contactId, m.id]));

  const linkRows = pendingLinks.filter((l) => messageOf.has(l.contactId));
  if (linkRows.length > 0) {
    const createdLinks = await tx
      .insert(links)
      .values(
        linkRows.map((l) => ({
          accountId: batch.accountId,
          code: l.code,
          destination: l.destination,
          contactId: l.contactId,
          messageId: messageOf.get(l.contactId)!,
          campaignId: batch.campaignId,
          automationId: batch.automationId,
        })),
      )
      .returning({ id: links.id, code: links.code });
    await tx.insert(linkCodes).values(createdLinks.map((l) => ({ code: l.code, accountId: batch.accountId, linkId: l.id })));
  }
  return inserted.map((m) => ({ contactId: m.contactId, messageId: m.id, suppressed: m.status === 'suppressed' }));
}

/**
 * One invitation per campaign recipient (a resend reuses it) or per automation
 * execution; returns each recipient's survey URL.
 */
async function invitationLinks(tx: Transaction, batch: OutboundBatch, base: string): Promise<Map<number, string>> {
  const surveyId = batch.surveyId!;
  const contactIds = batch.recipients.map((r) => r.contactId);
  const existing =
    batch.campaignId === null
      ? []
      : await tx
          .select({ contactId: surveyInvitations.contactId, token: surveyInvitations.token })
          .from(surveyInvitations)
          .where(
            and(
              eq(surveyInvitations.accountId, batch.accountId),
              eq(surveyInvitations.campaignId, batch.campaignId),
              inArray(surveyInvitations.contactId, contactIds),
              isNull(surveyInvitations.automationExecutionId),
            ),
          );
  const tokens = new Map(existing.map((e) => [e.contactId, e.token]));
  const missing = batch.recipients.filter((r) => !tokens.has(r.contactId) && !r.optedOut);
  if (missing.length > 0) {
    const created = await tx
      .insert(surveyInvitations)
      .values(
        missing.map((r) => ({
          accountId: batch.accountId,
          surveyId,
          contactId: r.contactId,
          campaignId: batch.campaignId,
          automationId: batch.automationId,
          automationExecutionId: r.automationExecutionId ?? null,
          token: newLinkCode(),
        })),
      )
      .returning({ id: surveyInvitations.id, contactId: surveyInvitations.contactId, token: surveyInvitations.token });
    await tx.insert(surveyTokens).values(created.map((c) => ({ token: c.token, accountId: batch.accountId, invitationId: c.id })));
    for (const c of created) tokens.set(c.contactId, c.token);
  }
  return new Map([...tokens].map(([contactId, token]) => [contactId, `${base}/s/${token}`]));
}
