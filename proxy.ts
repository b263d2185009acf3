// Runs before every page and API route: sends signed-out visitors of manager pages to
// /login?next=…, answers 401 to signed-out API calls, refuses oversized sign-in posts,
// and tells server components which path was asked for (x-pulse-path). It only reads
// the JWT; roles are checked against the database by lib/auth/session.ts.
import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { MAX_SIGN_IN_BODY_BYTES } from '@/lib/auth/login-form';
import { REQUEST_PATH_HEADER, signInPathFor } from '@/lib/auth/next-path';
import { sessionConfig } from '@/lib/auth/session-config';

const { auth } = NextAuth(sessionConfig);

/** Open to everyone: sign-in, Auth.js, health, provider webhooks, recipients' links and surveys. */
const PUBLIC_PATHS = [/^\/login\/?$/, /^\/api\/auth(\/|$)/, /^\/api\/health\/?$/, /^\/api\/webhooks(\/|$)/, /^\/l\//, /^\/s\//];

/** Files served from public/ (a CSV export is a manager route, so .csv is not here). */
const STATIC_FILE = /\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|webmanifest|woff2?)$/i;

export default auth(async (request) => {
  const { pathname, search } = request.nextUrl;

  if (pathname === '/login' && request.method === 'POST' && (await isOversized(request))) {
    return refuseOversizedSignIn(request);
  }

  const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(pathname)) || STATIC_FILE.test(pathname);
  const signedIn = Boolean(request.auth?.pulse);
  if (!isPublic && !signedIn) {
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
    }
    // Server actions posted without a session are refused by the action wrapper itself,
    // which can answer in a form the page understands; pages are redirected here.
    if (request.method === 'GET' || request.method === 'HEAD') {
      return NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.nextUrl));
    }
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
});

/**
 * Next.js refuses server-action bodies over 1 MB with an error page, so a pasted 10 MB
 * "password" would end in a crash screen. Such posts are turned back here instead.
 * Browsers send a Content-Length with every form; a streamed body without one is
 * measured (Next.js buffers proxy bodies anyway), stopping as soon as it is too long.
 */
async function isOversized(request: NextRequest): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > MAX_SIGN_IN_BODY_BYTES;
  const reader = request.body?.getReader();
  if (!reader) return false;
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    if (bytes > MAX_SIGN_IN_BODY_BYTES) {
      await reader.cancel();
      return true;
    }
  }
  return false;
}

/**
 * A plain form post (JavaScript off) returns to /login with a message; a script's
 * fetch (the form checks sizes itself first, so only a hand-made request) gets a 413.
 */
function refuseOversizedSignIn(request: NextRequest): NextResponse {
  if (request.headers.has('next-action')) {
    return new NextResponse('Request too large for a sign-in.', { status: 413, headers: { 'content-type': 'text/plain' } });
  }
  const back = new URL('/login', request.nextUrl);
  const next = request.nextUrl.searchParams.get('next');
  if (next) back.searchParams.set('next', next);
  back.searchParams.set('error', 'too_large');
  return NextResponse.redirect(back, 303);
}

export const config = {
  // Next's own assets never need a session; everything else passes through the checks above.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)'],
};
