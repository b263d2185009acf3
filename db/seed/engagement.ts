// What recipients did with links and surveys: a tracked link per message that has
// one, human clicks on 5–15% of delivered ones (some tap twice or three times),
// link-preview fetchers and carrier scanners hitting a share of them (recorded as
// bots, never counted), survey invitations, views, submissions and answers.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { analyzeWorkTable } from './bulk';
import type { SeedContext } from './plan';

const draw = (h: string, i: number) => sql.raw(`pulse_seed.draw(${h}, ${i})`);
/** A user agent from the human (hu) or link-preview (pv) pool. */
const agent = (pool: 'hu' | 'pv', h: string, i: number) =>
  sql.raw(`${pool}.bodies[pulse_seed.choice(${pool}.cumulative, pulse_seed.draw(${h}, ${i}))]`);

export async function writeLinks(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  await planClicks(tx, anchor);
  // A link's id is its message's: one tracked link per message. Its click_count
  // counts the human clicks planned above.
  await tx.execute(sql`
    insert into links (account_id, id, code, destination, contact_id, message_id, campaign_id, automation_id, click_count, created_at)
    overriding system value
    select o.account_id, o.message_id, o.link_code, t.destination, o.contact_id, o.message_id,
           o.campaign_id, o.automation_id, coalesce(h.clicks, 0), o.created_at
    from pulse_seed.outbound o
    join pulse_seed.patterns t on t.pattern_id = o.pattern_id and t.variant = o.variant
    left join (select link_id, count(*) as clicks from pulse_seed.clicks where not is_bot group by link_id) h
      on h.link_id = o.message_id
    where o.link_code is not null`);
  await tx.execute(sql`insert into link_codes (code, account_id, link_id) select code, account_id, id from links`);
  await tx.execute(sql`
    insert into link_clicks (account_id, id, link_id, is_bot, method, user_agent, clicked_at)
    overriding system value
    select account_id, id, link_id, is_bot, method, user_agent, clicked_at from pulse_seed.clicks`);
}

async function planClicks(tx: Executor, anchor: ReturnType<typeof sql>): Promise<void> {
  // Bots first: a carrier's scanner checks 6% of links with HEAD before delivery, and
  // the phone's link preview fetches 30% as the text arrives. (Survey messages carry
  // no tracked link, so their view and response draws are free for these.) Then
  // people: 5–15% of delivered messages get a tap, some two or three.
  await tx.execute(sql`
    create unlogged table pulse_seed.clicks as
    select o.account_id, o.message_id * 8 as id, o.message_id as link_id, true as is_bot, 'HEAD' as method,
           'Mozilla/5.0' as user_agent, o.dispatch_at + interval '500 milliseconds' as clicked_at
    from pulse_seed.outbound o
    where o.link_code is not null and o.dispatched and ${draw('o.h2', 1)} < 0.06
      and o.dispatch_at + interval '500 milliseconds' < ${anchor}
    union all
    select o.account_id, o.message_id * 8 + 1, o.message_id, true, 'GET', ${agent('pv', 'o.h3', 3)},
           o.outcome_at + (1 + 2 * ${draw('o.h3', 3)}) * interval '1 second'
    from pulse_seed.outbound o
    cross join (select bodies, cumulative from pulse_seed.pools where account_id = 0 and pool = 'agents:preview') pv
    where o.link_code is not null and o.status = 'delivered' and ${draw('o.h2', 0)} < 0.3
      and o.outcome_at + (1 + 2 * ${draw('o.h3', 3)}) * interval '1 second' < ${anchor}
    union all
    select c.account_id, c.message_id * 8 + 2 + c.n, c.message_id, false, 'GET', c.person, c.clicked_at
    from (
      select o.account_id, o.message_id, n.n, ${agent('hu', 'h.b', 1)} as person,
             o.outcome_at + 20 * exp(8.5 * ${draw('h.a', 2)}) * interval '1 second'
               + (case when n.n >= 1 then exp(7 * ${draw('h.a', 3)}) else 0 end
                  + case when n.n >= 2 then exp(7 * ${draw('h.b', 0)}) else 0 end) * interval '1 minute' as clicked_at
      from pulse_seed.outbound o
      cross join (select bodies, cumulative from pulse_seed.pools where account_id = 0 and pool = 'agents:human') hu
      -- offset 0 keeps each hash computed once per message rather than at every draw.
      cross join lateral (select pulse_seed.hash('click:' || o.message_id) as a, pulse_seed.hash('click+:' || o.message_id) as b offset 0) h
      cross join lateral generate_series(0, case when ${draw('o.h1', 3)} < o.click_rate * 0.1 then 2
                                                 when ${draw('o.h1', 3)} < o.click_rate * 0.3 then 1 else 0 end) as n(n)
      where o.link_code is not null and o.status = 'delivered' and ${draw('o.h1', 3)} < o.click_rate
    ) c
    where c.clicked_at < ${anchor}`);
  await analyzeWorkTable(tx, 'clicks');
}

