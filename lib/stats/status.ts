// The status rules every rollup shares (DESIGN §5), written once as SQL: the rank
// that keeps a message from moving backwards, the delivery bucket a status falls
// in, and when a message costs credits.
import { sql, type SQL } from 'drizzle-orm';

/**
 * Rank of a message status: a message only moves to a higher rank, and an equal
 * rank never replaces the current status. Inbound messages rank receiving 0, received 1.
 */
export function statusRankOf(status: SQL): SQL {
  return sql`(case ${status}
    when 'pending' then 0 when 'ready' then 1 when 'claimed' then 2
    when 'queued' then 3 when 'accepted' then 3 when 'scheduled' then 3
    when 'sending' then 4 when 'sent' then 5
    when 'delivered' then 6 when 'undelivered' then 6 when 'failed' then 6
    when 'canceled' then 6 when 'partially_delivered' then 6 when 'suppressed' then 6
    when 'read' then 7
    when 'receiving' then 0 when 'received' then 1
  end)::smallint`;
}

/**
 * Delivery bucket of a recipient whose latest message has this status:
 * delivered = delivered|read; failed = failed|undelivered|canceled; suppressed =
 * never sent because the contact had opted out; pending = everything else.
 */
export function deliveryBucketOf(status: SQL): SQL {
  return sql`(case
    when ${status} in ('delivered', 'read') then 'delivered'
    when ${status} in ('failed', 'undelivered', 'canceled') then 'failed'
    when ${status} = 'suppressed' then 'suppressed'
    else 'pending'
  end)::recipient_status`;
}

/**
 * A message the provider accepted (and that is charged): an outbound message with a
 * `sent_at`, which is set exactly when the provider took it. A message the provider
 * refused outright (a permanent error such as 21211) reaches rank 6 as `failed` but
 * was never accepted, so rank alone cannot tell.
 */
export function handedToProvider(alias: string): SQL {
  const m = sql.raw(alias);
  return sql`(${m}.direction = 'outbound' and ${m}.sent_at is not null and ${m}.status <> 'suppressed')`;
}

/** The 15-minute UTC bucket an instant falls in; every IANA offset is a multiple of 15 minutes. */
export function quarterHourOf(instant: SQL): SQL {
  return sql`date_bin('15 minutes', ${instant}, timestamptz '2000-01-01 00:00+00')`;
}

export function utcDayOf(instant: SQL): SQL {
  return sql`date_bin('1 day', ${instant}, timestamptz '2000-01-01 00:00+00')`;
}
