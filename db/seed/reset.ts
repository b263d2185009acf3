// Whether a database may be seeded, and emptying it first when asked (--reset).
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/** Seeding was refused; the message says why and what to do. */
export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefusedError';
  }
}

/**
 * Demo logins are never added to a database that already has users (CONTRACT), and
 * the planned ids need tables without accounts.
 */
export async function assertSeedable(tx: Executor): Promise<void> {
  const [row] = await tx.execute<{ users: number; accounts: number }>(
    sql`select (select count(*) from users)::int as users, (select count(*) from accounts)::int as accounts`,
  );
  if ((row?.users ?? 0) > 0) {
    throw new SeedRefusedError(
      'This database already has users, so no demo data was added. Use --reset to empty every Pulse table first (this deletes all data).',
    );
  }
  if ((row?.accounts ?? 0) > 0) {
    throw new SeedRefusedError('This database already has accounts. Use --reset to empty every Pulse table first (this deletes all data).');
  }
}

/** Empties every Pulse table (ids start again at 1) and pg-boss's schema, which it recreates on start. */
export async function resetDatabase(tx: Executor): Promise<void> {
  const tables = await tx.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  if (tables.length > 0) {
    const list = tables.map((t) => `public."${t.name}"`).join(', ');
    await tx.execute(sql.raw(`truncate table ${list} restart identity cascade`));
  }
  await tx.execute(sql`drop schema if exists pgboss cascade`);
}
