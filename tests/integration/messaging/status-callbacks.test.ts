// Status callbacks through the real webhook handler: signature, parsing, idempotency,
// statuses never moving backwards, and every rollup equal to the recount afterwards.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/twilio/status/route';
import { db } from '@/db/client';
import { campaignRecipients, campaignStats, contacts, messageEvents, optOuts } from '@/db/schema';
import { verifyStats } from '@/lib/stats';
import { campaignWorld, phoneEndingIn, sendCampaign, stopTestBoss, twilioRequest, useTwilioTestEnvironment, type World } from '../../support/messaging';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

const callback = (sid: string, status: string, extra: Record<string, string> = {}) =>
  POST(twilioRequest('/api/webhooks/twilio/status', { MessageSid: sid, MessageStatus: status, To: '+14155550000', From: '+12025550000', AccountSid: 'AC' + '0'.repeat(32), ...extra }));

async function oneRecipient(): Promise<{ world: World; sid: string; messageId: number }> {
  const world = await campaignWorld({ contacts: [{ phone: phoneEndingIn(1) }] });
  const [message] = await sendCampaign(world);
  return { world, sid: message!.providerSid!, messageId: message!.id };
}

async function stateOf(world: World) {
  const [recipient] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, world.campaign.id));
  const [stats] = await db.select().from(campaignStats).where(eq(campaignStats.campaignId, world.campaign.id));
  return { recipient: recipient!, stats: stats! };
}

async function expectRollupsMatchRecount(world: World) {
  expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
}

describe('status callbacks', () => {
  it('a sent message is pending until a callback says otherwise', async () => {
    const { world } = await oneRecipient();
    const { recipient, stats } = await stateOf(world);
    expect(recipient.status).toBe('pending');
    expect(recipient.messageStatus).toBe('queued');
    expect(stats).toMatchObject({ recipients: 1, pending: 1, delivered: 0, failed: 0, messages: 1 });
    await expectRollupsMatchRecount(world);
  });

  const deliveredOrders = [
    ['sent', 'delivered'],
    ['delivered', 'sent'],
    ['sent', 'sent', 'delivered', 'delivered'],
    ['delivered', 'delivered', 'sent', 'sent'],
    ['queued', 'sending', 'sent', 'delivered'],
    ['delivered', 'sending', 'queued', 'sent'],
  ];
  it.each(deliveredOrders.map((order) => ({ order, label: order.join(' → ') })))('ends delivered whatever the order: $label', async ({ order }) => {
    const { world, sid } = await oneRecipient();
    for (const status of order) expect((await callback(sid, status)).status).toBe(204);
    const { recipient, stats } = await stateOf(world);
    expect(recipient).toMatchObject({ status: 'delivered', messageStatus: 'delivered' });
    expect(recipient.deliveredAt).not.toBeNull();
    expect(stats).toMatchObject({ recipients: 1, delivered: 1, pending: 0, failed: 0 });
    await expectRollupsMatchRecount(world);
  });

  it("a late 'sent' after 'delivered' is logged but changes no count", async () => {
    const { world, sid, messageId } = await oneRecipient();
    await callback(sid, 'delivered');
    const before = await stateOf(world);
    await callback(sid, 'sent');
    const after = await stateOf(world);
    expect(after.stats).toEqual(before.stats);
    expect(after.recipient.status).toBe('delivered');
    const events = await db.select().from(messageEvents).where(eq(messageEvents.messageId, messageId));
    expect(events.map((e) => [e.status, e.applied]).sort()).toEqual([
      ['delivered', true],
      ['sent', false],
    ]);
  });

  it('the same callback twice is stored once', async () => {
    const { world, sid, messageId } = await oneRecipient();
    await callback(sid, 'delivered');
    await callback(sid, 'delivered');
    const events = await db.select().from(messageEvents).where(eq(messageEvents.messageId, messageId));
    expect(events).toHaveLength(1);
    expect((await stateOf(world)).stats.delivered).toBe(1);
  });

  it('concurrent callbacks for one message settle on the highest status', async () => {
    const { world, sid } = await oneRecipient();
    await Promise.all(['sent', 'delivered', 'sent', 'read', 'delivered'].map((s) => callback(sid, s)));
    const { recipient, stats } = await stateOf(world);
    expect(recipient.messageStatus).toBe('read');
    expect(stats).toMatchObject({ delivered: 1, pending: 0 });
    await expectRollupsMatchRecount(world);
  });

  it.each([
    ['undelivered', '30003'],
    ['failed', '30006'],
  ])('%s with error %s counts as failed, with the code, in any order', async (status, code) => {
    const { world, sid } = await oneRecipient();
    await callback(sid, status, { ErrorCode: code });
    await callback(sid, 'sent');
    const { recipient, stats } = await stateOf(world);
    expect(recipient).toMatchObject({ status: 'failed', errorCode: Number(code) });
    expect(stats).toMatchObject({ failed: 1, pending: 0, delivered: 0 });
    await expectRollupsMatchRecount(world);
  });

  it("'failed' after 'delivered' does not undo the delivery", async () => {
    const { world, sid } = await oneRecipient();
    await callback(sid, 'delivered');
    await callback(sid, 'failed', { ErrorCode: '30008' });
    expect((await stateOf(world)).recipient.status).toBe('delivered');
  });

  it('error 21610 opts the recipient out, attributed to the campaign', async () => {
    const { world, sid } = await oneRecipient();
    await callback(sid, 'undelivered', { ErrorCode: '21610' });
    const contactId = world.contacts[0]!.id;
    const [contact] = await db.select().from(contacts).where(and(eq(contacts.accountId, world.account.id), eq(contacts.id, contactId)));
    expect(contact!.optedOutAt).not.toBeNull();
    const history = await db.select().from(optOuts).where(eq(optOuts.contactId, contactId));
    expect(history).toMatchObject([{ kind: 'opt_out', source: 'carrier', campaignId: world.campaign.id }]);
    expect((await stateOf(world)).stats).toMatchObject({ failed: 1, optedOut: 1 });
    await expectRollupsMatchRecount(world);
  });

  it('an unknown sid is answered and stores nothing', async () => {
    const before = await db.$count(messageEvents);
    const response = await callback('SM' + 'f'.repeat(32), 'delivered');
    expect(response.status).toBe(204);
    expect(await db.$count(messageEvents)).toBe(before);
  });
});

