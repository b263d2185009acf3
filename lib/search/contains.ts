// "Contains" searches over text columns with a trigram (pg_trgm) index. The index
// answers a LIKE '%text%' when the text has at least three characters; for a shorter
// one it has no trigram to look up and scans the whole index, every account's rows
// (seconds at scale). Short texts are matched with strpos() instead, which no index
// serves, so PostgreSQL walks the rows the other conditions already narrowed to (one
// campaign's recipients, one account's contacts) and stops at the page's end.
import { sql, type SQL } from 'drizzle-orm';

/** pg_trgm splits text into three-character pieces; a shorter search has none. */
const TRIGRAM_LENGTH = 3;

/** A LIKE pattern that finds `text` anywhere, with LIKE's own characters taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** `expression` contains `text` (as typed: callers lower-case both sides where they must). */
export function containsText(expression: SQL, text: string): SQL {
  if ([...text].length >= TRIGRAM_LENGTH) return sql`${expression} like ${containsPattern(text)}`;
  return sql`strpos(${expression}, ${text}) > 0`;
}
