// Where a form should send the browser back to: a path on this site, never
// another origin (a `returnTo` field is user input, so it could name any URL).

const placeholderOrigin = 'http://pulse.invalid';

/** `value` as a same-site path with its query, or null if it is not one. */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\u0000-\u001f]/.test(value)) return null;
  try {
    const url = new URL(value, placeholderOrigin);
    if (url.origin !== placeholderOrigin) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** The path (and query) of a Referer header, whatever its host; null if unusable. */
export function pathOfReferer(referer: string | null | undefined): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return sameSitePath(`${url.pathname}${url.search}`);
  } catch {
    return null;
  }
}
