// The claim the 15-minute rollups rest on, checked against every zone the
// runtime knows: offsets and their changes fall on 15-minute UTC boundaries, so a
// bucket never straddles a local midnight and local dates never run backwards.
import { describe, expect, it } from 'vitest';
import { bucketStart, chartPeriods } from '@/lib/time/buckets';
import { dayLabel, localDateOf, offsetAt } from '@/lib/time/zone';

const QUARTER = 15 * 60_000;
// Shorter than any stretch between two changes in current rules (Morocco's Ramadan break is about a month).
const STEP = 10 * 86_400_000;
const zones = Intl.supportedValuesOf('timeZone');

/** Each change of offset in [from, to), found by 10-day steps and then bisection to the second. */
function transitions(zone: string, from: number, to: number): Array<{ at: number; before: number; after: number }> {
  const found = [];
  let previous = offsetAt(from, zone);
  for (let t = from + STEP; t < to; t += STEP) {
    const offset = offsetAt(t, zone);
    if (offset === previous) continue;
    let low = (t - STEP) / 1000;
    let high = t / 1000;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle * 1000, zone) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high * 1000, before: previous, after: offset });
    previous = offset;
  }
  return found;
}

const localDay = (at: number, zone: string) => dayLabel(localDateOf(at, zone));

describe(`all ${zones.length} IANA zones`, () => {
  it('change offset only on 15-minute UTC boundaries, to multiples of 15 minutes, never stepping back over midnight (2023–2040)', () => {
    const failures: string[] = [];
    for (const zone of zones) {
      if (offsetAt(Date.UTC(2023, 0, 1), zone) % QUARTER !== 0) failures.push(`${zone}: offset in 2023`);
      for (const { at, after } of transitions(zone, Date.UTC(2023, 0, 1), Date.UTC(2040, 0, 1))) {
        const when = new Date(at).toISOString();
        if (at % QUARTER !== 0) failures.push(`${zone}: change at ${when}`);
        if (after % QUARTER !== 0) failures.push(`${zone}: offset ${after / 60_000} min from ${when}`);
        if (localDay(at, zone) < localDay(at - 1000, zone)) failures.push(`${zone}: date runs back at ${when}`);
      }
    }
    expect(failures).toEqual([]);
    // The search does see the changes: two a year in New York, half-hour ones on Lord Howe.
    expect(transitions('America/New_York', Date.UTC(2023, 0, 1), Date.UTC(2040, 0, 1))).toHaveLength(34);
    expect(transitions('Australia/Lord_Howe', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((t) => (t.after - t.before) / 60_000)).toEqual([-30, 30]);
  }, 30_000);

  it('never split a 15-minute bucket across a local midnight, at sampled instants', () => {
    const failures: string[] = [];
    let state = 7;
    const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const from = Date.UTC(2023, 0, 1);
    const to = Date.UTC(2036, 0, 1);
    for (const zone of zones) {
      for (let i = 0; i < 150; i++) {
        const start = bucketStart(new Date(from + next() * (to - from))).getTime();
        if (localDay(start, zone) !== localDay(start + QUARTER - 1, zone)) failures.push(`${zone} at ${new Date(start).toISOString()}`);
      }
    }
    expect(failures).toEqual([]);
  }, 30_000);

  it('start every chart day on a bucket boundary', () => {
    const failures: string[] = [];
    for (const zone of zones) {
      for (const now of ['2026-03-20T12:00:00Z', '2026-10-20T12:00:00Z']) {
        for (const { label, start } of chartPeriods('30d', new Date(now), zone).periods) {
          if (start.getTime() % QUARTER !== 0 || localDay(start.getTime(), zone) !== label) failures.push(`${zone} ${label}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 30_000);

  it('had exceptions in the past, which is why the rollups only promise this for current rules', () => {
    // Newfoundland changed clocks at 00:01 until 2011: going back from 00:01 NDT to
    // 23:01 NST, the bucket that began at local midnight ended on the day before.
    const start = Date.parse('2010-11-07T02:30:00Z'); // 00:00 NDT on November 7th
    expect(localDay(start, 'America/St_Johns')).toBe('2010-11-07');
    expect(localDay(start + QUARTER - 1, 'America/St_Johns')).toBe('2010-11-06');
    // Liberia kept -00:44:30 until 1972.
    expect(offsetAt(Date.UTC(1971, 0, 1), 'Africa/Monrovia') % QUARTER).not.toBe(0);
  });
});
