// Which rows a recount looks at: the whole database, or one account.
import { sql, type SQL } from 'drizzle-orm';

export type StatsScope = { accountId?: number };

/** `alias.account_id = …` for one account, `true` for the whole database. */
export function inScope(alias: string, scope: StatsScope): SQL {
  return scope.accountId === undefined ? sql`true` : sql`${sql.raw(alias)}.account_id = ${scope.accountId}`;
}
