// Launch and dispatch: merge fields and tracked links per recipient, the rules applied
// at dispatch time (opt-outs, quiet hours), per-number rates, provider errors, and
// recovery of a send abandoned mid-way — each checked against the simulator's outbox.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { campaignRecipients, campaignStats, campaigns, contacts, linkCodes, links, messages, phoneNumbers, simMessages, surveyInvitations, surveyTokens } from '@/db/schema';
import { fanOutCampaign } from '@/lib/campaigns/launch';
import { dispatchDueMessages, recoverAbandonedClaims } from '@/lib/messaging/dispatch';
import type { SmsProvider } from '@/lib/messaging/providers/provider';
import { PermanentProviderError, TransientProviderError } from '@/lib/messaging/twilio/client';
import { verifyStats } from '@/lib/stats';
import { createSurvey } from '../../support/factories';
import { campaignWorld, phoneEndingIn, sendCampaign, simProvider, stopTestBoss, useTwilioTestEnvironment, type World } from '../../support/messaging';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

const outboxOf = (world: World) =>
  db.select().from(simMessages).where(eq(simMessages.accountId, world.account.id));
const statsOf = async (world: World) =>
  (await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, world.account.id), eq(campaignStats.campaignId, world.campaign.id))))[0]!;
const messagesOf = (world: World) =>
  db.select().from(messages).where(and(eq(messages.accountId, world.account.id), eq(messages.campaignId, world.campaign.id)));
const campaignOf = async (world: World) =>
  (await db.select().from(campaigns).where(and(eq(campaigns.accountId, world.account.id), eq(campaigns.id, world.campaign.id))))[0]!;
const expectRecountAgrees = async (world: World) => expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);

/** A provider that fails the way the test says, then behaves like the simulator. */
async function flakyProvider(failures: Array<() => Error>): Promise<SmsProvider & { calls: number }> {
  const sim = await simProvider();
  const provider = {
    ...sim,
    calls: 0,
    async send(text: Parameters<SmsProvider['send']>[0]) {
      provider.calls += 1;
      const failure = failures.shift();
      if (failure) throw failure();
      return sim.send(text);
    },
  };
  return provider;
}

describe('launching a campaign', () => {
  it('texts every contact once, with their name and their own tracked link', async () => {
    const world = await campaignWorld({
      contacts: [{ firstName: 'Ana', phone: phoneEndingIn(1) }, { firstName: 'Bruno', phone: phoneEndingIn(2) }],
      body: 'Hi {first_name}! Our sale: https://shop.example.com/sale?x=1.',
    });
    await sendCampaign(world);
    const outbox = await outboxOf(world);
    expect(outbox).toHaveLength(2);
    const ana = outbox.find((m) => m.to === world.contacts[0]!.phone)!;
    expect(ana.body).toMatch(/^Hi Ana! Our sale: https:\/\/pulse\.example\.test\/l\/[0-9A-Za-z]{12}\.$/);
    const codes = outbox.map((m) => /\/l\/(\w+)/.exec(m.body)![1]!);
    expect(new Set(codes).size).toBe(2);
    const stored = await db.select().from(links).innerJoin(linkCodes, eq(linkCodes.linkId, links.id)).where(eq(links.accountId, world.account.id));
    expect(stored.map((l) => l.links.destination)).toEqual(['https://shop.example.com/sale?x=1', 'https://shop.example.com/sale?x=1']);
    expect((await campaignOf(world)).status).toBe('sent');
    expect(await statsOf(world)).toMatchObject({ recipients: 2, pending: 2, messages: 2 });
    await expectRecountAgrees(world);
  });

  it('launching twice creates nothing twice', async () => {
    const world = await campaignWorld({ contacts: [{}, {}, {}] });
    await fanOutCampaign({ accountId: world.account.id, campaignId: world.campaign.id });
    await fanOutCampaign({ accountId: world.account.id, campaignId: world.campaign.id });
    expect(await messagesOf(world)).toHaveLength(3);
    expect(await statsOf(world)).toMatchObject({ recipients: 3, pending: 3 });
  });

  it('a tag audience reaches only the tagged contacts', async () => {
    const world = await campaignWorld({ contacts: [{}, {}] });
    const [tag] = await db.execute<{ id: string }>(sql`insert into tags (account_id, name) values (${world.account.id}, 'vip') returning id`);
    await db.execute(sql`insert into contact_tags (account_id, contact_id, tag_id) values (${world.account.id}, ${world.contacts[1]!.id}, ${tag!.id})`);
    await db.update(campaigns).set({ audience: 'tag:vip' }).where(eq(campaigns.id, world.campaign.id));
    await sendCampaign(world);
    expect((await outboxOf(world)).map((m) => m.to)).toEqual([world.contacts[1]!.phone]);
  });

  it('a campaign with a survey gives each recipient a personal survey link', async () => {
    const world = await campaignWorld({ contacts: [{}, {}], body: 'Tell us: {survey_link}' });
    const survey = await createSurvey(world.account.id);
    await db.update(campaigns).set({ surveyId: survey.id }).where(eq(campaigns.id, world.campaign.id));
    await sendCampaign(world);
    const invitations = await db.select().from(surveyInvitations).innerJoin(surveyTokens, eq(surveyTokens.invitationId, surveyInvitations.id)).where(eq(surveyInvitations.accountId, world.account.id));
    expect(invitations).toHaveLength(2);
    for (const m of await outboxOf(world)) {
      const token = /\/s\/(\w+)$/.exec(m.body)![1];
      expect(invitations.map((i) => i.survey_tokens.token)).toContain(token);
    }
  });

  it('a canceled campaign sends nothing', async () => {
    const world = await campaignWorld({ contacts: [{}] });
    await db.update(campaigns).set({ status: 'canceled' }).where(eq(campaigns.id, world.campaign.id));
    await sendCampaign(world);
    expect(await outboxOf(world)).toEqual([]);
  });
});

