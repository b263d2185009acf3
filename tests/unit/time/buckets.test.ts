import { describe, expect, it } from 'vitest';
import { bucketStart, chartPeriods, chartSeries, sumIntoPeriods } from '@/lib/time/buckets';
import { dayLabel, localDateOf, monthLabel } from '@/lib/time/zone';

const row = (iso: string, count = 1) => ({ bucketStart: new Date(iso), count });

describe('bucketStart', () => {
  it.each([
    ['2026-03-08T06:59:59.999Z', '2026-03-08T06:45:00.000Z'],
    ['2026-03-08T07:00:00.000Z', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08T07:14:59.999Z', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08T07:15:00.000Z', '2026-03-08T07:15:00.000Z'],
    ['2026-03-08T07:44:00.000Z', '2026-03-08T07:30:00.000Z'],
    ['1969-12-31T23:59:59.000Z', '1969-12-31T23:45:00.000Z'],
  ])('%s falls in the bucket starting %s', (at, start) => {
    expect(bucketStart(new Date(at)).toISOString()).toBe(start);
  });
});

describe('chart periods', () => {
  it('7 days end today in the zone, and March 8th in New York lasts 23 hours', () => {
    const { periods, start, end } = chartPeriods('7d', new Date('2026-03-10T12:00:00Z'), 'America/New_York');
    expect(periods.map((p) => p.label)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(periods[4]).toEqual({ label: '2026-03-08', start: new Date('2026-03-08T05:00:00Z'), end: new Date('2026-03-09T04:00:00Z') });
    expect(start).toEqual(new Date('2026-03-04T05:00:00Z'));
    expect(end).toEqual(new Date('2026-03-11T04:00:00Z'));
  });

  it('30 days end today', () => {
    const { periods } = chartPeriods('30d', new Date('2026-01-10T12:00:00Z'), 'UTC');
    expect(periods).toHaveLength(30);
    expect(periods[0]!.label).toBe('2025-12-12');
    expect(periods[29]!.label).toBe('2026-01-10');
  });

  it('a year is 12 local months ending this month', () => {
    // At 23:00Z on January 31st it is still January in Lisbon (UTC+0 in winter) …
    expect(chartPeriods('1y', new Date('2026-01-31T23:00:00Z'), 'Europe/Lisbon').periods.map((p) => p.label)).toEqual([
      '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01',
    ]);
    // … and already February 1st in Kathmandu.
    const kathmandu = chartPeriods('1y', new Date('2026-01-31T23:00:00Z'), 'Asia/Kathmandu');
    expect(kathmandu.periods.at(-1)).toEqual({ label: '2026-02', start: new Date('2026-01-31T18:15:00Z'), end: new Date('2026-02-28T18:15:00Z') });
  });
});

describe('summing 15-minute buckets into local days', () => {
  it('keeps days without activity at zero', () => {
    const series = chartSeries([row('2026-03-06T15:00:00Z', 4)], '7d', new Date('2026-03-10T12:00:00Z'), 'America/New_York');
    expect(series.map((d) => d.count)).toEqual([0, 0, 4, 0, 0, 0, 0]);
  });

  it('puts a bucket in the local day containing its start, on both sides of New York’s spring-forward day', () => {
    const rows = [
      row('2026-03-08T04:45:00Z', 1), // 23:45 EST, March 7th
      row('2026-03-08T05:00:00Z', 10), // 00:00 EST, March 8th
      row('2026-03-08T06:45:00Z', 100), // 01:45 EST
      row('2026-03-08T07:00:00Z', 1000), // 03:00 EDT
      row('2026-03-09T03:45:00Z', 10_000), // 23:45 EDT, still March 8th
      row('2026-03-09T04:00:00Z', 100_000), // 00:00 EDT, March 9th
    ];
    const series = chartSeries(rows, '7d', new Date('2026-03-10T12:00:00Z'), 'America/New_York');
    expect(Object.fromEntries(series.map((d) => [d.label, d.count]))).toMatchObject({
      '2026-03-07': 1,
      '2026-03-08': 11_110,
      '2026-03-09': 100_000,
    });
  });

  it('counts the repeated hour of New York’s 25-hour day once per bucket, all in November 1st', () => {
    const rows = ['2026-11-01T04:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T04:45:00Z', '2026-11-02T05:00:00Z'].map((iso) => row(iso));
    const series = chartSeries(rows, '7d', new Date('2026-11-03T12:00:00Z'), 'America/New_York');
    expect(series.find((d) => d.label === '2026-11-01')!.count).toBe(4);
    expect(series.find((d) => d.label === '2026-11-02')!.count).toBe(1);
  });

  it.each([
    ['Asia/Kathmandu', '2026-03-09T18:00:00Z', '2026-03-09T18:15:00Z'],
    ['Asia/Kolkata', '2026-03-09T18:15:00Z', '2026-03-09T18:30:00Z'],
    ['Australia/Lord_Howe', '2026-03-09T12:45:00Z', '2026-03-09T13:00:00Z'], // +11 in summer
    ['Australia/Lord_Howe', '2026-06-09T13:15:00Z', '2026-06-09T13:30:00Z'], // +10:30 in winter
    ['America/Sao_Paulo', '2026-03-10T02:45:00Z', '2026-03-10T03:00:00Z'],
  ])('%s: the bucket at %s is the last of a day, the one at %s the first of the next', (zone, last, first) => {
    const now = new Date(Date.parse(first) + 3 * 86_400_000);
    const series = chartSeries([row(last, 1), row(first, 10)], '7d', now, zone);
    const day = (iso: string) => dayLabel(localDateOf(new Date(iso), zone));
    expect(day(last)).not.toBe(day(first));
    expect(series.find((d) => d.label === day(last))!.count).toBe(1);
    expect(series.find((d) => d.label === day(first))!.count).toBe(10);
  });

  it('sums months for the year view and ignores rows outside the range', () => {
    const rows = [row('2025-01-31T12:00:00Z', 7), row('2025-02-01T05:00:00Z', 2), row('2026-01-31T12:00:00Z', 3), row('2026-02-01T05:00:00Z', 50)];
    const series = chartSeries(rows, '1y', new Date('2026-01-31T20:00:00Z'), 'America/New_York');
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({ label: '2025-02', count: 2 });
    expect(series[11]).toEqual({ label: '2026-01', count: 3 });
    expect(series.reduce((sum, m) => sum + m.count, 0)).toBe(5);
  });

  it('agrees with reading each bucket’s local date directly, for random buckets in the featured zones', () => {
    let state = 42;
    const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (const zone of ['America/New_York', 'America/Sao_Paulo', 'Europe/Lisbon', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (const now of ['2026-03-12T10:00:00Z', '2026-04-08T10:00:00Z', '2026-10-06T10:00:00Z', '2026-11-03T10:00:00Z']) {
        for (const range of ['7d', '30d', '1y'] as const) {
          const { periods, start, end } = chartPeriods(range, new Date(now), zone);
          const span = end.getTime() - start.getTime();
          const rows = Array.from({ length: 300 }, () => ({
            bucketStart: bucketStart(new Date(start.getTime() - 86_400_000 + next() * (span + 2 * 86_400_000))),
            count: 1 + Math.floor(next() * 5),
          }));
          const expected = new Map(periods.map((p) => [p.label, 0]));
          for (const r of rows) {
            const date = localDateOf(r.bucketStart, zone);
            const label = range === '1y' ? monthLabel(date) : dayLabel(date);
            if (expected.has(label)) expected.set(label, expected.get(label)! + r.count);
          }
          expect(sumIntoPeriods(rows, periods)).toEqual([...expected].map(([label, count]) => ({ label, count })));
        }
      }
    }
  });
});
