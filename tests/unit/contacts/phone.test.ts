import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay, normalizePhone, phoneCountry } from '@/lib/contacts/phone';

describe('phone numbers as people write them become E.164', () => {
  it.each([
    ['(202) 555-0143', 'US', '+12025550143'],
    ['202.555.0143', 'US', '+12025550143'],
    ['202-555-0143', 'US', '+12025550143'],
    ['2025550143', 'US', '+12025550143'],
    ['1 202 555 0143', 'US', '+12025550143'],
    ['+1 (202) 555-0143', 'US', '+12025550143'],
    ['  +12025550143  ', 'US', '+12025550143'],
    ['tel:+1-202-555-0143', 'US', '+12025550143'],
    ['+55 11 91234-5678', 'US', '+5511912345678'],
    ['011 55 11 91234 5678', 'US', '+5511912345678'], // dialled from the US
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['11 91234 5678', 'BR', '+5511912345678'],
    ['0 11 91234 5678', 'BR', '+5511912345678'],
    ['+55 (21) 3123-4567', 'BR', '+552131234567'], // a Rio landline is still a valid number
    ['+1 415 555 2671', 'BR', '+14155552671'],
    ['+44 20 7183 8750', 'US', '+442071838750'],
  ])('%j in %s → %s', (input, country, e164) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it('reads full-width and Arabic-Indic digits', () => {
    expect(normalizePhone('２０２５５５０１４３', 'US')).toEqual({ ok: true, e164: '+12025550143' });
    expect(normalizePhone('٢٠٢٥٥٥٠١٤٣', 'US')).toEqual({ ok: true, e164: '+12025550143' });
  });

  it('accepts the country in any case and works without one for international numbers', () => {
    expect(normalizePhone('(202) 555-0143', 'us')).toEqual({ ok: true, e164: '+12025550143' });
    expect(normalizePhone('+5511912345678', null)).toEqual({ ok: true, e164: '+5511912345678' });
    expect(normalizePhone('+5511912345678', 'XX')).toEqual({ ok: true, e164: '+5511912345678' });
  });
});

describe('what cannot be texted is refused with a reason', () => {
  it.each<[string | null | undefined, string]>([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['hello', 'not_a_number'],
    ['n/a', 'not_a_number'],
    ['1-800-FLOWERS', 'not_a_number'],
    ['+55 11 91234-5678 cel', 'not_a_number'],
    ['12', 'too_short'],
    ['555-0143', 'too_short'],
    ['+1 202 555 01433', 'too_long'],
    ['1234567890123456789', 'too_long'],
    ['202-555-0143 ext. 12', 'invalid'],
    ['202-555-0143 x12', 'invalid'],
    ['+1 (202) 555-0143;ext=1', 'invalid'],
    ['+999 1234 5678', 'invalid'], // no such country code
    ['(111) 555-0143', 'invalid'], // no US area code starts with 1
    ['2025550143', 'invalid'], // no country to read it in
  ])('%j → %s', (input, reason) => {
    const country = input === '2025550143' ? undefined : 'US';
    expect(normalizePhone(input, country)).toEqual({ ok: false, reason });
  });

  it('refuses very long input without parsing it', () => {
    expect(normalizePhone('9'.repeat(10_000), 'US')).toEqual({ ok: false, reason: 'too_long' });
    expect(normalizePhone(`+1 202 555 0143${' '.repeat(100)}x`, 'US')).toEqual({ ok: false, reason: 'too_long' });
  });

  it('does not throw on control characters or odd Unicode', () => {
    for (const input of ['\u0000\u0001', '📞📞📞', '+', '++1 202', '()-.', '\uFFFF']) {
      expect(normalizePhone(input, 'US')).toEqual({ ok: false, reason: 'not_a_number' });
    }
  });

  it('ignores the invisible characters spreadsheets leave around numbers', () => {
    for (const input of ['\u202E2025550143', '\u200B202 555 0143\u200B', '202\u00A0555\u00A00143', '\uFEFF(202) 555-0143']) {
      expect(normalizePhone(input, 'US')).toEqual({ ok: true, e164: '+12025550143' });
    }
  });
});

describe('showing a stored number', () => {
  it("uses national format for the account's country", () => {
    expect(formatPhoneForDisplay('+12025550143', 'US')).toBe('(202) 555-0143');
    expect(formatPhoneForDisplay('+5511912345678', 'BR')).toBe('(11) 91234-5678');
  });

  it('uses international format for other countries', () => {
    expect(formatPhoneForDisplay('+5511912345678', 'US')).toBe('+55 11 91234 5678');
    expect(formatPhoneForDisplay('+12025550143', 'BR')).toBe('+1 202 555 0143');
    // Canada shares +1 with the US but is another country.
    expect(formatPhoneForDisplay('+14165550123', 'US')).toBe('+1 416 555 0123');
    expect(formatPhoneForDisplay('+12025550143', null)).toBe('+1 202 555 0143');
  });

  it('shows what is stored when it cannot be read', () => {
    expect(formatPhoneForDisplay('not a number', 'US')).toBe('not a number');
  });

  it('names the country of a number', () => {
    expect(phoneCountry('+12025550143')).toBe('US');
    expect(phoneCountry('+14165550123')).toBe('CA');
    expect(phoneCountry('+5511912345678')).toBe('BR');
    expect(phoneCountry('garbage')).toBeNull();
  });
});
