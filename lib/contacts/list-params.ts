// The contact list's URL (/contacts): one parser that turns the query string into a
// typed, defaulted state, and the link builder that writes it back, so links and
// parsing never drift. Bad values fall back to defaults instead of failing.
import type { Route } from 'next';
import { MAX_QUERY_LENGTH } from './search';

/** Longest tag name; the import refuses longer ones. */
export const MAX_TAG_LENGTH = 50;

/** Why an uploaded file was refused as a whole (shown on /contacts after the upload). */
export const FILE_PROBLEMS = [
  'no_file',
  'empty',
  'header_only',
  'missing_phone_column',
  'not_utf8',
  'malformed',
  'line_too_long',
  'too_large',
  'too_many_rows',
  'incomplete',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** A refused file: why, where in it when that is known, and for a file too large, the size allowed. */
export type FileRefusal = { problem: FileProblem; line: number | null; limitMb: number | null };

/**
 * Where a page of the list starts: after the row with this sort key (the next page)
 * or before it (the previous page). The list is sorted newest first, by
 * (created_at, id) descending; `createdAt` keeps PostgreSQL's microseconds.
 */
export type ContactCursor = { direction: 'after' | 'before'; createdAt: string; id: number };

export type ContactListState = {
  /** The search box, trimmed; empty = everyone. */
  q: string;
  /** A tag name; null = every tag. */
  tag: string | null;
  cursor: ContactCursor | null;
  /** A refused upload, to explain next to the import form. */
  importError: FileRefusal | null;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseContactListParams(params: RawParams): ContactListState {
  const tag = (first(params.tag) ?? '').trim();
  const problem = first(params.import_error);
  const isProblem = (FILE_PROBLEMS as readonly string[]).includes(problem ?? '');
  return {
    q: (first(params.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    tag: tag === '' || tag.length > MAX_TAG_LENGTH ? null : tag,
    cursor: decodeContactCursor(first(params.cursor) ?? null),
    importError: isProblem
      ? { problem: problem as FileProblem, line: parseLine(first(params.line)), limitMb: parseLimit(first(params.limit)) }
      : null,
  };
}

function parseLine(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}

function parseLimit(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : null;
}

/** A contact or import id from a path segment: digits only, within what a JavaScript number holds exactly. */
export function parseId(value: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * The list's address for a state; defaults are left out, so the plain list is
 * `/contacts`. A new search or filter starts from the first page, so callers pass
 * no cursor with them.
 */
export function contactsHref(state: Partial<Omit<ContactListState, 'importError'>> = {}): Route {
  const query = new URLSearchParams();
  if (state.q) query.set('q', state.q);
  if (state.tag) query.set('tag', state.tag);
  if (state.cursor) query.set('cursor', encodeContactCursor(state.cursor));
  const search = query.toString();
  return `/contacts${search ? `?${search}` : ''}` as Route;
}

/** Where the upload route sends a refused file: the list, with the import form explaining why. */
export function importErrorHref(refusal: Pick<FileRefusal, 'problem'> & Partial<FileRefusal>): string {
  const query = new URLSearchParams({ import_error: refusal.problem });
  if (refusal.line) query.set('line', String(refusal.line));
  if (refusal.limitMb) query.set('limit', String(refusal.limitMb));
  return `/contacts?${query.toString()}#import`;
}

// A cursor is `a.` (rows after) or `b.` (rows before) followed by the sort key as
// base64url of "createdAt id", so it reads as an opaque token in the URL.
const CURSOR_SHAPE = /^[ab]\.[A-Za-z0-9_-]{1,80}$/;
const TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A UTC timestamp of the expected shape that names a real moment ("02-30" does not). */
function isRealTimestamp(text: string): boolean {
  if (!TIMESTAMP_SHAPE.test(text) || text < '1970') return false;
  const parsed = Date.parse(text);
  // Date.parse rolls impossible dates over ("02-30" → March 2); PostgreSQL refuses them.
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 19) === text.slice(0, 19);
}

export function encodeContactCursor(cursor: ContactCursor): string {
  const key = Buffer.from(`${cursor.createdAt} ${cursor.id}`).toString('base64url');
  return `${cursor.direction === 'after' ? 'a' : 'b'}.${key}`;
}

/** The cursor when it is one this module wrote, else null (a hand-edited URL reads as the first page). */
export function decodeContactCursor(value: string | null): ContactCursor | null {
  if (value === null || !CURSOR_SHAPE.test(value)) return null;
  const [createdAt, idText, ...rest] = Buffer.from(value.slice(2), 'base64url').toString('utf8').split(' ');
  if (rest.length > 0 || createdAt === undefined || idText === undefined) return null;
  if (!isRealTimestamp(createdAt)) return null;
  if (!/^[1-9]\d{0,15}$/.test(idText) || !Number.isSafeInteger(Number(idText))) return null;
  return { direction: value.startsWith('a') ? 'after' : 'before', createdAt, id: Number(idText) };
}
