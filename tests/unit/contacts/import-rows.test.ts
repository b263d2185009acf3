// One CSV line checked against the CONTRACT's columns: what becomes a contact, and
// each problem named by its column.
import { describe, expect, it } from 'vitest';
import { checkRow, isBlankRow, readBirthday, readHeader, readTags, readTimeZone } from '@/lib/contacts/import-rows';

const TODAY = '2026-11-25';
const columns = readHeader(['first_name', 'last_name', 'phone', 'time_zone', 'tags', 'birthday'])!;
const check = (fields: string[], country = 'US') => checkRow(fields, columns, country, TODAY);

describe('the header', () => {
  it('finds the columns in any order and spelling, ignoring unknown ones', () => {
    expect(readHeader(['Notes', ' PHONE ', 'First Name', 'last-name', 'tags'])).toEqual({ phone: 1, first_name: 2, last_name: 3, tags: 4 });
  });

  it('takes the first of a repeated column', () => {
    expect(readHeader(['phone', 'phone'])).toEqual({ phone: 0 });
  });

  it('is refused without a phone column', () => {
    expect(readHeader(['first_name', 'mobile'])).toBeNull();
  });
});

describe('a row', () => {
  it('becomes a contact with an E.164 phone, a canonical zone, trimmed names and tags', () => {
    expect(check([' Ana ', 'Souza', '(202) 555-0143', 'america/sao_paulo', ' VIP ;newsletter;;vip', '1990-04-12'])).toEqual({
      ok: true,
      contact: {
        firstName: 'Ana',
        lastName: 'Souza',
        phone: '+12025550143',
        timeZone: 'America/Sao_Paulo',
        tags: ['VIP', 'newsletter'],
        birthday: '1990-04-12',
      },
    });
  });

  it('reads a number without a country code in the account’s country', () => {
    expect(check(['', '', '(11) 91234-5678', '', '', ''], 'BR')).toMatchObject({ ok: true, contact: { phone: '+5511912345678' } });
    expect(check(['', '', '+55 11 91234-5678', '', '', ''], 'US')).toMatchObject({ ok: true, contact: { phone: '+5511912345678' } });
  });

  it('leaves empty optional cells empty, and missing cells count as empty', () => {
    expect(checkRow(['2025550143'], { phone: 0, tags: 3, birthday: 7 }, 'US', TODAY)).toEqual({
      ok: true,
      contact: { firstName: '', lastName: '', phone: '+12025550143', timeZone: null, tags: [], birthday: null },
    });
  });

  it('names every problem with its column', () => {
    expect(check(['x'.repeat(101), 'y'.repeat(101), '', 'Mars/Olympus', 'a'.repeat(51), '2026-02-30'])).toEqual({
      ok: false,
      errors: [
        { column: 'first_name', problem: 'too_long' },
        { column: 'last_name', problem: 'too_long' },
        { column: 'phone', problem: 'required' },
        { column: 'time_zone', problem: 'unknown' },
        { column: 'birthday', problem: 'invalid' },
        { column: 'tags', problem: 'too_long' },
      ],
    });
  });

  it.each([
    ['hello', 'not_a_number'],
    ['1-800-FLOWERS', 'not_a_number'],
    ['12', 'too_short'],
    ['(202) 555-0143 ext. 12', 'invalid'],
    ['+1 202 555 01434444', 'too_long'],
  ])('refuses the phone %j as %s', (phone, problem) => {
    expect(check(['', '', phone, '', '', ''])).toEqual({ ok: false, errors: [{ column: 'phone', problem }] });
  });

  it('accepts names of exactly 100 characters', () => {
    expect(check(['x'.repeat(100), '', '2025550143', '', '', '']).ok).toBe(true);
  });

  it('sees a row of empty cells as blank', () => {
    expect(isBlankRow(['', ' ', ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});

describe('cells', () => {
  it('knows IANA zones, not offsets or made-up names', () => {
    expect(readTimeZone('')).toBeNull();
    expect(readTimeZone('Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(readTimeZone('UTC')).toBe('UTC');
    expect(readTimeZone('+05:30')).toBe(false);
    expect(readTimeZone('Eastern')).toBe(false);
    expect(readTimeZone('America/Nowhere')).toBe(false);
  });

  it('takes birthdays of real days up to today', () => {
    expect(readBirthday('', TODAY)).toEqual({ date: null });
    expect(readBirthday('2024-02-29', TODAY)).toEqual({ date: '2024-02-29' });
    expect(readBirthday('2026-11-25', TODAY)).toEqual({ date: '2026-11-25' });
    expect(readBirthday('2023-02-29', TODAY)).toEqual({ problem: 'invalid' });
    expect(readBirthday('1990-13-01', TODAY)).toEqual({ problem: 'invalid' });
    expect(readBirthday('12/04/1990', TODAY)).toEqual({ problem: 'invalid' });
    expect(readBirthday('1899-12-31', TODAY)).toEqual({ problem: 'invalid' });
    expect(readBirthday('2026-11-26', TODAY)).toEqual({ problem: 'in_future' });
  });

  it('splits tags on ";", keeping each once, and bounds them', () => {
    expect(readTags(' a ; b  c ;; A ;')).toEqual(['a', 'b c']);
    expect(readTags('x'.repeat(50))).toEqual(['x'.repeat(50)]);
    expect(readTags('x'.repeat(51))).toBe('too_long');
    expect(readTags(Array.from({ length: 51 }, (_, i) => `t${i}`).join(';'))).toBe('too_many');
  });
});
