// What the current request says about who is asking: the session's claims and the
// path that was asked for. The one place session.ts touches Auth.js and Next headers.
import 'server-only';
import { headers } from 'next/headers';
import { auth } from './config';
import { REQUEST_PATH_HEADER } from './proxy-headers';

export type SessionClaims = { userId: number; accountId: number; sessionId: string };

/** The signed session's user and account, or null when signed out. */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  if (!session?.pulse) return null;
  return { userId: session.pulse.userId, accountId: session.pulse.accountId, sessionId: session.pulse.sessionId };
}

/** The path and query string of the page being rendered (or the page an action posts to). */
export async function currentRequestPath(): Promise<string | null> {
  return (await headers()).get(REQUEST_PATH_HEADER);
}
