import { describe, expect, it } from 'vitest';
import { afterFailure, minutesLeft, type ThrottleRule, type ThrottleState } from '@/lib/auth/throttle';

const MINUTE = 60_000;
const rule: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 60 * MINUTE };
const start = new Date('2025-03-01T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

function fail(times: number, from: ThrottleState | null, minute: (i: number) => number): ThrottleState | null {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, at(minute(i)), rule);
  return state;
}

describe('afterFailure', () => {
  it('locks the key for 15 minutes at the fifth failure within 15 minutes', () => {
    const four = fail(4, null, (i) => i);
    expect(four).toMatchObject({ failures: 4, lockedUntil: null });
    const fifth = afterFailure(four, at(4), rule);
    expect(fifth.lockedUntil).toEqual(at(4 + 15));
  });

  it('starts a new count when the previous failures are older than the window', () => {
    const four = fail(4, null, (i) => i);
    const later = afterFailure(four, at(20), rule);
    expect(later).toEqual({ failures: 1, windowStartedAt: at(20), lockedUntil: null });
  });

  it('doubles the lock for each further five failures soon after a lock, up to the cap', () => {
    const firstLock = fail(5, null, (i) => i)!;
    expect(firstLock.lockedUntil).toEqual(at(19));
    // Back right after the lock ends: the streak continues.
    const secondLock = fail(5, firstLock, (i) => 20 + i)!;
    expect(secondLock.failures).toBe(10);
    expect(secondLock.lockedUntil).toEqual(at(24 + 30));
    const thirdLock = fail(5, secondLock, (i) => 55 + i)!;
    expect(thirdLock.lockedUntil).toEqual(at(59 + 60));
    const fourthLock = fail(5, thirdLock, (i) => 120 + i)!;
    expect(fourthLock.lockedUntil).toEqual(at(124 + 60)); // capped at maxLockMs
  });

  it('forgets a streak once a whole window has passed since its lock ended', () => {
    const locked = fail(5, null, (i) => i)!;
    const afterQuiet = afterFailure(locked, at(19 + 15), rule);
    expect(afterQuiet).toEqual({ failures: 1, windowStartedAt: at(34), lockedUntil: null });
  });
});

describe('minutesLeft', () => {
  it('rounds up, so a lock with seconds to go still says one minute', () => {
    expect(minutesLeft(new Date(start.getTime() + 30_000), start)).toBe(1);
    expect(minutesLeft(at(15), start)).toBe(15);
    expect(minutesLeft(new Date(at(14).getTime() + 1), start)).toBe(15);
  });

  it('is zero without a lock or once it has passed', () => {
    expect(minutesLeft(null, start)).toBe(0);
    expect(minutesLeft(at(-1), start)).toBe(0);
    expect(minutesLeft(start, start)).toBe(0);
  });
});
