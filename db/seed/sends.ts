// Plans every outbound text of the history in one work table, pulse_seed.sends:
// each campaign's audience (all contacts or a tag, as it stood at sending time)
// paced at its number's rate and held for quiet hours, the follow-ups, every
// automation execution by trigger, then who opted out when, and the resends of
// failed messages. history.ts turns the rows into messages.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { analyzeWorkTable, createWorkTable, type Row } from './bulk';
import { afterQuietHours, baseError, carrierOptOut, failedCallbackAt, keywordOptOut, localMinuteOf, SENDING_HOURS, stopTextedAt } from './outcomes';
import type { SeedContext } from './plan';

const SEND_COLUMNS = sql.raw(`send_key, kind, account_id, contact_id, number_id, campaign_id, automation_id, execution_id,
  trigger_key, attempt, pattern_id, survey_id, created_at, planned_at, dispatch_at, deferred, skip_reason,
  fail_rate, optout_rate, reply_rate, click_rate, view_rate, respond_rate, line_type, first_name, zone, h1, h2, h3`);

/** The hashes behind every draw of a send, from its key. */
const hashesOf = (key: string) =>
  sql.raw(`pulse_seed.hash('s1:' || ${key}), pulse_seed.hash('s2:' || ${key}), pulse_seed.hash('s3:' || ${key})`);

