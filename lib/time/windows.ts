// The rolling windows the overview cards count over (DESIGN §5 "Windows"): whole
// local days in the account's zone, so "last 30 days" means the same thing to a
// manager in Lisbon and one in Kathmandu looking at their own account.
import { addDays, addMonths, localDateOf, monthLabel, startOfLocalDay, type CivilDate } from './zone';

/** A half-open UTC range `[start, end)` and the zone whose local days it follows. */
export type ZonedWindow = { start: Date; end: Date; timeZone: string };

/** From 00:00 of the local day 29 days ago (30 days counting today) up to `now`. */
export function last30Days(now: Date, timeZone: string): ZonedWindow {
  const today = localDateOf(now, timeZone);
  return { start: startOfLocalDay(addDays(today, -29), timeZone), end: now, timeZone };
}

/** From `now` to the end of the local day 29 days ahead (exclusive end at 00:00 of the day after). */
export function next30Days(now: Date, timeZone: string): ZonedWindow {
  const today = localDateOf(now, timeZone);
  return { start: now, end: startOfLocalDay(addDays(today, 30), timeZone), timeZone };
}

/** The local calendar day `date` as a UTC range: 23, 24 or 25 hours (or 23½ on Lord Howe Island). */
export function localDayWindow(date: CivilDate, timeZone: string): ZonedWindow {
  return { start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addDays(date, 1), timeZone), timeZone };
}

/** The calendar month containing `instant` in the zone, labelled `YYYY-MM`. */
export function monthWindow(instant: Date, timeZone: string): ZonedWindow & { label: string } {
  const { year, month } = localDateOf(instant, timeZone);
  const first = { year, month, day: 1 };
  return {
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(addMonths(first, 1), timeZone),
    timeZone,
    label: monthLabel(first),
  };
}

/** Whether `instant` falls in the window (start inclusive, end exclusive). */
export function isInWindow(instant: Date, window: Pick<ZonedWindow, 'start' | 'end'>): boolean {
  const at = instant.getTime();
  return at >= window.start.getTime() && at < window.end.getTime();
}
