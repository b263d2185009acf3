// Lets pg-boss write jobs inside one of our Drizzle transactions (the `db` option of
// `boss.insert`), so jobs and the domain rows they belong to commit or roll back
// together. Use `boss.insert`, not `boss.send`: its SQL uses each `$n` once, while
// `send` repeats placeholders that PostgreSQL would then type differently per use.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';

type PgBossDb = { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss hands over `$n`-numbered SQL; rebuild it as a Drizzle query with the same parameters. */
export function jobsIn(tx: Executor): PgBossDb {
  return {
    async executeSql(text, values = []) {
      const parts: SQL[] = [];
      const seen = new Set<string>();
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        if (seen.has(match[1]!)) throw new Error(`jobsIn: $${match[1]} is used twice; enqueue with boss.insert()`);
        seen.add(match[1]!);
        parts.push(sql.raw(text.slice(last, match.index)));
        parts.push(sql`${parameter(values[Number(match[1]) - 1])}`);
        last = match.index + match[0].length;
      }
      parts.push(sql.raw(text.slice(last)));
      const rows = await tx.execute(sql.join(parts));
      return { rows: [...rows] };
    },
  };
}

function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}
