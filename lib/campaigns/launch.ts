// Starting a campaign: when its time comes the worker marks it sending and, in the same
// transaction, queues its fan-out job; the fan-out adds the audience as recipients and
// creates their messages in batches, each batch one transaction, so a worker killed
// mid-way resumes where it stopped and never creates a message twice.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { db, type Transaction } from '@/db/client';
import { campaigns, phoneNumbers } from '@/db/schema';
import { finishCampaignsIfDone } from '@/lib/campaigns/completion';
import { jobsIn } from '@/lib/jobs/transactional';
import { createOutboundMessages } from '@/lib/messaging/outbound';

export const CAMPAIGN_FANOUT_QUEUE = 'campaign.fan-out';
export type FanOutJob = { accountId: number; campaignId: number };

const BATCH_SIZE = 500;

/** Campaigns scheduled for now or earlier start sending. Returns how many started. */
export async function launchDueCampaigns(boss: PgBoss): Promise<number> {
  return db.transaction(async (tx) => {
    const started = await tx.execute<{ account_id: string; id: string }>(sql`
      update campaigns set status = 'sending', sent_at = coalesce(sent_at, now()), updated_at = now()
      where (account_id, id) in (
        select account_id, id from campaigns
        where status = 'scheduled' and scheduled_at <= now()
        order by scheduled_at limit 20
        for update skip locked)
      returning account_id, id`);
    if (started.length > 0) {
      await boss.insert(
        started.map((row) => ({
          name: CAMPAIGN_FANOUT_QUEUE,
          data: { accountId: Number(row.account_id), campaignId: Number(row.id) } satisfies FanOutJob,
          retryLimit: 20,
          retryDelay: 5,
        })),
        { db: jobsIn(tx) },
      );
    }
    return started.length;
  });
}

export async function fanOutCampaign({ accountId, campaignId }: FanOutJob): Promise<void> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.accountId, accountId), eq(campaigns.id, campaignId)));
  // Canceled (or never launched) campaigns create nothing.
  if (!campaign || campaign.status !== 'sending') return;
  const [number] = await db
    .select({ id: phoneNumbers.id, e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.accountId, accountId), eq(phoneNumbers.id, campaign.fromNumberId)));
  if (!number) throw new Error(`campaign ${campaignId} has no sender number`);

  if (campaign.fannedOutAt === null) await db.transaction((tx) => addAudience(tx, campaign));
  for (;;) {
    const created = await db.transaction((tx) => createNextBatch(tx, campaign, number));
    if (created === 0) break;
  }
  await db
    .update(campaigns)
    .set({ fannedOutAt: new Date(), updatedAt: new Date() })
    .where(and(eq(campaigns.accountId, accountId), eq(campaigns.id, campaignId), isNull(campaigns.fannedOutAt)));
  await finishCampaignsIfDone([{ accountId, campaignId }]);
}

type Campaign = typeof campaigns.$inferSelect;

/**
 * Adds the audience's contacts as recipients (`all` or `tag:NAME`; a hand-picked
 * `campaign:ID` selection was added when the campaign was created). Idempotent.
 */
async function addAudience(tx: Transaction, campaign: Campaign): Promise<void> {
  if (!campaign.audience.startsWith('all') && !campaign.audience.startsWith('tag:')) return;
  const tag = campaign.audience.startsWith('tag:') ? campaign.audience.slice(4) : null;
  await tx.execute(sql`
    with added as (
      insert into campaign_recipients (account_id, campaign_id, contact_id, name, phone, sort_name)
      select c.account_id, ${campaign.id}, c.id, trim(c.first_name || ' ' || c.last_name), c.phone,
             coalesce(nullif(lower(trim(c.first_name || ' ' || c.last_name)), ''), c.phone)
      from contacts c
      where c.account_id = ${campaign.accountId}
        and (${tag}::text is null or exists (
          select 1 from contact_tags ct join tags t on t.account_id = ct.account_id and t.id = ct.tag_id
          where ct.account_id = c.account_id and ct.contact_id = c.id and t.name = ${tag}))
      on conflict do nothing
      returning 1)
    update campaign_stats set
      recipients = recipients + (select count(*) from added),
      pending = pending + (select count(*) from added)
    where account_id = ${campaign.accountId} and campaign_id = ${campaign.id}`);
}

