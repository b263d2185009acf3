// Quiet hours: texts go out only inside the account's sending hours on the
// recipient's local wall clock (their zone, else the account's; DESIGN §4).
// Outside them a message waits until the hours next open.
import { addDays, firstInstantAtOrAfterWallClock, instantsAtWallClock, localDateOf, localTimeOfDay, MINUTE } from './zone';

/**
 * Sending is allowed in `[start, end)`, both in minutes after local midnight
 * (0–1440). `start > end` wraps midnight (22:00–06:00 → 1320, 360). `start ===
 * end` means no quiet hours at all: an empty window would hold messages forever.
 */
export type SendingHours = { start: number; end: number };

export const defaultSendingHours: SendingHours = { start: 8 * 60, end: 21 * 60 };

function isOpenAt(minuteOfDay: number, { start, end }: SendingHours): boolean {
  if (start === end) return true;
  if (start < end) return minuteOfDay >= start && minuteOfDay < end;
  return minuteOfDay >= start || minuteOfDay < end;
}

/** Whether the recipient's wall clock at `now` is inside the sending hours. */
export function isWithinSendingHours(now: Date, timeZone: string, hours: SendingHours): boolean {
  return isOpenAt(localTimeOfDay(now, timeZone) / MINUTE, hours);
}

/** Whether the recipient's wall clock at `now` is in quiet hours (a text must wait). */
export function isWithinQuietHours(now: Date, timeZone: string, hours: SendingHours): boolean {
  return !isWithinSendingHours(now, timeZone, hours);
}

/**
 * The instant a text may go out: `now` inside the sending hours, else the next
 * time the recipient's wall clock reaches `start`. On a night the clocks jump
 * over `start` that is the moment of the jump; on a night they go back over it,
 * the first time it is reached after `now`.
 */
export function nextSendingWindow(now: Date, timeZone: string, hours: SendingHours): Date {
  if (isWithinSendingHours(now, timeZone, hours)) return now;
  // 1440 is the next midnight, the same wall time as 0.
  const opensAt = (hours.start % 1440) * MINUTE;
  const today = localDateOf(now, timeZone);
  // Today's opening may be past already (or come round again when the clocks go
  // back over it); a jump of the clocks can swallow a whole short window.
  for (let ahead = 0; ahead <= 3; ahead++) {
    const date = addDays(today, ahead);
    const reached = instantsAtWallClock(date, opensAt, timeZone);
    const openings = reached.length > 0 ? reached : [firstInstantAtOrAfterWallClock(date, opensAt, timeZone)];
    const next = openings.find((at) => at > now.getTime() && isWithinSendingHours(new Date(at), timeZone, hours));
    if (next !== undefined) return new Date(next);
  }
  throw new Error(`sending hours ${hours.start}–${hours.end} never open in ${timeZone}`);
}
