// Turns the planned sends into the history as it stands at the anchor: every
// outbound message's state (only callbacks received before the anchor count), the
// texts contacts sent (replies, STOP, START, HELP, keywords, questions out of the
// blue), Pulse's answers to keywords, and then, exactly by the DESIGN §5 rules,
// which message each inbound text is attributed to and which conversations began.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { baseError, carrierOptOut, deliveryCallbackAt, failedCallbackAt, keywordOptOut, sentCallbackAt } from './outcomes';
import { analyzeWorkTable } from './bulk';
import type { SeedContext } from './plan';
import { optedOutAt } from './sends';

const draw = (h: string, i: number) => sql.raw(`pulse_seed.draw(${h}, ${i})`);

export async function planHistory(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;

  // Each message's fate. A contact opted out when the message was made gets it
  // suppressed (and, from an automation, no message at all: the execution is
  // skipped); opted out by the time it was due, suppressed at dispatch.
  await tx.execute(sql`
    create unlogged table pulse_seed.outbound as
    with judged as (
      select s.*, t.has_link, t.has_survey, coalesce(o.first_key = s.send_key, false) as first_flag,
             ${optedOutAt('o', 's.created_at')} as opted_out_when_made,
             ${optedOutAt('o', `(case when s.dispatch_at < '${ctx.anchor.toISOString()}' then s.dispatch_at else s.created_at end)`)} as suppressed
      from pulse_seed.sends s
      left join pulse_seed.contact_opt o on o.contact_id = s.contact_id
      join pulse_seed.patterns t on t.pattern_id = s.pattern_id and t.variant = 'tracked'
      where s.planned_at < ${anchor} and s.skip_reason is null
    ), settled as materialized (
      -- Materialized stages: a column read several times below is computed once.
      select j.*,
             case when j.suppressed or j.dispatch_at >= ${anchor} then null
                  when j.first_flag and ${carrierOptOut('j')} then 21610
                  else ${baseError('j')} end as error,
             j.first_flag and ${keywordOptOut('j')} as texts_stop
      from judged j
      where not (j.kind = 'automation' and j.opted_out_when_made)
    ), timed as materialized (
      select t.*,
             case when t.error in (21610, 21614) then 'failed' when t.error is not null then 'undelivered' else 'delivered' end as outcome,
             case when t.error in (21610, 21614) then ${failedCallbackAt('t')} else ${deliveryCallbackAt('t')} end as outcome_at,
             -- 2% of 'sent' callbacks arrive after 'delivered' (and change nothing).
             case when t.error in (21610, 21614) then null
                  when t.error is null and ${draw('t.h3', 1)} < 0.02 then ${deliveryCallbackAt('t')} + (1 + 200 * ${draw('t.h3', 1)}) * interval '1 second'
                  else ${sentCallbackAt('t')} end as sent_callback_at,
             case when ${draw('t.h3', 0)} < 0.1 and t.error is distinct from 21610 and t.error is distinct from 21614
                  then t.dispatch_at + interval '600 milliseconds' end as sending_at
      from settled t
    )
    -- Numbered in creation order (numeric tie-breaks: text comparison is slow at millions of rows).
    select row_number() over (order by created_at, campaign_id, execution_id, contact_id, attempt) as message_id,
           send_key, kind, account_id, contact_id, number_id, campaign_id, automation_id, execution_id, attempt,
           pattern_id, survey_id, created_at, dispatch_at, first_name, h1, h2, h3,
           reply_rate, click_rate, view_rate, respond_rate, error, texts_stop, outcome_at, sent_callback_at, sending_at,
           case when opted_out_when_made then 'plain' else 'tracked' end as variant,
           -- The tracked link's code and the survey token, made with the message (not for a plain one).
           case when not opted_out_when_made and has_link then pulse_seed.code(pulse_seed.hash('link:' || send_key)) end as link_code,
           case when not opted_out_when_made and has_survey then pulse_seed.code(pulse_seed.hash(
             case when kind = 'campaign' then 'token:c:' || campaign_id || ':' || contact_id else 'token:e:' || execution_id end)) end as survey_token,
           not suppressed and dispatch_at < ${anchor} as dispatched,
           case when suppressed then 'suppressed'
                when dispatch_at >= ${anchor} then case when deferred then 'pending' else 'ready' end
                when outcome_at < ${anchor} then outcome
                when sent_callback_at < ${anchor} then 'sent'
                when sending_at < ${anchor} then 'sending'
                else 'queued' end as status
    from timed`);
  await tx.execute(sql`alter table pulse_seed.outbound add primary key (message_id)`);
  await analyzeWorkTable(tx, 'outbound');

  await planInbound(tx, ctx);
  await planAttribution(tx);
}

