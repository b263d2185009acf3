// The demo data at scale S: the CONTRACT logins, the shape the issue asks for, and
// consistency with the app's own rules — bodies as renderMessage fills them,
// segments as segmentsOf counts them, inbound kinds as the classifier reads them,
// attribution and conversations by DESIGN §5, and rollups equal to the recount.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { seedDemoData, SeedRefusedError } from '@/db/seed';
import { verifyPassword } from '@/lib/auth/password';
import { segmentsOf } from '@/lib/billing/segments';
import { classifyInbound } from '@/lib/messaging/keywords';
import { isLinkCode } from '@/lib/messaging/links';
import { renderMessage } from '@/lib/messaging/merge-fields';
import { statusRank, type MessageStatus } from '@/lib/messaging/status';
import { verifyStats } from '@/lib/stats';

const NOW = new Date('2026-03-10T00:00:00Z');
const PUBLIC_URL = 'https://pulse.example.test';

beforeAll(async () => {
  await seedDemoData(process.env.DATABASE_URL!, { scale: 'S', seed: 7, now: NOW, publicUrl: PUBLIC_URL });
}, 180_000);

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => db.execute<T>(query);
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: string }>(query))[0]!.n);

describe('demo data at scale S', () => {
  it('has about 100k message events over 13 months', async () => {
    expect(await count(sql`select count(*) as n from message_events`)).toBeGreaterThan(80_000);
    expect(await count(sql`select count(*) as n from message_events`)).toBeLessThan(130_000);
    const [span] = await rows<{ first: string; last: string }>(sql`
      select min(sent_at) as first, max(sent_at) as last from messages where direction = 'outbound'`);
    expect(NOW.getTime() - new Date(span!.first).getTime()).toBeGreaterThan(380 * 86_400_000);
    expect(NOW.getTime() - new Date(span!.last).getTime()).toBeLessThan(86_400_000);
  });

  it('creates the CONTRACT logins with their passwords and roles', async () => {
    const users = await rows<{ email: string; role: string; account: string; password_hash: string }>(sql`
      select u.email, u.role, a.name as account, u.password_hash
      from login_emails l join users u on u.account_id = l.account_id and u.id = l.user_id
      join accounts a on a.id = u.account_id order by u.email`);
    expect(users.map(({ email, role, account }) => ({ email, role, account }))).toEqual([
      { email: 'agent@demo.test', role: 'agent', account: 'Demo' },
      { email: 'manager@demo.test', role: 'manager', account: 'Demo' },
      { email: 'manager@other.test', role: 'manager', account: 'Other' },
    ]);
    const password = { 'agent@demo.test': 'demo-agent', 'manager@demo.test': 'demo-manager', 'manager@other.test': 'other-manager' };
    for (const u of users) expect(await verifyPassword(u.password_hash, password[u.email as keyof typeof password])).toBe(true);
  });

  it('gives Demo a monthly plan this month has (nearly) used up, and Other an unlimited one', async () => {
    const [demo] = await rows<{ allowance: number; used: string; zone: string; locale: string }>(sql`
      select a.monthly_credits as allowance, a.time_zone as zone, a.locale,
             (select sum(credits) from messages m where m.account_id = a.id
                and date_trunc('month', m.sent_at at time zone a.time_zone) = date_trunc('month', ${NOW.toISOString()}::timestamptz at time zone a.time_zone)) as used
      from accounts a where a.name = 'Demo'`);
    expect(demo).toMatchObject({ zone: 'America/New_York', locale: 'en' });
    expect(Number(demo!.used)).toBeGreaterThan(demo!.allowance * 0.9);
    const [other] = await rows<{ monthly_credits: number | null; time_zone: string; locale: string }>(sql`
      select monthly_credits, time_zone, locale from accounts where name = 'Other'`);
    expect(other).toEqual({ monthly_credits: null, time_zone: 'America/Sao_Paulo', locale: 'pt-BR' });
  });

  it('has contacts in several zones, with tags and birthdays, some opted out', async () => {
    const zones = (await rows<{ zone: string | null }>(sql`select distinct time_zone as zone from contacts`)).map((r) => r.zone);
    expect(zones).toEqual(expect.arrayContaining([null, 'Asia/Kathmandu', 'Asia/Kolkata', 'America/New_York', 'America/Sao_Paulo', 'Europe/Lisbon']));
    const tags = (await rows<{ name: string }>(sql`select distinct t.name from contact_tags ct join tags t on t.id = ct.tag_id`)).map((r) => r.name);
    expect(tags).toEqual(expect.arrayContaining(['vip', 'newsletter', 'customers-2025', 'são-paulo']));
    expect(await count(sql`select count(*) as n from contacts where birthday is not null`)).toBeGreaterThan(1000);
    expect(await count(sql`select count(*) as n from contacts where opted_out_at is not null`)).toBeGreaterThan(50);
  });

  it('has campaigns in every status, scheduled ones within the next 30 days, a follow-up and resends', async () => {
    const statuses = (await rows<{ status: string }>(sql`select distinct status from campaigns`)).map((r) => r.status).sort();
    expect(statuses).toEqual(['canceled', 'draft', 'scheduled', 'sending', 'sent']);
    const scheduled = await rows<{ scheduled_at: string }>(sql`select scheduled_at from campaigns where status = 'scheduled'`);
    for (const s of scheduled) {
      expect(new Date(s.scheduled_at).getTime()).toBeGreaterThan(NOW.getTime());
      expect(new Date(s.scheduled_at).getTime()).toBeLessThan(NOW.getTime() + 30 * 86_400_000);
    }
    expect(await count(sql`select count(*) as n from campaigns where source_campaign_id is not null and audience like 'campaign:%'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from messages where attempt = 2`)).toBeGreaterThan(0);
  });

  it('has one campaign sending now, with recipients still waiting, some for quiet hours', async () => {
    const waiting = await rows<{ status: string; status_reason: string | null; n: string }>(sql`
      select m.status, m.status_reason, count(*) as n from messages m join campaigns c on c.id = m.campaign_id
      where c.status = 'sending' and m.status_rank < 3 group by 1, 2`);
    expect(waiting.find((w) => w.status === 'pending')).toMatchObject({ status_reason: 'quiet_hours' });
    expect(await count(sql`select count(*) as n from campaign_recipients r join campaigns c on c.id = r.campaign_id
                           where c.status = 'sending' and r.status = 'pending' and r.status_reason = 'quiet_hours'`)).toBeGreaterThan(0);
  });

  it('fails the way Twilio does, mostly delivering', async () => {
    const codes = (await rows<{ error_code: number }>(sql`select distinct error_code from messages where error_code is not null`)).map((r) => r.error_code);
    expect(codes.sort()).toEqual([21610, 21614, 30003, 30005, 30006, 30007, 30008]);
    const [rate] = await rows<{ delivered: string; recipients: string }>(sql`
      select sum(delivered) as delivered, sum(recipients) as recipients from campaign_stats s join campaigns c on c.id = s.campaign_id where c.status = 'sent'`);
    const delivery = Number(rate!.delivered) / Number(rate!.recipients);
    expect(delivery).toBeGreaterThan(0.9);
    expect(delivery).toBeLessThan(0.98);
  });

  it('has replies, opt-outs of every source, human and bot clicks, survey views and answers', async () => {
    const sources = (await rows<{ source: string }>(sql`select distinct source from opt_outs where kind = 'opt_out'`)).map((r) => r.source).sort();
    expect(sources).toEqual(['carrier', 'import', 'keyword', 'manual']);
    expect(await count(sql`select count(*) as n from opt_outs where kind = 'opt_in'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from messages where inbound_kind = 'reply' and attributed_message_id is not null`)).toBeGreaterThan(100);
    expect(await count(sql`select count(*) as n from link_clicks where is_bot`)).toBeGreaterThan(100);
    expect(await count(sql`select count(*) as n from link_clicks where not is_bot`)).toBeGreaterThan(100);
    const kinds = (await rows<{ kind: string }>(sql`
      select distinct q.kind from survey_answers a join survey_questions q on q.id = a.question_id`)).map((r) => r.kind).sort();
    expect(kinds).toEqual(['free_text', 'multiple_choice', 'nps', 'rating', 'single_choice']);
    expect(await count(sql`select count(*) as n from survey_invitations where viewed_at is not null and submitted_at is null`)).toBeGreaterThan(0);
  });

  it('has automations of every trigger, on and off and one deleted, with sent, failed and skipped executions', async () => {
    const triggers = (await rows<{ trigger: string }>(sql`select distinct trigger from automations`)).map((r) => r.trigger).sort();
    expect(triggers).toEqual(['contact_created', 'date', 'keyword', 'recurring', 'tag_added']);
    expect(await count(sql`select count(*) as n from automations where status = 'inactive'`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from automations where deleted_at is not null`)).toBe(1);
    const outcomes = (await rows<{ outcome: string }>(sql`
      select distinct status || coalesce(':' || skip_reason, '') as outcome from automation_executions`)).map((r) => r.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['sent', 'failed', 'skipped:opted_out', 'skipped:quiet_hours', 'skipped:no_phone', 'scheduled']));
  });

  it('stores rollups that the independent recount finds no difference in', async () => {
    expect(await verifyStats(db)).toEqual([]);
  });

  it('keeps every foreign key intact', async () => {
    const keys = await rows<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }>(sql`
      select k.conname as name, c.relname as child, p.relname as parent,
             array(select a.attname from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[] as columns,
             array(select a.attname from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[] as referenced
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`);
    const broken: string[] = [];
    for (const k of keys) {
      const notNull = k.columns.map((c) => `c."${c}" is not null`).join(' and ');
      const match = k.columns.map((c, i) => `p."${k.referenced[i]}" = c."${c}"`).join(' and ');
      const orphans = await count(sql.raw(`select count(*) as n from "${k.child}" c
        where ${notNull} and not exists (select 1 from "${k.parent}" p where ${match})`));
      if (orphans > 0) broken.push(`${k.name}: ${orphans}`);
    }
    expect(broken).toEqual([]);
  });

  it('fills bodies as renderMessage does and counts segments and credits as segmentsOf does', async () => {
    const sent = await rows<{ id: number; body: string; encoding: string; segments: number; credits: number; status: MessageStatus; template: string; first_name: string; code: string | null; token: string | null; suppressed: boolean }>(sql`
      select m.id, m.body, m.encoding, m.segments, m.credits, m.status, coalesce(c.body, a.body) as template, k.first_name,
             l.code, i.token, m.status = 'suppressed' as suppressed
      from messages m
      join contacts k on k.account_id = m.account_id and k.id = m.contact_id
      left join campaigns c on c.account_id = m.account_id and c.id = m.campaign_id
      left join automations a on a.account_id = m.account_id and a.id = m.automation_id
      left join links l on l.account_id = m.account_id and l.message_id = m.id
      left join survey_invitations i on i.account_id = m.account_id and i.contact_id = m.contact_id
        and (i.campaign_id = m.campaign_id or i.automation_execution_id = m.automation_execution_id)
      where m.direction = 'outbound' and m.outbound_kind <> 'keyword_response'`);
    const wrong: number[] = [];
    for (const m of sent) {
      const expected = renderMessage(m.template, {
        firstName: m.first_name,
        lastName: '',
        surveyLink: m.token ? `${PUBLIC_URL}/s/${m.token}` : null,
        trackLink: m.code ? () => `${PUBLIC_URL}/l/${m.code}` : undefined,
      });
      const counted = segmentsOf(m.body);
      const charged = statusRank(m.status) >= 3 && m.status !== 'suppressed' ? counted.segments : 0;
      if (m.body !== expected || m.encoding !== counted.encoding || m.segments !== counted.segments || m.credits !== charged) wrong.push(m.id);
      if (m.code !== null && !isLinkCode(m.code)) wrong.push(m.id);
    }
    expect(sent.length).toBeGreaterThan(30_000);
    expect(wrong).toEqual([]);
    expect(sent.some((m) => m.encoding === 'UCS-2') && sent.some((m) => m.segments > 1)).toBe(true);
  });

  it('stores inbound kinds as the classifier reads them, and Twilio-shaped sids', async () => {
    const inbound = await rows<{ body: string; inbound_kind: string; locale: string; opted_out: boolean }>(sql`
      select m.body, m.inbound_kind, a.locale,
             exists (select 1 from opt_outs o where o.account_id = m.account_id and o.contact_id = m.contact_id and o.created_at < m.created_at and o.kind = 'opt_out'
                     and not exists (select 1 from opt_outs i where i.account_id = o.account_id and i.contact_id = o.contact_id and i.kind = 'opt_in' and i.created_at between o.created_at and m.created_at - interval '1 microsecond')) as opted_out
      from messages m join accounts a on a.id = m.account_id where m.direction = 'inbound'`);
    const misread = inbound.filter((m) => classifyInbound(m.body, { locale: m.locale, senderOptedOut: m.opted_out }).kind !== m.inbound_kind);
    expect(misread).toEqual([]);
    expect(await count(sql`select count(*) as n from provider_messages where sid !~ '^SM[0-9a-f]{32}$'`)).toBe(0);
    expect(await count(sql`select count(*) as n from messages where provider_sid is not null`)).toBe(await count(sql`select count(*) as n from provider_messages`));
  });

  it('attributes each inbound text to the latest message sent to that contact from that number in the previous 72 hours', async () => {
    const misattributed = await count(sql`
      select count(*) as n from messages i
      left join lateral (
        select o.id from messages o
        where o.account_id = i.account_id and o.contact_id = i.contact_id and o.phone_number_id = i.phone_number_id
          and o.direction = 'outbound' and o.sent_at is not null
          and o.sent_at <= i.created_at and o.sent_at >= i.created_at - interval '72 hours'
        order by o.sent_at desc, o.id desc limit 1) latest on true
      where i.direction = 'inbound' and i.attributed_message_id is distinct from latest.id`);
    expect(misattributed).toBe(0);
  });

  it('starts a conversation exactly when an inbound text follows 24 hours of silence on its thread', async () => {
    const wrong = await count(sql`
      select count(*) as n from messages i
      left join lateral (
        select p.created_at from messages p
        where p.account_id = i.account_id and p.contact_id = i.contact_id and p.phone_number_id = i.phone_number_id
          and (p.created_at, p.id) < (i.created_at, i.id)
        order by p.created_at desc, p.id desc limit 1) previous on true
      left join conversations c on c.account_id = i.account_id and c.started_by_message_id = i.id
      where i.direction = 'inbound'
        and (c.id is not null) <> (previous.created_at is null or previous.created_at <= i.created_at - interval '24 hours')`);
    expect(wrong).toBe(0);
  });

  it("moves each message only forward: its status is its last applied callback's", async () => {
    const wrong = await count(sql`
      select count(*) as n from messages m
      left join lateral (
        select e.status from message_events e where e.account_id = m.account_id and e.message_id = m.id and e.applied
        order by e.received_at desc limit 1) last on true
      where m.direction = 'outbound' and m.provider_sid is not null and m.status::text <> coalesce(last.status::text, 'queued')`);
    expect(wrong).toBe(0);
    expect(await count(sql`select count(*) as n from message_events where status = 'sent' and not applied`)).toBeGreaterThan(0);
  });

  it('refuses to seed again over a database that has users, and changes nothing', async () => {
    const before = await count(sql`select count(*) as n from messages`);
    await expect(seedDemoData(process.env.DATABASE_URL!, { scale: 'S', seed: 8, now: NOW })).rejects.toThrow(SeedRefusedError);
    expect(await count(sql`select count(*) as n from messages`)).toBe(before);
  });
});
