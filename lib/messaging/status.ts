// The message status model: our dispatch states and Twilio's statuses, ranked so a
// message only ever moves forward (a late 'sent' after 'delivered' changes nothing),
// and how each status counts for a recipient (DESIGN §5).
// Through the schema index: its files import each other, and only the index loads
// them in an order where every enum exists before a table uses it.
import { messageStatus, type recipientStatus } from '@/db/schema';

/** Every status a message row can hold; the one list is the database enum. */
export type MessageStatus = (typeof messageStatus.enumValues)[number];
export const MESSAGE_STATUSES: readonly MessageStatus[] = messageStatus.enumValues;

/** How a recipient counts on a campaign: the database enum of campaign_recipients.status. */
export type RecipientBucket = (typeof recipientStatus.enumValues)[number];

const RANKS: Record<MessageStatus, number> = {
  pending: 0,
  ready: 1,
  claimed: 2,
  queued: 3,
  accepted: 3,
  scheduled: 3,
  sending: 4,
  sent: 5,
  // Final outcomes share a rank: whichever arrives first stays.
  delivered: 6,
  undelivered: 6,
  failed: 6,
  canceled: 6,
  partially_delivered: 6,
  suppressed: 6,
  // 'read' (a read receipt) is the one thing that can follow 'delivered'.
  read: 7,
  // Inbound messages have their own short ladder.
  receiving: 0,
  received: 1,
};

// Twilio's MessageStatus values (Message resource, status callbacks). Our own
// dispatch states (pending, ready, claimed, suppressed) never come from a provider.
const DISPATCH_STATES = new Set<MessageStatus>(['pending', 'ready', 'claimed', 'suppressed']);
const PROVIDER_STATUSES = new Set<MessageStatus>(MESSAGE_STATUSES.filter((status) => !DISPATCH_STATES.has(status)));

export function isMessageStatus(value: unknown): value is MessageStatus {
  return typeof value === 'string' && Object.hasOwn(RANKS, value);
}

export function statusRank(status: MessageStatus): number {
  return RANKS[status];
}

/** Whether a message in `from` may move to `to`: only to a strictly higher rank. */
export function canAdvance(from: MessageStatus, to: MessageStatus): boolean {
  return statusRank(to) > statusRank(from);
}

// delivered = delivered or read; failed = failed, undelivered or canceled;
// suppressed = never sent (opted out); pending = everything else (DESIGN §5).
const BUCKETS: Record<MessageStatus, RecipientBucket> = {
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
  suppressed: 'suppressed',
  pending: 'pending',
  ready: 'pending',
  claimed: 'pending',
  queued: 'pending',
  accepted: 'pending',
  scheduled: 'pending',
  sending: 'pending',
  sent: 'pending',
  partially_delivered: 'pending',
  receiving: 'pending',
  received: 'pending',
};

/** How a message's status counts for its recipient on a campaign or automation. */
export function deliveryBucket(status: MessageStatus): RecipientBucket {
  return BUCKETS[status];
}

/** Twilio's status string (`MessageStatus`, `status`) as ours, or null when unknown. */
export function parseProviderStatus(value: unknown): MessageStatus | null {
  if (typeof value !== 'string') return null;
  const status = value.trim().toLowerCase();
  return isMessageStatus(status) && PROVIDER_STATUSES.has(status) ? status : null;
}
