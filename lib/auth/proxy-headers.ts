// Request headers that proxy.ts sets for the pages behind it. It removes any a client
// sent, so pages can trust them.

/** The path and query string asked for, so pages can build /login?next=… themselves. */
export const REQUEST_PATH_HEADER = 'x-pulse-path';

/**
 * Set when the session's role is agent and a manager page was asked for: the request is
 * rewritten to /login, which then shows the 403 notice instead of the form.
 */
export const FORBIDDEN_VIEW_HEADER = 'x-pulse-forbidden';

/**
 * Set when a recipient's survey link leads nowhere: the proxy answers 404 and the
 * survey page draws its not-found view itself (lib/routing/missing-pages.ts).
 */
export const MISSING_PAGE_HEADER = 'x-pulse-missing';
