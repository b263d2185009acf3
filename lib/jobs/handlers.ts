// The registry of background jobs: each entry names a pg-boss queue and the function
// that works its jobs. The messaging engine adds its queues here (sending, scheduled
// campaigns, automation triggers); the worker process registers all of them.
import type PgBoss from 'pg-boss';

export type JobHandler<Data extends object = object> = {
  queue: string;
  options?: {
    /** Retry, expiry and retention of the queue (applied to an existing queue too). */
    queue?: Omit<PgBoss.Queue, 'name'>;
    /** Batch size and polling interval of this worker's fetches. */
    work?: PgBoss.WorkOptions;
  };
  /** Must be idempotent: pg-boss delivers a job again after a crash or an expiry. */
  handle(jobs: PgBoss.Job<Data>[]): Promise<void>;
};

/** Queues and their handlers; empty until the messaging engine lands. */
export const jobHandlers: JobHandler[] = [];

/** A typed entry for `jobHandlers`: `defineJobHandler<{ campaignId: number }>({ … })`. */
export function defineJobHandler<Data extends object>(handler: JobHandler<Data>): JobHandler {
  return handler;
}

/** Creates each handler's queue (if missing) and starts working it. */
export async function registerHandlers(boss: PgBoss, handlers: readonly JobHandler[] = jobHandlers): Promise<void> {
  for (const handler of handlers) {
    const queueOptions = { name: handler.queue, ...handler.options?.queue };
    await boss.createQueue(handler.queue, queueOptions);
    // createQueue leaves an existing queue as it was; changed options must still apply.
    if (handler.options?.queue) await boss.updateQueue(handler.queue, queueOptions);
    await boss.work<object>(handler.queue, handler.options?.work ?? {}, (jobs) => handler.handle(jobs));
  }
}
