import { encode } from 'next-auth/jwt';
import { NextRequest, NextResponse } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSessionToken, renewSessionCookie, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from '@/lib/auth/session-token';

const COOKIE = 'authjs.session-token';
const claims = { userId: 7, accountId: 3, role: 'manager' as const, sessionId: 'a-session' };

beforeAll(() => {
  process.env.AUTH_SECRET = 'unit-test-secret-0123456789abcdef0123456789';
});

function requestWith(cookies: Record<string, string>, url = 'http://pulse.test/campaigns') {
  const cookie = Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ');
  return new NextRequest(url, { headers: { cookie } });
}

async function token(payload: Record<string, unknown>, salt = COOKIE, secret = process.env.AUTH_SECRET!) {
  return encode({ token: payload, secret, salt, maxAge: SESSION_MAX_AGE_SECONDS });
}

describe('readSessionToken', () => {
  it('reads who signed in from the session cookie', async () => {
    const session = await readSessionToken(requestWith({ [COOKIE]: await token(claims) }));
    expect(session?.claims).toEqual(claims);
  });

  it('reads the __Secure- cookie that HTTPS sites get', async () => {
    const name = '__Secure-authjs.session-token';
    const session = await readSessionToken(requestWith({ [name]: await token(claims, name) }, 'https://pulse.test/'));
    expect(session?.claims).toEqual(claims);
  });

  it('finds no session in a missing, forged or foreign cookie', async () => {
    expect(await readSessionToken(requestWith({}))).toBeNull();
    expect(await readSessionToken(requestWith({ [COOKIE]: 'not-a-jwt' }))).toBeNull();
    expect(await readSessionToken(requestWith({ [COOKIE]: await token(claims, COOKIE, 'another-secret-0123456789abcdef') }))).toBeNull();
    expect(await readSessionToken(requestWith({ [COOKIE]: await token({ name: 'no claims' }) }))).toBeNull();
  });
});

describe('renewSessionCookie', () => {
  it('leaves a session issued today alone', async () => {
    const request = requestWith({ [COOKIE]: await token(claims) });
    const response = NextResponse.next();
    await renewSessionCookie((await readSessionToken(request))!, request, response);
    expect(response.cookies.get(COOKIE)).toBeUndefined();
  });

  it('re-issues a day-old session with a fresh expiry and the same claims', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - SESSION_UPDATE_AGE_SECONDS - 60;
    const request = requestWith({ [COOKIE]: await token(claims) });
    // Auth.js stamps iat itself when encoding, so the day-old session is made by hand.
    const current = (await readSessionToken(request))!;
    const old = { ...current, token: { ...current.token, iat: issuedAt } };
    const response = NextResponse.next();
    await renewSessionCookie(old, request, response);

    const renewed = response.cookies.get(COOKIE);
    expect(renewed).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_MAX_AGE_SECONDS });
    const again = await readSessionToken(requestWith({ [COOKIE]: renewed!.value }));
    expect(again?.claims).toEqual(claims);
    expect(again!.token.iat).toBeGreaterThan(issuedAt);
  });
});
