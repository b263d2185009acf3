// Activity rollups are kept in 15-minute UTC buckets; charts show local days or
// months. Every IANA offset in use is a multiple of 15 minutes (docs/metrics.md
// lists the historical exceptions), so a bucket never straddles a local midnight
// and summing buckets by the local day of their start gives exact local totals.
import { addDays, addMonths, dayLabel, localDateOf, monthLabel, startOfLocalDay, type CivilDate } from './zone';

const BUCKET = 15 * 60_000;

/** The start of the 15-minute UTC bucket holding `at` (:00, :15, :30 or :45). */
export function bucketStart(at: Date): Date {
  const ms = at.getTime();
  return new Date(ms - (((ms % BUCKET) + BUCKET) % BUCKET));
}

export type ChartRange = '7d' | '30d' | '1y';
export const chartRanges: readonly ChartRange[] = ['7d', '30d', '1y'];

/** One bar of a chart: a local day (`YYYY-MM-DD`) or month (`YYYY-MM`) as a UTC range. */
export type ChartPeriod = { label: string; start: Date; end: Date };

/**
 * The local days (7 or 30, ending today) or months (12, ending this month) a
 * chart shows, oldest first, with `[start, end)` covering all of them: filter
 * bucket rows by that range in SQL, then `sumIntoPeriods` them here.
 */
export function chartPeriods(
  range: ChartRange,
  now: Date,
  timeZone: string,
): { periods: ChartPeriod[]; start: Date; end: Date; timeZone: string } {
  const today = localDateOf(now, timeZone);
  const firsts: CivilDate[] = [];
  switch (range) {
    case '7d':
    case '30d': {
      const days = range === '7d' ? 7 : 30;
      for (let back = days - 1; back >= -1; back--) firsts.push(addDays(today, -back));
      break;
    }
    case '1y': {
      for (let back = 11; back >= -1; back--) firsts.push(addMonths(today, -back));
      break;
    }
  }
  // One extra boundary past the last period closes it.
  const boundaries = firsts.map((date) => startOfLocalDay(date, timeZone));
  const label = range === '1y' ? monthLabel : dayLabel;
  const periods = firsts.slice(0, -1).map((date, i) => ({ label: label(date), start: boundaries[i]!, end: boundaries[i + 1]! }));
  return { periods, start: boundaries[0]!, end: boundaries[boundaries.length - 1]!, timeZone };
}

export type BucketCount = { bucketStart: Date; count: number };

/**
 * Sums bucket rows into the periods, keeping empty periods at zero. A bucket
 * belongs to the period containing its start instant; rows outside every
 * period are ignored.
 */
export function sumIntoPeriods(rows: Iterable<BucketCount>, periods: readonly ChartPeriod[]): Array<{ label: string; count: number }> {
  const totals = periods.map((period) => ({ label: period.label, count: 0 }));
  const starts = periods.map((period) => period.start.getTime());
  const end = periods.length > 0 ? periods[periods.length - 1]!.end.getTime() : -Infinity;
  for (const row of rows) {
    const at = row.bucketStart.getTime();
    if (at < starts[0]! || at >= end) continue;
    // The last period starting at or before the bucket (periods are contiguous).
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    totals[low]!.count += row.count;
  }
  return totals;
}

/** The chart's bars for `range` ending at `now` in the zone, each with its summed count. */
export function chartSeries(
  rows: Iterable<BucketCount>,
  range: ChartRange,
  now: Date,
  timeZone: string,
): Array<{ label: string; count: number }> {
  return sumIntoPeriods(rows, chartPeriods(range, now, timeZone).periods);
}
