// Expected campaign_recipients and campaign_stats, from messages, replies,
// opt-outs, link clicks and survey invitations (DESIGN §5).
import { sql } from 'drizzle-orm';
import type { RollupFamily } from './family';
import { inScope } from './scope';
import { deliveryBucketOf, handedToProvider } from './status';

export const campaignRecipientsFamily: RollupFamily = {
  name: 'campaign_recipients',
  table: 'campaign_recipients',
  keys: ['account_id', 'campaign_id', 'contact_id'],
  insertOnly: ['name', 'phone', 'sort_name', 'created_at'],
  derived: [
    'status',
    'message_status',
    'status_rank',
    'status_reason',
    'error_code',
    'message_id',
    'attempts',
    'sent_at',
    'delivered_at',
    'failed_at',
    'replied_at',
    'reply_count',
    'last_reply',
    'opted_out_at',
    'clicked_at',
    'click_count',
    'survey_viewed_at',
    'survey_responded_at',
  ],
  // A recipient row records who the campaign addressed; one is missing when a
  // campaign message exists without it, and a rebuild adds it from the contact.
  rowSet: { insertMissing: true, deleteExtra: false },
  updatedAtColumn: 'updated_at',
  expected: (scope) => sql`
    with campaign_messages as (
      select m.account_id, m.campaign_id, m.contact_id, m.id, m.attempt, m.status, m.status_rank,
             m.status_reason, m.error_code, m.sent_at, m.delivered_at, m.failed_at, m.created_at
      from messages m
      where m.direction = 'outbound' and m.campaign_id is not null and ${inScope('m', scope)}
    ),
    -- A recipient's state is that of their latest message for the campaign:
    -- the highest attempt, then the highest id. attempts counts all of them.
    latest as (
      select distinct on (account_id, campaign_id, contact_id) *,
             count(*) over recipient as attempts,
             min(created_at) over recipient as first_created_at
      from campaign_messages
      window recipient as (partition by account_id, campaign_id, contact_id)
      order by account_id, campaign_id, contact_id, attempt desc, id desc
    ),
    -- Replies are inbound messages of kind reply attributed to any of the
    -- campaign's messages to that contact; opt-out, opt-in and help are not replies.
    replies as (
      select distinct on (o.account_id, o.campaign_id, o.contact_id)
             o.account_id, o.campaign_id, o.contact_id,
             count(*) over thread as reply_count, i.created_at as replied_at, i.body as last_reply
      from messages i
      join messages o on o.account_id = i.account_id and o.id = i.attributed_message_id
      where i.direction = 'inbound' and i.inbound_kind = 'reply' and o.campaign_id is not null
        and ${inScope('i', scope)}
      window thread as (partition by o.account_id, o.campaign_id, o.contact_id)
      order by o.account_id, o.campaign_id, o.contact_id, i.created_at desc, i.id desc
    ),
    opt_outs_by_campaign as (
      select account_id, campaign_id, contact_id, min(created_at) as opted_out_at
      from opt_outs
      where kind = 'opt_out' and campaign_id is not null and ${inScope('opt_outs', scope)}
      group by account_id, campaign_id, contact_id
    ),
    -- Human clicks only: link-preview fetchers, crawlers and HEAD requests are never counted.
    human_clicks as (
      select l.account_id, l.campaign_id, l.contact_id, min(c.clicked_at) as clicked_at, count(*) as click_count
      from links l
      join link_clicks c on c.account_id = l.account_id and c.link_id = l.id
      where l.campaign_id is not null and not c.is_bot and ${inScope('l', scope)}
      group by l.account_id, l.campaign_id, l.contact_id
    ),
    invitations as (
      select account_id, campaign_id, contact_id,
             min(viewed_at) as survey_viewed_at, min(submitted_at) as survey_responded_at
      from survey_invitations
      where campaign_id is not null and ${inScope('survey_invitations', scope)}
      group by account_id, campaign_id, contact_id
    ),
    addressed as (
      select r.account_id, r.campaign_id, r.contact_id, r.name, r.phone, r.sort_name, r.created_at
      from campaign_recipients r
      where ${inScope('r', scope)}
      union all
      select l.account_id, l.campaign_id, l.contact_id,
             trim(k.first_name || ' ' || k.last_name), k.phone,
             coalesce(nullif(lower(trim(k.first_name || ' ' || k.last_name)), ''), k.phone), l.first_created_at
      from (
        select l.* from latest l
        where not exists (
          select 1 from campaign_recipients r
          where r.account_id = l.account_id and r.campaign_id = l.campaign_id and r.contact_id = l.contact_id)
        -- Names only for the missing rows (offset 0: the anti-join runs before the contacts join).
        offset 0
      ) l
      join contacts k on k.account_id = l.account_id and k.id = l.contact_id
    )
    select a.account_id, a.campaign_id, a.contact_id, a.name, a.phone, a.sort_name, a.created_at,
           ${deliveryBucketOf(sql`coalesce(l.status, 'pending')`)} as status,
           coalesce(l.status, 'pending')::message_status as message_status,
           coalesce(l.status_rank, 0)::smallint as status_rank,
           l.status_reason, l.error_code, l.id as message_id,
           coalesce(l.attempts, 0)::smallint as attempts,
           l.sent_at, l.delivered_at, l.failed_at,
           rp.replied_at, coalesce(rp.reply_count, 0)::int as reply_count, rp.last_reply,
           o.opted_out_at,
           hc.clicked_at, coalesce(hc.click_count, 0)::int as click_count,
           iv.survey_viewed_at, iv.survey_responded_at
    from addressed a
    left join latest l using (account_id, campaign_id, contact_id)
    left join replies rp using (account_id, campaign_id, contact_id)
    left join opt_outs_by_campaign o using (account_id, campaign_id, contact_id)
    left join human_clicks hc using (account_id, campaign_id, contact_id)
    left join invitations iv using (account_id, campaign_id, contact_id)`,
};

