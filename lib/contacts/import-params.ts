// The import page's URL (/contacts/import/{id}): which page of the rows with
// errors it shows, read from the query string and written back into links.
import type { Route } from 'next';

export type ImportPageState = { errors: { after: number } | { before: number } };

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A line number, or null for anything else (a hand-edited value reads as the first page). */
function lineOf(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

export function parseImportPageParams(params: RawParams): ImportPageState {
  const before = lineOf(first(params.before));
  if (before !== null) return { errors: { before } };
  return { errors: { after: lineOf(first(params.after)) ?? 0 } };
}

/** The import's page; with `errors`, that page of its errors, scrolled to them. */
export function importPageHref(importId: number, errors?: ImportPageState['errors']): Route {
  if (errors === undefined) return `/contacts/import/${importId}` as Route;
  const query = new URLSearchParams();
  if ('before' in errors) query.set('before', String(errors.before));
  else if (errors.after > 0) query.set('after', String(errors.after));
  const search = query.toString();
  return `/contacts/import/${importId}${search ? `?${search}` : ''}#errors` as Route;
}
