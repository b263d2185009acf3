// The embedded database keeps what was written once Pulse stops with Ctrl-C, and the
// demo data is created on the first start only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { launcherFixtures, READY } from './run-launcher';

const fixtures = launcherFixtures();

async function withDatabase<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// Two starts, the first creating the scale S demo data (tens of seconds on a busy machine).
const SEEDING_TEST_TIMEOUT_MS = 300_000;

describe('the embedded database', () => {
  it('keeps rows written before Ctrl-C for the next start, and seeds the demo data only once', async () => {
    const dataDir = fixtures.dataDir();

    const first = fixtures.launch({ dataDir });
    const [, firstUrl] = await first.waitFor(READY, SEEDING_TEST_TIMEOUT_MS);
    expect(first.output()).toContain('Creating the demo data (first start)');
    expect(first.output()).toMatch(/manager@demo\.test\s+demo-manager/);
    const usersAtFirstStart = await withDatabase(firstUrl!, async (sql) => {
      await sql`create table launcher_probe (note text not null)`;
      await sql`insert into launcher_probe (note) values ('written before Ctrl-C')`;
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
      return row!.n;
    });
    expect(usersAtFirstStart).toBeGreaterThanOrEqual(3);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('Embedded database closed.');
    expect(existsSync(join(dataDir, 'pulse.lock'))).toBe(false);

    const second = fixtures.launch({ dataDir });
    const [, secondUrl] = await second.waitFor(READY, 120_000);
    expect(second.output()).not.toContain('Creating the demo data');
    // The demo logins are still announced: they exist.
    expect(second.output()).toMatch(/manager@demo\.test\s+demo-manager/);
    await withDatabase(secondUrl!, async (sql) => {
      expect(await sql`select note from launcher_probe`).toEqual([{ note: 'written before Ctrl-C' }]);
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
      expect(row!.n).toBe(usersAtFirstStart);
    });
    expect(await second.stop()).toBe(0);
  }, SEEDING_TEST_TIMEOUT_MS);

  it('can start without the demo data', async () => {
    const dataDir = fixtures.dataDir();
    const launched = fixtures.launch({ dataDir, args: ['--db-only', '--no-seed'] });
    const [, url] = await launched.waitFor(READY);
    expect(launched.output()).not.toContain('Demo logins');
    await withDatabase(url!, async (sql) => {
      expect(await sql`select email from login_emails`).toEqual([]);
    });
    expect(await launched.stop()).toBe(0);
  });
});
