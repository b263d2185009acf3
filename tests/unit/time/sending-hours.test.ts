import { describe, expect, it } from 'vitest';
import { defaultSendingHours, isWithinQuietHours, isWithinSendingHours, nextSendingWindow, type SendingHours } from '@/lib/time/sending-hours';

const at = (iso: string) => new Date(iso);
const hours = (start: string, end: string): SendingHours => {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return { start: minutes(start), end: minutes(end) };
};

describe('default sending hours, 08:00–21:00 on the recipient’s clock', () => {
  const ny = 'America/New_York';

  it('holds a text at 07:59:59 until 08:00 the same morning', () => {
    const now = at('2026-06-10T11:59:59Z'); // 07:59:59 EDT
    expect(isWithinQuietHours(now, ny, defaultSendingHours)).toBe(true);
    expect(nextSendingWindow(now, ny, defaultSendingHours)).toEqual(at('2026-06-10T12:00:00Z'));
  });

  it('sends at once from 08:00 up to 20:59:59', () => {
    for (const now of [at('2026-06-10T12:00:00Z'), at('2026-06-11T00:59:59Z')]) {
      expect(isWithinSendingHours(now, ny, defaultSendingHours)).toBe(true);
      expect(nextSendingWindow(now, ny, defaultSendingHours)).toBe(now);
    }
  });

  it('holds a text from 21:00 until 08:00 the next morning', () => {
    expect(nextSendingWindow(at('2026-06-11T01:00:00Z'), ny, defaultSendingHours)).toEqual(at('2026-06-11T12:00:00Z'));
  });

  it('opens at 08:00 EDT, not EST, on the morning the clocks spring forward', () => {
    // 01:00 EST on March 8th; 08:00 that day is already daylight time.
    expect(nextSendingWindow(at('2026-03-08T06:00:00Z'), ny, defaultSendingHours)).toEqual(at('2026-03-08T12:00:00Z'));
  });

  it('opens at 08:00 EST on the morning the clocks fall back', () => {
    expect(nextSendingWindow(at('2026-11-01T05:00:00Z'), ny, defaultSendingHours)).toEqual(at('2026-11-01T13:00:00Z'));
  });

  it.each([
    ['America/Sao_Paulo', '2026-11-02T10:00:00Z', '2026-11-02T11:00:00Z'],
    ['Asia/Kathmandu', '2026-11-02T02:00:00Z', '2026-11-02T02:15:00Z'],
    ['Asia/Kolkata', '2026-11-02T02:00:00Z', '2026-11-02T02:30:00Z'],
    ['Australia/Lord_Howe', '2026-11-01T20:00:00Z', '2026-11-01T21:00:00Z'], // +11 in summer
    ['Australia/Lord_Howe', '2026-06-01T20:00:00Z', '2026-06-01T21:30:00Z'], // +10:30 in winter
    // Lisbon springs forward at 01:00Z on March 29th: 08:00 WEST that morning.
    ['Europe/Lisbon', '2026-03-28T22:00:00Z', '2026-03-29T07:00:00Z'],
    ['Europe/Lisbon', '2026-10-24T22:00:00Z', '2026-10-25T08:00:00Z'],
  ])('%s: a text at %s waits until 08:00 local, %s', (zone, now, opens) => {
    expect(nextSendingWindow(at(now), zone, defaultSendingHours)).toEqual(at(opens));
  });
});

