import { describe, expect, it } from 'vitest';
import { describeTimeZone, formatDate, formatDateTime, formatRelativeTime, formatTime } from '@/lib/format/dates';

// Intl puts narrow no-break spaces before AM/PM; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const en = (timeZone: string) => ({ locale: 'en', timeZone });
const ptBR = (timeZone: string) => ({ locale: 'pt-BR', timeZone });

describe('date and time in the account time zone', () => {
  it('shows the zone with the time, in each language', () => {
    const moment = new Date('2026-11-25T19:05:00Z');
    expect(plain(formatDateTime(moment, en('America/New_York')))).toBe('Nov 25, 2026, 2:05 PM EST');
    expect(plain(formatDateTime(moment, ptBR('America/Sao_Paulo')))).toBe('25 de nov. de 2026, 16:05 BRT');
    expect(plain(formatDateTime(moment, ptBR('America/New_York')))).toBe('25 de nov. de 2026, 14:05 GMT-5');
  });

  it('handles the +05:45 offset of Asia/Kathmandu, including the day it lands on', () => {
    const moment = '2026-11-25T18:14:00Z';
    expect(plain(formatDateTime(moment, en('Asia/Kathmandu')))).toBe('Nov 25, 2026, 11:59 PM GMT+5:45');
    expect(formatDate('2026-11-25T18:15:00Z', en('Asia/Kathmandu'))).toBe('Nov 26, 2026');
  });

  it('handles the +05:30 offset of Asia/Kolkata at local midnight', () => {
    expect(plain(formatTime('2026-11-25T18:29:00Z', en('Asia/Kolkata')))).toBe('11:59 PM GMT+5:30');
    expect(plain(formatDateTime('2026-11-25T18:30:00Z', ptBR('Asia/Kolkata')))).toBe('26 de nov. de 2026, 00:00 GMT+5:30');
  });

  it('jumps from 1:59 EST to 3:00 EDT when New York springs forward', () => {
    expect(plain(formatTime('2026-03-08T06:59:00Z', en('America/New_York')))).toBe('1:59 AM EST');
    expect(plain(formatTime('2026-03-08T07:00:00Z', en('America/New_York')))).toBe('3:00 AM EDT');
  });

  it('tells the two 1:30 AMs apart on the day New York falls back', () => {
    expect(plain(formatDateTime('2026-11-01T05:30:00Z', en('America/New_York')))).toBe('Nov 1, 2026, 1:30 AM EDT');
    expect(plain(formatDateTime('2026-11-01T06:30:00Z', en('America/New_York')))).toBe('Nov 1, 2026, 1:30 AM EST');
  });

  it('shows the calendar day of the zone, not of the server', () => {
    expect(formatDate('2026-11-26T03:00:00Z', en('America/New_York'))).toBe('Nov 25, 2026');
    expect(formatDate('2026-11-26T03:00:00Z', ptBR('UTC'))).toBe('26 de nov. de 2026');
  });

  it('falls back to UTC, and says so, for a zone the runtime does not know', () => {
    expect(plain(formatDateTime('2026-11-25T19:05:00Z', en('Mars/Olympus_Mons')))).toBe('Nov 25, 2026, 7:05 PM UTC');
  });
});

describe('time zone names', () => {
  it('names New York by its everyday name and the abbreviation in force at that moment', () => {
    expect(describeTimeZone('America/New_York', 'en', '2026-01-15T12:00:00Z')).toEqual({
      id: 'America/New_York',
      name: 'Eastern Time',
      abbreviation: 'EST',
    });
    expect(describeTimeZone('America/New_York', 'en', '2026-07-15T12:00:00Z').abbreviation).toBe('EDT');
  });

  it('names zones in Portuguese for Portuguese readers', () => {
    expect(describeTimeZone('America/Sao_Paulo', 'pt-BR', '2026-01-15T12:00:00Z').name).toMatch(/Brasília/);
    expect(describeTimeZone('Asia/Kathmandu', 'en', '2026-01-15T12:00:00Z').abbreviation).toBe('GMT+5:45');
  });

  it('calls UTC simply UTC', () => {
    expect(describeTimeZone('UTC', 'en')).toEqual({ id: 'UTC', name: 'UTC', abbreviation: 'UTC' });
  });
});

describe('relative times', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('uses the largest unit that fits', () => {
    expect(formatRelativeTime('2026-11-25T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-25T09:00:00Z', now, 'pt-BR')).toBe('há 3 horas');
    expect(formatRelativeTime('2026-11-25T11:35:00Z', now, 'en')).toBe('25 minutes ago');
    expect(formatRelativeTime('2026-11-27T12:00:00Z', now, 'en')).toBe('in 2 days');
    expect(formatRelativeTime('2026-09-25T12:00:00Z', now, 'en')).toBe('2 months ago');
    expect(formatRelativeTime('2023-11-25T12:00:00Z', now, 'en')).toBe('3 years ago');
  });

  it('says "now" within a minute and "yesterday" for a day ago', () => {
    expect(formatRelativeTime('2026-11-25T11:59:40Z', now, 'en')).toBe('now');
    expect(formatRelativeTime('2026-11-25T11:59:40Z', now, 'pt-BR')).toBe('agora');
    expect(formatRelativeTime('2026-11-24T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelativeTime('2026-11-24T12:00:00Z', now, 'pt-BR')).toBe('ontem');
  });

  it('never says "60 minutes ago" when it means an hour', () => {
    expect(formatRelativeTime('2026-11-25T11:00:20Z', now, 'en')).toBe('1 hour ago');
  });
});
