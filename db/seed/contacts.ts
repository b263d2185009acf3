// Generates the contacts of both accounts in SQL: names from several cultures,
// phone numbers, time zones, birthdays, when they joined, a few landlines and
// invalid numbers, and their tags. The rows live in work tables until the
// history is planned (opt-outs come from it), then go into contacts/contact_tags.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { analyzeWorkTable, createWorkTable, type Row } from './bulk';
import { BR_AREA_CODES, CULTURES, US_AREA_CODES } from './names';
import type { PlannedAccount, SeedContext } from './plan';
import { cumulative } from './random';

export async function planContacts(tx: Executor, ctx: SeedContext, accounts: PlannedAccount[]): Promise<void> {
  await createWorkTable(
    tx,
    'account_plan',
    {
      account_id: 'bigint', contacts: 'int', account_zone: 'text', culture_cum: 'float8[]', area_codes: 'text[]',
      phone_format: 'text', manager_id: 'bigint', main_number_id: 'bigint',
    },
    accounts.map((a) => ({
      account_id: a.accountId,
      contacts: a.contacts,
      account_zone: a.profile.timeZone,
      culture_cum: cumulative(a.profile.population.map((p) => p.weight)),
      area_codes: a.profile.phoneFormat === 'us' ? US_AREA_CODES : BR_AREA_CODES,
      phone_format: a.profile.phoneFormat,
      manager_id: a.managerId,
      main_number_id: a.numberIds[0],
    })),
  );
  await createWorkTable(
    tx,
    'population',
    { account_id: 'bigint', culture: 'int', first_names: 'text[]', last_names: 'text[]', zones: 'text[]', zone_cum: 'float8[]' },
    accounts.flatMap((a) =>
      a.profile.population.map((p, i): Row => ({
        account_id: a.accountId,
        culture: i + 1,
        first_names: CULTURES[p.culture].first,
        last_names: CULTURES[p.culture].last,
        zones: p.zones.map(([zone]) => zone),
        zone_cum: cumulative(p.zones.map(([, w]) => w)),
      })),
    ),
  );
  await createWorkTable(
    tx,
    'tag_plan',
    { account_id: 'bigint', tag_id: 'bigint', share: 'float8', zones: 'text[]', zone_share: 'float8', min_days: 'float8', max_days: 'float8' },
    accounts.flatMap((a) =>
      a.profile.tags.map((t): Row => ({
        account_id: a.accountId,
        tag_id: a.tagIds.get(t.name),
        share: t.share,
        // Zones as the contact experiences them: null (the account's zone) spelled out.
        zones: t.zones?.map((z) => z ?? a.profile.timeZone) ?? null,
        zone_share: t.zoneShare ?? null,
        min_days: t.addedAfterDays[0],
        max_days: t.addedAfterDays[1],
      })),
    ),
  );

  // One row per contact. 35% were contacts before the history starts; the rest
  // joined over it, a little faster towards the end. 1.5% of numbers are landlines
  // and 0.7% are not valid mobile numbers (they fail with 30006 and 21614).
  await tx.execute(sql`
    create unlogged table pulse_seed.people as
    with drawn as materialized (
      -- Materialized: each hash is computed once, not at every draw that reads it.
      select a.account_id, a.account_zone, a.phone_format, a.area_codes, a.culture_cum, i,
             pulse_seed.hash('contact:' || a.account_id || ':' || i) as h1,
             pulse_seed.hash('contact+:' || a.account_id || ':' || i) as h2,
             pulse_seed.hash('contact#:' || a.account_id || ':' || i) as h3
      from pulse_seed.account_plan a, generate_series(1, a.contacts) as i
    ), shaped as (
      select d.account_id, d.account_zone, d.i, d.h1, d.h2, d.h3,
             p.first_names[1 + floor(pulse_seed.draw(d.h1, 1) * cardinality(p.first_names))::int] as first_name,
             p.last_names[1 + floor(pulse_seed.draw(d.h1, 2) * cardinality(p.last_names))::int] as last_name,
             p.zones[pulse_seed.choice(p.zone_cum, pulse_seed.draw(d.h1, 3))] as time_zone,
             -- Unique per account: area code by position, then a permuted line number.
             case d.phone_format
               when 'us' then '+1' || d.area_codes[1 + d.i % cardinality(d.area_codes)] || '555'
                              || lpad((((d.i / cardinality(d.area_codes)) * 7919) % 10000)::text, 4, '0')
               else '+55' || d.area_codes[1 + d.i % cardinality(d.area_codes)] || '95555'
                              || lpad((((d.i / cardinality(d.area_codes)) * 7919) % 10000)::text, 4, '0')
             end as phone,
             case when pulse_seed.draw(d.h2, 0) < 0.35
               then ${ctx.historyStart.toISOString()}::timestamptz - (1 + pulse_seed.draw(d.h2, 1) * 700) * interval '1 day'
               else ${ctx.historyStart.toISOString()}::timestamptz
                    + (${ctx.anchor.toISOString()}::timestamptz - ${ctx.historyStart.toISOString()}::timestamptz)
                      * power(pulse_seed.draw(d.h2, 1), 0.85)
             end as created_at,
             case when pulse_seed.draw(d.h2, 2) < 0.7
               then date '1955-01-01' + floor(pulse_seed.draw(d.h2, 3) * 18250)::int end as birthday,
             case when pulse_seed.draw(d.h3, 0) < 0.015 then 'landline'
                  when pulse_seed.draw(d.h3, 0) < 0.022 then 'invalid'
                  else 'mobile' end as line_type,
             -- Opted out without a keyword: imported as opted out, or by a manager's hand.
             case when pulse_seed.draw(d.h3, 1) < 0.004 then 'import'
                  when pulse_seed.draw(d.h3, 1) < 0.007 then 'manual' end as quiet_opt_out,
             pulse_seed.draw(d.h3, 2) as quiet_opt_out_at
      from drawn d
      join pulse_seed.population p on p.account_id = d.account_id
       and p.culture = pulse_seed.choice(d.culture_cum, pulse_seed.draw(d.h1, 0))
    )
    select row_number() over (order by created_at, account_id, i) as contact_id,
           account_id, first_name, last_name, phone, time_zone, coalesce(time_zone, account_zone) as zone,
           birthday, created_at, line_type, quiet_opt_out,
           case quiet_opt_out
             when 'import' then created_at
             when 'manual' then created_at + (${ctx.anchor.toISOString()}::timestamptz - created_at) * quiet_opt_out_at
           end as quiet_opt_out_at
    from shaped`);
  await tx.execute(sql`alter table pulse_seed.people add primary key (contact_id)`);
  await analyzeWorkTable(tx, 'people');

  // Tags, added some days after the contact joined (never after the anchor).
  await tx.execute(sql`
    create unlogged table pulse_seed.memberships as
    select p.account_id, p.contact_id, t.tag_id,
           p.created_at + (t.min_days + pulse_seed.draw(m.h, 1) * (t.max_days - t.min_days)) * interval '1 day' as added_at
    from pulse_seed.people p
    join pulse_seed.tag_plan t on t.account_id = p.account_id
    cross join lateral (select pulse_seed.hash('tag:' || p.contact_id || ':' || t.tag_id) as h offset 0) m
    where pulse_seed.draw(m.h, 0) < case when p.zone = any(t.zones) then t.zone_share else t.share end
      and p.created_at + (t.min_days + pulse_seed.draw(m.h, 1) * (t.max_days - t.min_days)) * interval '1 day'
          < ${ctx.anchor.toISOString()}::timestamptz`);
  await tx.execute(sql`create index on pulse_seed.memberships (tag_id, added_at)`);
  await analyzeWorkTable(tx, 'memberships');
}

/** Writes the planned contacts and tags, with the opt-out state the history left them in. */
export async function insertContacts(tx: Executor): Promise<void> {
  await tx.execute(sql`
    insert into contacts (account_id, id, first_name, last_name, phone, time_zone, birthday, opted_out_at, created_at, updated_at)
    overriding system value
    select p.account_id, p.contact_id, p.first_name, p.last_name, p.phone, p.time_zone, p.birthday,
           case when o.opt_in_at is null then o.opt_out_at end,
           p.created_at, greatest(p.created_at, o.opt_out_at, o.opt_in_at)
    from pulse_seed.people p
    left join pulse_seed.contact_opt o on o.contact_id = p.contact_id
    order by p.contact_id`);
  await tx.execute(sql`
    insert into contact_tags (account_id, contact_id, tag_id, created_at)
    select account_id, contact_id, tag_id, added_at from pulse_seed.memberships order by contact_id, tag_id`);
}
