import { describe, expect, it } from 'vitest';
import { creditsOf, monthWindow, remainingCredits } from '@/lib/billing/credits';

describe('creditsOf', () => {
  it('charges one credit per segment', () => {
    expect(creditsOf('')).toBe(0);
    expect(creditsOf('Hello')).toBe(1);
    expect(creditsOf('a'.repeat(161))).toBe(2);
    expect(creditsOf('Olá ' + 'a'.repeat(67))).toBe(2);
  });
});

describe('remainingCredits', () => {
  it('is absent on unlimited plans', () => {
    expect(remainingCredits(null, 12_345)).toBeNull();
  });

  it('is plan minus used, never below zero', () => {
    expect(remainingCredits(1000, 0)).toBe(1000);
    expect(remainingCredits(1000, 999)).toBe(1);
    expect(remainingCredits(1000, 1000)).toBe(0);
    expect(remainingCredits(1000, 1500)).toBe(0);
  });
});

describe('monthWindow', () => {
  it('is the calendar month in the account’s zone, not in UTC', () => {
    // 2026-03-01T02:00Z is still February 28th in New York.
    expect(monthWindow(new Date('2026-03-01T02:00:00Z'), 'America/New_York')).toEqual({
      label: '2026-02',
      start: new Date('2026-02-01T05:00:00Z'),
      end: new Date('2026-03-01T05:00:00Z'),
      timeZone: 'America/New_York',
    });
  });

  it('March in New York is 31 days less the hour the clocks skip', () => {
    const march = monthWindow(new Date('2026-03-15T12:00:00Z'), 'America/New_York');
    expect(march.start).toEqual(new Date('2026-03-01T05:00:00Z')); // EST
    expect(march.end).toEqual(new Date('2026-04-01T04:00:00Z')); // EDT
    expect(march.end.getTime() - march.start.getTime()).toBe((31 * 24 - 1) * 3_600_000);
  });

  it('November in New York gains the hour back', () => {
    const november = monthWindow(new Date('2026-11-01T05:30:00Z'), 'America/New_York');
    expect(november).toMatchObject({ label: '2026-11', start: new Date('2026-11-01T04:00:00Z'), end: new Date('2026-12-01T05:00:00Z') });
  });

  it('starts at local midnight in +05:45 and +05:30 zones', () => {
    // 18:15Z on March 31st is already April 1st, 00:00, in Kathmandu.
    expect(monthWindow(new Date('2026-03-31T18:15:00Z'), 'Asia/Kathmandu')).toMatchObject({
      label: '2026-04',
      start: new Date('2026-03-31T18:15:00Z'),
      end: new Date('2026-04-30T18:15:00Z'),
    });
    expect(monthWindow(new Date('2026-03-31T18:14:59.999Z'), 'Asia/Kathmandu').label).toBe('2026-03');
    expect(monthWindow(new Date('2026-12-31T18:30:00Z'), 'Asia/Kolkata')).toMatchObject({
      label: '2027-01',
      start: new Date('2026-12-31T18:30:00Z'),
      end: new Date('2027-01-31T18:30:00Z'),
    });
  });

  it('starts at the jump when the clocks skip midnight (Santiago, September 6th, 2026)', () => {
    // Chile moves from -04 to -03 at 24:00 on Saturday: September 1st is unaffected,
    // but a window over that Sunday begins at 01:00 local.
    const september = monthWindow(new Date('2026-09-10T12:00:00Z'), 'America/Santiago');
    expect(september).toMatchObject({ start: new Date('2026-09-01T04:00:00Z'), end: new Date('2026-10-01T03:00:00Z') });
  });

  it('São Paulo keeps -03 all year since 2019', () => {
    expect(monthWindow(new Date('2026-11-15T12:00:00Z'), 'America/Sao_Paulo')).toMatchObject({
      start: new Date('2026-11-01T03:00:00Z'),
      end: new Date('2026-12-01T03:00:00Z'),
    });
  });
});
