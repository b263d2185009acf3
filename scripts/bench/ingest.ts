// Ingest benchmark: status callbacks per second with the rollups kept in the same
// transaction, against the same callbacks without them, in one run on one database.
// Each callback is 'sent' then 'delivered' for a queued campaign message; callbacks
// run with the concurrency of a busy web server.
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordStatusCallback } from '@/lib/messaging/status-callbacks';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;

/** A campaign of `size` recipients whose messages the provider has accepted. */
async function queuedCampaign(size: number, label: string): Promise<string[]> {
  const [account] = await db.execute<{ id: string }>(sql`insert into accounts (name) values (${`Bench ${label}`}) returning id`);
  const accountId = account!.id;
  const [number] = await db.execute<{ id: string }>(sql`
    insert into phone_numbers (account_id, e164) values (${accountId}, ${`+1202${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`}) returning id`);
  const [campaign] = await db.execute<{ id: string }>(sql`
    insert into campaigns (account_id, name, body, from_number_id, status, sent_at)
    values (${accountId}, ${label}, 'Hello', ${number!.id}, 'sending', now()) returning id`);
  await db.execute(sql`
    insert into contacts (account_id, first_name, phone)
    select ${accountId}, 'C' || g, '+1415' || lpad(g::text, 7, '0') from generate_series(1, ${size}) g`);
  await db.execute(sql`
    insert into messages (account_id, direction, outbound_kind, contact_id, phone_number_id, contact_phone, number_phone,
                          campaign_id, body, encoding, segments, credits, status, status_rank, provider_sid, sent_at)
    select c.account_id, 'outbound', 'campaign', c.id, ${number!.id}, c.phone, '+12025550100', ${campaign!.id}, 'Hello', 'GSM-7', 1, 1,
           'queued', 3, 'SM' || md5(${label} || c.id::text), now()
    from contacts c where c.account_id = ${accountId}`);
  await db.execute(sql`
    insert into provider_messages (sid, account_id, message_id)
    select provider_sid, account_id, id from messages where account_id = ${accountId}`);
  await db.execute(sql`
    insert into campaign_recipients (account_id, campaign_id, contact_id, name, phone, sort_name, message_id, message_status, status_rank, attempts)
    select m.account_id, m.campaign_id, m.contact_id, 'C', m.contact_phone, 'c', m.id, 'queued', 3, 1
    from messages m where m.account_id = ${accountId}`);
  await db.execute(sql`
    insert into campaign_stats (account_id, campaign_id, recipients, pending, messages, credits)
    values (${accountId}, ${campaign!.id}, ${size}, ${size}, ${size}, ${size})`);
  const sids = await db.execute<{ provider_sid: string }>(sql`select provider_sid from messages where account_id = ${accountId}`);
  return sids.map((s) => s.provider_sid);
}

async function run(sids: string[], rollups: boolean): Promise<{ callbacks: number; seconds: number; perSecond: number }> {
  const work = sids.flatMap((sid) => [
    { messageSid: sid, status: 'sent' as const },
    { messageSid: sid, status: 'delivered' as const },
  ]);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < work.length) {
        const item = work[next++]!;
        await recordStatusCallback({ ...item, errorCode: null, payload: { MessageSid: item.messageSid, MessageStatus: item.status } }, new Date(), { rollups });
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { callbacks: work.length, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(work.length / seconds) };
}

export async function ingestBenchmark(options: { size: number }) {
  const withRollups = await queuedCampaign(options.size, 'with-rollups');
  const without = await queuedCampaign(options.size, 'without-rollups');
  // Warm up connections and plans on a small slice of neither measured set.
  const warm = await queuedCampaign(200, 'warm-up');
  await run(warm, true);
  const baseline = await run(without, false);
  const measured = await run(withRollups, true);
  return {
    concurrency: CONCURRENCY,
    messages: options.size,
    withoutRollups: baseline,
    withRollups: measured,
    rollupCost: Math.round((baseline.perSecond / measured.perSecond) * 100) / 100,
    target: { callbacksPerSecondWithRollups: 1000, met: measured.perSecond >= 1000 },
  };
}