/**
 * Texts from contacts, each before the anchor: replies a few percent of delivered
 * messages get (some a second one, a few after more than 72 hours), the STOP that
 * opted someone out, START some days later, the odd HELP, keywords that trigger
 * automations, and questions nobody prompted. Nobody replies while opted out.
 * Then Pulse's answers to STOP, START and HELP, sent a second later.
 */
async function planInbound(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  await tx.execute(sql`
    create unlogged table pulse_seed.inbound as
    with replies as (
      select o.account_id, o.contact_id, o.number_id, 'r:' || o.message_id as inbound_key,
             o.outcome_at + 30 * exp(9.5 * power(${draw('o.h1', 2)} / o.reply_rate, 1.5)) * interval '1 second' as created_at,
             'reply' as pool, pulse_seed.draw(pulse_seed.hash('reply:' || o.message_id), 0) as u
      from pulse_seed.outbound o
      where o.status = 'delivered' and ${draw('o.h1', 2)} < o.reply_rate
    ), second_replies as (
      select r.account_id, r.contact_id, r.number_id, r.inbound_key || ':2',
             r.created_at + (1 + 40 * pulse_seed.draw(pulse_seed.hash('again:' || r.inbound_key), 1)) * interval '1 minute',
             'reply', pulse_seed.draw(pulse_seed.hash('again:' || r.inbound_key), 2)
      from replies r
      where pulse_seed.draw(pulse_seed.hash('again:' || r.inbound_key), 0) < 0.15
    ), stops as (
      select o.account_id, o.contact_id, o.number_id, 's:' || o.message_id, c.opt_out_at, 'opt_out',
             pulse_seed.draw(pulse_seed.hash('stop:' || o.message_id), 0)
      from pulse_seed.outbound o
      join pulse_seed.contact_opt c on c.contact_id = o.contact_id
      where o.texts_stop
    ), starts as (
      select c.account_id, c.contact_id, s.number_id, 'start:' || c.contact_id, c.opt_in_at, 'opt_in',
             pulse_seed.draw(pulse_seed.hash('start:' || c.contact_id), 0)
      from pulse_seed.contact_opt c
      join pulse_seed.sends s on s.send_key = c.first_key
      where c.opt_in_at is not null
    ), helps as (
      select o.account_id, o.contact_id, o.number_id, 'h:' || o.message_id,
             o.outcome_at + (2 + 58 * pulse_seed.draw(pulse_seed.hash('help:' || o.message_id), 1)) * interval '1 minute',
             'help', pulse_seed.draw(pulse_seed.hash('help:' || o.message_id), 2)
      from pulse_seed.outbound o
      where o.status = 'delivered' and pulse_seed.draw(pulse_seed.hash('help:' || o.message_id), 0) < 0.001
    ), keywords as (
      select s.account_id, s.contact_id, s.number_id, substr(s.trigger_key, 9), s.planned_at - interval '2 seconds',
             'keyword:' || s.automation_id, pulse_seed.draw(s.h3, 3)
      from pulse_seed.sends s
      where s.kind = 'automation' and s.trigger_key like 'keyword:%' and s.planned_at < ${anchor}
    ), unprompted as (
      select p.account_id, p.contact_id, a.main_number_id, 'u:' || p.contact_id,
             p.created_at + (${anchor} - p.created_at) * pulse_seed.draw(pulse_seed.hash('unprompted:' || p.contact_id), 1),
             'unprompted', pulse_seed.draw(pulse_seed.hash('unprompted:' || p.contact_id), 2)
      from pulse_seed.people p
      join pulse_seed.account_plan a on a.account_id = p.account_id
      where pulse_seed.draw(pulse_seed.hash('unprompted:' || p.contact_id), 0) < 0.02
    ), texts as (
      select * from replies union all select * from second_replies union all select * from stops
      union all select * from starts union all select * from helps union all select * from keywords
      union all select * from unprompted
    )
    select t.account_id, t.contact_id, t.number_id, t.inbound_key, t.created_at,
           x.bodies[pulse_seed.choice(x.cumulative, t.u)] as body,
           case when t.pool in ('opt_out', 'opt_in', 'help') then t.pool else 'reply' end as kind,
           x.keywords[pulse_seed.choice(x.cumulative, t.u)] as keyword,
           x.encodings[pulse_seed.choice(x.cumulative, t.u)] as encoding,
           x.segments[pulse_seed.choice(x.cumulative, t.u)] as segments
    from texts t
    join pulse_seed.pools x on x.account_id = t.account_id and x.pool = t.pool
    left join pulse_seed.contact_opt c on c.contact_id = t.contact_id
    where t.created_at < ${anchor}
      and (t.pool not in ('reply', 'unprompted') or not ${optedOutAt('c', 't.created_at')})`);

  // Message ids continue after the outbound ones: inbound in time order, then the answers.
  await tx.execute(sql`
    create unlogged table pulse_seed.inbound_messages as
    select (select coalesce(max(message_id), 0) from pulse_seed.outbound)
           + row_number() over (order by created_at, inbound_key) as message_id, i.*
    from pulse_seed.inbound i`);
  await analyzeWorkTable(tx, 'inbound_messages');
  await tx.execute(sql`
    create unlogged table pulse_seed.responses as
    select (select coalesce(max(message_id), 0) from pulse_seed.inbound_messages)
           + row_number() over (order by i.created_at, i.message_id) as message_id,
           i.message_id as answers_message_id, i.account_id, i.contact_id, i.number_id,
           i.created_at + interval '1 second' as created_at,
           x.bodies[1] as body, x.encodings[1] as encoding, x.segments[1] as segments
    from pulse_seed.inbound_messages i
    join pulse_seed.pools x on x.account_id = i.account_id
     and x.pool = case i.kind when 'opt_out' then 'response:optOutConfirmation'
                              when 'opt_in' then 'response:optInConfirmation'
                              else 'response:helpReply' end
    where i.kind in ('opt_out', 'opt_in', 'help')`);
  await analyzeWorkTable(tx, 'responses');
}

