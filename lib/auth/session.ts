// The data access layer's view of who is signed in. The JWT only names the user and the
// session; their role, account, whether they still exist and whether this session was
// signed out are re-read from the database per request, so a demoted or disabled
// manager, or a copied cookie after sign-out, loses access at once.
import 'server-only';
import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { accounts, endedSessions, users } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { signInPathFor } from './next-path';
import { currentRequestPath, currentSessionClaims, type SessionClaims } from './request';

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

export type SignedInUser = { user: SessionUser; account: AccountInfo };

/** Where a request stands: signed out, signed in without the manager role, or a manager. */
export type Access =
  | { status: 'signed-out' }
  | { status: 'forbidden'; signedIn: SignedInUser }
  | { status: 'manager'; manager: ManagerContext };

/** The user the claims name, if they still exist, are not disabled and did not sign this session out, with their account. */
export async function loadSignedInUser(claims: SessionClaims): Promise<SignedInUser | null> {
  const [row] = await db
    .select({
      user: {
        id: users.id,
        accountId: users.accountId,
        email: users.email,
        name: users.name,
        role: users.role,
        locale: users.locale,
      },
      account: {
        id: accounts.id,
        name: accounts.name,
        timeZone: accounts.timeZone,
        locale: accounts.locale,
        country: accounts.country,
        monthlyCredits: accounts.monthlyCredits,
        overagePricePerCredit: accounts.overagePricePerCredit,
        currency: accounts.currency,
        quietHoursStart: accounts.quietHoursStart,
        quietHoursEnd: accounts.quietHoursEnd,
      },
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(users.accountId, claims.accountId),
        eq(users.id, claims.userId),
        isNull(users.disabledAt),
        // proxy.ts already drops such cookies; this covers what it does not run for (the contacts upload).
        notExists(db.select({ one: sql`1` }).from(endedSessions).where(eq(endedSessions.sessionId, claims.sessionId))),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Decides access for the given claims; the account in the context is the user's own. */
export async function accessFor(claims: SessionClaims | null): Promise<Access> {
  const signedIn = claims ? await loadSignedInUser(claims) : null;
  if (!signedIn) return { status: 'signed-out' };
  if (signedIn.user.role !== 'manager') return { status: 'forbidden', signedIn };
  const { user, account } = signedIn;
  return { status: 'manager', manager: { user, account, ctx: { accountId: account.id, userId: user.id, db } } };
}

/** The signed-in user and their account, or null when signed out (or the user no longer exists). */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const claims = await currentSessionClaims();
  return claims ? loadSignedInUser(claims) : null;
});

const currentAccess = cache(async (): Promise<Access> => accessFor(await currentSessionClaims()));

/**
 * For manager pages, layouts and server actions: signed out → redirect to /login?next=…;
 * signed in without the manager role → forbidden() (HTTP 403).
 */
export const requireManager = cache(async (): Promise<ManagerContext> => {
  const access = await currentAccess();
  if (access.status === 'signed-out') redirect(signInPathFor(await currentRequestPath()));
  if (access.status === 'forbidden') forbidden();
  return access.manager;
});

/**
 * For route handlers (CSV exports, JSON endpoints): the manager's context, or the
 * response to send instead: 401 when signed out, 403 for an agent.
 */
export async function requireManagerForRoute(): Promise<ManagerContext | Response> {
  const access = await currentAccess();
  switch (access.status) {
    case 'manager':
      return access.manager;
    case 'signed-out':
      return Response.json({ error: 'unauthorized' }, { status: 401 });
    case 'forbidden':
      return Response.json({ error: 'forbidden' }, { status: 403 });
  }
}
