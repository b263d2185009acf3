// Whether the database answers, for GET /api/health (load balancers, the launcher
// and the end-to-end tests wait on it).
import 'server-only';
import { rawSql, type Sql } from '@/db/client';

/** True when `select 1` answers within `timeoutMs`; never throws. */
export async function databaseAnswers(options: { sql?: Sql; timeoutMs?: number } = {}): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const sql = options.sql ?? rawSql();
    const query = sql`select 1 as ok`;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([query.then((rows) => rows[0]?.ok === 1), timeout]);
    if (outcome === 'timeout') {
      // Do not leave the probe queued behind whatever is holding the database up.
      query.cancel();
      return false;
    }
    return outcome;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
