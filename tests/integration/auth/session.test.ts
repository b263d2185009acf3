// Who may see manager pages: the role, account and existence of the user are read
// from the database on every request, whatever the session cookie says.
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { endedSessions, users } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { createAccount } from '@/tests/support/factories';
import { createLogin, interruptOf } from './helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null, path: null as string | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve(request.path),
}));
// Next.js sets this when next.config.mjs enables authInterrupts (forbidden()).
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { accessFor, getCurrentUser, requireManager, requireManagerForRoute } = await import('@/lib/auth/session');
const { isSessionEnded, recordSignOut } = await import('@/lib/auth/ended-sessions');

let demo: { id: number };
let other: { id: number };
beforeAll(async () => {
  demo = await createAccount({ name: 'Demo', timeZone: 'America/New_York', monthlyCredits: 5000 });
  other = await createAccount({ name: 'Other', timeZone: 'America/Sao_Paulo', locale: 'pt-BR' });
});
beforeEach(() => {
  request.claims = null;
  request.path = null;
});

let sessions = 0;
const claimsOf = (user: { id: number; accountId: number }): SessionClaims => ({ userId: user.id, accountId: user.accountId, sessionId: `session-${++sessions}` });

describe('accessFor', () => {
  it('gives a manager a context scoped to their own account', async () => {
    const { user } = await createLogin(demo.id);
    const access = await accessFor(claimsOf(user));
    expect(access.status).toBe('manager');
    if (access.status !== 'manager') return;
    expect(access.manager.ctx).toMatchObject({ accountId: demo.id, userId: user.id });
    expect(access.manager.account).toMatchObject({ id: demo.id, name: 'Demo', timeZone: 'America/New_York', monthlyCredits: 5000 });
    expect(access.manager.user).toMatchObject({ id: user.id, accountId: demo.id, role: 'manager', email: user.email });
  });

  it('refuses an agent of the same account', async () => {
    const { user } = await createLogin(demo.id, { role: 'agent' });
    expect(await accessFor(claimsOf(user))).toMatchObject({ status: 'forbidden', signedIn: { user: { id: user.id } } });
  });

  it('takes a demotion into account at once, though the session still says manager', async () => {
    const { user } = await createLogin(demo.id);
    expect((await accessFor(claimsOf(user))).status).toBe('manager');
    await db.update(users).set({ role: 'agent' }).where(and(eq(users.accountId, demo.id), eq(users.id, user.id)));
    expect((await accessFor(claimsOf(user))).status).toBe('forbidden');
  });

  it('treats a disabled or deleted user as signed out', async () => {
    const { user } = await createLogin(demo.id);
    await db.update(users).set({ disabledAt: new Date() }).where(and(eq(users.accountId, demo.id), eq(users.id, user.id)));
    expect(await accessFor(claimsOf(user))).toEqual({ status: 'signed-out' });
    expect(await accessFor({ userId: 987654, accountId: demo.id, sessionId: 'a-session' })).toEqual({ status: 'signed-out' });
    expect(await accessFor(null)).toEqual({ status: 'signed-out' });
  });

  it('does not let claims pair a user with another account', async () => {
    const { user } = await createLogin(demo.id);
    expect(await accessFor({ userId: user.id, accountId: other.id, sessionId: 'a-session' })).toEqual({ status: 'signed-out' });
  });

  it('refuses a session signed out, and only that one', async () => {
    const { user } = await createLogin(demo.id);
    const laptop = claimsOf(user);
    const phone = claimsOf(user);
    await recordSignOut(laptop.sessionId);
    await recordSignOut(laptop.sessionId); // a second click changes nothing
    expect(await accessFor(laptop)).toEqual({ status: 'signed-out' });
    expect((await accessFor(phone)).status).toBe('manager');
    expect(await isSessionEnded(laptop.sessionId)).toBe(true);
    expect(await isSessionEnded(phone.sessionId)).toBe(false);
  });

  it('forgets sign-outs whose cookies have expired anyway', async () => {
    const { user } = await createLogin(demo.id);
    const old = claimsOf(user);
    await recordSignOut(old.sessionId, new Date(Date.now() - 15 * 24 * 3600 * 1000));
    await recordSignOut(claimsOf(user).sessionId);
    expect(await db.select().from(endedSessions).where(eq(endedSessions.sessionId, old.sessionId))).toEqual([]);
  });
});

describe('requireManager', () => {
  it('sends a signed-out visitor to sign in, coming back to the page asked for', async () => {
    request.path = '/campaigns?status=sent';
    expect(await interruptOf(() => requireManager())).toEqual({ redirect: '/login?next=%2Fcampaigns%3Fstatus%3Dsent' });
  });

  it('answers 403 to an agent, and to a manager demoted since signing in', async () => {
    const agent = await createLogin(other.id, { role: 'agent' });
    request.claims = claimsOf(agent.user);
    expect(await interruptOf(() => requireManager())).toEqual({ status: 403 });

    const manager = await createLogin(other.id);
    request.claims = claimsOf(manager.user);
    expect(await interruptOf(() => requireManager())).toMatchObject({ returned: { ctx: { accountId: other.id } } });
    await db.update(users).set({ role: 'agent' }).where(and(eq(users.accountId, other.id), eq(users.id, manager.user.id)));
    expect(await interruptOf(() => requireManager())).toEqual({ status: 403 });
  });
});

describe('requireManagerForRoute', () => {
  it('answers 401 signed out, 403 for an agent, and the context for a manager', async () => {
    const signedOut = await requireManagerForRoute();
    expect(signedOut instanceof Response && signedOut.status).toBe(401);

    request.claims = claimsOf((await createLogin(demo.id, { role: 'agent' })).user);
    const agent = await requireManagerForRoute();
    expect(agent instanceof Response && agent.status).toBe(403);

    request.claims = claimsOf((await createLogin(demo.id)).user);
    const manager = await requireManagerForRoute();
    expect(manager).not.toBeInstanceOf(Response);
    expect(manager).toMatchObject({ ctx: { accountId: demo.id } });
  });
});

describe('getCurrentUser', () => {
  it('is null when signed out and names the user and account when signed in', async () => {
    expect(await getCurrentUser()).toBeNull();
    const { user } = await createLogin(other.id, { role: 'agent' });
    request.claims = claimsOf(user);
    expect(await getCurrentUser()).toMatchObject({ user: { id: user.id, role: 'agent' }, account: { name: 'Other', locale: 'pt-BR' } });
  });
});
