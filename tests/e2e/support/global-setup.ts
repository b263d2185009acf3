// Starts the real app once for the end-to-end run, exactly as a user would
// (`scripts/launch.ts start`: build if needed, migrations, demo data, web + worker),
// on a free port with a throwaway DATA_DIR, and stops it with Ctrl-C at the end.
// - TEST_DATABASE_URL (or DATABASE_URL) set: a fresh database on that server,
//   seeded on request and dropped afterwards; otherwise the embedded database.
// - No Chromium: every e2e test is skipped with one line saying so, unless
//   E2E_REQUIRED=1, which makes it a failure.
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
    e2eBaseUrl: string;
    e2eChromiumPath: string;
    e2eDatabaseMode: 'server' | 'embedded';
  }
}

export default async function setup(project: TestProject) {
  const browser = chromiumPath();
  project.provide('e2eChromiumPath', browser);
  if (!chromiumIsInstalled(browser)) {
    const reason = `no Chromium at ${browser}; set CHROMIUM_PATH or install chromium`;
    if (process.env.E2E_REQUIRED === '1') throw new Error(`e2e: ${reason} (E2E_REQUIRED=1 makes this a failure)`);
    console.log(`e2e: skipped, ${reason}`);
    project.provide('e2eSkipReason', reason);
    project.provide('e2eBaseUrl', '');
    project.provide('e2eDatabaseMode', 'embedded');
    return;
  }

  mkdirSync(artifactsDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-e2e-'));
  const serverUrl = serverDatabaseUrl();
  const database = serverUrl ? await createDatabase(serverUrl) : null;

  let app: RunningLauncher | null = null;
  try {
    app = await startLauncher({
      dataDir,
      env: database
        ? { DATABASE_URL: database.url, PULSE_SEED_DEMO: '1', AUTH_SECRET: randomBytes(32).toString('base64url') }
        : {},
    });
  } catch (error) {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const mode = database ? 'server' : 'embedded';
  console.log(`e2e: Pulse at ${app.baseUrl} (${mode === 'server' ? `database ${database!.name}` : 'embedded database'}), ready in ${app.readyIn}`);
  project.provide('e2eSkipReason', '');
  project.provide('e2eBaseUrl', app.baseUrl);
  project.provide('e2eDatabaseMode', mode);

  const running = app;
  return async () => {
    try {
      await running.stop();
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
