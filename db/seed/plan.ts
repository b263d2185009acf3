// What every planning step shares: the options, the fixed "now" the history ends
// at, and the ids each account was given.
import type { AccountProfile } from './profile';
import type { Random } from './random';

export type SeedScale = 'S' | 'M' | 'L';

/** Contacts across both accounts; message volumes follow from them (DESIGN: S ≈ 100k events, M ≈ 1M, L ≈ 10M). */
export const CONTACTS_PER_SCALE: Record<SeedScale, number> = { S: 3_700, M: 37_000, L: 370_000 };

/** The history covers 13 months before the anchor. */
export const HISTORY_DAYS = 395;

export const DAY_MS = 86_400_000;

export type SeedContext = {
  seed: number;
  scale: SeedScale;
  /** The fixed "now": history ends here and scheduled campaigns lie after it. */
  anchor: Date;
  historyStart: Date;
  publicUrl: string;
  random: Random;
};

/** One account as planned: its profile and the ids its rows were given. */
export type PlannedAccount = {
  profile: AccountProfile;
  accountId: number;
  managerId: number;
  numberIds: number[];
  tagIds: Map<string, number>;
  surveyIds: Map<string, number>;
  contacts: number;
};

export const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
