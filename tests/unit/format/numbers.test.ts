import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatRate, rateAttribute, rateInTenthsOfPercent } from '@/lib/format/numbers';

// Intl separates amounts and symbols with no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('rates', () => {
  it('shows 1 of 8 recipients as 12.5% in English and 12,5% in Portuguese, and 12.5 in the markup', () => {
    expect(formatRate('en', 1, 8)).toBe('12.5%');
    expect(formatRate('pt-BR', 1, 8)).toBe('12,5%');
    expect(rateAttribute(1, 8)).toBe('12.5');
  });

  it('always shows exactly one decimal', () => {
    expect(formatRate('en', 1, 4)).toBe('25.0%');
    expect(rateAttribute(1, 4)).toBe('25.0');
    expect(formatRate('en', 3, 3)).toBe('100.0%');
    expect(rateAttribute(3, 3)).toBe('100.0');
  });

  it('rounds half up to the tenth, the same way for the text and the attribute', () => {
    expect(rateAttribute(1, 3)).toBe('33.3');
    expect(rateAttribute(2, 3)).toBe('66.7');
    expect(rateAttribute(1, 16)).toBe('6.3'); // 6.25 %
    expect(formatRate('en', 1, 16)).toBe('6.3%');
    expect(rateAttribute(1, 1600)).toBe('0.1'); // 0.0625 %
    expect(rateAttribute(1, 2001)).toBe('0.0'); // 0.04998 %
    expect(rateInTenthsOfPercent(2_345_678, 10_000_000)).toBe(235); // 23.45678 %
  });

  it('shows 0.0% when there are no recipients rather than failing', () => {
    expect(rateAttribute(0, 0)).toBe('0.0');
    expect(formatRate('en', 0, 0)).toBe('0.0%');
  });
});

describe('counts and money', () => {
  it('groups thousands the way each language does', () => {
    expect(formatCount('en', 1_234_567)).toBe('1,234,567');
    expect(formatCount('pt-BR', 1_234_567)).toBe('1.234.567');
  });

  it('shows money in the account currency in the reader language', () => {
    expect(formatMoney('en', 12.5, 'USD')).toBe('$12.50');
    expect(plain(formatMoney('pt-BR', 12.5, 'BRL'))).toBe('R$ 12,50');
    expect(plain(formatMoney('pt-BR', 1234.5, 'USD'))).toBe('US$ 1.234,50');
  });
});
