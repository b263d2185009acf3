// The whole loop with the simulator in `auto` mode: the worker launches a scheduled
// campaign, the simulator accepts each text and later calls our status webhook over
// HTTP, signed like Twilio, with the outcome its last digit decides; a contact's reply
// comes in through the inbound webhook. Every count then matches the recount.
import { createServer, type Server } from 'node:http';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as inboundWebhook } from '@/app/api/webhooks/twilio/inbound/route';
import { POST as statusWebhook } from '@/app/api/webhooks/twilio/status/route';
import { db } from '@/db/client';
import { campaignStats, campaigns } from '@/db/schema';
import { startWorker, type RunningWorker } from '@/lib/jobs/worker';
import { deliverSimInbound } from '@/lib/messaging/providers/sim';
import { verifyStats } from '@/lib/stats';
import { campaignWorld, phoneEndingIn, useTwilioTestEnvironment } from '../../support/messaging';

let server: Server;
let worker: RunningWorker;

beforeAll(async () => {
  useTwilioTestEnvironment();
  process.env.SIM_OUTCOMES = 'auto';
  // The web server's part: our two webhook route handlers behind a real HTTP port.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const handler = req.url?.startsWith('/api/webhooks/twilio/inbound') ? inboundWebhook : statusWebhook;
      handler(request).then(
        async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  process.env.PUBLIC_URL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  worker = await startWorker({ log: () => {} });
});

afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => server?.close(resolve));
  process.env.SIM_OUTCOMES = 'manual';
});

describe('the simulator in auto mode', () => {
  it('reports each outcome by the last digit, through the signed status webhook', async () => {
    const world = await campaignWorld({
      contacts: [{ phone: phoneEndingIn(1) }, { phone: phoneEndingIn(4) }, { phone: phoneEndingIn(8) }, { phone: phoneEndingIn(9) }],
    });
    await db
      .update(campaigns)
      .set({ status: 'scheduled', scheduledAt: new Date(), sentAt: null })
      .where(and(eq(campaigns.accountId, world.account.id), eq(campaigns.id, world.campaign.id)));

    const stats = async () =>
      (await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, world.account.id), eq(campaignStats.campaignId, world.campaign.id))))[0]!;
    await expect.poll(async () => { const s = await stats(); return s.delivered + s.failed; }, { timeout: 60_000, interval: 250 }).toBe(4);
    expect(await stats()).toMatchObject({ recipients: 4, delivered: 2, failed: 2, messages: 4 });

    const { replies } = await deliverSimInbound({ from: world.contacts[0]!.phone, to: world.number.e164, body: 'STOP' });
    expect(replies).toHaveLength(1);
    expect(await stats()).toMatchObject({ optedOut: 1 });
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  }, 90_000);
});
