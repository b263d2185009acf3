import { describe, expect, it } from 'vitest';
import { createFormatter } from '@/lib/format';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('a formatter bound to a reader and an account', () => {
  const settings = {
    timeZone: 'America/Sao_Paulo',
    country: 'BR',
    currency: 'BRL',
    now: new Date('2026-11-25T12:00:00Z'),
  };

  it('formats everything in the reader language and the account zone, country and currency', () => {
    const format = createFormatter({ ...settings, locale: 'pt-BR' });
    expect(format.count(12_345)).toBe('12.345');
    expect(format.rate(1, 8)).toBe('12,5%');
    expect(format.rateAttribute(1, 8)).toBe('12.5');
    expect(plain(format.money(3))).toBe('R$ 3,00');
    expect(plain(format.dateTime('2026-11-25T19:05:00Z'))).toBe('25 de nov. de 2026, 16:05 BRT');
    expect(format.relative('2026-11-25T10:00:00Z')).toBe('há 2 horas');
    expect(format.phone('+5511955550100')).toBe('(11) 95555-0100');
  });

  it('keeps the account zone for an English reader', () => {
    const format = createFormatter({ ...settings, locale: 'en' });
    expect(plain(format.dateTime('2026-11-25T19:05:00Z'))).toBe('Nov 25, 2026, 4:05 PM GMT-3');
    expect(plain(format.money(3))).toBe('R$3.00');
  });
});