export async function planSends(
  tx: Executor,
  ctx: SeedContext,
  plans: { campaigns: Row[]; automations: Row[] },
): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  await createWorkTable(
    tx,
    'campaign_plan',
    {
      campaign_id: 'bigint', account_id: 'bigint', number_id: 'bigint', pattern_id: 'int', survey_id: 'bigint',
      audience_kind: 'text', tag_id: 'bigint', source_campaign_id: 'bigint', follow_share: 'float8', sent_at: 'timestamptz',
      pace_ms: 'float8', sending_now: 'boolean', resend_at: 'timestamptz', fail_rate: 'float8', optout_rate: 'float8',
      reply_rate: 'float8', click_rate: 'float8', view_rate: 'float8', respond_rate: 'float8',
    },
    plans.campaigns,
  );
  await createWorkTable(
    tx,
    'automation_plan',
    {
      automation_id: 'bigint', account_id: 'bigint', number_id: 'bigint', trigger: 'text', tag_id: 'bigint', keyword: 'text',
      audience_tag_id: 'bigint', active_from: 'timestamptz', active_until: 'timestamptz', still_active: 'boolean',
      time_zone: 'text', send_minutes: 'int', every: 'text', weekday: 'int', month_day: 'int', delay_minutes: 'int',
      pattern_id: 'int', survey_id: 'bigint', keyword_share: 'float8', fail_rate: 'float8', optout_rate: 'float8',
      reply_rate: 'float8', click_rate: 'float8', view_rate: 'float8', respond_rate: 'float8',
    },
    plans.automations,
  );
  await tx.execute(sql`
    create unlogged table pulse_seed.sends (
      send_key text not null, kind text not null, account_id bigint not null, contact_id bigint not null,
      number_id bigint not null, campaign_id bigint, automation_id bigint, execution_id bigint, trigger_key text,
      attempt smallint not null, pattern_id int not null, survey_id bigint,
      created_at timestamptz not null, planned_at timestamptz not null, dispatch_at timestamptz not null,
      deferred boolean not null, skip_reason text,
      fail_rate float8, optout_rate float8, reply_rate float8, click_rate float8, view_rate float8, respond_rate float8,
      line_type text, first_name text, zone text, h1 text, h2 text, h3 text)`);

  // Campaigns: the audience at sending time, made all at once (created_at) and
  // handed over at the number's pace (planned_at), each held until the
  // recipient's sending hours (dispatch_at). The campaign sending now started an
  // hour ago and is paced to finish in 100 minutes.
  await tx.execute(sql`
    insert into pulse_seed.sends (${SEND_COLUMNS})
    with audience as (
      select c.campaign_id, p.contact_id
      from pulse_seed.campaign_plan c
      join pulse_seed.people p on p.account_id = c.account_id and p.created_at < c.sent_at
      where c.audience_kind = 'all'
      union all
      select c.campaign_id, m.contact_id
      from pulse_seed.campaign_plan c
      join pulse_seed.memberships m on m.tag_id = c.tag_id and m.added_at < c.sent_at
      where c.audience_kind = 'tag'
    ), ordered as (
      select campaign_id, contact_id,
             row_number() over (partition by campaign_id order by contact_id) - 1 as position,
             count(*) over (partition by campaign_id) as size
      from audience
    ), timed as (
      select c.*, p.contact_id, p.line_type, p.first_name, p.zone, k.send_key,
             c.sent_at + o.position * interval '2 milliseconds' as created_at,
             c.sent_at + o.position * (case when c.sending_now then interval '100 minutes' / o.size
                                            else c.pace_ms * interval '1 millisecond' end) as planned_at
      from ordered o
      join pulse_seed.campaign_plan c using (campaign_id)
      join pulse_seed.people p using (contact_id)
      cross join lateral (select 'c:' || c.campaign_id || ':' || p.contact_id || ':1' as send_key) k
    ), held as materialized (
      select t.*, ${afterQuietHours(sql`t.planned_at`, sql`t.zone`)} as dispatch_at from timed t
    )
    select send_key, 'campaign', account_id, contact_id, number_id, campaign_id, null, null, null, 1, pattern_id, survey_id,
           created_at, planned_at, dispatch_at, dispatch_at > planned_at, null,
           fail_rate, optout_rate, reply_rate, click_rate, view_rate, respond_rate, line_type, first_name, zone,
           ${hashesOf('send_key')}
    from held`);

  // Follow-ups go to part of the source campaign's recipients.
  await tx.execute(sql`
    insert into pulse_seed.sends (${SEND_COLUMNS})
    with picked as (
      select f.campaign_id, s.contact_id,
             row_number() over (partition by f.campaign_id order by s.contact_id) - 1 as position
      from pulse_seed.campaign_plan f
      join pulse_seed.sends s on s.campaign_id = f.source_campaign_id and s.attempt = 1
      where f.audience_kind = 'campaign'
        and pulse_seed.draw(pulse_seed.hash('follow:' || f.campaign_id || ':' || s.contact_id), 0) < f.follow_share
    ), timed as (
      select c.*, p.contact_id, p.line_type, p.first_name, p.zone,
             'c:' || c.campaign_id || ':' || p.contact_id || ':1' as send_key,
             c.sent_at + k.position * interval '2 milliseconds' as created_at,
             c.sent_at + k.position * c.pace_ms * interval '1 millisecond' as planned_at
      from picked k
      join pulse_seed.campaign_plan c using (campaign_id)
      join pulse_seed.people p using (contact_id)
    ), held as materialized (
      select t.*, ${afterQuietHours(sql`t.planned_at`, sql`t.zone`)} as dispatch_at from timed t
    )
    select send_key, 'campaign', account_id, contact_id, number_id, campaign_id, null, null, null, 1, pattern_id, survey_id,
           created_at, planned_at, dispatch_at, dispatch_at > planned_at, null,
           fail_rate, optout_rate, reply_rate, click_rate, view_rate, respond_rate, line_type, first_name, zone,
           ${hashesOf('send_key')}
    from held`);

  await planExecutions(tx, ctx);
  await tx.execute(sql`create index on pulse_seed.sends (contact_id)`);
  await analyzeWorkTable(tx, 'sends');
  await planOptOuts(tx, ctx);
  await planResends(tx, anchor);
}

/**
 * Automation executions, one per trigger occurrence and contact: contacts created
 * or tagged while the automation was on, keywords texted in, birthdays (also the
 * next 30 days', still scheduled) and recurring runs to the audience. Immediate
 * triggers wait for sending hours; dated ones are skipped outside them, and a
 * landline is skipped as having no mobile phone.
 */
