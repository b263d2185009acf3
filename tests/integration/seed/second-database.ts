// A second migrated database for the same test file (for comparing two seeds):
// a clone of the template on a PostgreSQL server, or another embedded instance.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { startEmbeddedDatabase } from '@/db/embedded/start';
import { databaseUrlWithName, serverDatabaseUrl } from '@/tests/support/database-urls';

export async function secondDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (inject('databaseMode') === 'server') {
    const serverUrl = serverDatabaseUrl()!;
    const name = `${inject('databasePrefix')}${randomBytes(4).toString('hex')}`;
    const template = new URL(inject('databaseImage')).pathname.slice(1);
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    return {
      url: databaseUrlWithName(serverUrl, name),
      async drop() {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const embedded = await startEmbeddedDatabase({ loadDataDir: new Blob([await readFile(inject('databaseImage'))]) });
  return { url: embedded.url, drop: () => embedded.stop() };
}
