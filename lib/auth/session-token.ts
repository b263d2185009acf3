// Reads and renews the Auth.js session cookie in proxy.ts without the database: the
// JWT says who signed in; pages re-check the role. Renewal happens only on page views,
// never on a POST, so it can never race a sign-out's cookie deletion.
import { decode, encode, type JWT } from 'next-auth/jwt';
import type { NextRequest, NextResponse } from 'next/server';

/** Sessions last two weeks and are renewed at most once a day while in use. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

/** Auth.js names the cookie with a `__Secure-` prefix when the site is served over HTTPS. */
const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type SessionClaimsInToken = { userId: number; accountId: number; role: 'manager' | 'agent'; sessionId: string };

export type SessionToken = { claims: SessionClaimsInToken; token: JWT; cookieName: string };

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET is not set');
  return value;
}

/** The valid session in the request's cookie, or null (missing, expired, tampered). */
export async function readSessionToken(request: NextRequest): Promise<SessionToken | null> {
  for (const cookieName of COOKIE_NAMES) {
    const raw = request.cookies.get(cookieName)?.value;
    if (!raw) continue;
    try {
      const token = await decode({ token: raw, secret: secret(), salt: cookieName });
      // A token from before sessions had ids cannot be ended by signing out: not a session.
      if (token?.userId && token.accountId && token.role && token.sessionId) {
        return { claims: { userId: token.userId, accountId: token.accountId, role: token.role, sessionId: token.sessionId }, token, cookieName };
      }
    } catch {
      // An unreadable cookie is no session; /login will set a fresh one.
    }
  }
  return null;
}

/**
 * Extends the session while it is in use: once a day at most, the cookie is re-issued
 * with a new expiry, as Auth.js would on its own endpoints (`updateAge`).
 */
export async function renewSessionCookie(session: SessionToken, request: NextRequest, response: NextResponse): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = typeof session.token.iat === 'number' ? session.token.iat : 0;
  if (now - issuedAt < SESSION_UPDATE_AGE_SECONDS) return;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = session.token;
  const value = await encode({ token: claims, secret: secret(), salt: session.cookieName, maxAge: SESSION_MAX_AGE_SECONDS });
  response.cookies.set(session.cookieName, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: session.cookieName.startsWith('__Secure-') || request.nextUrl.protocol === 'https:',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
