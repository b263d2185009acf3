// Automations: a trigger (a contact created, a tag added, a keyword texted in, a
// date such as a birthday, or a recurrence) that sends a message or a survey.
// Each firing for one contact is an execution with a unique trigger key, so a
// retried or duplicated trigger never messages anyone twice.
import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { automationAction, automationStatus, automationTrigger, executionStatus, messageStatus, recipientStatus } from './enums';
import { accounts, phoneNumbers, users } from './accounts';
import { accountId, at, createdAt, id, ref } from './columns';
import { contacts, tags } from './contacts';
import { messages } from './messaging';
import { surveys } from './surveys';

/**
 * Trigger settings beyond the tag and keyword columns:
 * - date: which contact date (`birthday` or an attribute name), days before/after, local send time;
 * - recurring: every day, week (weekday 0–6) or month (day 1–31) at a local time;
 * - contact_created / tag_added: an optional delay in minutes.
 */
export type TriggerConfig = {
  dateField?: string;
  offsetDays?: number;
  sendTime?: string;
  every?: 'day' | 'week' | 'month';
  weekday?: number;
  monthDay?: number;
  delayMinutes?: number;
};

export const automations = pgTable(
  'automations',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    name: text('name').notNull(),
    status: automationStatus('status').notNull().default('inactive'),
    trigger: automationTrigger('trigger').notNull(),
    triggerTagId: ref('trigger_tag_id'),
    triggerKeyword: text('trigger_keyword'),
    triggerConfig: jsonb('trigger_config').$type<TriggerConfig>().notNull().default({}),
    /** `all` or `tag:NAME`. */
    audience: text('audience').notNull().default('all'),
    timeZone: text('time_zone').notNull(),
    action: automationAction('action').notNull(),
    body: text('body').notNull(),
    surveyId: ref('survey_id'),
    fromNumberId: ref('from_number_id').notNull(),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.triggerTagId], foreignColumns: [tags.accountId, tags.id] }),
    foreignKey({ columns: [t.accountId, t.surveyId], foreignColumns: [surveys.accountId, surveys.id] }),
    foreignKey({ columns: [t.accountId, t.fromNumberId], foreignColumns: [phoneNumbers.accountId, phoneNumbers.id] }),
    foreignKey({ columns: [t.accountId, t.createdBy], foreignColumns: [users.accountId, users.id] }),
    index('automations_status').on(t.accountId, t.status, t.trigger),
    index('automations_name').on(t.accountId, t.name, t.id),
  ],
);

export const automationExecutions = pgTable(
  'automation_executions',
  {
    accountId: accountId(),
    id: id(),
    automationId: ref('automation_id').notNull(),
    contactId: ref('contact_id').notNull(),
    /** Names the trigger occurrence, e.g. `birthday:2026`, `tag:12:2026-11-25T10:00Z`, `keyword:SM…`. */
    triggerKey: text('trigger_key').notNull(),
    scheduledFor: at('scheduled_for').notNull(),
    status: executionStatus('status').notNull().default('scheduled'),
    skipReason: text('skip_reason'),
    messageId: ref('message_id'),
    executedAt: at('executed_at'),
    createdAt: createdAt(),
  },
  // Annotated: this table and the one it references refer to each other.
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.automationId], foreignColumns: [automations.accountId, automations.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }),
    unique('automation_executions_once').on(t.accountId, t.automationId, t.contactId, t.triggerKey),
    index('automation_executions_history').on(t.accountId, t.automationId, t.createdAt, t.id),
    index('automation_executions_due')
      .on(t.scheduledFor)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);

/** One contact messaged by one automation, with the state of their latest message (like campaign_recipients). */
export const automationRecipients = pgTable(
  'automation_recipients',
  {
    accountId: accountId(),
    automationId: ref('automation_id').notNull(),
    contactId: ref('contact_id').notNull(),
    status: recipientStatus('status').notNull().default('pending'),
    messageStatus: messageStatus('message_status').notNull().default('pending'),
    statusRank: smallint('status_rank').notNull().default(0),
    messageId: ref('message_id'),
    firstMessagedAt: at('first_messaged_at').notNull().defaultNow(),
    deliveredAt: at('delivered_at'),
    repliedAt: at('replied_at'),
    optedOutAt: at('opted_out_at'),
    clickedAt: at('clicked_at'),
    surveyRespondedAt: at('survey_responded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.automationId, t.contactId] }),
    foreignKey({ columns: [t.accountId, t.automationId], foreignColumns: [automations.accountId, automations.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }),
  ],
);
