// Keeps each recipient's state row and the counters above it in step with the event
// that changes them, inside the caller's transaction (DESIGN §6). lib/stats recounts
// the same numbers from raw rows; the two must always agree (npm run db:verify-stats).
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { RecipientBucket } from '@/lib/messaging/status';

/** 15-minute UTC bucket of an instant; every IANA offset is a multiple of 15 minutes. */
const bucketOf = (at: Date) => sql`date_bin('15 minutes', ${at.toISOString()}::timestamptz, timestamptz '2000-01-01 00:00:00+00')`;
const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;
const dayOf = (at: Date) => sql`date_bin('1 day', ${at.toISOString()}::timestamptz, timestamptz '2000-01-01 00:00:00+00')`;

/** Where a message or event is attributed: a campaign, an automation, or neither. */
export type Attribution = { campaignId: number | null; automationId: number | null };

export type MessageState = Attribution & {
  accountId: number;
  messageId: number;
  contactId: number;
  status: string;
  statusRank: number;
  bucket: RecipientBucket;
  statusReason: string | null;
  errorCode: number | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
};

/**
 * CTEs that mirror the message in a preceding CTE named `advanced` (one row, with the
 * columns of `messages`) onto the recipient row whose latest message it is, and move
 * that recipient between the delivered/pending/failed/suppressed counters. An older
 * attempt (superseded by a resend) matches no recipient row and changes nothing.
 * The recipient rows are locked first, so concurrent events see each other's counts.
 */
export function mirrorAdvancedMessage(bucket: RecipientBucket): SQL {
  return sql`
    , campaign_before as (
      select r.campaign_id, r.contact_id, r.status from campaign_recipients r
      join advanced a on r.account_id = a.account_id and r.campaign_id = a.campaign_id
        and r.contact_id = a.contact_id and r.message_id = a.id
      for update of r
    ), campaign_changed as (
      update campaign_recipients r set
        message_status = a.status, status_rank = a.status_rank, status = ${bucket}, status_reason = a.status_reason,
        error_code = a.error_code, sent_at = a.sent_at, delivered_at = a.delivered_at, failed_at = a.failed_at,
        updated_at = now()
      from advanced a, campaign_before b
      where r.account_id = a.account_id and r.campaign_id = b.campaign_id and r.contact_id = b.contact_id
      returning r.account_id, r.campaign_id, b.status::text as was, r.status::text as now
    ), campaign_counted as (
      update campaign_stats s set
        recipients = s.recipients + (c.now <> 'suppressed')::int - (c.was <> 'suppressed')::int,
        suppressed = s.suppressed + (c.now = 'suppressed')::int - (c.was = 'suppressed')::int,
        pending = s.pending + (c.now = 'pending')::int - (c.was = 'pending')::int,
        delivered = s.delivered + (c.now = 'delivered')::int - (c.was = 'delivered')::int,
        failed = s.failed + (c.now = 'failed')::int - (c.was = 'failed')::int
      from campaign_changed c
      where s.account_id = c.account_id and s.campaign_id = c.campaign_id and c.was <> c.now
      returning 1
    ), automation_before as (
      select r.automation_id, r.contact_id, r.status from automation_recipients r
      join advanced a on r.account_id = a.account_id and r.automation_id = a.automation_id
        and r.contact_id = a.contact_id and r.message_id = a.id
      for update of r
    ), automation_changed as (
      update automation_recipients r set
        message_status = a.status, status_rank = a.status_rank, status = ${bucket}, delivered_at = a.delivered_at
      from advanced a, automation_before b
      where r.account_id = a.account_id and r.automation_id = b.automation_id and r.contact_id = b.contact_id
      returning r.account_id, r.automation_id, b.status::text as was, r.status::text as now
    ), automation_counted as (
      update automation_stats s set
        pending = s.pending + (c.now = 'pending')::int - (c.was = 'pending')::int,
        delivered = s.delivered + (c.now = 'delivered')::int - (c.was = 'delivered')::int,
        failed = s.failed + (c.now = 'failed')::int - (c.was = 'failed')::int
      from automation_changed c
      where s.account_id = c.account_id and s.automation_id = c.automation_id and c.was <> c.now
      returning 1
    )`;
}

