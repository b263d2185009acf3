// Sessions signed out before their cookie expired. Signing out lists the session's id;
// proxy.ts treats a cookie naming a listed session as no cookie at all (for pages,
// APIs and Auth.js's own endpoints alike), and the per-request user check in
// session.ts refuses it too. Kept free of Next's request APIs so the proxy can use it.
import { and, eq, gt, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { endedSessions } from '@/db/schema';
import { SESSION_MAX_AGE_SECONDS } from './session-token';

/**
 * Lists a session as signed out, so its cookie, wherever a copy of it is, no longer
 * signs anyone in. The listing lasts as long as the cookie could (it is renewed at
 * most up to SESSION_MAX_AGE_SECONDS from now); expired listings are cleared here.
 */
export async function recordSignOut(sessionId: string, now = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.transaction(async (tx) => {
    await tx.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
    await tx.insert(endedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
  });
}

/** Whether the session was signed out (one primary-key read). */
export async function isSessionEnded(sessionId: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ sessionId: endedSessions.sessionId })
    .from(endedSessions)
    .where(and(eq(endedSessions.sessionId, sessionId), gt(endedSessions.expiresAt, now)))
    .limit(1);
  return row !== undefined;
}
