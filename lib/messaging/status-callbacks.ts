// Records a provider status callback (Twilio's StatusCallback): once per message and
// status, never moving a message backwards, and with every rollup updated in the
// same transaction. Error 21610 means the recipient had opted out at the carrier.
import { and, eq, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { messageEvents, messages, providerMessages } from '@/db/schema';
import { optOutContact } from '@/lib/messaging/opt-outs';
import { applyMessageState } from '@/lib/messaging/rollups';
import { deliveryBucket, statusRank, type MessageStatus } from '@/lib/messaging/status';
import { isOptOutError } from '@/lib/messaging/twilio/error-codes';

export type StatusCallback = {
  messageSid: string;
  status: MessageStatus;
  errorCode: number | null;
  /** The callback's form fields as received, kept in the event log. */
  payload: Record<string, string>;
};

export type CallbackOutcome = 'applied' | 'stale' | 'duplicate' | 'unknown_sid';

export async function recordStatusCallback(callback: StatusCallback, at = new Date()): Promise<CallbackOutcome> {
  return db.transaction(async (tx) => {
    const [route] = await tx
      .select({ accountId: providerMessages.accountId, messageId: providerMessages.messageId })
      .from(providerMessages)
      .where(eq(providerMessages.sid, callback.messageSid));
    if (!route) return 'unknown_sid';

    // The unique (account, message, status) makes a repeated callback a no-op.
    const [event] = await tx
      .insert(messageEvents)
      .values({
        accountId: route.accountId,
        messageId: route.messageId,
        status: callback.status,
        errorCode: callback.errorCode,
        applied: false,
        payload: callback.payload,
        receivedAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: messageEvents.id });
    if (!event) return 'duplicate';

    const rank = statusRank(callback.status);
    const bucket = deliveryBucket(callback.status);
    // Conditional on rank: a late `sent` after `delivered` matches nothing.
    const [message] = await tx
      .update(messages)
      .set({
        status: callback.status,
        statusRank: rank,
        errorCode: callback.errorCode ?? sql`${messages.errorCode}`,
        deliveredAt: bucket === 'delivered' ? sql`coalesce(${messages.deliveredAt}, ${at.toISOString()}::timestamptz)` : undefined,
        failedAt: bucket === 'failed' ? sql`coalesce(${messages.failedAt}, ${at.toISOString()}::timestamptz)` : undefined,
        updatedAt: at,
      })
      .where(
        and(
          eq(messages.accountId, route.accountId),
          eq(messages.id, route.messageId),
          lt(messages.statusRank, rank),
        ),
      )
      .returning();
    if (!message) return 'stale';

    await tx
      .update(messageEvents)
      .set({ applied: true })
      .where(and(eq(messageEvents.accountId, route.accountId), eq(messageEvents.id, event.id)));
    await applyMessageState(tx, {
      accountId: message.accountId,
      messageId: message.id,
      contactId: message.contactId,
      campaignId: message.campaignId,
      automationId: message.automationId,
      status: message.status,
      statusRank: message.statusRank,
      bucket,
      statusReason: message.statusReason,
      errorCode: message.errorCode,
      sentAt: message.sentAt,
      deliveredAt: message.deliveredAt,
      failedAt: message.failedAt,
    });
    if (isOptOutError(message.errorCode) && bucket === 'failed') {
      await optOutContact(tx, {
        accountId: message.accountId,
        contactId: message.contactId,
        source: 'carrier',
        messageId: message.id,
        campaignId: message.campaignId,
        automationId: message.automationId,
        at,
      });
    }
    return 'applied';
  });
}
