// The registry of background jobs: each entry names a pg-boss queue and the function
// that works its jobs; the worker process registers all of them. Sending itself is
// not a job: the messages table is its queue (see lib/jobs/pump.ts).
import type PgBoss from 'pg-boss';
import { CAMPAIGN_FANOUT_QUEUE, fanOutCampaign, type FanOutJob } from '@/lib/campaigns/launch';
import { deliverSimCallback, SIM_CALLBACK_QUEUE, type SimCallback } from '@/lib/messaging/providers/sim';

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

/** A typed entry for `jobHandlers`: `defineJobHandler<{ campaignId: number }>({ … })`. */
export function defineJobHandler<Data extends object>(handler: JobHandler<Data>): JobHandler {
  return handler;
}

export const jobHandlers: JobHandler[] = [
  // A campaign's launch: adds the audience and creates the messages, batch by batch.
  defineJobHandler<FanOutJob>({
    queue: CAMPAIGN_FANOUT_QUEUE,
    options: { queue: { retryLimit: 20, retryDelay: 5, expireInSeconds: 3600 }, work: { pollingIntervalSeconds: 1 } },
    async handle(jobs) {
      for (const job of jobs) await fanOutCampaign(job.data);
    },
  }),
  // The simulator reporting an outcome to our status webhook, as Twilio would.
  defineJobHandler<SimCallback>({
    queue: SIM_CALLBACK_QUEUE,
    options: { queue: { retryLimit: 5, retryDelay: 2, retryBackoff: true }, work: { batchSize: 20, pollingIntervalSeconds: 0.5 } },
    async handle(jobs) {
      await Promise.all(jobs.map((job) => deliverSimCallback(job.data)));
    },
  }),
];

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
