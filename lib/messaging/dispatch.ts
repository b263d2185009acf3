// Hands due messages to the SMS provider, number by number, at each number's rate.
// The messages table is the queue: a worker claims rows (FOR UPDATE SKIP LOCKED, so
// several workers never take the same row), applies the dispatch-time rules — an
// opted-out contact is suppressed, a recipient outside quiet hours waits for the next
// window — commits the claim, calls the provider with the attempt's idempotency key,
// and records the outcome. A worker killed between the call and the record leaves a
// claim that recoverAbandonedClaims() settles by asking the provider.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { messages, providerMessages } from '@/db/schema';
import { claimTimeoutSeconds, publicUrl } from '@/lib/config';
import { finishCampaignsIfDone } from '@/lib/campaigns/completion';
import { optOutContact } from '@/lib/messaging/opt-outs';
import type { OutgoingText, SmsProvider } from '@/lib/messaging/providers/provider';
import { applyMessageState, chargeMessage } from '@/lib/messaging/rollups';
import { deliveryBucket, statusRank, type MessageStatus } from '@/lib/messaging/status';
import { nextSendingWindow } from '@/lib/time/sending-hours';
import { PermanentProviderError, TransientProviderError } from '@/lib/messaging/twilio/client';
import { isOptOutError } from '@/lib/messaging/twilio/error-codes';
import { webhookUrl } from '@/lib/messaging/twilio/signature';

const MAX_PROVIDER_ATTEMPTS = 5;
/** Transient failures wait 30 s, 2 min, 8 min, 32 min before the next try. */
const retryDelaySeconds = (attempt: number) => 30 * 4 ** (attempt - 1);

type Claimed = {
  accountId: number;
  id: number;
  contactId: number;
  campaignId: number | null;
  automationId: number | null;
  contactPhone: string;
  numberPhone: string;
  body: string;
  segments: number;
  idempotencyKey: string;
  providerAttempts: number;
  claimedAt: Date;
};

type DueRow = Claimed & {
  optedOutAt: Date | null;
  timeZone: string;
  quietHoursStart: number;
  quietHoursEnd: number;
};

/** One pass over the numbers that have due messages. Returns how many texts were handed over. */
export async function dispatchDueMessages(provider: SmsProvider, now = () => new Date()): Promise<number> {
  const numbers = await db.execute<{ account_id: string; id: string; kind: 'long_code' | 'toll_free' | 'short_code'; rate: string | null }>(sql`
    select pn.account_id, pn.id, pn.kind, pn.send_rate_per_second as rate
    from phone_numbers pn
    where pn.next_send_at <= now()
      and exists (select 1 from messages m
                  where m.account_id = pn.account_id and m.phone_number_id = pn.id
                    and m.status in ('pending', 'ready') and m.send_after <= now())
    limit 50`);
  let handed = 0;
  const touchedCampaigns = new Map<string, { accountId: number; campaignId: number }>();
  for (const n of numbers) {
    const rate = n.rate !== null ? Number(n.rate) : provider.defaultRatePerSecond(n.kind);
    const claimed = await claimForNumber(Number(n.account_id), Number(n.id), rate, now());
    for (const message of claimed.sendable) {
      await sendClaimed(provider, message, now);
      handed += 1;
    }
    for (const m of [...claimed.sendable, ...claimed.settled]) {
      if (m.campaignId !== null) touchedCampaigns.set(`${m.accountId}:${m.campaignId}`, { accountId: m.accountId, campaignId: m.campaignId });
    }
  }
  await finishCampaignsIfDone([...touchedCampaigns.values()]);
  return handed;
}

/**
 * Takes this number's rate budget for the next second (its row lock keeps other
 * workers off the number meanwhile) and claims that many due messages.
 */
