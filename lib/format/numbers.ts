// Counts, rates and money for display, in the reader's language. A rate is always
// count ÷ total as a percentage with exactly one decimal; the same rounding feeds the
// `data-rate` attribute, so the text and the attribute can never disagree.
import { cachedNumberFormat } from './intl-cache';

export function formatCount(locale: string, value: number): string {
  return cachedNumberFormat(locale, {}).format(value);
}

/**
 * count ÷ total in tenths of a percent, rounded half up with integer arithmetic
 * (1 of 8 → 125, i.e. 12.5 %). A total of zero gives 0: nothing was sent, so
 * nothing happened to anyone.
 */
export function rateInTenthsOfPercent(count: number, total: number): number {
  if (!(total > 0) || !(count > 0)) return 0;
  return Math.floor((2000 * count + total) / (2 * total));
}

/** The rate as the markup carries it: percent, one decimal, `.` separator ("12.5"). */
export function rateAttribute(count: number, total: number): string {
  return (rateInTenthsOfPercent(count, total) / 10).toFixed(1);
}

/** The rate as people read it: "12.5%" in English, "12,5%" in Portuguese. */
export function formatRate(locale: string, count: number, total: number): string {
  return formatPercent(locale, rateInTenthsOfPercent(count, total) / 10);
}

/** A percentage given in percent (12.5 → "12.5%"), with one decimal. */
export function formatPercent(locale: string, percent: number): string {
  return cachedNumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    percent / 100,
  );
}

/** An amount of money in the account's currency (ISO 4217 code). */
export function formatMoney(locale: string, amount: number, currency: string): string {
  return cachedNumberFormat(locale, { style: 'currency', currency }).format(amount);
}