describe('sending hours that open at a time the clocks skip or repeat', () => {
  it('02:30 does not exist on March 8th in New York: the window opens at the jump, 03:00 EDT', () => {
    const opens = nextSendingWindow(at('2026-03-08T06:30:00Z'), 'America/New_York', hours('02:30', '21:00'));
    expect(opens).toEqual(at('2026-03-08T07:00:00Z'));
    expect(isWithinSendingHours(opens, 'America/New_York', hours('02:30', '21:00'))).toBe(true);
    expect(isWithinSendingHours(new Date(opens.getTime() - 1), 'America/New_York', hours('02:30', '21:00'))).toBe(false);
  });

  it('01:30 happens twice on November 1st in New York: the window opens at the first, and again at the second for a text held in between', () => {
    const window = hours('01:30', '21:00');
    expect(nextSendingWindow(at('2026-11-01T05:00:00Z'), 'America/New_York', window)).toEqual(at('2026-11-01T05:30:00Z')); // 01:00 EDT → 01:30 EDT
    // 01:10 EST, after the clocks went back: the wall clock reads before 01:30 again.
    expect(isWithinQuietHours(at('2026-11-01T06:10:00Z'), 'America/New_York', window)).toBe(true);
    expect(nextSendingWindow(at('2026-11-01T06:10:00Z'), 'America/New_York', window)).toEqual(at('2026-11-01T06:30:00Z'));
  });

  it('Lord Howe Island skips 02:00–02:30 on October 4th: a 02:15 opening becomes 02:30', () => {
    expect(nextSendingWindow(at('2026-10-03T15:00:00Z'), 'Australia/Lord_Howe', hours('02:15', '21:00'))).toEqual(at('2026-10-03T15:30:00Z'));
  });

  it('Lord Howe Island repeats 01:30–02:00 on April 5th: a 01:45 opening comes round twice', () => {
    const window = hours('01:45', '21:00');
    expect(nextSendingWindow(at('2026-04-04T14:20:00Z'), 'Australia/Lord_Howe', window)).toEqual(at('2026-04-04T14:45:00Z'));
    expect(nextSendingWindow(at('2026-04-04T15:05:00Z'), 'Australia/Lord_Howe', window)).toEqual(at('2026-04-04T15:15:00Z'));
  });

  it('a window that lies wholly inside a skipped hour is skipped that day', () => {
    const window = hours('02:15', '02:45');
    expect(nextSendingWindow(at('2026-03-08T06:00:00Z'), 'America/New_York', window)).toEqual(at('2026-03-09T06:15:00Z'));
  });
});

describe('sending hours that wrap midnight (22:00–06:00)', () => {
  const night = hours('22:00', '06:00');
  const utc = 'UTC';

  it('allow late evening and early morning, not the day', () => {
    expect(isWithinSendingHours(at('2026-06-10T23:00:00Z'), utc, night)).toBe(true);
    expect(isWithinSendingHours(at('2026-06-10T05:59:59Z'), utc, night)).toBe(true);
    expect(isWithinSendingHours(at('2026-06-10T06:00:00Z'), utc, night)).toBe(false);
    expect(isWithinSendingHours(at('2026-06-10T21:59:59Z'), utc, night)).toBe(false);
  });

  it('hold a daytime text until 22:00 the same day', () => {
    expect(nextSendingWindow(at('2026-06-10T06:00:00Z'), utc, night)).toEqual(at('2026-06-10T22:00:00Z'));
    expect(nextSendingWindow(at('2026-06-10T21:59:00Z'), utc, night)).toEqual(at('2026-06-10T22:00:00Z'));
  });
});

describe('edge settings', () => {
  it('equal start and end mean no quiet hours', () => {
    expect(isWithinSendingHours(at('2026-06-10T03:00:00Z'), 'UTC', { start: 480, end: 480 })).toBe(true);
  });

  it('0–1440 is the whole day', () => {
    expect(isWithinSendingHours(at('2026-06-10T23:59:59Z'), 'UTC', { start: 0, end: 1440 })).toBe(true);
    expect(isWithinSendingHours(at('2026-06-10T00:00:00Z'), 'UTC', { start: 0, end: 1440 })).toBe(true);
  });

  it('a start of 1440 means midnight', () => {
    expect(nextSendingWindow(at('2026-06-10T07:00:00Z'), 'UTC', { start: 1440, end: 360 })).toEqual(at('2026-06-11T00:00:00Z'));
  });
});
