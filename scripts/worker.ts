// `npm run worker`: the background job process (started by the launcher, or on its
// own beside `next start` in production). Stops gracefully on SIGTERM/SIGINT.
import { startWorker, type RunningWorker } from '@/lib/jobs/worker';

const log = (line: string) => process.stdout.write(`${line}\n`);

let stopReason: string | null = null;
const stop = (reason: string) => {
  if (stopReason) return; // Ctrl-C in a terminal also reaches us beside the launcher's SIGTERM
  stopReason = reason;
  log(`stopping (${reason}); letting running jobs finish…`);
  void started
    .then((worker) => worker.stop())
    .then(
      () => {
        log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
};
// The handlers go in before the first await: a stop asked for while the worker starts
// (it reports ready before startWorker returns) must still be graceful, not the default kill.
const started: Promise<RunningWorker> = startWorker({ log });
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
await started;

// Started by the launcher: should the launcher die without stopping us, stop too,
// instead of polling a database that is gone.
const launcherPid = Number(process.env.PULSE_LAUNCHER_PID);
if (Number.isInteger(launcherPid) && launcherPid > 0) {
  setInterval(() => {
    try {
      process.kill(launcherPid, 0);
    } catch {
      stop('the launcher is gone');
    }
  }, 2_000).unref();
}
