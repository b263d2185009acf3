// Sums of account activity over a window (a month, the last 30 days) in the account's
// zone. Windows start and end at local midnights, which are UTC quarter hours but
// rarely UTC midnights, so a window is read as its whole UTC days from the daily
// rollup and its partial first and last days from the 15-minute one: at most ~31 +
// 2 × 96 rows, whatever the account's volume.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

export const DAY_MS = 86_400_000;

export type Span = { start: Date; end: Date };

/** The window split into its partial days (15-minute buckets) and whole UTC days. */
export function splitByUtcDay(start: Date, end: Date): { partial: Span[]; wholeDays: Span | null } {
  const firstMidnight = new Date(Math.ceil(start.getTime() / DAY_MS) * DAY_MS);
  const lastMidnight = new Date(Math.floor(end.getTime() / DAY_MS) * DAY_MS);
  if (firstMidnight >= lastMidnight) return { partial: [{ start, end }], wholeDays: null };
  const partial = [
    { start, end: firstMidnight },
    { start: lastMidnight, end },
  ].filter((s) => s.start < s.end);
  return { partial, wholeDays: { start: firstMidnight, end: lastMidnight } };
}

const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

export type ActivityColumn = 'credits' | 'conversations_started';

/** The sum of one column of the account's activity in [start, end). */
export async function activityBetween(db: Executor, accountId: number, column: ActivityColumn, start: Date, end: Date): Promise<number> {
  const { partial, wholeDays } = splitByUtcDay(start, end);
  const name = sql.identifier(column);
  const parts: SQL[] = partial.map(
    (s) => sql`(select coalesce(sum(${name}), 0) from account_activity
                where account_id = ${accountId} and bucket_start >= ${instant(s.start)} and bucket_start < ${instant(s.end)})`,
  );
  if (wholeDays) {
    parts.push(sql`(select coalesce(sum(${name}), 0) from account_activity_daily
                    where account_id = ${accountId} and day_start >= ${instant(wholeDays.start)} and day_start < ${instant(wholeDays.end)})`);
  }
  const [row] = await db.execute<{ total: number }>(sql`select (${sql.join(parts, sql` + `)})::int as total`);
  return Number(row?.total ?? 0);
}
