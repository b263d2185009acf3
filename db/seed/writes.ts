// Writes the planned history into the Pulse tables: messages both ways (bodies
// filled per recipient, segments and credits exact), provider callbacks, sids,
// automation executions, the opt-out ledger and conversations.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { MESSAGE_STATUSES, statusRank } from '@/lib/messaging/status';
import type { SeedContext } from './plan';
import { optedOutAt } from './sends';
import { PLACEHOLDER } from './templates';

/** The status rank the app gives each status (lib/messaging/status), as SQL. */
function rankOf(status: SQL): SQL {
  const cases = MESSAGE_STATUSES.map((s) => `when '${s}' then ${statusRank(s)}`).join(' ');
  return sql`(case ${status} ${sql.raw(cases)} end)`;
}

const codePoint = (placeholder: string) => sql.raw(`chr(${placeholder.codePointAt(0)})`);

export async function writeMessages(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  const base = sql`${ctx.publicUrl}::text`;

  // Executions first, without their message: the two tables point at each other.
  await tx.execute(sql`
    insert into automation_executions (account_id, id, automation_id, contact_id, trigger_key, scheduled_for, status,
                                       skip_reason, executed_at, created_at)
    overriding system value
    select s.account_id, s.execution_id, s.automation_id, s.contact_id, s.trigger_key, s.planned_at,
           (case when s.planned_at >= ${anchor} then 'scheduled'
                 when r.reason is not null then 'skipped'
                 when o.status = 'failed' then 'failed'
                 else 'sent' end)::execution_status,
           case when s.planned_at < ${anchor} then r.reason end,
           case when s.planned_at < ${anchor} then s.planned_at end,
           least(s.planned_at, ${anchor} - interval '1 hour')
    from pulse_seed.sends s
    left join pulse_seed.contact_opt c on c.contact_id = s.contact_id
    left join pulse_seed.outbound o on o.send_key = s.send_key
    cross join lateral (select coalesce(case when ${optedOutAt('c', 's.planned_at')} then 'opted_out' end, s.skip_reason) as reason) r
    where s.kind = 'automation'
    order by s.execution_id`);

  await tx.execute(sql`
    insert into messages (account_id, id, direction, outbound_kind, contact_id, phone_number_id, contact_phone, number_phone,
                          campaign_id, automation_id, automation_execution_id, attempt, body, encoding, segments, credits,
                          status, status_rank, status_reason, error_code, provider_sid, idempotency_key, send_after,
                          claimed_at, provider_attempts, sent_at, delivered_at, failed_at, created_at, updated_at)
    overriding system value
    select o.account_id, o.message_id, 'outbound', o.kind::outbound_kind, o.contact_id, o.number_id, p.phone, n.e164,
           o.campaign_id, o.automation_id, o.execution_id, o.attempt,
           replace(replace(replace(t.body, ${codePoint(PLACEHOLDER.firstName)}, o.first_name),
                           ${codePoint(PLACEHOLDER.surveyLink)}, coalesce(${base} || '/s/' || o.survey_token, '')),
                   ${codePoint(PLACEHOLDER.trackedLink)}, coalesce(${base} || '/l/' || o.link_code, '')),
           g.encoding::message_encoding, g.segments,
           case when o.dispatched then g.segments else 0 end,
           o.status::message_status, ${rankOf(sql`o.status`)},
           case o.status when 'suppressed' then 'opted_out' when 'pending' then 'quiet_hours' end,
           case when o.status in ('failed', 'undelivered') then o.error end,
           case when o.dispatched then pulse_seed.sid(o.message_id) end,
           case o.kind when 'campaign' then 'campaign:' || o.campaign_id || ':contact:' || o.contact_id || ':attempt:' || o.attempt
                       else 'automation:' || o.automation_id || ':execution:' || o.execution_id end,
           o.dispatch_at, case when o.dispatched then o.dispatch_at end, o.dispatched::int,
           case when o.dispatched then o.dispatch_at end,
           case when o.status = 'delivered' then o.outcome_at end,
           case when o.status in ('failed', 'undelivered') then o.outcome_at end,
           o.created_at,
           case when o.dispatched then least(greatest(o.outcome_at, o.sent_callback_at), ${anchor}) else o.created_at end
    from pulse_seed.outbound o
    join pulse_seed.people p on p.contact_id = o.contact_id
    join phone_numbers n on n.account_id = o.account_id and n.id = o.number_id
    join pulse_seed.patterns t on t.pattern_id = o.pattern_id and t.variant = o.variant
    join pulse_seed.pattern_segments g on g.pattern_id = o.pattern_id and g.variant = o.variant and g.first_name = o.first_name`);

  await tx.execute(sql`
    update automation_executions e set message_id = o.message_id
    from pulse_seed.outbound o
    where o.kind = 'automation' and e.account_id = o.account_id and e.id = o.execution_id`);

  // Pulse's answers to STOP, START and HELP.
  await tx.execute(sql`
    insert into messages (account_id, id, direction, outbound_kind, contact_id, phone_number_id, contact_phone, number_phone,
                          body, encoding, segments, credits, status, status_rank, sent_at, created_at, updated_at)
    overriding system value
    select r.account_id, r.message_id, 'outbound', 'keyword_response', r.contact_id, r.number_id, p.phone, n.e164,
           r.body, r.encoding::message_encoding, r.segments, r.segments, 'sent', ${statusRank('sent')},
           r.created_at, r.created_at, r.created_at
    from pulse_seed.responses r
    join pulse_seed.people p on p.contact_id = r.contact_id
    join phone_numbers n on n.account_id = r.account_id and n.id = r.number_id
    order by r.message_id`);

  // Inbound texts, attributed (possibly to one of those answers) and in their conversation.
  await tx.execute(sql`
    insert into messages (account_id, id, direction, inbound_kind, contact_id, phone_number_id, contact_phone, number_phone,
                          campaign_id, automation_id, body, status, status_rank, provider_sid, attributed_message_id,
                          conversation_id, created_at, updated_at)
    overriding system value
    select i.account_id, i.message_id, 'inbound', i.kind::inbound_kind, i.contact_id, i.number_id, p.phone, n.e164,
           l.campaign_id, l.automation_id, i.body, 'received', ${statusRank('received')},
           case when i.inbound_key like 'SM%' then i.inbound_key else pulse_seed.sid(i.message_id) end,
           l.attributed_message_id, l.conversation_id, i.created_at, i.created_at
    from pulse_seed.inbound_messages i
    join pulse_seed.inbound_links l on l.message_id = i.message_id
    join pulse_seed.people p on p.contact_id = i.contact_id
    join phone_numbers n on n.account_id = i.account_id and n.id = i.number_id
    order by i.message_id`);
  await tx.execute(sql`
    insert into provider_messages (sid, account_id, message_id)
    select provider_sid, account_id, id from messages where provider_sid is not null`);

  // Twilio's callbacks, as received before the anchor. The API answered 'queued', so
  // the 'queued' callback changes nothing; a 'sent' after 'delivered' neither.
  await tx.execute(sql`
    insert into message_events (account_id, id, message_id, status, error_code, applied, received_at)
    overriding system value
    select o.account_id, o.message_id * 4 + e.seq, o.message_id, e.status::message_status, e.error_code, e.applied, e.received_at
    from pulse_seed.outbound o
    cross join lateral (values
      (0, 'queued', null::int, false, o.dispatch_at + interval '200 milliseconds'),
      (1, 'sending', null::int, true, o.sending_at),
      (2, 'sent', null::int, o.sent_callback_at < o.outcome_at, o.sent_callback_at),
      (3, case when o.error in (21610, 21614) then 'failed' when o.error is not null then 'undelivered' else 'delivered' end,
          o.error, true, o.outcome_at)
    ) as e(seq, status, error_code, applied, received_at)
    where o.dispatched and e.received_at < ${anchor}`);

  await tx.execute(sql`
    insert into conversations (account_id, id, contact_id, phone_number_id, started_at, started_by_message_id)
    overriding system value
    select p.account_id, s.conversation_id, s.contact_id, s.number_id, s.created_at, s.message_id
    from pulse_seed.conversation_starts s
    join pulse_seed.people p on p.contact_id = s.contact_id
    order by s.conversation_id`);
}

