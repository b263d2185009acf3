// `npm run db:migrate`: applies the migrations to DATABASE_URL (a real PostgreSQL).
// The embedded database needs no such step: `npm start` migrates it on every start.
import { migrateDatabase } from '@/db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write(
    'DATABASE_URL is not set. Point it at your PostgreSQL (15 or newer), e.g.\n' +
      '  DATABASE_URL=postgres://user:password@host:5432/pulse npm run db:migrate\n' +
      'The embedded database (no DATABASE_URL) is migrated by `npm start` itself.\n',
  );
  process.exit(1);
}

const started = Date.now();
try {
  await migrateDatabase(url);
  process.stdout.write(`Migrations applied in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
