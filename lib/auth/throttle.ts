// Slows down password guessing: failed sign-ins are counted in PostgreSQL per email
// and per client address, so every web server sees the same counts.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { loginThrottle } from '@/db/schema';

export type ThrottleRule = {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  /** The first lock's length; each further lock in the same streak doubles it. */
  lockMs: number;
  maxLockMs: number;
};

const MINUTE = 60_000;

/**
 * An email is locked after 5 failures in 15 minutes. An address gets more room,
 * because one office or mobile carrier can put many people behind it.
 */
export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 24 * 60 * MINUTE };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 24 * 60 * MINUTE };

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/**
 * The key's state after one more failure at `now`. A streak is forgotten once a whole
 * window has passed since it started and since its last lock ended; within a streak
 * every `maxFailures`-th failure locks the key, each lock twice as long as the last.
 */
export function afterFailure(current: ThrottleState | null, now: Date, rule: ThrottleRule): ThrottleState {
  const streak = current && !isForgotten(current, now, rule) ? current : null;
  const failures = (streak?.failures ?? 0) + 1;
  const windowStartedAt = streak?.windowStartedAt ?? now;
  let lockedUntil = streak?.lockedUntil ?? null;
  if (failures % rule.maxFailures === 0) {
    const lockNumber = failures / rule.maxFailures;
    const lockMs = Math.min(rule.lockMs * 2 ** (lockNumber - 1), rule.maxLockMs);
    lockedUntil = new Date(now.getTime() + lockMs);
  }
  return { failures, windowStartedAt, lockedUntil };
}

function isForgotten(state: ThrottleState, now: Date, rule: ThrottleRule): boolean {
  const lastActivity = Math.max(state.windowStartedAt.getTime(), state.lockedUntil?.getTime() ?? 0);
  return now.getTime() - lastActivity >= rule.windowMs;
}

/** Whole minutes until the lock ends (rounded up, so "1 minute" never means "now"), or 0. */
export function minutesLeft(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil || lockedUntil.getTime() <= now.getTime()) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / MINUTE);
}

export type ThrottleKey = { key: string; rule: ThrottleRule };

const emailKey = (email: string) => `email:${email}`;

/** The keys one sign-in attempt counts against. */
export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: emailKey(email), rule: EMAIL_RULE }];
  if (clientAddress) keys.push({ key: `address:${clientAddress}`, rule: ADDRESS_RULE });
  return keys;
}

/** Minutes until every given key is unlocked; 0 when the attempt may go ahead. */
export async function lockedMinutes(keys: ThrottleKey[], now = new Date(), executor: Executor = db): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await executor
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  return Math.max(0, ...rows.map((row) => minutesLeft(row.lockedUntil, now)));
}

/**
 * Counts one failed attempt against each key and answers the minutes the attempt's
 * keys are now locked for (0 if none). The row is locked while it is updated, so
 * concurrent failures on several servers are all counted.
 */
export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    let minutes = 0;
    for (const { key, rule } of keys) {
      await tx.insert(loginThrottle).values({ key, failures: 0, windowStartedAt: now }).onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
      const next = afterFailure(row && row.failures > 0 ? row : null, now, rule);
      await tx.update(loginThrottle).set(next).where(eq(loginThrottle.key, key));
      minutes = Math.max(minutes, minutesLeft(next.lockedUntil, now));
    }
    return minutes;
  });
}

/**
 * A successful sign-in clears the email's streak. The address keeps its count: an
 * attacker must not be able to reset it by signing in to an account of their own.
 */
export async function recordSuccess(email: string, now = new Date()): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, emailKey(email)));
  await purgeForgottenThrottles(now);
}

/** Drops rows whose streak is long over, so the table stays the size of current attacks. */
export async function purgeForgottenThrottles(now = new Date(), olderThanMs = 24 * 60 * MINUTE): Promise<void> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.windowStartedAt, cutoff),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, cutoff)),
      ),
    );
}
