// Estimated overage (DESIGN §5): charging the month's campaigns and automation
// texts in send order against the monthly allowance, the part of each charge past
// the allowance, in credits and in money at the plan's overage price.
//
// Money is a decimal string with exactly four places ("12.3450"), the scale of
// `accounts.overage_price_per_credit`, computed in integer ten-thousandths so
// no float rounding (0.1 + 0.2) ever shows; format it for display with
// Intl.NumberFormat, which takes decimal strings exactly.

export type Money = string;

const SCALE = 10_000n;

/** A price per credit (number from the database or decimal string) in ten-thousandths. */
export function priceInTenThousandths(price: number | string): bigint {
  const text = typeof price === 'number' ? price.toFixed(4) : price.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] && /[^0]/.test(match[2].slice(4)))) {
    throw new RangeError(`a price per credit is a non-negative decimal with at most 4 places, not ${String(price)}`);
  }
  return BigInt(match[1]!) * SCALE + BigInt((match[2] ?? '').slice(0, 4).padEnd(4, '0'));
}

function formatTenThousandths(amount: bigint): Money {
  return `${amount / SCALE}.${(amount % SCALE).toString().padStart(4, '0')}`;
}

/** `credits` × `pricePerCredit`, exactly. */
export function moneyFor(credits: number, pricePerCredit: number | string): Money {
  assertCredits(credits);
  return formatTenThousandths(BigInt(credits) * priceInTenThousandths(pricePerCredit));
}

function assertCredits(credits: number): void {
  if (!Number.isSafeInteger(credits) || credits < 0) throw new RangeError(`credits are a whole number ≥ 0, not ${credits}`);
}

/** Credits of a charge past the allowance, given what the month used before it; 0 on unlimited plans. */
function creditsPastAllowance(allowance: number | null, usedBefore: number, credits: number): number {
  if (allowance === null) return 0;
  return Math.max(0, usedBefore + credits - Math.max(allowance, usedBefore));
}

/** A campaign send or an automation text, charged at `at`. */
export type Charge = { key: string; at: Date; credits: number };

export type ChargeOverage = Charge & {
  /** Credits the month had used before this charge. */
  usedBefore: number;
  overageCredits: number;
  overageMoney: Money;
};

/**
 * Send order: by time, then by key with digit runs compared as numbers, so
 * "campaign:9" comes before "campaign:10" at the same instant.
 */
export function compareSendOrder(a: Charge, b: Charge): number {
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime;
  const left = a.key.match(/\d+|\D+/g) ?? [];
  const right = b.key.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const difference = BigInt(x) - BigInt(y);
      if (difference !== 0n) return difference < 0n ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/**
 * Charges the month's texts in send order against `allowance` (null = unlimited)
 * and returns, in that order, each charge's credits past it, with the totals.
 * A campaign that is charged in several pieces appears once per piece.
 */
export function overageInSendOrder({
  allowance,
  pricePerCredit,
  charges,
}: {
  allowance: number | null;
  pricePerCredit: number | string;
  charges: readonly Charge[];
}): { charges: ChargeOverage[]; usedCredits: number; overageCredits: number; overageMoney: Money } {
  const price = priceInTenThousandths(pricePerCredit);
  let used = 0;
  let overageCredits = 0;
  const charged = [...charges].sort(compareSendOrder).map((charge) => {
    assertCredits(charge.credits);
    const past = creditsPastAllowance(allowance, used, charge.credits);
    const result = { ...charge, usedBefore: used, overageCredits: past, overageMoney: formatTenThousandths(BigInt(past) * price) };
    used += charge.credits;
    overageCredits += past;
    return result;
  });
  return { charges: charged, usedCredits: used, overageCredits, overageMoney: formatTenThousandths(BigInt(overageCredits) * price) };
}

/**
 * A scheduled campaign's estimated overage: its credits (recipients × segments)
 * against what its month has left once `usedBeforeIt` (used so far plus
 * everything due before it) is charged.
 */
export function estimateScheduledOverage({
  allowance,
  usedBeforeIt,
  credits,
  pricePerCredit,
}: {
  allowance: number | null;
  usedBeforeIt: number;
  credits: number;
  pricePerCredit: number | string;
}): { overageCredits: number; overageMoney: Money } {
  assertCredits(usedBeforeIt);
  assertCredits(credits);
  const overageCredits = creditsPastAllowance(allowance, usedBeforeIt, credits);
  return { overageCredits, overageMoney: moneyFor(overageCredits, pricePerCredit) };
}
