// The launcher's database steps: start the embedded PostgreSQL when DATABASE_URL is
// unset, apply migrations, and create the demo data when the database has no users
// (embedded: by default; DATABASE_URL: only when asked).
import { join } from 'node:path';
import postgres from 'postgres';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/db/embedded/start';
import { migrateDatabase } from '@/db/migrate';
import type { Settings } from './settings';

export type DemoLogin = { email: string; password: string; role: string; account: string };

export type PreparedDatabase = {
  /** Demo logins that exist in the database (none when it holds other data). */
  demoLogins: DemoLogin[];
  seeded: boolean;
};

export async function startEmbedded(settings: Settings, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const started = Date.now();
  const database = await startEmbeddedDatabase({ dataDir: join(settings.dataDir, 'pgdata') });
  log(`Embedded PostgreSQL (PGlite) open on ${settings.dataDirLabel}/pgdata in ${seconds(started)}`);
  return database;
}

export async function prepareDatabase(url: string, settings: Settings, log: (line: string) => void): Promise<PreparedDatabase> {
  let started = Date.now();
  await migrateDatabase(url);
  log(`Migrations applied in ${seconds(started)}`);

  const embedded = settings.databaseUrl === null;
  const wantsDemo = settings.seed === 'requested' || (settings.seed === 'auto' && embedded);
  // Imported on demand: the seed module is large and only needed on a first start.
  const seed = await import('@/db/seed/index');
  let seeded = false;
  if (settings.seed !== 'never' && (await seed.databaseIsEmpty(url))) {
    if (wantsDemo) {
      log('Creating the demo data (first start)…');
      started = Date.now();
      await seed.seedDemoData(url, { scale: 'S', seed: 1, log: (line) => log(`  ${line}`) });
      log(`Demo data created in ${seconds(started)}`);
      seeded = true;
    } else {
      log('The database has no users yet. For the demo data, start with `npm start -- --seed` (or PULSE_SEED_DEMO=1).');
    }
  } else if (settings.seed === 'requested' && !embedded) {
    log('DATABASE_URL already has users, so the demo data was not created.');
  }

  const demoLogins = await existingLogins(url, seed.DEMO_LOGINS);
  return { demoLogins, seeded };
}

async function existingLogins(url: string, logins: readonly DemoLogin[]): Promise<DemoLogin[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ email: string }[]>`
      select email from login_emails where email in ${sql(logins.map((login) => login.email))}`;
    const present = new Set(rows.map((row) => row.email));
    return logins.filter((login) => present.has(login.email));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