/**
 * The opt-out ledger: a STOP (attributed like a reply), a carrier's 21610 on the
 * message itself, an import or a manager; and START opting back in.
 */
export async function writeOptOuts(tx: Executor): Promise<void> {
  await tx.execute(sql`
    insert into opt_outs (account_id, id, contact_id, kind, source, keyword, message_id, campaign_id, automation_id, user_id, created_at)
    overriding system value
    select account_id, row_number() over (order by created_at, contact_id, kind), contact_id, kind::opt_out_kind,
           source::opt_out_source, keyword, message_id, campaign_id, automation_id, user_id, created_at
    from (
      select c.account_id, c.contact_id, 'opt_out' as kind, 'keyword' as source, i.keyword, i.message_id,
             l.campaign_id, l.automation_id, null::bigint as user_id, c.opt_out_at as created_at
      from pulse_seed.contact_opt c
      join pulse_seed.inbound_messages i on i.contact_id = c.contact_id and i.kind = 'opt_out'
      join pulse_seed.inbound_links l on l.message_id = i.message_id
      where c.source = 'keyword'
      union all
      select c.account_id, c.contact_id, 'opt_out', 'carrier', null, o.message_id, o.campaign_id, o.automation_id, null, c.opt_out_at
      from pulse_seed.contact_opt c
      join pulse_seed.outbound o on o.send_key = c.first_key
      where c.source = 'carrier'
      union all
      select c.account_id, c.contact_id, 'opt_out', c.source, null, null, null, null,
             case when c.source = 'manual' then a.manager_id end, c.opt_out_at
      from pulse_seed.contact_opt c
      join pulse_seed.account_plan a on a.account_id = c.account_id
      where c.source in ('import', 'manual')
      union all
      select c.account_id, c.contact_id, 'opt_in', 'keyword', i.keyword, i.message_id, null, null, null, c.opt_in_at
      from pulse_seed.contact_opt c
      join pulse_seed.inbound_messages i on i.contact_id = c.contact_id and i.kind = 'opt_in'
    ) ledger`);
}

