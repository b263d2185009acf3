// One formatter per reader: their language, their account's time zone, country and
// currency, bound once so pages call `format.rate(3, 40)` instead of building Intl
// objects themselves. Server components get one from `getFormat()` in ./server.
import { describeTimeZone, formatDate, formatDateTime, formatRelativeTime, formatTime, type Moment } from './dates';
import { formatCount, formatMoney, formatPercent, formatRate, rateAttribute } from './numbers';
import { formatPhone } from './phone';

export type FormatSettings = {
  locale: string;
  timeZone: string;
  /** ISO 3166 country whose numbers are shown in national format. */
  country: string;
  /** ISO 4217 currency of the account's prices. */
  currency: string;
  /** "Now" for relative times; fixed per request so a page agrees with itself. */
  now: Date;
};

export function createFormatter(settings: FormatSettings) {
  const { locale, timeZone, country, currency, now } = settings;
  const zoned = { locale, timeZone };
  return {
    settings,
    count: (value: number) => formatCount(locale, value),
    rate: (count: number, total: number) => formatRate(locale, count, total),
    rateAttribute,
    percent: (percent: number) => formatPercent(locale, percent),
    money: (amount: number) => formatMoney(locale, amount, currency),
    dateTime: (moment: Moment) => formatDateTime(moment, zoned),
    date: (moment: Moment) => formatDate(moment, zoned),
    time: (moment: Moment) => formatTime(moment, zoned),
    relative: (moment: Moment) => formatRelativeTime(moment, now, locale),
    phone: (e164: string) => formatPhone(e164, country),
    timeZone: () => describeTimeZone(timeZone, locale, now),
  };
}

export type Formatter = ReturnType<typeof createFormatter>;

export { describeTimeZone, formatDate, formatDateTime, formatRelativeTime, formatTime, isValidTimeZone } from './dates';
export type { Moment, ZonedLocale } from './dates';
export { formatCount, formatMoney, formatPercent, formatRate, rateAttribute, rateInTenthsOfPercent } from './numbers';
export { formatPhone } from './phone';
