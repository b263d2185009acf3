// Credits (DESIGN §5): one per segment of an outbound text, counted against a
// monthly allowance per calendar month in the account's time zone.
import { segmentsOf } from './segments';

export { monthWindow } from '@/lib/time/windows';

/** Credits an outbound body costs once merge fields are filled; inbound texts are free (callers skip them). */
export function creditsOf(body: string): number {
  return segmentsOf(body).segments;
}

/** Credits left this month: null on an unlimited plan, never below zero. */
export function remainingCredits(plan: number | null, used: number): number | null {
  if (plan === null) return null;
  return Math.max(0, plan - used);
}