describe('status callback input', () => {
  it('refuses a bad or missing signature with 403 and stores nothing', async () => {
    const { sid } = await oneRecipient();
    const before = await db.$count(messageEvents);
    const params = { MessageSid: sid, MessageStatus: 'delivered' };
    expect((await POST(twilioRequest('/api/webhooks/twilio/status', params, { signature: 'bm90IGEgc2lnbmF0dXJl' }))).status).toBe(403);
    expect((await POST(twilioRequest('/api/webhooks/twilio/status', params, { signature: null }))).status).toBe(403);
    expect(await db.$count(messageEvents)).toBe(before);
  });

  it('answers 400 for missing or malformed fields', async () => {
    const { sid } = await oneRecipient();
    const malformed: Array<Record<string, string>> = [
      { MessageStatus: 'delivered' },
      { MessageSid: sid },
      { MessageSid: 'not-a-sid', MessageStatus: 'delivered' },
      { MessageSid: sid, MessageStatus: 'exploded' },
      { MessageSid: sid, MessageStatus: 'failed', ErrorCode: 'abc' },
    ];
    for (const params of malformed) {
      expect((await POST(twilioRequest('/api/webhooks/twilio/status', params))).status, JSON.stringify(params)).toBe(400);
    }
  });

  it('answers 413 for a 1 MB body and 415 for another encoding', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    expect((await POST(twilioRequest('/api/webhooks/twilio/status', { Body: huge }))).status).toBe(413);
    const json = new Request('http://127.0.0.1:3000/api/webhooks/twilio/status', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"MessageSid":"x"}',
    });
    expect((await POST(json)).status).toBe(415);
  });
});