/**
 * DESIGN §5, as the inbound webhook applies it: an inbound text is attributed to the
 * latest outbound message to that contact from that number sent in the previous 72
 * hours; it starts a conversation when the thread's previous message (either way)
 * is more than 24 hours old, and otherwise continues the previous message's.
 */
async function planAttribution(tx: Executor): Promise<void> {
  await tx.execute(sql`
    create unlogged table pulse_seed.sent_on_thread as
    select o.contact_id, o.number_id, o.dispatch_at as sent_at, o.message_id, o.campaign_id, o.automation_id
    from pulse_seed.outbound o
    where o.dispatched and o.contact_id in (select contact_id from pulse_seed.inbound_messages)
    union all
    select r.contact_id, r.number_id, r.created_at, r.message_id, null, null from pulse_seed.responses r`);
  await tx.execute(sql`create index on pulse_seed.sent_on_thread (contact_id, number_id, sent_at)`);
  await analyzeWorkTable(tx, 'sent_on_thread');

  await tx.execute(sql`
    create unlogged table pulse_seed.thread as
    select m.*, lag(m.created_at) over thread as previous_at,
           sum((not m.inbound)::int) over thread as run
    from (
      select contact_id, number_id, created_at, message_id, false as inbound
      from pulse_seed.outbound where contact_id in (select contact_id from pulse_seed.inbound_messages)
      union all
      select contact_id, number_id, created_at, message_id, true from pulse_seed.inbound_messages
      union all
      select contact_id, number_id, created_at, message_id, false from pulse_seed.responses
    ) m
    window thread as (partition by m.contact_id, m.number_id order by m.created_at, m.message_id)`);
  await analyzeWorkTable(tx, 'thread');
  await tx.execute(sql`
    create unlogged table pulse_seed.conversation_starts as
    select row_number() over (order by t.created_at, t.message_id) as conversation_id, t.*
    from pulse_seed.thread t
    where t.inbound and (t.previous_at is null or t.created_at - t.previous_at > interval '24 hours')`);
  await analyzeWorkTable(tx, 'conversation_starts');
  await tx.execute(sql`
    create unlogged table pulse_seed.inbound_links as
    with joined as (
      select t.message_id, t.contact_id, t.number_id, t.run, t.created_at, s.conversation_id
      from pulse_seed.thread t
      left join pulse_seed.conversation_starts s using (message_id)
      where t.inbound
    )
    select j.message_id,
           max(j.conversation_id) over (partition by j.contact_id, j.number_id, j.run order by j.created_at, j.message_id) as conversation_id,
           a.message_id as attributed_message_id, a.campaign_id, a.automation_id
    from joined j
    left join lateral (
      select x.message_id, x.campaign_id, x.automation_id
      from pulse_seed.sent_on_thread x
      where x.contact_id = j.contact_id and x.number_id = j.number_id
        and x.sent_at <= j.created_at and x.sent_at >= j.created_at - interval '72 hours'
      order by x.sent_at desc, x.message_id desc
      limit 1
    ) a on true`);
  await tx.execute(sql`alter table pulse_seed.inbound_links add primary key (message_id)`);
  await analyzeWorkTable(tx, 'inbound_links');
}
