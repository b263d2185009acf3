// Runs the real launcher (`scripts/launch.ts start --db-only` by default: database,
// migrations, demo data and secrets, without build or web server) as a child process,
// the way a user starts it, and stops it the way Ctrl-C does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type Launched = {
  pid: number;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the launcher exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit status, once exited. */
  exited: Promise<number | null>;
  /** SIGINT (Ctrl-C) and the exit status. */
  stop(): Promise<number | null>;
};

export function launch(options: { dataDir: string; args?: string[]; env?: Record<string, string> }): Launched {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test harness points DATABASE_URL at this file's database; the launcher must see only what the test passes.
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'AUTH_SECRET', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'PULSE_SEED_DEMO', 'PORT']) {
    delete env[name];
  }
  Object.assign(env, { DATA_DIR: options.dataDir }, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/launch.ts', 'start', ...(options.args ?? ['--db-only'])], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      done = true;
      listeners.forEach((listener) => listener());
      resolve(code);
    }),
  );

  return {
    pid: child.pid!,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) finish(() => resolve(match));
          else if (done) finish(() => reject(new Error(`launcher exited before printing ${pattern}; it printed:\n${text}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`launcher did not print ${pattern} within ${timeoutMs} ms; it printed:\n${text}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (!done) child.kill('SIGINT');
      return exited;
    },
  };
}

/** The launcher's whole banner, once the database is ready; group 1 is its DATABASE_URL. */
export const READY = /DATABASE_URL=(postgres:\/\/\S+)[\s\S]*Stop\s+Ctrl-C/;

/**
 * For a test file: `launch` and `dataDir` whose launchers are stopped and whose
 * directories are removed after each test, passed or failed.
 */
export function launcherFixtures() {
  const running: Launched[] = [];
  const directories: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((launched) => launched.stop()));
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });
  return {
    dataDir(): string {
      const directory = mkdtempSync(join(tmpdir(), 'pulse-launcher-test-'));
      directories.push(directory);
      return directory;
    },
    launch(options: Parameters<typeof launch>[0]): Launched {
      const launched = launch(options);
      running.push(launched);
      return launched;
    },
  };
}
