// Runs before every page and API route: sends signed-out visitors of manager pages to
// /login?next=…, answers 401 to signed-out API calls, shows agents the 403 notice,
// refuses oversized sign-in posts, draws missing detail pages as the 404 page, and
// tells pages which path was asked for. Who is signed in it reads from the JWT, less
// sessions signed out (one read); lib/auth/session.ts re-checks the user and role.
import { NextResponse, type NextRequest } from 'next/server';
import { MAX_SIGN_IN_BODY_BYTES } from '@/lib/auth/login-form';
import { signInPathFor } from '@/lib/auth/next-path';
import { FORBIDDEN_VIEW_HEADER, MISSING_PAGE_HEADER, REQUEST_PATH_HEADER } from '@/lib/auth/proxy-headers';
import { isSessionEnded } from '@/lib/auth/ended-sessions';
import { readSessionToken, renewSessionCookie, type SessionToken } from '@/lib/auth/session-token';
import { isMissingAccountPage, isMissingSurveyPage } from '@/lib/routing/missing-pages';

/** Open to everyone: sign-in, Auth.js, health, provider webhooks, recipients' links and surveys. */
const PUBLIC_PATHS = [/^\/login\/?$/, /^\/api\/auth(\/|$)/, /^\/api\/health\/?$/, /^\/api\/webhooks(\/|$)/, /^\/l\//, /^\/s\//];

/** Matches no route (folders starting with _ are private in the app router). */
const NOT_FOUND_PATH = '/_missing';

/** Files served from public/ (a CSV export is a manager route, so .csv is not here). */
const STATIC_FILE = /\.(?:ico|png|jpe?g|gif|svg|webp|avif|css|js|map|txt|xml|webmanifest|woff2?)$/i;

export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;

  if (pathname === '/login' && request.method === 'POST' && (await isOversized(request, MAX_SIGN_IN_BODY_BYTES))) {
    return refuseOversizedSignIn(request);
  }
  if (isFormPost(request) && (await isOversized(request, MAX_FORM_BODY_BYTES))) return refuseOversizedForm();

  const headers = new Headers(request.headers);
  headers.delete(FORBIDDEN_VIEW_HEADER);
  headers.delete(MISSING_PAGE_HEADER);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);

  const session = STATIC_FILE.test(pathname) ? null : await readSessionToken(request);
  if (session && (await isSessionEnded(session.claims.sessionId))) {
    // A copy of a signed-out session's cookie: taken away before anything reads it,
    // Auth.js's own /api/auth/session included, and deleted from the browser by a
    // GET (never by a POST, which may be the sign-in that sets a new one).
    headers.set('cookie', cookieHeaderWithout(request.headers.get('cookie') ?? '', session.cookieName));
    const response = await route(request, null, headers);
    if (request.method === 'GET' || request.method === 'HEAD') {
      response.cookies.set(session.cookieName, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: session.cookieName.startsWith('__Secure-') });
    }
    return response;
  }
  return route(request, session, headers);
}

async function route(request: NextRequest, session: SessionToken | null, headers: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;

  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  // Server actions (POST) are checked by the action wrapper itself, which can answer
  // in a form the page understands; here only page views are turned away.
  const isPageView = !isApi && (request.method === 'GET' || request.method === 'HEAD');

  const isPublic = PUBLIC_PATHS.some((pattern) => pattern.test(pathname)) || STATIC_FILE.test(pathname);
  if (isPublic) {
    if (isPageView && (await isMissingSurveyPage(pathname))) {
      headers.set(MISSING_PAGE_HEADER, '1');
      return NextResponse.rewrite(request.nextUrl, { status: 404, request: { headers } });
    }
    return NextResponse.next({ request: { headers } });
  }

  if (!session) {
    if (isApi) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
    if (isPageView) return NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.nextUrl));
  } else if (session.claims.role === 'agent' && isPageView) {
    // Next.js renders forbidden() thrown by a page only in the browser, leaving an empty
    // page without JavaScript. Agents known from their session get the notice rendered
    // on the server instead, with the 403 status; the database check in every manager
    // layout still catches a manager demoted since signing in.
    headers.set(FORBIDDEN_VIEW_HEADER, '1');
    return NextResponse.rewrite(new URL('/login', request.nextUrl), { status: 403, request: { headers } });
  }

  // A detail page whose object is missing: a path no route matches renders the
  // not-found page on the server, where notFound() in the page would leave it blank
  // without JavaScript (lib/routing/missing-pages.ts).
  const missing = session !== null && isPageView && (await isMissingAccountPage(pathname, session.claims.accountId));
  const response = missing
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.nextUrl), { status: 404, request: { headers } })
    : NextResponse.next({ request: { headers } });
  if (session && isPageView) await renewSessionCookie(session, request, response);
  return response;
}

/** The Cookie header without the named cookie, every other cookie byte for byte. */
function cookieHeaderWithout(header: string, name: string): string {
  return header
    .split(';')
    .filter((pair) => pair.split('=', 1)[0]!.trim() !== name)
    .join(';')
    .trim();
}

/**
 * Next.js refuses server-action bodies over 1 MB with an error page, so a pasted 10 MB
 * "password" would end in a crash screen. Such posts are turned back here instead.
 * Browsers send a Content-Length with every form; a streamed body without one is
 * measured (Next.js buffers proxy bodies anyway), stopping as soon as it is too long.
 */
async function isOversized(request: NextRequest, limit: number): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > limit;
  const reader = request.body?.getReader();
  if (!reader) return false;
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    if (bytes > limit) {
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

/** Next.js's default server-action body limit; over it a form post would end in a 500. */
const MAX_FORM_BODY_BYTES = 1024 * 1024;

/**
 * A form or server-action post to a page (recipients' surveys included). API routes
 * read their own bodies with their own limits (the contact import, which streams its
 * upload with a limit of its own, does not pass through here at all).
 */
function isFormPost(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return request.method === 'POST' && pathname !== '/login' && !pathname.startsWith('/api/');
}

function refuseOversizedForm(): NextResponse {
  const page = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Too large</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.25rem">This form was too large to send</h1>
<p>Nothing was saved. Go back, shorten what you typed, and send it again.</p></body></html>`;
  return new NextResponse(page, { status: 413, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export const config = {
  // Next's own assets never need a session; everything else passes through the checks
  // above. Except the contacts upload: Next.js holds a body that passes through the
  // proxy in memory and cuts it at 10 MB, while that route streams files up to 50 MB
  // and checks the session itself (requireManagerForRoute).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml|contacts/import$).*)'],
};
