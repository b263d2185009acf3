// The worker killed (SIGKILL) in the middle of a campaign, then started again: every
// recipient is texted exactly once, counted at the simulator's outbox, and every
// rollup still equals the recount.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { campaigns, messages, phoneNumbers, simMessages } from '@/db/schema';
import { verifyStats } from '@/lib/stats';
import { campaignWorld, phoneEndingIn, TEST_AUTH_TOKEN, TEST_PUBLIC_URL, useTwilioTestEnvironment } from '../../support/messaging';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const RECIPIENTS = 240;

beforeAll(useTwilioTestEnvironment);

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function startWorker(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PULSE_PROCESS: 'worker',
      SIM_OUTCOMES: 'manual',
      PUBLIC_URL: TEST_PUBLIC_URL,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      // A claim left by the killed worker is settled after 2 s instead of 90.
      PULSE_CLAIM_TIMEOUT_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

describe('a worker killed mid-campaign', () => {
  it('texts every recipient exactly once after a restart', async () => {
    const world = await campaignWorld({ contacts: Array.from({ length: RECIPIENTS }, (_, i) => ({ phone: phoneEndingIn(i % 8) })) });
    // About 60 texts a second, so the campaign takes a few seconds and the kill lands mid-way.
    await db.update(phoneNumbers).set({ sendRatePerSecond: 60 }).where(eq(phoneNumbers.id, world.number.id));
    await db
      .update(campaigns)
      .set({ status: 'scheduled', scheduledAt: new Date(), sentAt: null })
      .where(and(eq(campaigns.accountId, world.account.id), eq(campaigns.id, world.campaign.id)));
    const outbox = () => db.$count(simMessages, eq(simMessages.accountId, world.account.id));

    const first = startWorker();
    await expect.poll(outbox, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(RECIPIENTS / 3);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('close', resolve));
    const sentBeforeCrash = await outbox();
    expect(sentBeforeCrash).toBeLessThan(RECIPIENTS);

    const second = startWorker();
    await expect
      .poll(async () => (await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, world.campaign.id)))[0]?.status, {
        timeout: 90_000,
        interval: 250,
      })
      .toBe('sent');
    second.child.kill('SIGTERM');

    const texts = await db.select({ to: simMessages.to }).from(simMessages).where(eq(simMessages.accountId, world.account.id));
    expect(texts).toHaveLength(RECIPIENTS);
    expect(new Set(texts.map((t) => t.to)).size).toBe(RECIPIENTS);
    const [unsent] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from ${messages}
      where ${messages.accountId} = ${world.account.id} and (${messages.providerSid} is null or ${messages.status} <> 'queued')`);
    expect(unsent?.n).toBe(0);
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  }, 200_000);
});