async function claimForNumber(accountId: number, phoneNumberId: number, rate: number, at: Date) {
  return db.transaction(async (tx) => {
    const [number] = await tx.execute<{ id: string }>(sql`
      select id from phone_numbers
      where account_id = ${accountId} and id = ${phoneNumberId} and next_send_at <= now()
      for update skip locked`);
    if (!number) return { sendable: [] as Claimed[], settled: [] as Claimed[] };
    const budget = Math.max(1, Math.floor(rate));
    const due = await tx.execute<DueRow>(sql`
      select m.account_id as "accountId", m.id, m.contact_id as "contactId", m.campaign_id as "campaignId",
             m.automation_id as "automationId", m.contact_phone as "contactPhone", m.number_phone as "numberPhone",
             m.body, m.segments, m.idempotency_key as "idempotencyKey", m.provider_attempts as "providerAttempts",
             c.opted_out_at as "optedOutAt", coalesce(c.time_zone, a.time_zone) as "timeZone",
             a.quiet_hours_start as "quietHoursStart", a.quiet_hours_end as "quietHoursEnd"
      from messages m
      join contacts c on c.account_id = m.account_id and c.id = m.contact_id
      join accounts a on a.id = m.account_id
      where m.account_id = ${accountId} and m.phone_number_id = ${phoneNumberId}
        and m.status in ('pending', 'ready') and m.send_after <= now()
      order by m.send_after, m.id
      limit ${budget}
      for update of m skip locked`);

    const sendable: Claimed[] = [];
    const settled: Claimed[] = [];
    for (const raw of due) {
      const row = normalize(raw);
      if (row.optedOutAt !== null) {
        await moveMessage(tx, row, { status: 'suppressed', statusReason: 'opted_out' });
        settled.push(row);
        continue;
      }
      const window = nextSendingWindow(at, row.timeZone, { start: row.quietHoursStart, end: row.quietHoursEnd });
      if (window.getTime() > at.getTime()) {
        await moveMessage(tx, row, { status: 'pending', statusReason: 'quiet_hours', sendAfter: window });
        settled.push(row);
        continue;
      }
      await moveMessage(tx, row, { status: 'claimed', statusReason: null, claimedAt: at });
      sendable.push({ ...row, claimedAt: at });
    }
    if (sendable.length > 0) {
      await tx.execute(sql`
        update phone_numbers
        set next_send_at = greatest(next_send_at, now()) + make_interval(secs => ${sendable.length / rate})
        where account_id = ${accountId} and id = ${phoneNumberId}`);
    }
    return { sendable, settled };
  });
}

/** postgres.js returns bigint as text in raw queries; the claim works with numbers. */
function normalize(row: DueRow): DueRow {
  return {
    ...row,
    accountId: Number(row.accountId),
    id: Number(row.id),
    contactId: Number(row.contactId),
    campaignId: row.campaignId === null ? null : Number(row.campaignId),
    automationId: row.automationId === null ? null : Number(row.automationId),
    optedOutAt: row.optedOutAt === null ? null : new Date(row.optedOutAt),
  };
}

type Move = {
  status: MessageStatus;
  statusReason?: string | null;
  sendAfter?: Date;
  claimedAt?: Date;
  providerSid?: string;
  errorCode?: number | null;
  sentAt?: Date;
  failedAt?: Date;
  credits?: number;
  providerAttempts?: number;
};

/** Moves a message to a new dispatch state and mirrors it on its recipient row. */
async function moveMessage(tx: Executor, m: Pick<Claimed, 'accountId' | 'id'>, move: Move, onlyIfStatus?: MessageStatus) {
  const [updated] = await tx
    .update(messages)
    .set({ ...move, statusRank: statusRank(move.status), updatedAt: new Date() })
    .where(
      and(
        eq(messages.accountId, m.accountId),
        eq(messages.id, m.id),
        onlyIfStatus ? eq(messages.status, onlyIfStatus) : undefined,
      ),
    )
    .returning();
  if (!updated) return null;
  await applyMessageState(tx, {
    accountId: updated.accountId,
    messageId: updated.id,
    contactId: updated.contactId,
    campaignId: updated.campaignId,
    automationId: updated.automationId,
    status: updated.status,
    statusRank: updated.statusRank,
    bucket: deliveryBucket(updated.status),
    statusReason: updated.statusReason,
    errorCode: updated.errorCode,
    sentAt: updated.sentAt,
    deliveredAt: updated.deliveredAt,
    failedAt: updated.failedAt,
  });
  return updated;
}

function outgoingText(m: Claimed): OutgoingText {
  return {
    idempotencyKey: m.idempotencyKey,
    to: m.contactPhone,
    from: m.numberPhone,
    body: m.body,
    statusCallback: webhookUrl(publicUrl(), '/api/webhooks/twilio/status'),
  };
}

