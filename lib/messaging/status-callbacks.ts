// Records a provider status callback (Twilio's StatusCallback): once per message and
// status, never moving a message backwards, and with every rollup updated in the
// same transaction. Error 21610 means the recipient had opted out at the carrier.
import { sql } from 'drizzle-orm';
import { db, executePrepared, type Executor } from '@/db/client';
import { optOutContact } from '@/lib/messaging/opt-outs';
import { mirrorAdvancedMessage } from '@/lib/messaging/rollups';
import { deliveryBucket, statusRank, type MessageStatus } from '@/lib/messaging/status';
import { isOptOutError } from '@/lib/messaging/twilio/error-codes';

export type StatusCallback = {
  messageSid: string;
  status: MessageStatus;
  errorCode: number | null;
  /** The callback's form fields as received, kept in the event log. */
  payload: Record<string, string>;
};

export type CallbackOutcome = 'applied' | 'stale' | 'duplicate' | 'unknown_sid';

/**
 * One statement records the event, advances the message and mirrors it on the
 * recipient and counters, so a callback costs a single round trip, and the statement
 * is prepared, so its ten CTEs are planned once per connection. The message row
 * is locked first: concurrent callbacks for one message take turns, and each sees the
 * rank the previous one left. `rollups: false` exists for the ingest benchmark only,
 * which measures what keeping the rollups in the same statement costs.
 */
export async function recordStatusCallback(
  callback: StatusCallback,
  at = new Date(),
  { rollups = true }: { rollups?: boolean } = {},
): Promise<CallbackOutcome> {
  // A carrier opt-out (21610) also opts the contact out: then everything runs in one transaction.
  if (isOptOutError(callback.errorCode) && deliveryBucket(callback.status) === 'failed') {
    return db.transaction(async (tx) => {
      const result = await advance(tx, callback, at, rollups);
      if (result.outcome === 'applied' && result.message) {
        await optOutContact(tx, { ...result.message, source: 'carrier', at });
      }
      return result.outcome;
    });
  }
  return (await advance(null, callback, at, rollups)).outcome;
}

type AdvanceRow = {
  routed: number;
  recorded: number;
  account_id: string | null;
  id: string | null;
  contact_id: string | null;
  campaign_id: string | null;
  automation_id: string | null;
};

type Advanced = { accountId: number; contactId: number; messageId: number; campaignId: number | null; automationId: number | null };

/** `executor` null: on its own, as a statement prepared once per pooled connection. */
async function advance(executor: Executor | null, callback: StatusCallback, at: Date, rollups: boolean) {
  const rank = statusRank(callback.status);
  const bucket = deliveryBucket(callback.status);
  const when = sql`${at.toISOString()}::timestamptz`;
  const statement = sql`
    with route as (
      select account_id, message_id from provider_messages where sid = ${callback.messageSid}
    ), current as (
      select m.account_id, m.id, m.status_rank from messages m
      join route r on m.account_id = r.account_id and m.id = r.message_id
      for update of m
    ), event as (
      insert into message_events (account_id, message_id, status, error_code, applied, payload, received_at)
      select account_id, id, ${callback.status}, ${callback.errorCode}, status_rank < ${rank}, ${JSON.stringify(callback.payload)}::jsonb, ${when}
      from current
      on conflict do nothing
      returning account_id, message_id, applied
    ), advanced as (
      update messages m set
        status = ${callback.status}, status_rank = ${rank}, error_code = coalesce(${callback.errorCode}::int, m.error_code),
        delivered_at = ${bucket === 'delivered' ? sql`coalesce(m.delivered_at, ${when})` : sql`m.delivered_at`},
        failed_at = ${bucket === 'failed' ? sql`coalesce(m.failed_at, ${when})` : sql`m.failed_at`},
        updated_at = ${when}
      from event e
      where e.applied and m.account_id = e.account_id and m.id = e.message_id
      returning m.*
    ) ${rollups ? mirrorAdvancedMessage(bucket) : sql``}
    select (select count(*) from route)::int as routed, (select count(*) from event)::int as recorded,
           a.account_id, a.id, a.contact_id, a.campaign_id, a.automation_id
    from (select 1) one left join advanced a on true`;
  const [row] = executor ? await executor.execute<AdvanceRow>(statement) : await executePrepared<AdvanceRow>(statement);
  const outcome: CallbackOutcome = !row?.routed ? 'unknown_sid' : !row.recorded ? 'duplicate' : row.id === null ? 'stale' : 'applied';
  const message: Advanced | null =
    row?.id == null
      ? null
      : {
          accountId: Number(row.account_id),
          messageId: Number(row.id),
          contactId: Number(row.contact_id),
          campaignId: row.campaign_id === null ? null : Number(row.campaign_id),
          automationId: row.automation_id === null ? null : Number(row.automation_id),
        };
  return { outcome, message };
}
