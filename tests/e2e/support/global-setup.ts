// Starts the real app once for the end-to-end run, exactly as a user would
// (`scripts/launch.ts start`: build if needed, migrations, demo data, web + worker),
// on a free port with a throwaway DATA_DIR, and stops it with Ctrl-C at the end.
// - TEST_DATABASE_URL (or DATABASE_URL) set: a fresh database on that server,
//   seeded on request and dropped afterwards; otherwise the embedded database.
// - No Chromium: every e2e test is skipped with one line saying so, unless
//   E2E_REQUIRED=1, which makes it a failure.
// Failures here (no browser when required, an app that does not start) fail every
// e2e test file with the reason, rather than aborting the run: the unit, integration
// and component results still count and show.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { databaseUrlWithName, serverDatabaseUrl } from '../../support/database-urls';
import { chromiumIsInstalled, chromiumPath } from './chromium';
import { artifactsDir, startLauncher, type RunningLauncher } from './launcher';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the e2e tests are skipped; empty when they run. */
    e2eSkipReason: string;
    /** Why the e2e tests cannot run although they must; empty when they can. */
    e2eStartError: string;
    e2eBaseUrl: string;
    e2eChromiumPath: string;
    e2eDatabaseMode: 'server' | 'embedded';
  }
}

export default async function setup(project: TestProject) {
  const browser = chromiumPath();
  project.provide('e2eChromiumPath', browser);
  project.provide('e2eSkipReason', '');
  project.provide('e2eStartError', '');
  project.provide('e2eBaseUrl', '');
  project.provide('e2eDatabaseMode', 'embedded');
  const fail = (message: string) => {
    console.error(message);
    project.provide('e2eStartError', message);
  };

  if (!chromiumIsInstalled(browser)) {
    const reason = `no Chromium at ${browser}; set CHROMIUM_PATH or install chromium`;
    if (process.env.E2E_REQUIRED === '1') return fail(`e2e: ${reason} (E2E_REQUIRED=1 makes this a failure)`);
    console.log(`e2e: skipped, ${reason}`);
    project.provide('e2eSkipReason', reason);
    return;
  }

  mkdirSync(artifactsDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-e2e-'));
  const serverUrl = serverDatabaseUrl();
  let database: Awaited<ReturnType<typeof createDatabase>> | null = null;
  let app: RunningLauncher;
  try {
    database = serverUrl ? await createDatabase(serverUrl) : null;
    app = await startLauncher({
      dataDir,
      env: database
        ? { DATABASE_URL: database.url, PULSE_SEED_DEMO: '1', AUTH_SECRET: randomBytes(32).toString('base64url') }
        : {},
    });
  } catch (error) {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    return fail(error instanceof Error ? error.message : String(error));
  }
  const mode = database ? 'server' : 'embedded';
  console.log(`e2e: Pulse at ${app.baseUrl} (${database ? `database ${database.name}` : 'embedded database'}), ready in ${app.readyIn}`);
  project.provide('e2eBaseUrl', app.baseUrl);
  project.provide('e2eDatabaseMode', mode);

  return async () => {
    try {
      await app.stop();
    } finally {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

async function createDatabase(serverUrl: string) {
  const name = `pulse_e2e_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  return {
    name,
    url: databaseUrlWithName(serverUrl, name),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
