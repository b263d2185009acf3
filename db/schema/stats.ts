// Rollups (DESIGN §6), written in the same transaction as the events that change
// them and recomputable from raw rows by `npm run db:verify-stats`.
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { automations } from './automations';
import { campaigns } from './campaigns';
import { accountId, at, ref } from './columns';

const count = (name: string) => integer(name).notNull().default(0);

/** Per-campaign counters of distinct recipients (and totals where named so). */
export const campaignStats = pgTable(
  'campaign_stats',
  {
    accountId: accountId(),
    campaignId: ref('campaign_id').notNull(),
    /** Recipients messaged (suppressed ones excluded). */
    recipients: count('recipients'),
    suppressed: count('suppressed'),
    delivered: count('delivered'),
    pending: count('pending'),
    failed: count('failed'),
    replied: count('replied'),
    repliesTotal: count('replies_total'),
    optedOut: count('opted_out'),
    clicked: count('clicked'),
    clicksTotal: count('clicks_total'),
    surveyViewed: count('survey_viewed'),
    surveyResponded: count('survey_responded'),
    messages: count('messages'),
    credits: count('credits'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.campaignId] }),
    foreignKey({ columns: [t.accountId, t.campaignId], foreignColumns: [campaigns.accountId, campaigns.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Per-automation counters of distinct contacts messaged. */
export const automationStats = pgTable(
  'automation_stats',
  {
    accountId: accountId(),
    automationId: ref('automation_id').notNull(),
    contacts: count('contacts'),
    delivered: count('delivered'),
    pending: count('pending'),
    failed: count('failed'),
    replied: count('replied'),
    optedOut: count('opted_out'),
    clicked: count('clicked'),
    clicksTotal: count('clicks_total'),
    surveyResponded: count('survey_responded'),
    executions: count('executions'),
    skipped: count('skipped'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.automationId] }),
    foreignKey({
      columns: [t.accountId, t.automationId],
      foreignColumns: [automations.accountId, automations.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Automation activity in 15-minute UTC buckets. Every IANA offset is a multiple
 * of 15 minutes, so summing buckets gives exact local days and months.
 */
export const automationActivity = pgTable(
  'automation_activity',
  {
    accountId: accountId(),
    automationId: ref('automation_id').notNull(),
    bucketStart: at('bucket_start').notNull(),
    executions: count('executions'),
    skipped: count('skipped'),
    credits: count('credits'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.automationId, t.bucketStart] }),
    foreignKey({
      columns: [t.accountId, t.automationId],
      foreignColumns: [automations.accountId, automations.id],
    }).onDelete('cascade'),
  ],
);

/** Account-wide activity in 15-minute UTC buckets: credits used and conversations started. */
export const accountActivity = pgTable(
  'account_activity',
  {
    accountId: accountId().references(() => accounts.id),
    bucketStart: at('bucket_start').notNull(),
    credits: count('credits'),
    /** The automation texts' share of `credits`: overage reads one row per quarter hour, however many automations ran. */
    automationCredits: count('automation_credits'),
    messagesSent: count('messages_sent'),
    conversationsStarted: count('conversations_started'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.bucketStart] }),
    // Estimated overage reads the automation credits of a campaign's send days from the
    // index alone: rows of one day lie on as many heap pages as they have quarter hours.
    index('account_activity_automation_credits')
      .on(t.accountId, t.bucketStart, t.automationCredits)
      .where(sql`${t.automationCredits} > 0`),
  ],
);

/**
 * The same activity by UTC day, with the automation texts' share of the credits: a
 * month or 30-day window sums at most ~31 of these plus the 15-minute buckets of its
 * partial first and last days, so those figures cost the same on a quiet account and
 * a busy one (lib/billing/activity.ts).
 */
export const accountActivityDaily = pgTable(
  'account_activity_daily',
  {
    accountId: accountId().references(() => accounts.id),
    dayStart: at('day_start').notNull(),
    credits: count('credits'),
    automationCredits: count('automation_credits'),
    messagesSent: count('messages_sent'),
    conversationsStarted: count('conversations_started'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.dayStart] })],
);

/**
 * The estimated overage of each campaign sent in a month that has ended, as computed
 * from the rollups above under the allowance and time zone in force: a past month's
 * charges no longer change, so a list spanning many months reads one row per campaign
 * instead of recharging every month. Not a rollup: a charge dated in the month or
 * adding to one of its campaigns (a resend) deletes the month's rows
 * (lib/messaging/rollups.ts), as does rebuilding the rollups; a month with a campaign
 * still sending is not remembered; a different allowance or zone misses the rows.
 */
export const closedMonthOverages = pgTable(
  'closed_month_overages',
  {
    accountId: accountId(),
    campaignId: ref('campaign_id').notNull(),
    monthStart: at('month_start').notNull(),
    monthEnd: at('month_end').notNull(),
    allowance: integer('allowance').notNull(),
    timeZone: text('time_zone').notNull(),
    overageCredits: integer('overage_credits').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.campaignId] }),
    index('closed_month_overages_by_month').on(t.accountId, t.monthStart),
    foreignKey({
      columns: [t.accountId, t.campaignId],
      foreignColumns: [campaigns.accountId, campaigns.id],
    }).onDelete('cascade'),
  ],
);
