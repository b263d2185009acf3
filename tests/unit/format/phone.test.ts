import { describe, expect, it } from 'vitest';
import { formatPhone } from '@/lib/format/phone';

describe('phone numbers for display', () => {
  it("shows the account's own country in national format", () => {
    expect(formatPhone('+12025550100', 'US')).toBe('(202) 555-0100');
    expect(formatPhone('+5511955550100', 'BR')).toBe('(11) 95555-0100');
  });

  it('shows other countries in international format', () => {
    expect(formatPhone('+5511955550100', 'US')).toBe('+55 11 95555 0100');
    expect(formatPhone('+12025550100', 'BR')).toBe('+1 202 555 0100');
    expect(formatPhone('+442071838750', 'US')).toBe('+44 20 7183 8750');
  });

  it('keeps a Canadian number international for a US account although both use +1', () => {
    expect(formatPhone('+14165550123', 'US')).toBe('+1 416 555 0123');
  });

  it('shows what is stored when it is not a phone number', () => {
    expect(formatPhone('not a number', 'US')).toBe('not a number');
  });
});
