// `npm start` / `npm run dev`: everything Pulse needs on one machine. Embedded
// PostgreSQL when DATABASE_URL is unset (locked to this process), migrations, demo
// data on first start, generated secrets, a production build when the sources
// changed, then the web server and the worker; Ctrl-C stops them and closes the
// database cleanly. `--help` lists the options.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { EmbeddedDatabase } from '@/db/embedded/start';
import { acquireDataDirLock, DataDirLockedError, staleLockNote, type DataDirLock } from '@/db/embedded/lock';
import { buildState, recordBuildStamp, sourceStamp } from './launcher/build';
import { prepareDatabase, seconds, startEmbedded } from './launcher/database';
import { describeExit, startChild, type Child } from './launcher/processes';
import { resolveSecrets, type Secrets } from './launcher/secrets';
import { LaunchError, readSettings, USAGE, type Settings } from './launcher/settings';
import { STOPPED, StopRequests } from './launcher/stop-requests';
import { printBanner } from './launcher/banner';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const nextCli = createRequire(import.meta.url).resolve('next/dist/bin/next');
/** How long the web server and worker get to finish after SIGTERM. */
const STOP_GRACE_MS = 10_000;
/**
 * What the worker logs once it works its queues (WORKER_READY_LINE in lib/jobs/worker.ts,
 * not imported: the job modules are meant for the react-server condition, not this process).
 */
const WORKER_READY_LINE = 'worker ready';

