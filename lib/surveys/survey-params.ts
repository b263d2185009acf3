// The Survey results tab's URL (/campaigns/{id}/survey): one parser that turns the
// query string into a typed, defaulted state, and the link builder that writes it back,
// so links and parsing never drift. Bad values fall back to defaults instead of failing.
import type { Route } from 'next';

export const SURVEY_VIEWS = ['summary', 'individual'] as const;
export type SurveyView = (typeof SURVEY_VIEWS)[number];

/** Which recipients the individual view lists: those who answered, or those who have not yet. */
export const RESPONDENT_LISTS = ['answered', 'awaiting'] as const;
export type RespondentList = (typeof RESPONDENT_LISTS)[number];

export type SurveyTabState = {
  view: SurveyView;
  /** The contact whose answers the individual view shows; null = the latest respondent. */
  recipient: number | null;
  /** Individual view: which list the side panel shows. */
  list: RespondentList;
  /** Summary view: the free-text question being paged through (the others show their newest answers). */
  question: number | null;
  /** A keyset cursor for the paged list of the current view (opaque, see encodeCursor). */
  cursor: string | null;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A database id: digits only, within what a JavaScript number holds exactly. */
export function parseId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

export function parseSurveyTabParams(params: RawParams): SurveyTabState {
  const view = oneOf(SURVEY_VIEWS, first(params.view), 'summary');
  const cursor = first(params.cursor);
  return {
    view,
    recipient: view === 'individual' ? parseId(first(params.recipient)) : null,
    list: oneOf(RESPONDENT_LISTS, first(params.list), 'answered'),
    question: view === 'summary' ? parseId(first(params.question)) : null,
    cursor: cursor !== undefined && isCursorShaped(cursor) ? cursor : null,
  };
}

/**
 * The tab's address for a state. Defaults are left out, so the plain tab is
 * `/campaigns/7/survey` and every link is as short as it can be.
 */
export function surveyTabHref(campaignId: number, state: Partial<SurveyTabState> = {}): Route {
  const query = new URLSearchParams();
  const view = state.view ?? 'summary';
  if (view !== 'summary') query.set('view', view);
  if (view === 'individual') {
    if (state.list && state.list !== 'answered') query.set('list', state.list);
    if (state.recipient) query.set('recipient', String(state.recipient));
  } else if (state.question) {
    query.set('question', String(state.question));
  }
  if (state.cursor) query.set('cursor', state.cursor);
  const search = query.toString();
  return `/campaigns/${campaignId}/survey${search ? `?${search}` : ''}` as Route;
}

// A cursor is the sort key of a row plus the direction to read from it:
// `a.` + key = the rows after it in list order, `b.` + key = the rows before it.
// The key is base64url JSON, so names with any characters survive the query string.

export type CursorDirection = 'after' | 'before';
export type Cursor = { direction: CursorDirection; key: Array<string | number> };

const MAX_CURSOR_LENGTH = 600;

function isCursorShaped(value: string): boolean {
  return value.length <= MAX_CURSOR_LENGTH && /^[ab]\.[A-Za-z0-9_-]+$/.test(value);
}

export function encodeCursor(direction: CursorDirection, key: Array<string | number>): string {
  return `${direction === 'after' ? 'a' : 'b'}.${Buffer.from(JSON.stringify(key)).toString('base64url')}`;
}

/**
 * The cursor's direction and key when it has the expected shape (`shape` names the
 * type of each key part), else null: a cursor from a hand-edited URL reads as "first page".
 */
export function decodeCursor(value: string | null, shape: ReadonlyArray<'string' | 'integer'>): Cursor | null {
  if (value === null || !isCursorShaped(value)) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(value.slice(2), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== shape.length) return null;
  const fits = key.every((part, index) =>
    shape[index] === 'integer' ? Number.isSafeInteger(part) && (part as number) >= 0 : typeof part === 'string' && part.length <= 300,
  );
  return fits ? { direction: value[0] === 'a' ? 'after' : 'before', key: key as Array<string | number> } : null;
}