/** A message moved to a new state: mirror it on its recipient row and counters. */
export async function applyMessageState(tx: Executor, m: MessageState): Promise<void> {
  const timestamp = (at: Date | null) => sql`${at?.toISOString() ?? null}::timestamptz`;
  await tx.execute(sql`
    with advanced as (
      select ${m.accountId}::bigint as account_id, ${m.messageId}::bigint as id, ${m.contactId}::bigint as contact_id,
             ${m.campaignId}::bigint as campaign_id, ${m.automationId}::bigint as automation_id,
             ${m.status}::message_status as status, ${m.statusRank}::smallint as status_rank,
             ${m.statusReason}::text as status_reason, ${m.errorCode}::int as error_code,
             ${timestamp(m.sentAt)} as sent_at, ${timestamp(m.deliveredAt)} as delivered_at, ${timestamp(m.failedAt)} as failed_at
    ) ${mirrorAdvancedMessage(m.bucket)}
    select 1`);
}

/** The provider accepted a message: its credits count from now, in the month of `sentAt`. */
export async function chargeMessage(
  tx: Executor,
  m: Attribution & { accountId: number; credits: number; sentAt: Date },
): Promise<void> {
  if (m.campaignId !== null) {
    await tx.execute(sql`
      update campaign_stats set messages = messages + 1, credits = credits + ${m.credits}
      where account_id = ${m.accountId} and campaign_id = ${m.campaignId}`);
  }
  if (m.automationId !== null) {
    await tx.execute(sql`
      insert into automation_activity (account_id, automation_id, bucket_start, credits)
      values (${m.accountId}, ${m.automationId}, ${bucketOf(m.sentAt)}, ${m.credits})
      on conflict (account_id, automation_id, bucket_start)
      do update set credits = automation_activity.credits + excluded.credits`);
  }
  const automationCredits = m.automationId !== null ? m.credits : 0;
  // A charge changes the overage remembered for an ended month when it is dated in it
  // (a backfill) or adds to one of its campaigns (a resend months later), so those
  // months' memos are dropped with it.
  await tx.execute(sql`
    with reopened as (
      delete from closed_month_overages o
      where o.account_id = ${m.accountId}
        and ((o.month_start <= ${iso(m.sentAt)} and o.month_end > ${iso(m.sentAt)})
          or o.month_start = (select c.month_start from closed_month_overages c
                              where c.account_id = ${m.accountId} and c.campaign_id = ${m.campaignId}::bigint))
    ), quarter as (
      insert into account_activity (account_id, bucket_start, credits, automation_credits, messages_sent)
      values (${m.accountId}, ${bucketOf(m.sentAt)}, ${m.credits}, ${automationCredits}, 1)
      on conflict (account_id, bucket_start)
      do update set credits = account_activity.credits + excluded.credits,
                    automation_credits = account_activity.automation_credits + excluded.automation_credits,
                    messages_sent = account_activity.messages_sent + 1
    )
    insert into account_activity_daily (account_id, day_start, credits, automation_credits, messages_sent)
    values (${m.accountId}, ${dayOf(m.sentAt)}, ${m.credits}, ${automationCredits}, 1)
    on conflict (account_id, day_start)
    do update set credits = account_activity_daily.credits + excluded.credits,
                  automation_credits = account_activity_daily.automation_credits + excluded.automation_credits,
                  messages_sent = account_activity_daily.messages_sent + 1`);
}

type ContactEvent = Attribution & { accountId: number; contactId: number; at: Date };

type Scope = { recipients: SQL; stats: SQL; key: SQL; id: number; kind: 'campaign' | 'automation' };

/** The recipient rows an event touches: its campaign's, its automation's, or both. */
function scopesOf(e: Attribution): Scope[] {
  const scopes: Scope[] = [];
  if (e.campaignId !== null) {
    scopes.push({ recipients: sql`campaign_recipients`, stats: sql`campaign_stats`, key: sql`campaign_id`, id: e.campaignId, kind: 'campaign' });
  }
  if (e.automationId !== null) {
    scopes.push({ recipients: sql`automation_recipients`, stats: sql`automation_stats`, key: sql`automation_id`, id: e.automationId, kind: 'automation' });
  }
  return scopes;
}

/**
 * Updates one recipient row and its counters in one statement. `firstTimeColumn` is
 * read before the update: when it was null, this event is the recipient's first of
 * its kind, and `statsSet` may count the recipient (`c.first`).
 */
