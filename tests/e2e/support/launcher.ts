// Runs `scripts/launch.ts start` for the end-to-end tests and stops it with SIGINT,
// as Ctrl-C would. Its output goes to tests/e2e/.artifacts/launcher-<port>.log and
// its last lines into any error, so a failed start explains itself.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const artifactsDir = join(repositoryRoot, 'tests/e2e/.artifacts');

/** First start builds the app, which takes a minute or more on a small machine. */
const START_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 30_000;

export type RunningLauncher = {
  baseUrl: string;
  readyIn: string;
  logFile: string;
  /** SIGINT, then checks that the launcher stopped cleanly (exit status 0). */
  stop(): Promise<void>;
};

export async function startLauncher(options: { dataDir: string; env: Record<string, string> }): Promise<RunningLauncher> {
  const started = Date.now();
  const port = await freePort(portRange());
  const baseUrl = `http://localhost:${port}`;
  const logFile = join(artifactsDir, `launcher-${port}.log`);
  const log = createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = { ...process.env };
  // The app under test gets only what this run decides, not the developer's shell settings.
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'AUTH_SECRET', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'PULSE_SEED_DEMO']) {
    delete env[name];
  }
  Object.assign(env, {
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: options.dataDir,
    SMS_PROVIDER: 'sim',
    SIM_OUTCOMES: 'auto',
    ...options.env,
  });

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/launch.ts', 'start'], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const tail = () => lastLines(logFile, 40);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`e2e: the launcher exited (status ${exitCode}) before the app answered. Its last output:\n${tail()}`);
    }
    if (await healthy(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new Error(`e2e: the app did not answer /api/health within ${START_TIMEOUT_MS / 1000} s. Launcher output:\n${tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {
    baseUrl,
    logFile,
    readyIn: `${((Date.now() - started) / 1000).toFixed(1)} s`,
    async stop() {
      if (exitCode === undefined) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      log.end();
      if (code !== 0) {
        throw new Error(`e2e: the launcher did not stop cleanly on SIGINT (status ${code}). Its last output:\n${tail()}`);
      }
    },
  };
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** E2E_PORTS=3200-3249 lets engineers with other port ranges run the suite side by side. */
function portRange(): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(process.env.E2E_PORTS ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [3100, 3149];
}

async function freePort([first, last]: [number, number]): Promise<number> {
  for (let port = first; port <= last; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`e2e: no free port in ${first}-${last} (set E2E_PORTS=FIRST-LAST to use other ports)`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function lastLines(file: string, count: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no output)';
  }
}
