import { describe, expect, it } from 'vitest';
import { estimateScheduledOverage, moneyFor, overageInSendOrder, priceInTenThousandths } from '@/lib/billing/overage';

const at = (iso: string) => new Date(iso);

describe('money', () => {
  it('multiplies exactly, without float rounding', () => {
    expect(moneyFor(3, 0.1)).toBe('0.3000'); // 0.1 * 3 is 0.30000000000000004 in floating point
    expect(moneyFor(3, '0.1')).toBe('0.3000');
    expect(moneyFor(7, 0.0079)).toBe('0.0553');
    expect(moneyFor(1_000_001, '0.0125')).toBe('12500.0125');
    expect(moneyFor(0, 0.05)).toBe('0.0000');
  });

  it('handles amounts far past 2^53 ten-thousandths', () => {
    expect(moneyFor(9_000_000, '999999.9999')).toBe('8999999999100.0000');
  });

  it('rejects prices with more than four decimal places or a sign', () => {
    expect(() => priceInTenThousandths('0.00001')).toThrow(RangeError);
    expect(() => priceInTenThousandths('-1')).toThrow(RangeError);
    expect(() => priceInTenThousandths('abc')).toThrow(RangeError);
    expect(priceInTenThousandths('0.012500')).toBe(125n);
  });

  it('rejects fractional or negative credits', () => {
    expect(() => moneyFor(1.5, 1)).toThrow(RangeError);
    expect(() => moneyFor(-1, 1)).toThrow(RangeError);
  });
});

describe('overageInSendOrder', () => {
  const price = '0.0200';

  it('charges nothing while the month stays under its allowance', () => {
    const result = overageInSendOrder({
      allowance: 1000,
      pricePerCredit: price,
      charges: [
        { key: 'campaign:1', at: at('2026-03-02T10:00:00Z'), credits: 400 },
        { key: 'automation-message:7', at: at('2026-03-03T10:00:00Z'), credits: 2 },
      ],
    });
    expect(result.charges.map((c) => c.overageCredits)).toEqual([0, 0]);
    expect(result).toMatchObject({ usedCredits: 402, overageCredits: 0, overageMoney: '0.0000' });
  });

  it('a charge that lands exactly on the allowance has no overage; the next one is all overage', () => {
    const result = overageInSendOrder({
      allowance: 500,
      pricePerCredit: price,
      charges: [
        { key: 'campaign:1', at: at('2026-03-02T10:00:00Z'), credits: 500 },
        { key: 'campaign:2', at: at('2026-03-05T10:00:00Z'), credits: 3 },
      ],
    });
    expect(result.charges.map(({ key, usedBefore, overageCredits, overageMoney }) => ({ key, usedBefore, overageCredits, overageMoney }))).toEqual([
      { key: 'campaign:1', usedBefore: 0, overageCredits: 0, overageMoney: '0.0000' },
      { key: 'campaign:2', usedBefore: 500, overageCredits: 3, overageMoney: '0.0600' },
    ]);
  });

  it('only the part past the allowance of a straddling charge is overage', () => {
    const result = overageInSendOrder({
      allowance: 1000,
      pricePerCredit: price,
      // Given out of order: charged by time.
      charges: [
        { key: 'campaign:2', at: at('2026-03-20T09:00:00Z'), credits: 300 },
        { key: 'campaign:1', at: at('2026-03-10T09:00:00Z'), credits: 850 },
        { key: 'automation-message:9', at: at('2026-03-15T09:00:00Z'), credits: 100 },
      ],
    });
    expect(result.charges.map((c) => [c.key, c.usedBefore, c.overageCredits])).toEqual([
      ['campaign:1', 0, 0],
      ['automation-message:9', 850, 0],
      ['campaign:2', 950, 250],
    ]);
    expect(result).toMatchObject({ usedCredits: 1250, overageCredits: 250, overageMoney: '5.0000' });
  });

  it('everything is overage once the allowance is used up, and with no allowance at all', () => {
    const charges = [
      { key: 'campaign:1', at: at('2026-03-01T09:00:00Z'), credits: 40 },
      { key: 'campaign:2', at: at('2026-03-02T09:00:00Z'), credits: 60 },
    ];
    expect(overageInSendOrder({ allowance: 0, pricePerCredit: '0.0150', charges })).toMatchObject({
      overageCredits: 100,
      overageMoney: '1.5000',
      charges: [{ overageCredits: 40, overageMoney: '0.6000' }, { overageCredits: 60, overageMoney: '0.9000' }],
    });
  });

  it('unlimited plans never pay overage', () => {
    const result = overageInSendOrder({
      allowance: null,
      pricePerCredit: price,
      charges: [{ key: 'campaign:1', at: at('2026-03-01T09:00:00Z'), credits: 1_000_000 }],
    });
    expect(result).toMatchObject({ usedCredits: 1_000_000, overageCredits: 0, overageMoney: '0.0000' });
  });

  it('charges sent at the same instant are ordered by key, numbers compared as numbers', () => {
    const same = at('2026-03-10T09:00:00Z');
    const result = overageInSendOrder({
      allowance: 10,
      pricePerCredit: price,
      charges: [
        { key: 'campaign:10', at: same, credits: 6 },
        { key: 'campaign:9', at: same, credits: 6 },
        { key: 'automation-message:100', at: same, credits: 1 },
      ],
    });
    expect(result.charges.map((c) => [c.key, c.overageCredits])).toEqual([
      ['automation-message:100', 0],
      ['campaign:9', 0],
      ['campaign:10', 3],
    ]);
  });
});

describe('estimateScheduledOverage', () => {
  it('estimates a scheduled campaign against what its month has left', () => {
    // 1 200 recipients × 2 segments with 1 000 of 3 000 credits already used or due before it.
    expect(estimateScheduledOverage({ allowance: 3000, usedBeforeIt: 1000, credits: 2400, pricePerCredit: 0.0125 })).toEqual({
      overageCredits: 400,
      overageMoney: '5.0000',
    });
    expect(estimateScheduledOverage({ allowance: 3000, usedBeforeIt: 600, credits: 2400, pricePerCredit: 0.0125 }).overageCredits).toBe(0);
    expect(estimateScheduledOverage({ allowance: 3000, usedBeforeIt: 3500, credits: 10, pricePerCredit: 0.0125 }).overageCredits).toBe(10);
    expect(estimateScheduledOverage({ allowance: null, usedBeforeIt: 3500, credits: 10, pricePerCredit: 0.0125 }).overageCredits).toBe(0);
  });
});
