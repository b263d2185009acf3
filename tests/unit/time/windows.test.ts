import { describe, expect, it } from 'vitest';
import { isInWindow, last30Days, localDayWindow, next30Days } from '@/lib/time/windows';

const H = 3_600_000;
const hoursOf = (window: { start: Date; end: Date }) => (window.end.getTime() - window.start.getTime()) / H;

describe('last 30 days', () => {
  it('runs from 00:00 of the day 29 days ago to now, across New York’s 23-hour day', () => {
    const now = new Date('2026-03-20T12:00:00Z'); // 08:00 EDT on March 20th
    const window = last30Days(now, 'America/New_York');
    expect(window).toEqual({ start: new Date('2026-02-19T05:00:00Z'), end: now, timeZone: 'America/New_York' });
    // 29 whole local days, one of them 23 hours long, plus 8 hours of today.
    expect(hoursOf(window)).toBe(29 * 24 - 1 + 8);
  });

  it('includes New York’s 25-hour day in November', () => {
    const now = new Date('2026-11-20T17:00:00Z'); // 12:00 EST
    const window = last30Days(now, 'America/New_York');
    expect(window.start).toEqual(new Date('2026-10-22T04:00:00Z')); // 00:00 EDT
    expect(hoursOf(window)).toBe(29 * 24 + 1 + 12);
  });

  it('follows the account’s zone at +05:45: a message at 18:14Z yesterday is in or out by the local date', () => {
    const now = new Date('2026-06-15T00:00:00Z'); // 05:45 on June 15th in Kathmandu
    const window = last30Days(now, 'Asia/Kathmandu');
    expect(window.start).toEqual(new Date('2026-05-16T18:15:00Z')); // 00:00 on May 17th
    expect(isInWindow(new Date('2026-05-16T18:14:59Z'), window)).toBe(false);
    expect(isInWindow(new Date('2026-05-16T18:15:00Z'), window)).toBe(true);
    expect(isInWindow(now, window)).toBe(false); // the end is exclusive
  });

  it('São Paulo has no daylight saving time since 2019: every day is 24 hours', () => {
    const now = new Date('2026-11-15T03:00:00Z'); // local midnight
    expect(last30Days(now, 'America/Sao_Paulo').start).toEqual(new Date('2026-10-17T03:00:00Z'));
    expect(hoursOf(last30Days(now, 'America/Sao_Paulo'))).toBe(29 * 24);
  });

  it('Lisbon: the window through the end of March loses the hour of March 29th', () => {
    const now = new Date('2026-04-10T23:00:00Z'); // 00:00 WEST on April 11th
    const window = last30Days(now, 'Europe/Lisbon');
    expect(window.start).toEqual(new Date('2026-03-13T00:00:00Z')); // 00:00 WET
    expect(hoursOf(window)).toBe(29 * 24 - 1);
  });
});

describe('next 30 days', () => {
  it('runs from now to the end of the day 29 days ahead, across New York’s 25-hour day', () => {
    const now = new Date('2026-10-10T16:00:00Z'); // 12:00 EDT on October 10th
    const window = next30Days(now, 'America/New_York');
    expect(window).toEqual({ start: now, end: new Date('2026-11-09T05:00:00Z'), timeZone: 'America/New_York' });
    expect(hoursOf(window)).toBe(12 + 29 * 24 + 1);
  });

  it('ends at local midnight in +05:30', () => {
    expect(next30Days(new Date('2026-01-01T00:00:00Z'), 'Asia/Kolkata').end).toEqual(new Date('2026-01-30T18:30:00Z'));
  });
});

describe('local days', () => {
  it.each([
    ['America/New_York', { year: 2026, month: 3, day: 8 }, 23],
    ['America/New_York', { year: 2026, month: 11, day: 1 }, 25],
    ['Europe/Lisbon', { year: 2026, month: 3, day: 29 }, 23],
    ['Europe/Lisbon', { year: 2026, month: 10, day: 25 }, 25],
    ['Australia/Lord_Howe', { year: 2026, month: 4, day: 5 }, 24.5],
    ['Australia/Lord_Howe', { year: 2026, month: 10, day: 4 }, 23.5],
    ['Asia/Kathmandu', { year: 2026, month: 3, day: 8 }, 24],
    ['America/Sao_Paulo', { year: 2026, month: 11, day: 1 }, 24],
  ])('%s on %o lasts %f hours', (zone, date, hours) => {
    expect(hoursOf(localDayWindow(date, zone))).toBe(hours);
  });
});