async function sendClaimed(provider: SmsProvider, m: Claimed, now: () => Date): Promise<void> {
  const text = outgoingText(m);
  try {
    const accepted = await provider.send(text);
    await recordAcceptance(m, accepted.sid, accepted.status, now());
  } catch (error) {
    if (error instanceof PermanentProviderError) {
      await recordPermanentFailure(m, error.code, now());
      return;
    }
    // A timeout or dropped connection may still have created the message: look
    // before retrying, since Twilio has no idempotency key for message creation.
    if (error instanceof TransientProviderError && error.outcomeUnknown) {
      const found = await provider.findAccepted(text, m.claimedAt).catch(() => null);
      if (found) {
        await recordAcceptance(m, found.sid, found.status, now());
        return;
      }
    }
    // Anything else (including unexpected errors) is retried with backoff; with the
    // idempotency key a retry never sends twice.
    const retryAfter = error instanceof TransientProviderError ? error.retryAfterSeconds : null;
    console.error(`send of message ${m.id} failed, will retry:`, error instanceof Error ? error.message : error);
    await recordTransientFailure(m, now(), retryAfter);
  }
}

async function recordAcceptance(m: Claimed, sid: string, status: MessageStatus, at: Date) {
  await db.transaction(async (tx) => {
    const accepted = statusRank(status) >= statusRank('queued') ? status : 'queued';
    const updated = await moveMessage(
      tx,
      m,
      { status: accepted, providerSid: sid, sentAt: at, credits: m.segments, providerAttempts: m.providerAttempts + 1, statusReason: null },
      'claimed',
    );
    if (!updated) return;
    await tx.insert(providerMessages).values({ sid, accountId: m.accountId, messageId: m.id }).onConflictDoNothing();
    await chargeMessage(tx, { accountId: m.accountId, campaignId: m.campaignId, automationId: m.automationId, credits: m.segments, sentAt: at });
  });
}

async function recordPermanentFailure(m: Claimed, code: number | null, at: Date) {
  await db.transaction(async (tx) => {
    const updated = await moveMessage(
      tx,
      m,
      { status: 'failed', errorCode: code, failedAt: at, providerAttempts: m.providerAttempts + 1, statusReason: null },
      'claimed',
    );
    if (updated && isOptOutError(code)) {
      await optOutContact(tx, {
        accountId: m.accountId,
        contactId: m.contactId,
        source: 'carrier',
        messageId: m.id,
        campaignId: m.campaignId,
        automationId: m.automationId,
        at,
      });
    }
  });
}

async function recordTransientFailure(m: Claimed, at: Date, retryAfterSeconds: number | null) {
  const attempts = m.providerAttempts + 1;
  await db.transaction(async (tx) => {
    if (attempts >= MAX_PROVIDER_ATTEMPTS) {
      await moveMessage(tx, m, { status: 'failed', failedAt: at, providerAttempts: attempts, statusReason: 'provider_unavailable' }, 'claimed');
    } else {
      const delay = Math.max(retryDelaySeconds(attempts), retryAfterSeconds ?? 0);
      const retryAt = new Date(at.getTime() + delay * 1000);
      await moveMessage(tx, m, { status: 'ready', sendAfter: retryAt, providerAttempts: attempts, statusReason: 'retrying' }, 'claimed');
    }
  });
}

/**
 * Claims older than the claim timeout belong to a worker that died between calling
 * the provider and recording the answer. Ask the provider whether it accepted the
 * text: if so record it, else put it back in the queue. Never send it blindly again.
 */
export async function recoverAbandonedClaims(provider: SmsProvider): Promise<number> {
  const stale = await db
    .select()
    .from(messages)
    .where(
      and(
        inArray(messages.status, ['claimed']),
        sql`${messages.claimedAt} < now() - make_interval(secs => ${claimTimeoutSeconds()})`,
      ),
    )
    .limit(500);
  for (const row of stale) {
    const claimed: Claimed = {
      accountId: row.accountId,
      id: row.id,
      contactId: row.contactId,
      campaignId: row.campaignId,
      automationId: row.automationId,
      contactPhone: row.contactPhone,
      numberPhone: row.numberPhone,
      body: row.body,
      segments: row.segments,
      idempotencyKey: row.idempotencyKey ?? `message:${row.id}`,
      providerAttempts: row.providerAttempts,
      claimedAt: row.claimedAt ?? new Date(0),
    };
    const accepted = await provider.findAccepted(outgoingText(claimed), claimed.claimedAt);
    if (accepted) {
      await recordAcceptance(claimed, accepted.sid, accepted.status, claimed.claimedAt);
    } else {
      await db.transaction((tx) => moveMessage(tx, claimed, { status: 'ready', statusReason: null }, 'claimed'));
    }
  }
  return stale.length;
}
