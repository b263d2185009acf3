// The worker process: pg-boss on the app's database working the registered queues,
// and a graceful stop on SIGTERM (as the launcher and process managers send it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineJobHandler } from '@/lib/jobs/handlers';
import { startWorker } from '@/lib/jobs/worker';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('the worker', () => {
  it('creates the queues of the registry and works their jobs', async () => {
    const received: Array<{ campaignId: number }> = [];
    const lines: string[] = [];
    const worker = await startWorker({
      databaseUrl: process.env.DATABASE_URL,
      // Only the queues under test: no sending pump.
      pump: false,
      log: (line) => lines.push(line),
      handlers: [
        defineJobHandler<{ campaignId: number }>({
          queue: 'launcher-test',
          options: { queue: { retryLimit: 0 }, work: { pollingIntervalSeconds: 0.5 } },
          handle(jobs) {
            received.push(...jobs.map((job) => job.data));
            return Promise.resolve();
          },
        }),
      ],
    });
    try {
      expect(lines).toContain('worker ready: launcher-test');
      await worker.boss.send('launcher-test', { campaignId: 42 });
      await expect.poll(() => received, { timeout: 15_000 }).toEqual([{ campaignId: 42 }]);
    } finally {
      await worker.stop();
    }
  });

  it('runs as its own process and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      cwd: repositoryRoot,
      env: { ...process.env, PULSE_PROCESS: 'worker' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));

    await expect.poll(() => output, { timeout: 30_000 }).toContain('worker ready');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopping (SIGTERM)');
    expect(output).toContain('stopped');
  });
});
