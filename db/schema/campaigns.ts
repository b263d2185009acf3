// Campaigns and their recipients. A campaign_recipients row is one contact of one
// campaign with that recipient's current state, kept in step with the messages,
// replies, clicks and survey events that change it (see lib/messaging/rollups).
import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { campaignStatus, messageStatus, recipientStatus } from './enums';
import { accounts, phoneNumbers, users } from './accounts';
import { accountId, at, createdAt, id, ref } from './columns';
import { contacts } from './contacts';
import { messages } from './messaging';
import { surveys } from './surveys';

export const campaigns = pgTable(
  'campaigns',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    fromNumberId: ref('from_number_id').notNull(),
    surveyId: ref('survey_id'),
    status: campaignStatus('status').notNull().default('draft'),
    /** How the audience was chosen: `all`, `tag:NAME` or `campaign:ID`. */
    audience: text('audience').notNull().default('all'),
    /** The campaign this one follows up. */
    sourceCampaignId: ref('source_campaign_id'),
    scheduledAt: at('scheduled_at'),
    /** When sending started; the campaign's "Sent at". */
    sentAt: at('sent_at'),
    /** When every recipient of the audience had their message created (the launch is done). */
    fannedOutAt: at('fanned_out_at'),
    completedAt: at('completed_at'),
    canceledAt: at('canceled_at'),
    /**
     * Before it is sent: recipients and credits of the audience as of `estimated_at`
     * (lib/campaigns/estimates.ts); the worker refreshes them every few minutes.
     */
    estimatedRecipients: integer('estimated_recipients'),
    estimatedCredits: integer('estimated_credits'),
    estimatedAt: at('estimated_at'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.fromNumberId], foreignColumns: [phoneNumbers.accountId, phoneNumbers.id] }),
    foreignKey({ columns: [t.accountId, t.surveyId], foreignColumns: [surveys.accountId, surveys.id] }),
    foreignKey({ columns: [t.accountId, t.sourceCampaignId], foreignColumns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.createdBy], foreignColumns: [users.accountId, users.id] }),
    index('campaigns_status_scheduled').on(t.accountId, t.status, t.scheduledAt),
    index('campaigns_sent_at').on(t.accountId, t.sentAt, t.id),
    index('campaigns_created_at').on(t.accountId, t.createdAt, t.id),
    index('campaigns_unsent').on(t.status, t.estimatedAt).where(sql`${t.status} in ('draft', 'scheduled')`),
    index('campaigns_name_trgm').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    accountId: accountId(),
    campaignId: ref('campaign_id').notNull(),
    contactId: ref('contact_id').notNull(),
    /** Name and phone as the campaign addressed them (merge fields used these). */
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    sortName: text('sort_name').notNull(),
    status: recipientStatus('status').notNull().default('pending'),
    /** Status of the latest message, with its rank so updates never move backwards. */
    messageStatus: messageStatus('message_status').notNull().default('pending'),
    statusRank: smallint('status_rank').notNull().default(0),
    /** Why a pending message waits (quiet_hours, scheduled) or why a recipient was suppressed (opted_out). */
    statusReason: text('status_reason'),
    errorCode: integer('error_code'),
    messageId: ref('message_id'),
    attempts: smallint('attempts').notNull().default(0),
    sentAt: at('sent_at'),
    deliveredAt: at('delivered_at'),
    failedAt: at('failed_at'),
    /** Latest reply. */
    repliedAt: at('replied_at'),
    replyCount: integer('reply_count').notNull().default(0),
    lastReply: text('last_reply'),
    optedOutAt: at('opted_out_at'),
    /** First human click. */
    clickedAt: at('clicked_at'),
    clickCount: integer('click_count').notNull().default(0),
    surveyViewedAt: at('survey_viewed_at'),
    surveyRespondedAt: at('survey_responded_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.campaignId, t.contactId] }),
    foreignKey({ columns: [t.accountId, t.campaignId], foreignColumns: [campaigns.accountId, campaigns.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }),
    // One index per sortable column of the recipients table, each ending in the tie-break.
    index('campaign_recipients_by_name').on(t.accountId, t.campaignId, t.sortName, t.contactId),
    index('campaign_recipients_by_phone').on(t.accountId, t.campaignId, t.phone, t.contactId),
    index('campaign_recipients_by_status').on(t.accountId, t.campaignId, t.status, t.contactId),
    index('campaign_recipients_by_delivered').on(t.accountId, t.campaignId, t.deliveredAt, t.contactId),
    index('campaign_recipients_by_replied').on(t.accountId, t.campaignId, t.repliedAt, t.contactId),
    index('campaign_recipients_by_clicked').on(t.accountId, t.campaignId, t.clickedAt, t.contactId),
    index('campaign_recipients_contact').on(t.accountId, t.contactId),
    // Search: the campaign (btree_gin) beside the trigrams, so a common name is looked up
    // in this campaign's recipients rather than in every campaign's.
    index('campaign_recipients_search_trgm').using('gin', t.campaignId, sql`(${t.sortName} || ' ' || ${t.phone}) gin_trgm_ops`),
  ],
);