export const campaignStatsFamily: RollupFamily = {
  name: 'campaign_stats',
  table: 'campaign_stats',
  keys: ['account_id', 'campaign_id'],
  derived: [
    'recipients',
    'suppressed',
    'delivered',
    'pending',
    'failed',
    'replied',
    'replies_total',
    'opted_out',
    'clicked',
    'clicks_total',
    'survey_viewed',
    'survey_responded',
    'messages',
    'credits',
  ],
  absentMeansZero: true,
  rowSet: { insertMissing: true, deleteExtra: true },
  // Counts of distinct recipients from the expected recipient rows (never the
  // stored ones), plus the campaign's messages handed to the provider and their credits.
  expected: (scope) => sql`
    with recipients as (
      select account_id, campaign_id,
             count(*) filter (where status <> 'suppressed') as recipients,
             count(*) filter (where status = 'suppressed') as suppressed,
             count(*) filter (where status = 'delivered') as delivered,
             count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'failed') as failed,
             count(*) filter (where reply_count > 0) as replied,
             sum(reply_count) as replies_total,
             count(opted_out_at) as opted_out,
             count(clicked_at) as clicked,
             sum(click_count) as clicks_total,
             count(survey_viewed_at) as survey_viewed,
             count(survey_responded_at) as survey_responded
      from expected_campaign_recipients
      group by account_id, campaign_id
    ),
    sent as (
      select m.account_id, m.campaign_id,
             count(*) filter (where ${handedToProvider('m')}) as messages,
             sum(m.credits) as credits
      from messages m
      where m.direction = 'outbound' and m.campaign_id is not null and ${inScope('m', scope)}
      group by m.account_id, m.campaign_id
    )
    select c.account_id, c.id as campaign_id,
           coalesce(r.recipients, 0)::int as recipients, coalesce(r.suppressed, 0)::int as suppressed,
           coalesce(r.delivered, 0)::int as delivered, coalesce(r.pending, 0)::int as pending,
           coalesce(r.failed, 0)::int as failed, coalesce(r.replied, 0)::int as replied,
           coalesce(r.replies_total, 0)::int as replies_total, coalesce(r.opted_out, 0)::int as opted_out,
           coalesce(r.clicked, 0)::int as clicked, coalesce(r.clicks_total, 0)::int as clicks_total,
           coalesce(r.survey_viewed, 0)::int as survey_viewed,
           coalesce(r.survey_responded, 0)::int as survey_responded,
           coalesce(s.messages, 0)::int as messages, coalesce(s.credits, 0)::int as credits
    from campaigns c
    left join recipients r on r.account_id = c.account_id and r.campaign_id = c.id
    left join sent s on s.account_id = c.account_id and s.campaign_id = c.id
    where ${inScope('c', scope)}`,
};
