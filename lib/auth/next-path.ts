// Where to send someone after they sign in: the `?next=` they arrived with, but only
// when it is a path on this site. Anything else would make /login an open redirect.
import type { Route } from 'next';

export const DEFAULT_AFTER_SIGN_IN = '/campaigns';


/** Longer values are not paths anyone bookmarked; they are refused rather than trimmed. */
const MAX_NEXT_PATH_LENGTH = 2048;

// Any C0/C1 control character. Browsers silently drop tabs and newlines from URLs,
// so "/\t/evil.example" would otherwise become "//evil.example" in the browser.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A host-less base: if parsing against it yields any other origin, the value named a host. */
const PROBE_ORIGIN = 'http://pulse.invalid';

/**
 * The same-origin path to go to after signing in, or `/campaigns`.
 * Accepts "/campaigns?status=sent"; refuses "//evil.example", "/\\evil.example",
 * "https://evil.example", "javascript:…", control characters, and /login itself.
 */
export function safeNextPath(value: unknown): Route {
  return (sameOriginPath(value) ?? DEFAULT_AFTER_SIGN_IN) as Route;
}

function sameOriginPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NEXT_PATH_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  if (CONTROL_CHARACTER.test(value)) return null;

  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;

  // Judge the normalized path, so "/campaigns/../login" counts as /login and
  // "/.//evil.example" (which normalizes to "//evil.example") is caught.
  const path = url.pathname;
  if (path.startsWith('//')) return null;
  if (path === '/login' || path.startsWith('/login/')) return null;
  // After signing in people land on a page, never on an endpoint such as /api/auth/signout.
  if (path === '/api' || path.startsWith('/api/')) return null;
  return `${path}${url.search}`;
}

/** The sign-in URL that brings the user back to `path` afterwards. */
export function signInPathFor(path: string | null | undefined): Route {
  const next = path ? sameOriginPath(path) : null;
  if (!next || next === '/' || next === DEFAULT_AFTER_SIGN_IN) return '/login';
  return `/login?${new URLSearchParams({ next }).toString()}`;
}