describe('rules at dispatch time', () => {
  it('never texts an opted-out contact: the recipient is suppressed with the reason', async () => {
    const world = await campaignWorld({ contacts: [{ optedOutAt: new Date() }, {}] });
    await sendCampaign(world);
    expect((await outboxOf(world)).map((m) => m.to)).toEqual([world.contacts[1]!.phone]);
    const recipients = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, world.campaign.id));
    expect(recipients.find((r) => r.contactId === world.contacts[0]!.id)).toMatchObject({ status: 'suppressed', statusReason: 'opted_out' });
    expect(await statsOf(world)).toMatchObject({ recipients: 1, suppressed: 1, pending: 1 });
    await expectRecountAgrees(world);
  });

  it('suppresses a contact who opted out after the launch but before dispatch', async () => {
    const world = await campaignWorld({ contacts: [{}] });
    await fanOutCampaign({ accountId: world.account.id, campaignId: world.campaign.id });
    await db.update(contacts).set({ optedOutAt: new Date() }).where(eq(contacts.id, world.contacts[0]!.id));
    await dispatchDueMessages(await simProvider());
    expect(await outboxOf(world)).toEqual([]);
    expect(await statsOf(world)).toMatchObject({ recipients: 0, suppressed: 1 });
    await expectRecountAgrees(world);
  });

  it("holds a text outside quiet hours in the recipient's own zone", async () => {
    // Sending allowed from 1 to 3 hours after the current UTC time of day.
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    const window = { start: (minute + 60) % 1440, end: (minute + 180) % 1440 };
    const world = await campaignWorld({
      contacts: [{ timeZone: null }, { timeZone: 'Etc/GMT-2' /* UTC+2: inside the window now */ }],
      quietHours: window,
    });
    await sendCampaign(world);
    expect((await outboxOf(world)).map((m) => m.to)).toEqual([world.contacts[1]!.phone]);
    const waiting = (await messagesOf(world)).find((m) => m.contactId === world.contacts[0]!.id)!;
    expect(waiting).toMatchObject({ status: 'pending', statusReason: 'quiet_hours' });
    const expectedStart = (Math.floor(now.getTime() / 60_000) + 60) * 60_000;
    expect(Math.abs(waiting.sendAfter!.getTime() - expectedStart)).toBeLessThan(61_000);
    expect((await campaignOf(world)).status).toBe('sending');
    const recipients = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, world.campaign.id));
    expect(recipients.find((r) => r.contactId === world.contacts[0]!.id)).toMatchObject({ status: 'pending', statusReason: 'quiet_hours' });
    await expectRecountAgrees(world);
  });

  it("keeps to the number's rate", async () => {
    const world = await campaignWorld({ contacts: [{}, {}, {}, {}, {}] });
    await db.update(phoneNumbers).set({ sendRatePerSecond: 2 }).where(eq(phoneNumbers.id, world.number.id));
    await fanOutCampaign({ accountId: world.account.id, campaignId: world.campaign.id });
    const sim = await simProvider();
    expect(await dispatchDueMessages(sim)).toBe(2);
    expect(await dispatchDueMessages(sim)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await dispatchDueMessages(sim)).toBe(2);
  });
});

