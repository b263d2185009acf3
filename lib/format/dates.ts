// Dates and times for display, always in a given IANA time zone (the account's or
// the automation's), never the server's. Wherever a time is shown its zone is
// shown too ("Nov 25, 2026, 2:05 PM EST"), since managers and servers sit in
// different places.
import { cachedDateTimeFormat, cachedRelativeTimeFormat } from './intl-cache';

export type Moment = Date | string | number;
export type ZonedLocale = { locale: string; timeZone: string };

/** Date and time with the zone: "Nov 25, 2026, 2:05 PM EST" / "25 de nov. de 2026, 14:05 GMT-5". */
export function formatDateTime(moment: Moment, { locale, timeZone }: ZonedLocale): string {
  return cachedDateTimeFormat(locale, {
    timeZone: usableTimeZone(timeZone),
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(toDate(moment));
}

/** The calendar day in the zone: "Nov 25, 2026" / "25 de nov. de 2026". */
export function formatDate(moment: Moment, { locale, timeZone }: ZonedLocale): string {
  return cachedDateTimeFormat(locale, {
    timeZone: usableTimeZone(timeZone),
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(toDate(moment));
}

/** The time of day with the zone: "2:05 PM EST" / "14:05 BRT". */
export function formatTime(moment: Moment, { locale, timeZone }: ZonedLocale): string {
  return cachedDateTimeFormat(locale, {
    timeZone: usableTimeZone(timeZone),
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(toDate(moment));
}

// Each unit and how many of it make the next one (a month is 365.25 / 12 / 7 weeks).
const relativeSteps: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 365.25 / 12 / 7],
  ['month', 12],
];

/** "3 hours ago", "in 2 days", "há 3 horas": the largest unit that fits, rounded. */
export function formatRelativeTime(moment: Moment, now: Moment, locale: string): string {
  const format = cachedRelativeTimeFormat(locale, { numeric: 'auto' });
  let amount = (toDate(moment).getTime() - toDate(now).getTime()) / 1000;
  if (Math.abs(amount) < 45) return format.format(0, 'second');
  for (const [unit, perNextUnit] of relativeSteps) {
    if (Math.abs(Math.round(amount)) < perNextUnit) return format.format(Math.round(amount), unit);
    amount /= perNextUnit;
  }
  return format.format(Math.round(amount), 'year');
}

/**
 * A zone as people know it, at a given moment (the abbreviation changes with
 * daylight saving time): { name: "Eastern Time", abbreviation: "EST" }.
 */
export function describeTimeZone(
  timeZone: string,
  locale: string,
  at: Moment = new Date(),
): { id: string; name: string; abbreviation: string } {
  const zone = usableTimeZone(timeZone);
  const part = (style: Intl.DateTimeFormatOptions['timeZoneName']) =>
    cachedDateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
      .formatToParts(toDate(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const abbreviation = part('short');
  const name = zone === 'UTC' || zone === 'Etc/UTC' ? abbreviation : part('longGeneric');
  return { id: zone, name, abbreviation };
}

const knownTimeZones = new Map<string, boolean>();

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  let known = knownTimeZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    knownTimeZones.set(timeZone, known);
  }
  return known;
}

// A zone the runtime does not know would make every page that shows a date fail;
// showing UTC (and saying so, via the zone name) is the lesser harm.
function usableTimeZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function toDate(moment: Moment): Date {
  return moment instanceof Date ? moment : new Date(moment);
}
