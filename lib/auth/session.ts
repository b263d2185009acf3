// PLACEHOLDER API (being implemented in the auth task): the data access layer's view
// of who is signed in. Role and account are re-read from the database per request.
import type { Ctx } from '@/lib/context';

export type SessionUser = {
  id: number;
  accountId: number;
  email: string;
  name: string;
  role: 'manager' | 'agent';
  /** The user's chosen UI language, or null to follow the browser. */
  locale: string | null;
};

export type AccountInfo = {
  id: number;
  name: string;
  timeZone: string;
  locale: string;
  country: string;
  monthlyCredits: number | null;
  overagePricePerCredit: number;
  currency: string;
  quietHoursStart: number;
  quietHoursEnd: number;
};

export type ManagerContext = { user: SessionUser; account: AccountInfo; ctx: Ctx };

/** The signed-in user and their account, or null when signed out (or the user no longer exists). */
export function getCurrentUser(): Promise<{ user: SessionUser; account: AccountInfo } | null> {
  return Promise.resolve(null);
}

/**
 * For manager pages and layouts: signed out → redirect to /login?next=…;
 * signed in without the manager role → forbidden() (HTTP 403).
 */
export function requireManager(): Promise<ManagerContext> {
  return Promise.reject(new Error('requireManager is not implemented yet'));
}
