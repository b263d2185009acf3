// What happens to one outbound text, as SQL over a row of pulse_seed.sends: whether
// it fails and with which Twilio error, whether the recipient opts out (by keyword,
// or the carrier reports 21610), and when each provider callback arrives. Every
// value comes from the row's own hashes, so it does not depend on row order.
import { sql, type SQL } from 'drizzle-orm';

const d = (alias: string, hash: 'h1' | 'h2' | 'h3', i: number) => sql.raw(`pulse_seed.draw(${alias}.${hash}, ${i})`);
const seconds = (expression: SQL) => sql`(${expression}) * interval '1 second'`;

/** Transient delivery failures and their shares (30003 unreachable handset is the commonest). */
const TRANSIENT_ERRORS = { codes: [30003, 30005, 30007, 30008], cumulative: [0.45, 0.6, 0.82] };

/**
 * The error a sent message would end with, before opt-outs are known: landlines
 * fail with 30006, invalid numbers with 21614, and a share of the rest with a
 * transient error; null means delivered.
 */
export function baseError(s: string): SQL {
  const pick = sql.raw(
    `(array[${TRANSIENT_ERRORS.codes.join(', ')}])[pulse_seed.choice(array[${TRANSIENT_ERRORS.cumulative.join(', ')}]::float8[], pulse_seed.draw(${s}.h1, 0) / ${s}.fail_rate)]`,
  );
  return sql`(case when ${sql.raw(s)}.line_type = 'landline' then 30006
                   when ${sql.raw(s)}.line_type = 'invalid' then 21614
                   when ${d(s, 'h1', 0)} < ${sql.raw(s)}.fail_rate then ${pick} end)`;
}

/** One in eight opt-outs is the carrier's: the message fails with 21610 instead of being delivered. */
export function carrierOptOut(s: string): SQL {
  const a = sql.raw(s);
  return sql`(${a}.line_type = 'mobile' and ${d(s, 'h1', 0)} >= ${a}.fail_rate and ${d(s, 'h1', 1)} < ${a}.optout_rate * 0.125)`;
}

/** The recipient texts a STOP-type keyword back after delivery. */
export function keywordOptOut(s: string): SQL {
  const a = sql.raw(s);
  return sql`(${a}.line_type = 'mobile' and ${d(s, 'h1', 0)} >= ${a}.fail_rate
              and ${d(s, 'h1', 1)} >= ${a}.optout_rate * 0.125 and ${d(s, 'h1', 1)} < ${a}.optout_rate)`;
}

/** Twilio's 'sent' callback: one to four seconds after the API call. */
export const sentCallbackAt = (s: string) => sql`(${sql.raw(s)}.dispatch_at + ${seconds(sql`1 + 3 * ${d(s, 'h2', 2)}`)})`;

/** delivered / undelivered: 2–27 s after 'sent', mostly quick. */
export const deliveryCallbackAt = (s: string) => sql`(${sentCallbackAt(s)} + ${seconds(sql`2 + 25 * power(${d(s, 'h2', 3)}, 2)`)})`;

/** failed (21610, 21614): the provider refuses it within a second or two, with no 'sent'. */
export const failedCallbackAt = (s: string) => sql`(${sql.raw(s)}.dispatch_at + ${seconds(sql`0.5 + ${d(s, 'h2', 2)}`)})`;

/** A STOP comes a minute to about seven hours after delivery. */
export const stopTextedAt = (s: string) => sql`(${deliveryCallbackAt(s)} + ${seconds(sql`60 * exp(6 * ${d(s, 'h3', 2)})`)})`;

/** Sending hours (local, minutes after midnight): the accounts keep the default 08:00–21:00. */
export const SENDING_HOURS = { start: 480, end: 1260 };

/** Minutes after local midnight of an instant in a zone. */
export function localMinuteOf(at: SQL, zone: SQL): SQL {
  const local = sql`(${at} at time zone ${zone})`;
  return sql`(extract(hour from ${local}) * 60 + extract(minute from ${local}))`;
}

/**
 * The instant itself if the recipient's clock is within sending hours, else when
 * they next open. A scalar subquery, so the local time is worked out once.
 */
export function afterQuietHours(at: SQL, zone: SQL): SQL {
  const start = sql.raw(String(SENDING_HOURS.start));
  const end = sql.raw(String(SENDING_HOURS.end));
  return sql`(select case
      when q.minute < ${start} then (date_trunc('day', q.local) + interval '${start} minutes') at time zone ${zone}
      when q.minute >= ${end} then (date_trunc('day', q.local) + interval '1 day ${start} minutes') at time zone ${zone}
      else ${at} end
    from (select l.local, extract(hour from l.local) * 60 + extract(minute from l.local) as minute
          from (select ${at} at time zone ${zone} as local) l) q)`;
}
