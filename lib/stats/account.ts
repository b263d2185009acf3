// Expected account_activity, links.click_count and the credits of each message:
// the account-wide numbers and the per-row counters kept on raw tables.
import { sql, type SQL } from 'drizzle-orm';
import type { RollupFamily } from './family';
import { inScope } from './scope';
import { handedToProvider, quarterHourOf, statusRankOf, utcDayOf } from './status';

/**
 * Account activity summed per bucket of `bucketOf`: credits (and the automation
 * messages' share) and messages sent by the outbound message's sent_at,
 * conversations by started_at.
 */
function accountActivityBy(table: string, key: string, bucketOf: (at: SQL) => SQL): RollupFamily {
  const bucket = sql.identifier(key);
  return {
    name: table,
    table,
    keys: ['account_id', key],
    derived: ['credits', 'automation_credits', 'messages_sent', 'conversations_started'],
    absentMeansZero: true,
    rowSet: { insertMissing: true, deleteExtra: true },
    expected: (scope) => sql`
      select account_id, ${bucket},
             sum(credits)::int as credits, sum(automation_credits)::int as automation_credits,
             sum(messages_sent)::int as messages_sent, sum(conversations_started)::int as conversations_started
      from (
        select m.account_id, ${bucketOf(sql`m.sent_at`)} as ${bucket}, m.credits,
               (case when m.automation_id is not null then m.credits else 0 end) as automation_credits,
               1 as messages_sent, 0 as conversations_started
        from messages m
        where m.direction = 'outbound' and m.sent_at is not null and ${inScope('m', scope)}
        union all
        select c.account_id, ${bucketOf(sql`c.started_at`)}, 0, 0, 0, 1
        from conversations c
        where ${inScope('c', scope)}
      ) activity
      group by account_id, ${bucket}`,
  };
}

/** In 15-minute UTC buckets. */
export const accountActivityFamily = accountActivityBy('account_activity', 'bucket_start', quarterHourOf);

/** By UTC day. */
export const accountActivityDailyFamily = accountActivityBy('account_activity_daily', 'day_start', utcDayOf);

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
