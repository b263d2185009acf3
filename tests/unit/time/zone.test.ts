import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayLabel,
  firstInstantAtOrAfterWallClock,
  instantsAtWallClock,
  isValidTimeZone,
  localDateOf,
  localTimeOfDay,
  offsetAt,
  recipientTimeZone,
  startOfLocalDay,
} from '@/lib/time/zone';

const H = 3_600_000;
const M = 60_000;
const utc = (iso: string) => new Date(iso).getTime();

describe('offsets from the tz database', () => {
  it.each([
    ['America/New_York', '2026-03-08T06:59:59Z', -5 * H],
    ['America/New_York', '2026-03-08T07:00:00Z', -4 * H],
    ['America/New_York', '2026-11-01T05:59:59Z', -4 * H],
    ['America/New_York', '2026-11-01T06:00:00Z', -5 * H],
    ['Europe/Lisbon', '2026-03-29T00:59:59Z', 0],
    ['Europe/Lisbon', '2026-03-29T01:00:00Z', 1 * H],
    ['Europe/Lisbon', '2026-10-25T01:00:00Z', 0],
    ['America/Sao_Paulo', '2026-01-15T12:00:00Z', -3 * H],
    ['America/Sao_Paulo', '2026-07-15T12:00:00Z', -3 * H],
    ['Asia/Kathmandu', '2026-07-15T12:00:00Z', 5 * H + 45 * M],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 5 * H + 30 * M],
    ['Australia/Lord_Howe', '2026-04-04T14:59:59Z', 11 * H],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', 10 * H + 30 * M],
    ['Australia/Lord_Howe', '2026-10-03T15:29:59Z', 10 * H + 30 * M],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', 11 * H],
  ])('%s at %s is %i ms', (zone, iso, offset) => {
    expect(offsetAt(new Date(iso), zone)).toBe(offset);
  });

  it('reads the local date and time of day, milliseconds included', () => {
    expect(localDateOf(new Date('2026-03-31T18:15:00Z'), 'Asia/Kathmandu')).toEqual({ year: 2026, month: 4, day: 1 });
    expect(localDateOf(new Date('2026-03-31T18:14:59.999Z'), 'Asia/Kathmandu')).toEqual({ year: 2026, month: 3, day: 31 });
    expect(localTimeOfDay(new Date('2026-03-31T18:14:59.999Z'), 'Asia/Kathmandu')).toBe(24 * H - 1);
  });
});

describe('wall-clock times to instants', () => {
  it('finds one instant on an ordinary day', () => {
    expect(instantsAtWallClock({ year: 2026, month: 6, day: 1 }, 8 * H, 'America/New_York')).toEqual([utc('2026-06-01T12:00:00Z')]);
  });

  it('finds none for 02:30 on the night New York skips from 02:00 to 03:00, and opens at the jump', () => {
    const day = { year: 2026, month: 3, day: 8 };
    expect(instantsAtWallClock(day, 2.5 * H, 'America/New_York')).toEqual([]);
    expect(firstInstantAtOrAfterWallClock(day, 2.5 * H, 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('finds two for 01:30 on the night New York goes back from 02:00 to 01:00', () => {
    const day = { year: 2026, month: 11, day: 1 };
    expect(instantsAtWallClock(day, 1.5 * H, 'America/New_York')).toEqual([utc('2026-11-01T05:30:00Z'), utc('2026-11-01T06:30:00Z')]);
    expect(firstInstantAtOrAfterWallClock(day, 1.5 * H, 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
  });

  it('handles Lord Howe Island’s half-hour change both ways', () => {
    expect(instantsAtWallClock({ year: 2026, month: 10, day: 4 }, 2 * H + 15 * M, 'Australia/Lord_Howe')).toEqual([]);
    expect(firstInstantAtOrAfterWallClock({ year: 2026, month: 10, day: 4 }, 2 * H + 15 * M, 'Australia/Lord_Howe')).toBe(
      utc('2026-10-03T15:30:00Z'),
    );
    expect(instantsAtWallClock({ year: 2026, month: 4, day: 5 }, 1 * H + 45 * M, 'Australia/Lord_Howe')).toEqual([
      utc('2026-04-04T14:45:00Z'),
      utc('2026-04-04T15:15:00Z'),
    ]);
  });

  it('starts a local day at midnight, or at the jump when midnight is skipped', () => {
    expect(startOfLocalDay({ year: 2026, month: 3, day: 8 }, 'America/New_York')).toEqual(new Date('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay({ year: 2026, month: 1, day: 1 }, 'Asia/Kathmandu')).toEqual(new Date('2025-12-31T18:15:00Z'));
    // Chile skips from 24:00 Saturday to 01:00 Sunday.
    expect(startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).toEqual(new Date('2026-09-06T04:00:00Z'));
    expect(localTimeOfDay(new Date('2026-09-06T04:00:00Z'), 'America/Santiago')).toBe(1 * H);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(dayLabel(addDays({ year: 2026, month: 3, day: 1 }, -1))).toBe('2026-02-28');
    expect(dayLabel(addDays({ year: 2028, month: 3, day: 1 }, -1))).toBe('2028-02-29');
    expect(dayLabel(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
  });

  it('steps months to their first day', () => {
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 1 });
    expect(addMonths({ year: 2026, month: 1, day: 15 }, -11)).toEqual({ year: 2025, month: 2, day: 1 });
  });
});

describe('zone names', () => {
  it('accepts IANA names and rejects anything else', () => {
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('uses the contact’s zone when it has a real one, else the account’s', () => {
    expect(recipientTimeZone('Asia/Kolkata', 'America/New_York')).toBe('Asia/Kolkata');
    expect(recipientTimeZone(null, 'America/New_York')).toBe('America/New_York');
    expect(recipientTimeZone('Nowhere/Special', 'America/New_York')).toBe('America/New_York');
  });
});
