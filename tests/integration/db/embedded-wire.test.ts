// The embedded server must behave like PostgreSQL for concurrent clients: queries
// from many connections never see each other's statements, and transactions stay
// atomic and isolated (docs/decisions.md explains why this is our own code).
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded/start';

let embedded: EmbeddedDatabase;
beforeAll(async () => {
  embedded = await startEmbeddedDatabase({});
});
afterAll(async () => {
  await embedded.stop();
});

describe('embedded database over the wire', () => {
  it('answers thousands of concurrent parameterized queries from two pools correctly', async () => {
    const a = postgres(embedded.url, { max: 8 });
    const b = postgres(embedded.url, { max: 8, prepare: false });
    const wrong: number[] = [];
    await Promise.all(
      Array.from({ length: 2000 }, async (_, i) => {
        const pool = i % 2 ? a : b;
        const [row] = await pool<{ n: number; s: string }[]>`select ${i}::int as n, ${`v${i}`}::text as s`;
        if (row?.n !== i || row.s !== `v${i}`) wrong.push(i);
      }),
    );
    await Promise.all([a.end(), b.end()]);
    expect(wrong).toEqual([]);
  });

  it('keeps concurrent transactions atomic: rolled-back ones leave nothing', async () => {
    const pool = postgres(embedded.url, { max: 10 });
    await pool`create table wire_tx (id int primary key)`;
    await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        pool
          .begin(async (tx) => {
            await tx`insert into wire_tx values (${i})`;
            const [seen] = await tx<{ c: number }[]>`select count(*)::int as c from wire_tx where id = ${i}`;
            expect(seen?.c).toBe(1);
            if (i % 3 === 0) throw new Error('roll back');
          })
          .catch((error: Error) => {
            if (error.message !== 'roll back') throw error;
          }),
      ),
    );
    const [count] = await pool<{ c: number }[]>`select count(*)::int as c from wire_tx`;
    await pool.end();
    expect(count?.c).toBe(100);
  });

  it('rolls back the transaction of a client that disconnects mid-way', async () => {
    const quitter = postgres(embedded.url, { max: 1 });
    await quitter`create table wire_quit (id int)`;
    const reserved = await quitter.reserve();
    await reserved`begin`;
    await reserved`insert into wire_quit values (1)`;
    reserved.release();
    await quitter.end({ timeout: 0 });
    const other = postgres(embedded.url, { max: 1 });
    const [count] = await other<{ c: number }[]>`select count(*)::int as c from wire_quit`;
    await other.end();
    expect(count?.c).toBe(0);
  });
});