async function planExecutions(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  const historyStart = sql`${ctx.historyStart.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into pulse_seed.sends (${SEND_COLUMNS})
    with occurrences as (
      select a.automation_id, p.contact_id, 'contact_created' as trigger_key,
             p.created_at + a.delay_minutes * interval '1 minute' as planned_at, true as immediate
      from pulse_seed.automation_plan a
      join pulse_seed.people p on p.account_id = a.account_id
      where a.trigger = 'contact_created' and p.created_at >= a.active_from and p.created_at < a.active_until
      union all
      select a.automation_id, m.contact_id,
             'tag:' || m.tag_id || ':' || to_char(m.added_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             m.added_at + a.delay_minutes * interval '1 minute', true
      from pulse_seed.automation_plan a
      join pulse_seed.memberships m on m.tag_id = a.tag_id
      where a.trigger = 'tag_added' and m.added_at >= a.active_from and m.added_at < a.active_until
      union all
      select a.automation_id, p.contact_id, 'keyword:SM' || pulse_seed.hash('keyword:' || a.automation_id || ':' || p.contact_id),
             t.texted_at + interval '2 seconds', true
      from pulse_seed.automation_plan a
      join pulse_seed.people p on p.account_id = a.account_id
      cross join lateral (select pulse_seed.hash('texter:' || a.automation_id || ':' || p.contact_id) as h offset 0) k
      cross join lateral (
        select greatest(a.active_from, p.created_at)
               + (a.active_until - greatest(a.active_from, p.created_at)) * pulse_seed.draw(k.h, 1) as texted_at) t
      where a.trigger = 'keyword' and pulse_seed.draw(k.h, 0) < a.keyword_share
        and greatest(a.active_from, p.created_at) < a.active_until
      union all
      select a.automation_id, p.contact_id, 'birthday:' || y, b.planned_at, false
      from pulse_seed.automation_plan a
      join pulse_seed.people p on p.account_id = a.account_id and p.birthday is not null
      cross join generate_series(extract(year from ${historyStart})::int, extract(year from ${anchor})::int + 1) as y
      cross join lateral (
        select (make_date(y, extract(month from p.birthday)::int,
                          least(extract(day from p.birthday)::int,
                                extract(day from make_date(y, extract(month from p.birthday)::int, 1) + interval '1 month - 1 day')::int))
                + a.send_minutes * interval '1 minute') at time zone p.zone as planned_at) b
      where a.trigger = 'date' and b.planned_at >= greatest(a.active_from, p.created_at)
        and (b.planned_at < a.active_until or (a.still_active and b.planned_at < ${anchor} + interval '30 days'))
      union all
      select a.automation_id, coalesce(m.contact_id, p.contact_id), 'recurring:' || to_char(r.day, 'YYYY-MM-DD'), r.planned_at, false
      from pulse_seed.automation_plan a
      cross join lateral (
        select day, (day + a.send_minutes * interval '1 minute') at time zone a.time_zone as planned_at
        -- Local calendar days (a date plus minutes is a local wall-clock time).
        from generate_series((a.active_from at time zone a.time_zone)::date, (a.active_until at time zone a.time_zone)::date,
                             interval '1 day') as series(at), cast(series.at as date) as day
        where (a.every = 'day' or (a.every = 'week' and extract(dow from day) = a.weekday)
               or (a.every = 'month' and extract(day from day) = a.month_day))) r
      left join pulse_seed.memberships m on m.tag_id = a.audience_tag_id and m.added_at < r.planned_at
      left join pulse_seed.people p on a.audience_tag_id is null and p.account_id = a.account_id and p.created_at < r.planned_at
      where a.trigger = 'recurring' and r.planned_at >= a.active_from and r.planned_at < a.active_until
        and coalesce(m.contact_id, p.contact_id) is not null
    ), numbered as materialized (
      select o.*, row_number() over (order by o.planned_at, o.automation_id, o.contact_id, o.trigger_key) as execution_id,
             case when o.immediate then ${afterQuietHours(sql`o.planned_at`, sql`p.zone`)} else o.planned_at end as dispatch_at
      from occurrences o
      join pulse_seed.people p using (contact_id)
    )
    select 'a:' || n.execution_id, 'automation', a.account_id, n.contact_id, a.number_id, null, a.automation_id, n.execution_id,
           n.trigger_key, 1, a.pattern_id, a.survey_id, n.planned_at, n.planned_at,
           n.dispatch_at, n.dispatch_at > n.planned_at,
           case when p.line_type = 'landline' then 'no_phone'
                when not n.immediate and ${localMinuteOf(sql`n.planned_at`, sql`p.zone`)}
                     not between ${SENDING_HOURS.start} and ${SENDING_HOURS.end - 1} then 'quiet_hours' end,
           a.fail_rate, a.optout_rate, a.reply_rate, a.click_rate, a.view_rate, a.respond_rate,
           p.line_type, p.first_name, p.zone, ${hashesOf("'a:' || n.execution_id")}
    from numbered n
    join pulse_seed.automation_plan a using (automation_id)
    join pulse_seed.people p using (contact_id)`);
}