describe('provider errors', () => {
  it('retries a transient error later, then sends once', async () => {
    const world = await campaignWorld({ contacts: [{}] });
    const provider = await flakyProvider([() => new TransientProviderError(20429, 'Too many requests')]);
    await sendCampaign(world, provider);
    const [waiting] = await messagesOf(world);
    expect(waiting).toMatchObject({ status: 'ready', statusReason: 'retrying', providerAttempts: 1 });
    expect(waiting!.sendAfter!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    await db.update(messages).set({ sendAfter: new Date() }).where(eq(messages.id, waiting!.id));
    await dispatchDueMessages(provider);
    expect(await outboxOf(world)).toHaveLength(1);
    expect((await messagesOf(world))[0]).toMatchObject({ status: 'queued', providerAttempts: 2 });
    await expectRecountAgrees(world);
  });

  it('records a permanent error as a failure with its code', async () => {
    const world = await campaignWorld({ contacts: [{}] });
    await sendCampaign(world, await flakyProvider([() => new PermanentProviderError(21211, "Invalid 'To' Phone Number")]));
    expect((await messagesOf(world))[0]).toMatchObject({ status: 'failed', errorCode: 21211 });
    expect(await statsOf(world)).toMatchObject({ failed: 1, pending: 0, messages: 0, credits: 0 });
    expect((await campaignOf(world)).status).toBe('sent');
    await expectRecountAgrees(world);
  });

  it('a send whose answer was lost is found at the provider, not sent again', async () => {
    const world = await campaignWorld({ contacts: [{}] });
    const sim = await simProvider();
    const lostAnswer: SmsProvider = {
      ...sim,
      async send(text) {
        await sim.send(text);
        throw new TransientProviderError(null, 'socket hang up', { outcomeUnknown: true });
      },
    };
    await sendCampaign(world, lostAnswer);
    expect(await outboxOf(world)).toHaveLength(1);
    expect((await messagesOf(world))[0]).toMatchObject({ status: 'queued' });
  });

  it('settles claims abandoned by a dead worker without texting anyone twice', async () => {
    process.env.PULSE_CLAIM_TIMEOUT_SECONDS = '1';
    const world = await campaignWorld({ contacts: [{}, {}, {}, {}] });
    await fanOutCampaign({ accountId: world.account.id, campaignId: world.campaign.id });
    const sim = await simProvider();
    // A worker claimed everything, texted two recipients, then died before recording anything.
    const claimed = await messagesOf(world);
    await db.update(messages).set({ status: 'claimed', statusRank: 2, claimedAt: new Date(Date.now() - 5_000) }).where(eq(messages.campaignId, world.campaign.id));
    for (const m of claimed.slice(0, 2)) {
      await sim.send({ idempotencyKey: m.idempotencyKey!, to: m.contactPhone, from: m.numberPhone, body: m.body, statusCallback: 'https://x' });
    }
    expect(await recoverAbandonedClaims(sim)).toBe(4);
    for (let i = 0; i < 5; i++) await dispatchDueMessages(sim);
    const outbox = await outboxOf(world);
    expect(outbox).toHaveLength(4);
    expect(new Set(outbox.map((m) => m.to)).size).toBe(4);
    expect((await messagesOf(world)).every((m) => m.status === 'queued' && m.providerSid !== null)).toBe(true);
    delete process.env.PULSE_CLAIM_TIMEOUT_SECONDS;
  });
});
