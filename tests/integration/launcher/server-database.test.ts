// With DATABASE_URL set the launcher starts no embedded database and creates the
// demo data only when asked, and never on a database that already has users.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { launcherFixtures, READY } from './run-launcher';

const fixtures = launcherFixtures();

// The second run creates the scale S demo data (tens of seconds on a busy machine).
const SEEDING_TEST_TIMEOUT_MS = 300_000;

async function run(env: Record<string, string>, args = ['--db-only']) {
  const dataDir = fixtures.dataDir();
  const launched = fixtures.launch({
    dataDir,
    args,
    env: { DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: 'a-test-secret-of-enough-length-0123456789', ...env },
  });
  await launched.waitFor(READY, SEEDING_TEST_TIMEOUT_MS);
  expect(await launched.stop()).toBe(0);
  return { output: launched.output(), dataDir };
}

const userCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from users`))[0]!.n;

describe('the launcher on DATABASE_URL', () => {
  it('creates the demo data only when asked, and only on a database without users', async () => {
    const plain = await run({});
    expect(plain.output).toContain('The database has no users yet');
    expect(plain.output).not.toContain('Embedded PostgreSQL');
    expect(existsSync(join(plain.dataDir, 'pgdata'))).toBe(false);
    expect(existsSync(join(plain.dataDir, 'pulse.lock'))).toBe(false);
    expect(await userCount()).toBe(0);

    const asked = await run({ PULSE_SEED_DEMO: '1' });
    expect(asked.output).toContain('Demo data created');
    expect(asked.output).toMatch(/manager@demo\.test\s+demo-manager/);
    const seededUsers = await userCount();
    expect(seededUsers).toBeGreaterThanOrEqual(3);

    const again = await run({}, ['--db-only', '--seed']);
    expect(again.output).toContain('DATABASE_URL already has users, so the demo data was not created.');
    expect(await userCount()).toBe(seededUsers);
  }, SEEDING_TEST_TIMEOUT_MS);
});
