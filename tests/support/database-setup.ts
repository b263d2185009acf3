// Gives the test file its own migrated database and points DATABASE_URL (read by
// db/client.ts on first use) at it. Tests create their own accounts on top.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { closeDb } from '../../db/client';
import { startEmbeddedDatabase } from '../../db/embedded/start';
import { databaseUrlWithName, serverDatabaseUrl } from './database-urls';

const mode = inject('databaseMode');
const image = inject('databaseImage');

if (mode === 'server') {
  const serverUrl = serverDatabaseUrl()!;
  const name = `${inject('databasePrefix')}${randomBytes(4).toString('hex')}`;
  const template = new URL(image).pathname.slice(1);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  process.env.DATABASE_URL = databaseUrlWithName(serverUrl, name);
  afterAll(async () => {
    await closeDb();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
} else {
  const dump = new Blob([await readFile(image)]);
  const embedded = await startEmbeddedDatabase({ loadDataDir: dump });
  process.env.DATABASE_URL = embedded.url;
  afterAll(async () => {
    await closeDb();
    await embedded.stop();
  });
}
