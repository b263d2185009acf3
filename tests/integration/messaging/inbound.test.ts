// Inbound texts: reply attribution (72 hours, latest outbound from that number),
// opt-out/opt-in/help keywords with one confirmation, conversations after 24 hours of
// silence, and idempotency — through the real webhook handler where it matters.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/twilio/inbound/route';
import { db } from '@/db/client';
import { accountActivity, campaignRecipients, campaignStats, contacts, conversations, messages, optOuts } from '@/db/schema';
import { receiveInboundText } from '@/lib/messaging/inbound';
import { verifyStats } from '@/lib/stats';
import { campaignWorld, phoneEndingIn, sendCampaign, stopTestBoss, twilioRequest, useTwilioTestEnvironment, type World } from '../../support/messaging';
import { createCampaign, createPhoneNumber } from '../../support/factories';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

let sids = 0;
const newSid = () => `SM${(++sids).toString(16).padStart(8, '0')}${'a'.repeat(24)}`;

async function text(world: World, body: string, extra: Record<string, string> = {}) {
  const response = await POST(
    twilioRequest('/api/webhooks/twilio/inbound', { MessageSid: newSid(), From: world.contacts[0]!.phone, To: world.number.e164, Body: body, ...extra }),
  );
  return { status: response.status, twiml: await response.text() };
}

async function sentWorld() {
  const world = await campaignWorld({ contacts: [{ phone: phoneEndingIn(2), firstName: 'Ana' }] });
  await sendCampaign(world);
  return world;
}

async function statsOf(world: World, campaignId = world.campaign.id) {
  const [stats] = await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, world.account.id), eq(campaignStats.campaignId, campaignId)));
  return stats!;
}

const repliesOf = (twiml: string) => [...twiml.matchAll(/<Message>([^<]*)<\/Message>/g)].map((m) => m[1]);

describe('replies', () => {
  it('a reply is attributed to the campaign that texted the contact', async () => {
    const world = await sentWorld();
    const answer = await text(world, 'Yes, count me in!');
    expect(answer.status).toBe(200);
    expect(repliesOf(answer.twiml)).toEqual([]);
    expect(await statsOf(world)).toMatchObject({ replied: 1, repliesTotal: 1 });
    const [recipient] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, world.campaign.id));
    expect(recipient).toMatchObject({ replyCount: 1, lastReply: 'Yes, count me in!' });
    await text(world, 'And my sister too');
    expect(await statsOf(world)).toMatchObject({ replied: 1, repliesTotal: 2 });
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });

  it('a reply more than 72 hours after the message is not attributed', async () => {
    const world = await sentWorld();
    await db.execute(sql`update messages set sent_at = now() - interval '73 hours' where account_id = ${world.account.id} and campaign_id = ${world.campaign.id}`);
    await text(world, 'Sorry, late answer');
    expect(await statsOf(world)).toMatchObject({ replied: 0, repliesTotal: 0 });
    const [inbound] = await db.select().from(messages).where(and(eq(messages.accountId, world.account.id), eq(messages.direction, 'inbound')));
    expect(inbound).toMatchObject({ inboundKind: 'reply', attributedMessageId: null });
  });

  it('goes to the latest outbound message from that number', async () => {
    const world = await sentWorld();
    const second = await createCampaign(world.account.id, { fromNumberId: world.number.id, status: 'sending', sentAt: new Date(), body: 'Second one' });
    await db.insert(campaignStats).values({ accountId: world.account.id, campaignId: second.id });
    await sendCampaign({ ...world, campaign: second });
    await text(world, 'Which one?');
    expect(await statsOf(world)).toMatchObject({ replied: 0 });
    expect(await statsOf(world, second.id)).toMatchObject({ replied: 1 });
  });

  it('a text to another of our numbers is not a reply to this campaign', async () => {
    const world = await sentWorld();
    const other = await createPhoneNumber(world.account.id);
    await db.execute(sql`insert into number_routes (e164, account_id, phone_number_id) values (${other.e164}, ${world.account.id}, ${other.id})`);
    await text({ ...world, number: other }, 'Hello?');
    expect(await statsOf(world)).toMatchObject({ replied: 0 });
  });
});

