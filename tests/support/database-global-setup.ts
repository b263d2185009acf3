// Prepares one migrated database image per test run. Each integration test file
// then gets its own database from it (tests/support/database-setup.ts):
// - TEST_DATABASE_URL (or DATABASE_URL) set: a template database on that server,
//   cloned per file with CREATE DATABASE … TEMPLATE;
// - otherwise: an embedded PGlite, migrated once and dumped; each file loads the dump.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedDatabase } from '../../db/embedded/start';
import { databaseUrlWithName, serverDatabaseUrl } from './database-urls';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseMode: 'server' | 'embedded';
    /** server: the template database's URL; embedded: the path of the migrated dump. */
    databaseImage: string;
    /** Prefix of the per-file database names of this run (server mode). */
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = serverDatabaseUrl();
  if (serverUrl) {
    const template = `pulse_test_tpl_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const templateUrl = databaseUrlWithName(serverUrl, template);
    await migrateDatabase(templateUrl);
    project.provide('databaseMode', 'server');
    project.provide('databaseImage', templateUrl);
    project.provide('databasePrefix', `pulse_test_${process.pid}_`);
    console.log(`integration tests: PostgreSQL at ${new URL(serverUrl).host}, one database per test file`);
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`pulse_test_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }

  const embedded = await startEmbeddedDatabase({});
  await migrateDatabase(embedded.url);
  const dir = await mkdtemp(join(tmpdir(), 'pulse-test-'));
  const image = join(dir, 'migrated.tar.gz');
  const dump = await embedded.dump();
  await writeFile(image, Buffer.from(await dump.arrayBuffer()));
  await embedded.stop();
  project.provide('databaseMode', 'embedded');
  project.provide('databaseImage', image);
  project.provide('databasePrefix', '');
  console.log('integration tests: embedded PostgreSQL (PGlite), one database per test file');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
