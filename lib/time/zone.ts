// Time-zone arithmetic over the platform's tz database (Intl): UTC offsets, local
// calendar dates, and the instant at which a local wall-clock time happens.
//
// Every function takes an IANA zone name and throws a RangeError for an unknown
// one; validate input with `isValidTimeZone` first.

/** A calendar date with no zone attached (month 1–12). */
export type CivilDate = { year: number; month: number; day: number };

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    wallClockFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone to use for a recipient: their own when it is a real zone, else the account's. */
export function recipientTimeZone(contactTimeZone: string | null | undefined, accountTimeZone: string): string {
  return contactTimeZone && isValidTimeZone(contactTimeZone) ? contactTimeZone : accountTimeZone;
}

/**
 * The local wall-clock reading at `instant`, expressed as milliseconds since
 * 1970-01-01T00:00 of that wall clock (so `new Date(result)` read in UTC shows it).
 */
export function wallClockAt(instant: Date | number, timeZone: string): number {
  const at = typeof instant === 'number' ? instant : instant.getTime();
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of wallClockFormat(timeZone).formatToParts(at)) {
    if (type in fields) fields[type as keyof typeof fields] = Number(value);
  }
  const { year, month, day, hour, minute, second } = fields;
  const wholeSeconds = Date.UTC(year, month - 1, day, hour, minute, second);
  // Intl drops milliseconds; every offset in the database is whole seconds.
  return wholeSeconds + (((at % 1000) + 1000) % 1000);
}

/** The zone's UTC offset at `instant`, in milliseconds (+05:45 → 20_700_000). */
export function offsetAt(instant: Date | number, timeZone: string): number {
  const at = typeof instant === 'number' ? instant : instant.getTime();
  return wallClockAt(at, timeZone) - at;
}

export function civilDateOfWallClock(wallClock: number): CivilDate {
  const d = new Date(wallClock);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The calendar date in the zone at `instant`. */
export function localDateOf(instant: Date | number, timeZone: string): CivilDate {
  return civilDateOfWallClock(wallClockAt(instant, timeZone));
}

/** Milliseconds since local midnight on the wall clock at `instant`. */
export function localTimeOfDay(instant: Date | number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  return ((wall % DAY) + DAY) % DAY;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return civilDateOfWallClock(Date.UTC(date.year, date.month - 1, date.day + days));
}

/** The first day of the month `months` after `date`'s month. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  return civilDateOfWallClock(Date.UTC(date.year, date.month - 1 + months, 1));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` */
export const dayLabel = (date: CivilDate) => `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;

/** `YYYY-MM` */
export const monthLabel = (date: CivilDate) => `${pad(date.year, 4)}-${pad(date.month)}`;

/**
 * Every instant at which the zone's wall clock reads `timeOfDay` (milliseconds
 * after midnight) on `date`, earliest first: one on an ordinary day, two when the
 * clocks go back over it, none when they jump over it.
 */
export function instantsAtWallClock(date: CivilDate, timeOfDay: number, timeZone: string): number[] {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + timeOfDay;
  // The offsets a day either side bracket any transition near this wall time
  // (zones change offset at most once in two days).
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall + DAY, timeZone)]);
  const instants: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (offsetAt(candidate, timeZone) === offset) instants.push(candidate);
  }
  return instants.sort((a, b) => a - b);
}

/**
 * The first instant at which the zone's wall clock on `date` reads `timeOfDay` or
 * later. When the clocks go back over that time it is the first of the two; when
 * they jump over it, it is the moment of the jump (a window that opens at 02:30
 * on a night that skips from 02:00 to 03:00 opens at 03:00).
 */
export function firstInstantAtOrAfterWallClock(date: CivilDate, timeOfDay: number, timeZone: string): number {
  const instants = instantsAtWallClock(date, timeOfDay, timeZone);
  if (instants.length > 0) return instants[0]!;
  const wall = Date.UTC(date.year, date.month - 1, date.day) + timeOfDay;
  const offsetBefore = offsetAt(wall - DAY, timeZone);
  const offsetAfter = offsetAt(wall + DAY, timeZone);
  // The jump lies between reading the wall time with the later offset (still
  // before it) and with the earlier one (already after it): search for it.
  let before = Math.floor((wall - offsetAfter) / 1000);
  let after = Math.ceil((wall - offsetBefore) / 1000);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetAt(middle * 1000, timeZone) === offsetBefore) before = middle;
    else after = middle;
  }
  // Transitions happen on whole seconds.
  return after * 1000;
}

/** The first instant of `date` in the zone (00:00, or the end of a jump over midnight). */
export function startOfLocalDay(date: CivilDate, timeZone: string): Date {
  return new Date(firstInstantAtOrAfterWallClock(date, 0, timeZone));
}