describe('keywords', () => {
  it('STOP opts out once, is answered once, and is not a reply', async () => {
    const world = await sentWorld();
    const first = await text(world, '  Stop. ');
    expect(repliesOf(first.twiml)).toHaveLength(1);
    expect(repliesOf(first.twiml)[0]).toMatch(/unsubscribed/i);
    const second = await text(world, 'STOP');
    expect(repliesOf(second.twiml)).toEqual([]);
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, world.contacts[0]!.id));
    expect(contact!.optedOutAt).not.toBeNull();
    expect(await statsOf(world)).toMatchObject({ optedOut: 1, replied: 0 });
    const history = await db.select().from(optOuts).where(eq(optOuts.contactId, world.contacts[0]!.id));
    expect(history).toMatchObject([{ kind: 'opt_out', source: 'keyword', keyword: 'STOP', campaignId: world.campaign.id }]);
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });

  it.each(['Stop please', 'please unsubscribe', 'STOP texting me'])('"%s" opts out', async (body) => {
    const world = await sentWorld();
    await text(world, body);
    expect(await statsOf(world)).toMatchObject({ optedOut: 1, replied: 0 });
  });

  it('START opts back in and is answered', async () => {
    const world = await sentWorld();
    await text(world, 'STOP');
    const back = await text(world, 'start');
    expect(repliesOf(back.twiml)[0]).toMatch(/resubscribed/i);
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, world.contacts[0]!.id));
    expect(contact!.optedOutAt).toBeNull();
    expect((await db.select().from(optOuts).where(eq(optOuts.contactId, world.contacts[0]!.id))).map((o) => o.kind)).toEqual(['opt_out', 'opt_in']);
  });

  it('HELP is answered with the help text and not counted', async () => {
    const world = await sentWorld();
    await db.execute(sql`update accounts set help_text = 'Acme: call 555-0100 for help.' where id = ${world.account.id}`);
    const answer = await text(world, 'HELP');
    expect(repliesOf(answer.twiml)).toEqual(['Acme: call 555-0100 for help.']);
    expect(await statsOf(world)).toMatchObject({ replied: 0, optedOut: 0 });
  });

  it('keyword answers are charged like any outbound text', async () => {
    const world = await sentWorld();
    await text(world, 'HELP');
    const [{ credits }] = (await db
      .select({ credits: sql<number>`sum(${accountActivity.credits})::int` })
      .from(accountActivity)
      .where(eq(accountActivity.accountId, world.account.id))) as [{ credits: number }];
    expect(credits).toBe(2); // the campaign text and the help answer, one segment each
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });

  it('with Twilio Advanced Opt-Out (OptOutType) Twilio has answered, so Pulse does not', async () => {
    const world = await sentWorld();
    const answer = await text(world, 'STOP', { OptOutType: 'STOP' });
    expect(repliesOf(answer.twiml)).toEqual([]);
    expect(await statsOf(world)).toMatchObject({ optedOut: 1 });
  });
});

describe('conversations and idempotency', () => {
  it('starts a conversation after 24 hours of silence on the thread, not before', async () => {
    const world = await campaignWorld({ contacts: [{ phone: phoneEndingIn(3) }] });
    const base = { from: world.contacts[0]!.phone, to: world.number.e164, optOutType: null };
    const t0 = new Date('2026-11-01T12:00:00Z');
    await receiveInboundText({ ...base, messageSid: newSid(), body: 'Hi there' }, t0);
    await receiveInboundText({ ...base, messageSid: newSid(), body: 'Anyone?' }, new Date(t0.getTime() + 23 * 3600_000));
    await receiveInboundText({ ...base, messageSid: newSid(), body: 'Back again' }, new Date(t0.getTime() + 48 * 3600_000));
    const started = await db.select().from(conversations).where(eq(conversations.accountId, world.account.id));
    expect(started).toHaveLength(2);
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });

  it('a reply to our own text is not a new conversation', async () => {
    const world = await sentWorld();
    await text(world, 'Thanks!');
    expect(await db.$count(conversations, eq(conversations.accountId, world.account.id))).toBe(0);
  });

  it('the same MessageSid twice changes nothing', async () => {
    const world = await sentWorld();
    const params = { MessageSid: newSid(), From: world.contacts[0]!.phone, To: world.number.e164, Body: 'Yes!' };
    await POST(twilioRequest('/api/webhooks/twilio/inbound', params));
    await POST(twilioRequest('/api/webhooks/twilio/inbound', params));
    expect(await db.$count(messages, and(eq(messages.accountId, world.account.id), eq(messages.direction, 'inbound')))).toBe(1);
    expect(await statsOf(world)).toMatchObject({ repliesTotal: 1 });
  });

  it('a text from a stranger creates the contact', async () => {
    const world = await sentWorld();
    const stranger = phoneEndingIn(4);
    await POST(twilioRequest('/api/webhooks/twilio/inbound', { MessageSid: newSid(), From: stranger, To: world.number.e164, Body: 'Who is this?' }));
    expect(await db.$count(contacts, and(eq(contacts.accountId, world.account.id), eq(contacts.phone, stranger)))).toBe(1);
  });
});

describe('inbound input', () => {
  it('a text to a number nobody owns is answered empty and stores nothing', async () => {
    const before = await db.$count(messages);
    const response = await POST(twilioRequest('/api/webhooks/twilio/inbound', { MessageSid: newSid(), From: '+14155550101', To: '+19995550100', Body: 'hi' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Response/>');
    expect(await db.$count(messages)).toBe(before);
  });

  it('refuses bad signatures (403) and missing or malformed fields (400)', async () => {
    const world = await sentWorld();
    const good = { MessageSid: newSid(), From: world.contacts[0]!.phone, To: world.number.e164, Body: 'x' };
    expect((await POST(twilioRequest('/api/webhooks/twilio/inbound', good, { signature: 'AAAA' }))).status).toBe(403);
    expect((await POST(twilioRequest('/api/webhooks/twilio/inbound', { ...good, From: '' }))).status).toBe(400);
    expect((await POST(twilioRequest('/api/webhooks/twilio/inbound', { ...good, To: 'nobody' }))).status).toBe(400);
    expect((await POST(twilioRequest('/api/webhooks/twilio/inbound', { Body: 'no sid' }))).status).toBe(400);
    expect(await db.$count(messages, and(eq(messages.accountId, world.account.id), eq(messages.direction, 'inbound')))).toBe(0);
  });
});
