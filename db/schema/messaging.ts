// Messages in both directions, their provider status events, conversations and
// tracked links. Provider ids and link codes are global, so they live in lookup
// tables that route them to an account.
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { inboundKind, messageDirection, messageEncoding, messageStatus, outboundKind } from './enums';
import { phoneNumbers } from './accounts';
import { automationExecutions, automations } from './automations';
import { campaigns } from './campaigns';
import { accountId, at, createdAt, id, ref } from './columns';
import { contacts } from './contacts';

export const messages = pgTable(
  'messages',
  {
    accountId: accountId(),
    id: id(),
    direction: messageDirection('direction').notNull(),
    outboundKind: outboundKind('outbound_kind'),
    inboundKind: inboundKind('inbound_kind'),
    contactId: ref('contact_id').notNull(),
    phoneNumberId: ref('phone_number_id').notNull(),
    /** The contact's and our number in E.164, as they were when the message was sent. */
    contactPhone: text('contact_phone').notNull(),
    numberPhone: text('number_phone').notNull(),
    campaignId: ref('campaign_id'),
    automationId: ref('automation_id'),
    automationExecutionId: ref('automation_execution_id'),
    /** 1 for the first message to a campaign recipient, 2 for the first resend, … */
    attempt: smallint('attempt').notNull().default(1),
    body: text('body').notNull(),
    encoding: messageEncoding('encoding'),
    segments: smallint('segments').notNull().default(0),
    /** Credits charged; 0 until the provider accepts the message, always 0 inbound. */
    credits: integer('credits').notNull().default(0),
    status: messageStatus('status').notNull(),
    statusRank: smallint('status_rank').notNull().default(0),
    /** Why a pending message waits or a suppressed one was never sent. */
    statusReason: text('status_reason'),
    errorCode: integer('error_code'),
    providerSid: text('provider_sid'),
    /** One key per recipient attempt; the provider sees it too, so a retried claim never sends twice. */
    idempotencyKey: text('idempotency_key'),
    /** Earliest dispatch time (schedule or quiet hours). */
    sendAfter: at('send_after'),
    claimedAt: at('claimed_at'),
    /** Provider calls tried so far for this message (transient errors are retried). */
    providerAttempts: smallint('provider_attempts').notNull().default(0),
    sentAt: at('sent_at'),
    deliveredAt: at('delivered_at'),
    failedAt: at('failed_at'),
    /** Inbound: the outbound message it answers (DESIGN §5 attribution). */
    attributedMessageId: ref('attributed_message_id'),
    conversationId: ref('conversation_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  // Annotated: this table and the one it references refer to each other.
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.phoneNumberId], foreignColumns: [phoneNumbers.accountId, phoneNumbers.id] }),
    foreignKey({ columns: [t.accountId, t.campaignId], foreignColumns: [campaigns.accountId, campaigns.id] }),
    foreignKey({ columns: [t.accountId, t.automationId], foreignColumns: [automations.accountId, automations.id] }),
    foreignKey({
      columns: [t.accountId, t.automationExecutionId],
      foreignColumns: [automationExecutions.accountId, automationExecutions.id],
    }),
    foreignKey({ columns: [t.accountId, t.attributedMessageId], foreignColumns: [t.accountId, t.id] }),
    unique('messages_provider_sid').on(t.accountId, t.providerSid),
    unique('messages_idempotency_key').on(t.accountId, t.idempotencyKey),
    // Latest message on a thread (contact × number): reply attribution and conversation starts.
    index('messages_thread').on(t.accountId, t.contactId, t.phoneNumberId, t.createdAt),
    index('messages_campaign').on(t.accountId, t.campaignId, t.contactId),
    index('messages_automation').on(t.accountId, t.automationId, t.createdAt),
    // The worker's queue, per sender number: only undispatched rows are indexed.
    index('messages_dispatch')
      .on(t.accountId, t.phoneNumberId, t.sendAfter)
      .where(sql`${t.status} in ('pending', 'ready', 'claimed')`),
  ],
);

/** Global lookup: a provider message sid (ours or an inbound one) names one message. */
export const providerMessages = pgTable(
  'provider_messages',
  {
    sid: text('sid').primaryKey(),
    accountId: accountId(),
    messageId: ref('message_id').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * Append-only log of provider status callbacks. The same (message, status) is
 * stored once; `applied` says whether it moved the message forward.
 */
export const messageEvents = pgTable(
  'message_events',
  {
    accountId: accountId(),
    id: id(),
    messageId: ref('message_id').notNull(),
    status: messageStatus('status').notNull(),
    errorCode: integer('error_code'),
    applied: boolean('applied').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }),
    uniqueIndex('message_events_once').on(t.accountId, t.messageId, t.status),
  ],
);

/** A thread opened by an inbound message after 24 h of silence on it (DESIGN §5). */
export const conversations = pgTable(
  'conversations',
  {
    accountId: accountId(),
    id: id(),
    contactId: ref('contact_id').notNull(),
    phoneNumberId: ref('phone_number_id').notNull(),
    startedAt: at('started_at').notNull(),
    startedByMessageId: ref('started_by_message_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.phoneNumberId], foreignColumns: [phoneNumbers.accountId, phoneNumbers.id] }),
    foreignKey({ columns: [t.accountId, t.startedByMessageId], foreignColumns: [messages.accountId, messages.id] }),
    index('conversations_started').on(t.accountId, t.startedAt),
  ],
);

/** A per-recipient tracked link; the message body carries PUBLIC_URL/l/CODE instead of the URL. */
export const links = pgTable(
  'links',
  {
    accountId: accountId(),
    id: id(),
    code: text('code').notNull(),
    destination: text('destination').notNull(),
    contactId: ref('contact_id').notNull(),
    messageId: ref('message_id'),
    campaignId: ref('campaign_id'),
    automationId: ref('automation_id'),
    clickCount: integer('click_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }),
    foreignKey({ columns: [t.accountId, t.campaignId], foreignColumns: [campaigns.accountId, campaigns.id] }),
    foreignKey({ columns: [t.accountId, t.automationId], foreignColumns: [automations.accountId, automations.id] }),
    unique('links_code').on(t.accountId, t.code),
    index('links_message').on(t.accountId, t.messageId),
  ],
);

/** Global lookup: a short code in /l/CODE names one link in one account. */
export const linkCodes = pgTable(
  'link_codes',
  {
    code: text('code').primaryKey(),
    accountId: accountId(),
    linkId: ref('link_id').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.accountId, t.linkId], foreignColumns: [links.accountId, links.id] }).onDelete('cascade'),
  ],
);

export const linkClicks = pgTable(
  'link_clicks',
  {
    accountId: accountId(),
    id: id(),
    linkId: ref('link_id').notNull(),
    /** Link-preview fetchers, crawlers and HEAD requests: recorded, never counted. */
    isBot: boolean('is_bot').notNull(),
    method: text('method').notNull(),
    userAgent: text('user_agent'),
    clickedAt: at('clicked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.linkId], foreignColumns: [links.accountId, links.id] }),
    index('link_clicks_link').on(t.accountId, t.linkId, t.clickedAt),
  ],
);
