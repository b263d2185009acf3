// A throwaway database for one benchmark run: a fresh database on the PostgreSQL
// server of BENCH_DATABASE_URL/DATABASE_URL when set, else an embedded PGlite.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { startEmbeddedDatabase } from '@/db/embedded/start';
import { migrateDatabase } from '@/db/migrate';

export type BenchDatabase = { url: string; kind: 'postgresql' | 'embedded'; drop(): Promise<void> };

export async function benchDatabase(): Promise<BenchDatabase> {
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDatabase({});
    await migrateDatabase(embedded.url);
    return { url: embedded.url, kind: 'embedded', drop: () => embedded.stop() };
  }
  const name = `pulse_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const parsed = new URL(server);
  parsed.pathname = `/${name}`;
  await migrateDatabase(parsed.toString());
  return {
    url: parsed.toString(),
    kind: 'postgresql',
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