async function touchRecipient(
  tx: Executor,
  scope: Scope,
  e: ContactEvent,
  change: { firstTimeColumn: SQL; set: SQL; statsSet: SQL },
): Promise<void> {
  await tx.execute(sql`
    with before as (
      select ${change.firstTimeColumn} as was from ${scope.recipients}
      where account_id = ${e.accountId} and ${scope.key} = ${scope.id} and contact_id = ${e.contactId}
      for update
    ), changed as (
      update ${scope.recipients} r set ${change.set}
      from before
      where r.account_id = ${e.accountId} and r.${scope.key} = ${scope.id} and r.contact_id = ${e.contactId}
      returning (before.was is null) as first
    )
    update ${scope.stats} s set ${change.statsSet}
    from changed c where s.account_id = ${e.accountId} and s.${scope.key} = ${scope.id}`);
}

/** An inbound reply attributed to a campaign or automation message (DESIGN §5): the latest one is shown. */
export async function recordReply(tx: Executor, e: ContactEvent & { body: string }): Promise<void> {
  for (const scope of scopesOf(e)) {
    const campaignOnly = scope.kind === 'campaign';
    await touchRecipient(tx, scope, e, {
      firstTimeColumn: sql`replied_at`,
      set: campaignOnly
        ? sql`reply_count = r.reply_count + 1,
              last_reply = case when r.replied_at is null or r.replied_at <= ${iso(e.at)} then ${e.body} else r.last_reply end,
              replied_at = greatest(r.replied_at, ${iso(e.at)}), updated_at = now()`
        : sql`replied_at = greatest(r.replied_at, ${iso(e.at)})`,
      statsSet: campaignOnly
        ? sql`replied = s.replied + c.first::int, replies_total = s.replies_total + 1`
        : sql`replied = s.replied + c.first::int`,
    });
  }
}

/** An opt-out attributed to a campaign or automation; the earliest one is its time. */
export async function recordOptOut(tx: Executor, e: ContactEvent): Promise<void> {
  for (const scope of scopesOf(e)) {
    await touchRecipient(tx, scope, e, {
      firstTimeColumn: sql`opted_out_at`,
      set: sql`opted_out_at = least(r.opted_out_at, ${iso(e.at)})`,
      statsSet: sql`opted_out = s.opted_out + c.first::int`,
    });
  }
}

/** A human click on a tracked link (bots and link previews never get here). */
export async function recordHumanClick(tx: Executor, e: ContactEvent): Promise<void> {
  for (const scope of scopesOf(e)) {
    await touchRecipient(tx, scope, e, {
      firstTimeColumn: sql`clicked_at`,
      set:
        scope.kind === 'campaign'
          ? sql`click_count = r.click_count + 1, clicked_at = least(r.clicked_at, ${iso(e.at)})`
          : sql`clicked_at = least(r.clicked_at, ${iso(e.at)})`,
      statsSet: sql`clicked = s.clicked + c.first::int, clicks_total = s.clicks_total + 1`,
    });
  }
}

/** A recipient opened their survey link; only campaigns count views. */
export async function recordSurveyView(tx: Executor, e: ContactEvent): Promise<void> {
  for (const scope of scopesOf({ campaignId: e.campaignId, automationId: null })) {
    await touchRecipient(tx, scope, e, {
      firstTimeColumn: sql`survey_viewed_at`,
      set: sql`survey_viewed_at = least(r.survey_viewed_at, ${iso(e.at)})`,
      statsSet: sql`survey_viewed = s.survey_viewed + c.first::int`,
    });
  }
}

/** A recipient submitted their survey. */
export async function recordSurveyResponse(tx: Executor, e: ContactEvent): Promise<void> {
  for (const scope of scopesOf(e)) {
    await touchRecipient(tx, scope, e, {
      firstTimeColumn: sql`survey_responded_at`,
      set: sql`survey_responded_at = least(r.survey_responded_at, ${iso(e.at)})`,
      statsSet: sql`survey_responded = s.survey_responded + c.first::int`,
    });
  }
}

/** A conversation started (an inbound message after 24 h of silence on its thread). */
export async function recordConversationStart(tx: Executor, e: { accountId: number; at: Date }): Promise<void> {
  await tx.execute(sql`
    with quarter as (
      insert into account_activity (account_id, bucket_start, conversations_started)
      values (${e.accountId}, ${bucketOf(e.at)}, 1)
      on conflict (account_id, bucket_start)
      do update set conversations_started = account_activity.conversations_started + 1
    )
    insert into account_activity_daily (account_id, day_start, conversations_started)
    values (${e.accountId}, ${dayOf(e.at)}, 1)
    on conflict (account_id, day_start)
    do update set conversations_started = account_activity_daily.conversations_started + 1`);
}