async function createNextBatch(tx: Transaction, campaign: Campaign, number: { id: number; e164: string }): Promise<number> {
  const batch = await tx.execute<{ contact_id: string; first_name: string; last_name: string; phone: string; opted_out: boolean }>(sql`
    select r.contact_id, c.first_name, c.last_name, r.phone, c.opted_out_at is not null as opted_out
    from campaign_recipients r
    join contacts c on c.account_id = r.account_id and c.id = r.contact_id
    where r.account_id = ${campaign.accountId} and r.campaign_id = ${campaign.id} and r.message_id is null
    order by r.contact_id
    limit ${BATCH_SIZE}
    for update of r skip locked`);
  if (batch.length === 0) return 0;
  const created = await createOutboundMessages(tx, {
    accountId: campaign.accountId,
    phoneNumber: number,
    template: campaign.body,
    surveyId: campaign.surveyId,
    campaignId: campaign.id,
    automationId: null,
    sendAfter: new Date(),
    recipients: batch.map((r) => ({
      contactId: Number(r.contact_id),
      firstName: r.first_name,
      lastName: r.last_name,
      phone: r.phone,
      optedOut: r.opted_out,
      attempt: 1,
    })),
  });
  await linkRecipientsToMessages(tx, campaign, created.map((m) => m.messageId));
  return batch.length;
}

/**
 * Points each recipient at its new message (a first message or a resend) and mirrors
 * that message's state on the row, moving the recipients between the counters in one
 * set-based statement per batch.
 */
export async function linkRecipientsToMessages(tx: Transaction, campaign: Pick<Campaign, 'accountId' | 'id'>, messageIds: number[]) {
  if (messageIds.length === 0) return;
  const ids = sql`${sql.param(messageIds)}::bigint[]`;
  await tx.execute(sql`
    with before as (
      select r.contact_id, r.status from campaign_recipients r
      join messages m on m.account_id = r.account_id and m.contact_id = r.contact_id
      where r.account_id = ${campaign.accountId} and r.campaign_id = ${campaign.id} and m.id = any(${ids})
      for update of r
    ), linked as (
      update campaign_recipients r set
        message_id = m.id, attempts = m.attempt, message_status = m.status, status_rank = m.status_rank,
        status = (case when m.status = 'suppressed' then 'suppressed' else 'pending' end)::recipient_status,
        status_reason = m.status_reason, error_code = null, sent_at = null, delivered_at = null, failed_at = null,
        updated_at = now()
      from messages m, before b
      where m.account_id = ${campaign.accountId} and m.id = any(${ids})
        and r.account_id = m.account_id and r.campaign_id = ${campaign.id} and r.contact_id = m.contact_id
        and b.contact_id = r.contact_id
      returning b.status::text as was, r.status::text as now
    )
    update campaign_stats s set
      recipients = s.recipients + d.recipients, suppressed = s.suppressed + d.suppressed,
      pending = s.pending + d.pending, delivered = s.delivered + d.delivered, failed = s.failed + d.failed
    from (select
        coalesce(sum((now <> 'suppressed')::int - (was <> 'suppressed')::int), 0) as recipients,
        coalesce(sum((now = 'suppressed')::int - (was = 'suppressed')::int), 0) as suppressed,
        coalesce(sum((now = 'pending')::int - (was = 'pending')::int), 0) as pending,
        coalesce(sum((now = 'delivered')::int - (was = 'delivered')::int), 0) as delivered,
        coalesce(sum((now = 'failed')::int - (was = 'failed')::int), 0) as failed
      from linked) d
    where s.account_id = ${campaign.accountId} and s.campaign_id = ${campaign.id}`);
}
