// What every query and command receives: the account from the session (never from
// input), the acting user, and the database or the transaction to run in.
import type { Executor } from '@/db/client';

export type Ctx = {
  accountId: number;
  /** The signed-in user; null for the worker, webhooks and public pages. */
  userId: number | null;
  db: Executor;
};