/**
 * Who opted out when. A contact's first opt-out decides: the earliest STOP they
 * texted or 21610 the carrier reported (a later one cannot happen: nothing more is
 * sent to them), else an import or a manager. One in ten who texted STOP opts back
 * in with START some days later.
 */
async function planOptOuts(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  await tx.execute(sql`
    create unlogged table pulse_seed.contact_opt as
    with flags as (
      select s.contact_id, s.send_key,
             case when ${carrierOptOut('s')} then ${failedCallbackAt('s')} else ${stopTextedAt('s')} end as opt_at,
             case when ${carrierOptOut('s')} then 'carrier' else 'keyword' end as source
      from pulse_seed.sends s
      where s.skip_reason is null and s.dispatch_at < ${anchor}
        and (${carrierOptOut('s')} or ${keywordOptOut('s')})
    ), first_flags as (
      select distinct on (contact_id) * from flags where opt_at < ${anchor} order by contact_id, opt_at, send_key
    ), chosen as (
      select p.contact_id, p.account_id,
             coalesce(f.opt_at, p.quiet_opt_out_at) as opt_out_at,
             coalesce(f.source, p.quiet_opt_out) as source,
             f.send_key as first_key
      from pulse_seed.people p
      left join first_flags f using (contact_id)
      where f.contact_id is not null or p.quiet_opt_out is not null
    )
    select c.*, case when c.source = 'keyword' and r.back < 0.1 and c.opt_out_at + r.after < ${anchor}
                     then c.opt_out_at + r.after end as opt_in_at
    from chosen c
    cross join lateral (
      select pulse_seed.draw(pulse_seed.hash('opt-in:' || c.contact_id), 0) as back,
             (2 + 58 * pulse_seed.draw(pulse_seed.hash('opt-in:' || c.contact_id), 1)) * interval '1 day' as after) r`);
  await tx.execute(sql`alter table pulse_seed.contact_opt add primary key (contact_id)`);
  await analyzeWorkTable(tx, 'contact_opt');
}

/** Whether the contact was opted out at `at` (between their opt-out and any opt-in). */
export function optedOutAt(o: string, at: string) {
  return sql.raw(`(${o}.opt_out_at is not null and ${at} >= ${o}.opt_out_at and (${o}.opt_in_at is null or ${at} < ${o}.opt_in_at))`);
}

/**
 * A day after some campaigns, the manager resent every failed message (attempt 2).
 * Numbers that cannot take texts fail again; a third of transient failures too.
 * Contacts who opted out in between are suppressed.
 */
async function planResends(tx: Executor, anchor: ReturnType<typeof sql>): Promise<void> {
  await tx.execute(sql`
    insert into pulse_seed.sends (${SEND_COLUMNS})
    with failed as (
      select s.*, c.resend_at, c.pace_ms,
             row_number() over (partition by s.campaign_id order by s.contact_id) - 1 as position
      from pulse_seed.sends s
      join pulse_seed.campaign_plan c on c.campaign_id = s.campaign_id and c.resend_at is not null
      left join pulse_seed.contact_opt o on o.contact_id = s.contact_id
      where s.attempt = 1 and s.dispatch_at < c.resend_at and not ${optedOutAt('o', 's.dispatch_at')}
        and (${baseError('s')} is not null or (${carrierOptOut('s')} and o.first_key = s.send_key))
    ), timed as (
      select f.*, 'c:' || f.campaign_id || ':' || f.contact_id || ':2' as resend_key,
             f.resend_at + f.position * interval '2 milliseconds' as resend_created_at,
             f.resend_at + f.position * f.pace_ms * interval '1 millisecond' as resend_planned_at
      from failed f
      where f.resend_at < ${anchor}
    ), held as materialized (
      select t.*, ${afterQuietHours(sql`t.resend_planned_at`, sql`t.zone`)} as resend_dispatch_at from timed t
    )
    select resend_key, 'campaign', account_id, contact_id, number_id, campaign_id, null, null, null, 2, pattern_id, survey_id,
           resend_created_at, resend_planned_at, resend_dispatch_at, resend_dispatch_at > resend_planned_at, null,
           0.35, 0, reply_rate, click_rate, view_rate, respond_rate, line_type, first_name, zone,
           ${hashesOf('resend_key')}
    from held`);
}
