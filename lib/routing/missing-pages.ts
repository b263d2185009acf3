// Whether the object a detail page is about exists, asked by proxy.ts before the page
// renders. Next 16 answers a page's notFound() with an empty HTML shell that only the
// browser's JavaScript fills in (vercel/next.js#62228), so without JavaScript a
// mistyped campaign id or survey link showed a blank page. An address the proxy knows
// to be missing is rewritten instead, and rendered whole on the server with its 404.
// The pages keep their own checks (they decide what the reader may see); this one only
// picks how a missing page is drawn.
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { parseCampaignId } from '@/lib/campaigns/recipient-params';
import { parseId } from '@/lib/contacts/list-params';

/** A manager's detail page: its object is looked up in the session's account. */
const ACCOUNT_PAGES: { pattern: RegExp; parse: (segment: string) => number | null; exists: (accountId: number, id: number) => SQL }[] = [
  {
    // /campaigns/new is the composer, not an id.
    pattern: /^\/campaigns\/(?!new\/?$)([^/]+)\/?$/,
    parse: parseCampaignId,
    exists: (accountId, id) => sql`select 1 from campaigns where account_id = ${accountId} and id = ${id}`,
  },
  {
    // The Survey results tab exists only for a campaign that sent a survey.
    pattern: /^\/campaigns\/([^/]+)\/survey\/?$/,
    parse: parseCampaignId,
    exists: (accountId, id) => sql`select 1 from campaigns where account_id = ${accountId} and id = ${id} and survey_id is not null`,
  },
  {
    pattern: /^\/contacts\/(?!import\/?$)([^/]+)\/?$/,
    parse: parseId,
    exists: (accountId, id) => sql`select 1 from contacts where account_id = ${accountId} and id = ${id}`,
  },
  {
    pattern: /^\/contacts\/import\/([^/]+)\/?$/,
    parse: parseId,
    exists: (accountId, id) => sql`select 1 from contact_imports where account_id = ${accountId} and id = ${id}`,
  },
];

const SURVEY_PAGE = /^\/s\/([^/]+)\/?$/;

async function found(query: SQL): Promise<boolean> {
  const [row] = await db.execute<{ found: boolean }>(sql`select exists (${query}) as found`);
  return row?.found === true;
}

/**
 * true when `pathname` is a manager detail page whose object is not in the account
 * (or whose id cannot be one); false for any other path or an object that exists.
 */
export async function isMissingAccountPage(pathname: string, accountId: number): Promise<boolean> {
  for (const page of ACCOUNT_PAGES) {
    const match = page.pattern.exec(pathname);
    if (!match) continue;
    const segment = safeDecode(match[1]!);
    const id = segment === null ? null : page.parse(segment);
    return id === null || !(await found(page.exists(accountId, id)));
  }
  return false;
}

/** true when `pathname` is a recipient's survey link that leads nowhere. */
export async function isMissingSurveyPage(pathname: string): Promise<boolean> {
  const match = SURVEY_PAGE.exec(pathname);
  if (!match) return false;
  const token = safeDecode(match[1]!);
  // Tokens are URL-safe and short; anything else cannot be one.
  if (token === null || token.length > 200) return true;
  return !(await found(sql`select 1 from survey_tokens where token = ${token}`));
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
