// The worker process's engine: pg-boss on DATABASE_URL (its tables in the `pgboss`
// schema, created on first start) working every queue of the job registry.
import PgBoss from 'pg-boss';
import { closeDb } from '@/db/client';
import { createProvider } from '@/lib/messaging/providers';
import { jobHandlers, registerHandlers, type JobHandler } from './handlers';
import { startPump } from './pump';

/** The line the worker logs once it works its queues (the launcher waits for it). */
export const WORKER_READY_LINE = 'worker ready';

export type RunningWorker = {
  boss: PgBoss;
  /** Lets running jobs finish (up to `timeoutMs`), then closes pg-boss's and the app's connections. */
  stop(timeoutMs?: number): Promise<void>;
};

export async function startWorker(
  options: { databaseUrl?: string; handlers?: readonly JobHandler[]; log?: (line: string) => void; pump?: boolean } = {},
): Promise<RunningWorker> {
  const connectionString = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (start Pulse with `npm start`, which provides one)');
  const log = options.log ?? ((line: string) => console.log(line));

  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    // Jobs are short database transactions and provider calls; a small pool is plenty.
    max: 4,
    application_name: 'pulse-worker',
  });
  // Without a listener an 'error' event would crash the process; with one, pg-boss
  // keeps polling and recovers when the database comes back.
  boss.on('error', (error) => log(`pg-boss error: ${error.stack ?? error.message}`));

  await boss.start();
  const handlers = options.handlers ?? jobHandlers;
  await registerHandlers(boss, handlers);
  // Sending: launch due campaigns and hand due messages to the provider.
  const pump = options.pump === false ? null : startPump(boss, createProvider(boss));
  log(`${WORKER_READY_LINE}: ${handlers.length === 0 ? 'no queues registered yet' : handlers.map((h) => h.queue).join(', ')}`);

  let stopping: Promise<void> | null = null;
  return {
    boss,
    stop(timeoutMs = 8_000) {
      stopping ??= (async () => {
        await pump?.stop();
        await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
        await closeDb();
      })();
      return stopping;
    },
  };
}
