// The same scale, seed and day give the same rows, id for id, in another database;
// another seed gives other data.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@/db/seed';
import { secondDatabase } from './second-database';

const NOW = new Date('2026-01-20T00:00:00Z');
const options = { scale: 'S' as const, now: NOW, publicUrl: 'http://localhost:3000' };

/** Every column but argon2 hashes (salted) and rollup rows' updated_at (when the rebuild ran). */
const SKIPPED = new Set(['users.password_hash', 'campaign_recipients.updated_at']);

async function fingerprints(url: string): Promise<Record<string, string>> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await client<{ table: string; columns: string[]; keys: string[] }[]>`
      select c.relname as table,
             array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
             array(select a.attname::text from pg_constraint k
                   cross join lateral unnest(k.conkey) with ordinality u(n, i)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n
                   where k.conrelid = c.oid and k.contype = 'p' order by u.i) as keys
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`;
    const result: Record<string, string> = {};
    for (const { table, columns, keys } of tables) {
      const kept = columns.filter((c) => !SKIPPED.has(`${table}.${c}`)).map((c) => `"${c}"`).join(', ');
      const order = (keys.length > 0 ? keys : columns).map((c) => `"${c}"`).join(', ');
      const [row] = await client.unsafe<{ digest: string }[]>(
        `select md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as digest from (select ${kept} from "${table}") t`,
      );
      result[table] = row!.digest;
    }
    return result;
  } finally {
    await client.end();
  }
}

let other: Awaited<ReturnType<typeof secondDatabase>>;
beforeAll(async () => {
  other = await secondDatabase();
}, 180_000);
afterAll(async () => {
  await other.drop();
});

describe('demo data determinism', () => {
  it('gives identical tables for the same seed in two databases, and different ones for another seed', async () => {
    await seedDemoData(process.env.DATABASE_URL!, { ...options, seed: 42 });
    await seedDemoData(other.url, { ...options, seed: 42 });
    const first = await fingerprints(process.env.DATABASE_URL!);
    expect(await fingerprints(other.url)).toEqual(first);

    await seedDemoData(other.url, { ...options, seed: 43, reset: true });
    const reseeded = await fingerprints(other.url);
    expect(reseeded.messages).not.toBe(first.messages);
    expect(reseeded.contacts).not.toBe(first.contacts);
  }, 300_000);
});