export async function writeSurveys(tx: Executor, ctx: SeedContext): Promise<void> {
  const anchor = sql`${ctx.anchor.toISOString()}::timestamptz`;
  // One invitation per campaign recipient (a resend reuses it) or per automation
  // execution, opened from the first delivered message that carried it.
  await tx.execute(sql`
    create unlogged table pulse_seed.invitations as
    with carried as (
      select distinct on (o.kind, coalesce(o.campaign_id, o.execution_id), o.contact_id)
             o.*, o.survey_token as token,
             min(o.created_at) over (partition by o.kind, coalesce(o.campaign_id, o.execution_id), o.contact_id) as invited_at
      from pulse_seed.outbound o
      where o.survey_token is not null
      order by o.kind, coalesce(o.campaign_id, o.execution_id), o.contact_id, (o.status = 'delivered') desc, o.attempt
    ), opened as (
      select c.*, h.h,
             case when c.status = 'delivered' and ${draw('c.h2', 0)} < c.view_rate
                  then c.outcome_at + 30 * exp(7 * ${draw('h.h', 0)}) * interval '1 second' end as viewed_at
      from carried c
      cross join lateral (select pulse_seed.hash('survey:' || c.message_id) as h offset 0) h
    )
    select row_number() over (order by invited_at, message_id) as invitation_id,
           account_id, survey_id, contact_id, campaign_id, automation_id, execution_id, token, invited_at,
           case when viewed_at < ${anchor} then viewed_at end as viewed_at,
           case when viewed_at < ${anchor} then 1 + (${draw('h', 1)} < 0.3)::int + (${draw('h', 1)} < 0.1)::int else 0 end as view_count,
           case when viewed_at + (40 + 300 * ${draw('h', 2)}) * interval '1 second' < ${anchor} and ${draw('h2', 1)} < respond_rate
                then viewed_at + (40 + 300 * ${draw('h', 2)}) * interval '1 second' end as submitted_at
    from opened`);
  await analyzeWorkTable(tx, 'invitations');

  await tx.execute(sql`
    insert into survey_invitations (account_id, id, survey_id, contact_id, campaign_id, automation_id, automation_execution_id,
                                    token, viewed_at, view_count, submitted_at, created_at)
    overriding system value
    select account_id, invitation_id, survey_id, contact_id, campaign_id, automation_id, execution_id,
           token, viewed_at, view_count, submitted_at, invited_at
    from pulse_seed.invitations order by invitation_id`);
  await tx.execute(sql`
    insert into survey_tokens (token, account_id, invitation_id) select token, account_id, invitation_id from pulse_seed.invitations`);

  // Answers to every required question and most optional ones, in each question's shape.
  await tx.execute(sql`
    insert into survey_answers (account_id, id, invitation_id, question_id, choices, score, text, created_at)
    overriding system value
    select i.account_id, row_number() over (order by i.invitation_id, q.question_id), i.invitation_id, q.question_id,
           case q.kind
             when 'single_choice' then jsonb_build_array(q.choices[pulse_seed.choice(q.cumulative, ${draw('a.h', 0)})])
             when 'multiple_choice' then coalesce(
               (select jsonb_agg(x.choice order by x.n) from unnest(q.choices, q.ticks) with ordinality as x(choice, p, n)
                where pulse_seed.draw(pulse_seed.hash('tick:' || i.invitation_id || ':' || q.question_id || ':' || x.n), 0) < x.p),
               jsonb_build_array(q.choices[1]))
           end,
           case q.kind
             when 'rating' then pulse_seed.choice(q.cumulative, ${draw('a.h', 0)})
             when 'nps' then pulse_seed.choice(q.cumulative, ${draw('a.h', 0)}) - 1
           end,
           case when q.kind = 'free_text' then q.answers[1 + floor(${draw('a.h', 1)} * cardinality(q.answers))::int] end,
           i.submitted_at
    from pulse_seed.invitations i
    join pulse_seed.question_plan q on q.survey_id = i.survey_id
    cross join lateral (select pulse_seed.hash('answer:' || i.invitation_id || ':' || q.question_id) as h offset 0) a
    where i.submitted_at is not null
      and (q.required or ${draw('a.h', 2)} < case when q.kind = 'free_text' then q.answer_share else 0.9 end)`);
}
