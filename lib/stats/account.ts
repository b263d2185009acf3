// Expected account_activity, links.click_count and the credits of each message:
// the account-wide numbers and the per-row counters kept on raw tables.
import { sql } from 'drizzle-orm';
import type { RollupFamily } from './family';
import { inScope } from './scope';
import { handedToProvider, quarterHourOf, statusRankOf, utcDayOf } from './status';

export const accountActivityFamily: RollupFamily = {
  name: 'account_activity',
  table: 'account_activity',
  keys: ['account_id', 'bucket_start'],
  derived: ['credits', 'automation_credits', 'messages_sent', 'conversations_started'],
  absentMeansZero: true,
  rowSet: { insertMissing: true, deleteExtra: true },
  // Credits (and the automation messages' share) and messages sent by the outbound
  // message's sent_at; conversations by started_at; each in its 15-minute UTC bucket.
  expected: (scope) => sql`
    select account_id, bucket_start,
           sum(credits)::int as credits, sum(automation_credits)::int as automation_credits,
           sum(messages_sent)::int as messages_sent, sum(conversations_started)::int as conversations_started
    from (
      select m.account_id, ${quarterHourOf(sql`m.sent_at`)} as bucket_start, m.credits,
             (case when m.automation_id is not null then m.credits else 0 end) as automation_credits,
             1 as messages_sent, 0 as conversations_started
      from messages m
      where m.direction = 'outbound' and m.sent_at is not null and ${inScope('m', scope)}
      union all
      select c.account_id, ${quarterHourOf(sql`c.started_at`)}, 0, 0, 0, 1
      from conversations c
      where ${inScope('c', scope)}
    ) activity
    group by account_id, bucket_start`,
};

export const accountActivityDailyFamily: RollupFamily = {
  name: 'account_activity_daily',
  table: 'account_activity_daily',
  keys: ['account_id', 'day_start'],
  derived: ['credits', 'automation_credits', 'messages_sent', 'conversations_started'],
  absentMeansZero: true,
  rowSet: { insertMissing: true, deleteExtra: true },
  // As account_activity, by UTC day, with the automation messages' credits apart.
  expected: (scope) => sql`
    select account_id, day_start,
           sum(credits)::int as credits, sum(automation_credits)::int as automation_credits,
           sum(messages_sent)::int as messages_sent, sum(conversations_started)::int as conversations_started
    from (
      select m.account_id, ${utcDayOf(sql`m.sent_at`)} as day_start, m.credits,
             (case when m.automation_id is not null then m.credits else 0 end) as automation_credits,
             1 as messages_sent, 0 as conversations_started
      from messages m
      where m.direction = 'outbound' and m.sent_at is not null and ${inScope('m', scope)}
      union all
      select c.account_id, ${utcDayOf(sql`c.started_at`)}, 0, 0, 0, 1
      from conversations c
      where ${inScope('c', scope)}
    ) activity
    group by account_id, day_start`,
};

export const linkClicksFamily: RollupFamily = {
  name: 'links.click_count',
  table: 'links',
  keys: ['account_id', 'id'],
  derived: ['click_count'],
  rowSet: { insertMissing: false, deleteExtra: false },
  // A link's click_count counts human clicks only.
  expected: (scope) => sql`
    select l.account_id, l.id, coalesce(h.clicks, 0)::int as click_count
    from links l
    left join (
      select account_id, link_id, count(*) as clicks
      from link_clicks
      where not is_bot and ${inScope('link_clicks', scope)}
      group by account_id, link_id
    ) h on h.account_id = l.account_id and h.link_id = l.id
    where ${inScope('l', scope)}`,
};

export const messageChargesFamily: RollupFamily = {
  name: 'messages.credits',
  table: 'messages',
  keys: ['account_id', 'id'],
  derived: ['status_rank', 'credits'],
  rowSet: { insertMissing: false, deleteExtra: false },
  updatedAtColumn: 'updated_at',
  // The rank follows the status; an outbound message costs its segments once the
  // provider accepted it; inbound is free.
  expected: (scope) => sql`
    select m.account_id, m.id, ${statusRankOf(sql`m.status`)} as status_rank,
           (case when ${handedToProvider('m')} then m.segments else 0 end)::int as credits
    from messages m
    where ${inScope('m', scope)}`,
};