const log = (line: string) => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const launchedAt = Date.now();
  const settings = readSettings(process.argv.slice(2), process.env, repositoryRoot);
  if (settings === 'help') {
    log(USAGE);
    return 0;
  }
  const stops = new StopRequests(log);
  const children: Child[] = [];
  stops.onForce(() => children.forEach((child) => child.kill()));

  let lock: DataDirLock | null = null;
  let embedded: EmbeddedDatabase | null = null;
  // Should we die without cleaning up (a third Ctrl-C), at least the lock goes.
  process.on('exit', () => lock?.release());

  try {
    mkdirSync(settings.dataDir, { recursive: true });
    if (settings.databaseUrl === null) {
      lock = acquireDataDirLock(settings.dataDir, { command: launchCommand(), label: settings.dataDirLabel });
      if (lock.takenOverFrom) log(staleLockNote(settings.dataDirLabel, lock.takenOverFrom));
    }
    const secrets = await resolveSecrets(settings, process.env);
    if (!settings.databaseOnly) await ensurePortIsFree(settings.port);

    // The build needs no database, so it runs while the database is prepared.
    const build = settings.mode === 'start' && !settings.databaseOnly ? startBuildIfNeeded(settings, children) : null;

    if (settings.databaseUrl === null) embedded = await startEmbedded(settings, log);
    const databaseUrl = settings.databaseUrl ?? embedded!.url;
    const database = await stops.race(
      prepareDatabase(databaseUrl, settings, log),
      'force',
      '(finishing the database setup first; Ctrl-C again to abort it)',
    );
    if (database === STOPPED || stops.requested) return 0;

    if (build) {
      const built = await stops.race(build, 'request');
      if (built === STOPPED || stops.requested) return 0;
      if (!built) return 1;
    }

    if (settings.databaseOnly) {
      printBanner({ settings, secrets, database, databaseUrl, readyIn: seconds(launchedAt) }, log);
      await stops.stopped;
      return 0;
    }

    const web = startWeb(settings, secrets, databaseUrl);
    const { worker, workerReady } = startWorker(settings, secrets, databaseUrl);
    children.push(web, worker);
    const firstExit = Promise.race(children.map((child) => child.exited.then((exit) => ({ child, exit }))));

    const ready = await Promise.race([
      Promise.all([waitForHealth(settings, web), workerReady]).then(() => 'ready' as const),
      firstExit.then(() => 'exited' as const),
      stops.stopped.then(() => 'stopped' as const),
    ]);
    if (ready === 'ready') printBanner({ settings, secrets, database, databaseUrl, readyIn: seconds(launchedAt) }, log);

    const outcome = ready === 'stopped' ? null : await Promise.race([firstExit, stops.stopped.then(() => null)]);
    if (outcome === null || stops.requested) return 0;
    const other = children.find((child) => child !== outcome.child);
    warn(
      `The ${outcome.child.name === 'web' ? 'web server' : 'worker'} stopped unexpectedly (${describeExit(outcome.exit)}); ` +
        `stopping ${other ? `the ${other.name === 'web' ? 'web server' : 'worker'} and ` : ''}Pulse.`,
    );
    return 1;
  } catch (error) {
    if (error instanceof LaunchError || error instanceof DataDirLockedError) warn(error.message);
    else warn(`Pulse could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    const running = children.filter((child) => !child.hasExited());
    if (running.length > 0) {
      log(`Stopping ${running.map((child) => child.name).join(' and ')}…`);
      await Promise.all(running.map((child) => child.stop(STOP_GRACE_MS)));
    }
    if (embedded) {
      await embedded.stop();
      log('Embedded database closed.');
    }
    lock?.release();
    lock = null;
  }
}

/** How this launcher was started, as the lock file tells a second start. */
function launchCommand(): string {
  const event = process.env.npm_lifecycle_event;
  // npm's variables are inherited by everything below it, so check the script is this one.
  if (event && process.env.npm_lifecycle_script?.includes('scripts/launch.ts')) {
    return event === 'start' ? 'npm start' : `npm run ${event}`;
  }
  return `node scripts/launch.ts ${process.argv.slice(2).join(' ')}`.trim();
}

async function ensurePortIsFree(port: number): Promise<void> {
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LaunchError(`Port ${port} is already in use (another Pulse, or another app?). Stop it, or set PORT to use another port.`);
    }
    throw error;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Resolves true once a current build exists, false if it failed; null when none was needed. */
function startBuildIfNeeded(settings: Settings, children: Child[]): Promise<boolean> | null {
  const state = buildState(repositoryRoot, settings.distDir);
  if (state.current) return null;
  log(`Building the app for production (${state.reason}); this takes about a minute…`);
  const started = Date.now();
  const stamp = sourceStamp(repositoryRoot);
  const build = startChild({
    name: 'build',
    command: process.execPath,
    args: [nextCli, 'build'],
    cwd: repositoryRoot,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  children.push(build);
  return build.exited.then((exit) => {
    children.splice(children.indexOf(build), 1);
    if (exit.code !== 0) {
      if (exit.signal === null) warn(`The production build failed (${describeExit(exit)}); see its output above.`);
      return false;
    }
    recordBuildStamp(repositoryRoot, settings.distDir, stamp);
    log(`Build finished in ${seconds(started)}`);
    return true;
  });
}

function childEnvironment(settings: Settings, secrets: Secrets, databaseUrl: string, role: 'web' | 'worker') {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secrets.authSecret,
    AUTH_TRUST_HOST: 'true',
    PORT: String(settings.port),
    PUBLIC_URL: settings.publicUrl,
    SMS_PROVIDER: settings.smsProvider,
    TWILIO_ACCOUNT_SID: secrets.twilioAccountSid,
    TWILIO_AUTH_TOKEN: secrets.twilioAuthToken,
    SIM_OUTCOMES: settings.simOutcomes,
    PULSE_EMBEDDED: settings.databaseUrl === null ? '1' : '',
    PULSE_PROCESS: role,
    PULSE_LAUNCHER_PID: String(process.pid),
    NEXT_TELEMETRY_DISABLED: '1',
    // Children write to our pipes, not the terminal; keep their colours when we have them.
    ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
  };
}

function startWeb(settings: Settings, secrets: Secrets, databaseUrl: string): Child {
  return startChild({
    name: 'web',
    command: process.execPath,
    args: [nextCli, settings.mode, '-p', String(settings.port)],
    cwd: repositoryRoot,
    env: { ...childEnvironment(settings, secrets, databaseUrl, 'web'), NODE_ENV: settings.mode === 'dev' ? 'development' : 'production' },
    // Next announces its own Local/Network URLs; ours comes once the app answers.
    showLine: (line) => !/^\s*- (Local|Network):/.test(line),
  });
}

/** The worker, and a promise that settles once it reports that it works its queues. */
function startWorker(settings: Settings, secrets: Secrets, databaseUrl: string) {
  let reportReady!: () => void;
  const workerReady = new Promise<void>((resolve) => (reportReady = resolve));
  const worker = startChild({
    name: 'worker',
    command: process.execPath,
    args: ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'],
    cwd: repositoryRoot,
    env: childEnvironment(settings, secrets, databaseUrl, 'worker'),
    onLine: (line) => {
      if (line.startsWith(WORKER_READY_LINE)) reportReady();
    },
  });
  return { worker, workerReady };
}

/** Polls GET /api/health until it answers 200. */
async function waitForHealth(settings: Settings, web: Child): Promise<void> {
  // The dev server compiles the route on its first request.
  const patienceSeconds = settings.mode === 'dev' ? 300 : 120;
  const deadline = Date.now() + patienceSeconds * 1000;
  const url = `http://127.0.0.1:${settings.port}/api/health`;
  while (!web.hasExited()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new LaunchError(`The web server did not answer ${url} within ${patienceSeconds} s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise(() => {}); // the child's exit is reported by the caller
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Settings errors arrive here (they come before anything is started); they need no stack.
    if (error instanceof LaunchError) warn(error.message);
    else warn(`Pulse stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
