// Expected automation_recipients, automation_stats and automation_activity, from
// the automation's messages, executions, replies, opt-outs, clicks and surveys.
import { sql } from 'drizzle-orm';
import type { RollupFamily } from './family';
import { inScope } from './scope';
import { deliveryBucketOf, quarterHourOf } from './status';

export const automationRecipientsFamily: RollupFamily = {
  name: 'automation_recipients',
  table: 'automation_recipients',
  keys: ['account_id', 'automation_id', 'contact_id'],
  derived: [
    'status',
    'message_status',
    'status_rank',
    'message_id',
    'first_messaged_at',
    'delivered_at',
    'replied_at',
    'opted_out_at',
    'clicked_at',
    'survey_responded_at',
  ],
  // One row per contact the automation messaged, nothing else.
  rowSet: { insertMissing: true, deleteExtra: true },
  expected: (scope) => sql`
    with automation_messages as (
      select m.account_id, m.automation_id, m.contact_id, m.id, m.status, m.status_rank,
             m.delivered_at, m.created_at
      from messages m
      where m.direction = 'outbound' and m.automation_id is not null and ${inScope('m', scope)}
    ),
    -- The contact's state is that of the automation's latest message to them (highest id).
    latest as (
      select distinct on (account_id, automation_id, contact_id) *,
             min(created_at) over contact as first_messaged_at
      from automation_messages
      window contact as (partition by account_id, automation_id, contact_id)
      order by account_id, automation_id, contact_id, id desc
    ),
    replies as (
      select o.account_id, o.automation_id, o.contact_id, max(i.created_at) as replied_at
      from messages i
      join messages o on o.account_id = i.account_id and o.id = i.attributed_message_id
      where i.direction = 'inbound' and i.inbound_kind = 'reply' and o.automation_id is not null
        and ${inScope('i', scope)}
      group by o.account_id, o.automation_id, o.contact_id
    ),
    opt_outs_by_automation as (
      select account_id, automation_id, contact_id, min(created_at) as opted_out_at
      from opt_outs
      where kind = 'opt_out' and automation_id is not null and ${inScope('opt_outs', scope)}
      group by account_id, automation_id, contact_id
    ),
    human_clicks as (
      select l.account_id, l.automation_id, l.contact_id, min(c.clicked_at) as clicked_at
      from links l
      join link_clicks c on c.account_id = l.account_id and c.link_id = l.id
      where l.automation_id is not null and not c.is_bot and ${inScope('l', scope)}
      group by l.account_id, l.automation_id, l.contact_id
    ),
    responses as (
      select account_id, automation_id, contact_id, min(submitted_at) as survey_responded_at
      from survey_invitations
      where automation_id is not null and ${inScope('survey_invitations', scope)}
      group by account_id, automation_id, contact_id
    )
    select l.account_id, l.automation_id, l.contact_id,
           ${deliveryBucketOf(sql`l.status`)} as status,
           l.status as message_status, l.status_rank, l.id as message_id,
           l.first_messaged_at, l.delivered_at,
           rp.replied_at, o.opted_out_at, hc.clicked_at, sr.survey_responded_at
    from latest l
    left join replies rp using (account_id, automation_id, contact_id)
    left join opt_outs_by_automation o using (account_id, automation_id, contact_id)
    left join human_clicks hc using (account_id, automation_id, contact_id)
    left join responses sr using (account_id, automation_id, contact_id)`,
};

export const automationStatsFamily: RollupFamily = {
  name: 'automation_stats',
  table: 'automation_stats',
  keys: ['account_id', 'automation_id'],
  derived: [
    'contacts',
    'delivered',
    'pending',
    'failed',
    'replied',
    'opted_out',
    'clicked',
    'clicks_total',
    'survey_responded',
    'executions',
    'skipped',
  ],
  absentMeansZero: true,
  rowSet: { insertMissing: true, deleteExtra: true },
  // executions = actions performed or attempted (sent or failed); skipped ones
  // are listed with their reason but not counted as executions.
  expected: (scope) => sql`
    with contacts_messaged as (
      select account_id, automation_id,
             count(*) as contacts,
             count(*) filter (where status = 'delivered') as delivered,
             count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'failed') as failed,
             count(replied_at) as replied,
             count(opted_out_at) as opted_out,
             count(clicked_at) as clicked,
             count(survey_responded_at) as survey_responded
      from expected_automation_recipients
      group by account_id, automation_id
    ),
    clicks as (
      select l.account_id, l.automation_id, count(*) as clicks_total
      from links l
      join link_clicks c on c.account_id = l.account_id and c.link_id = l.id
      where l.automation_id is not null and not c.is_bot and ${inScope('l', scope)}
      group by l.account_id, l.automation_id
    ),
    runs as (
      select account_id, automation_id,
             count(*) filter (where status in ('sent', 'failed')) as executions,
             count(*) filter (where status = 'skipped') as skipped
      from automation_executions
      where ${inScope('automation_executions', scope)}
      group by account_id, automation_id
    )
    select a.account_id, a.id as automation_id,
           coalesce(cm.contacts, 0)::int as contacts, coalesce(cm.delivered, 0)::int as delivered,
           coalesce(cm.pending, 0)::int as pending, coalesce(cm.failed, 0)::int as failed,
           coalesce(cm.replied, 0)::int as replied, coalesce(cm.opted_out, 0)::int as opted_out,
           coalesce(cm.clicked, 0)::int as clicked, coalesce(cl.clicks_total, 0)::int as clicks_total,
           coalesce(cm.survey_responded, 0)::int as survey_responded,
           coalesce(r.executions, 0)::int as executions, coalesce(r.skipped, 0)::int as skipped
    from automations a
    left join contacts_messaged cm on cm.account_id = a.account_id and cm.automation_id = a.id
    left join clicks cl on cl.account_id = a.account_id and cl.automation_id = a.id
    left join runs r on r.account_id = a.account_id and r.automation_id = a.id
    where ${inScope('a', scope)}`,
};

export const automationActivityFamily: RollupFamily = {
  name: 'automation_activity',
  table: 'automation_activity',
  keys: ['account_id', 'automation_id', 'bucket_start'],
  derived: ['executions', 'skipped', 'credits'],
  absentMeansZero: true,
  rowSet: { insertMissing: true, deleteExtra: true },
  // Executions and skips by executed_at, credits of the automation's messages by
  // sent_at, each in its 15-minute UTC bucket.
  expected: (scope) => sql`
    select account_id, automation_id, bucket_start,
           sum(executions)::int as executions, sum(skipped)::int as skipped, sum(credits)::int as credits
    from (
      select e.account_id, e.automation_id, ${quarterHourOf(sql`e.executed_at`)} as bucket_start,
             (e.status in ('sent', 'failed'))::int as executions, (e.status = 'skipped')::int as skipped,
             0 as credits
      from automation_executions e
      where e.status in ('sent', 'failed', 'skipped') and e.executed_at is not null and ${inScope('e', scope)}
      union all
      select m.account_id, m.automation_id, ${quarterHourOf(sql`m.sent_at`)}, 0, 0, m.credits
      from messages m
      where m.direction = 'outbound' and m.automation_id is not null and m.sent_at is not null
        and ${inScope('m', scope)}
    ) activity
    group by account_id, automation_id, bucket_start`,
};