/** When each campaign's fan-out finished and, for sent ones, when its last first message went out. */
export async function completeCampaigns(tx: Executor): Promise<void> {
  await tx.execute(sql`
    update campaigns c set fanned_out_at = x.fanned_out_at,
                           completed_at = case when c.status = 'sent' then x.completed_at end
    from (
      select account_id, campaign_id, max(created_at) as fanned_out_at, max(dispatch_at) as completed_at
      from pulse_seed.outbound
      where kind = 'campaign' and attempt = 1
      group by account_id, campaign_id
    ) x
    where c.account_id = x.account_id and c.id = x.campaign_id`);
}

/**
 * The plan's allowance: a little under what this month has used so far (so the
 * month is at or just over it), and never under half of a typical month.
 */
export async function fitAllowance(tx: Executor, ctx: SeedContext): Promise<void> {
  await tx.execute(sql`
    with usage as (
      select a.id as account_id, date_trunc('month', m.sent_at at time zone a.time_zone) as month, sum(m.credits) as credits
      from accounts a
      join messages m on m.account_id = a.id and m.sent_at is not null
      where a.monthly_credits is not null
      group by a.id, 2
    ), fitted as (
      select u.account_id,
             max(u.credits) filter (where u.month = date_trunc('month', ${ctx.anchor.toISOString()}::timestamptz at time zone a.time_zone)) as this_month,
             percentile_cont(0.5) within group (order by u.credits) as typical
      from usage u join accounts a on a.id = u.account_id
      group by u.account_id
    )
    update accounts a
    set monthly_credits = greatest(100, floor(coalesce(f.this_month, 0) * 0.97 / 100) * 100, floor(f.typical * 0.5 / 100) * 100)
    from fitted f
    where a.id = f.account_id`);
}
