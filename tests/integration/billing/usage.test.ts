// Monthly credits in the account's zone and each campaign's estimated overage, read
// from the rollups and checked against hand-computed figures.
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { campaignStats, closedMonthOverages } from '@/db/schema';
import { campaignOverages, monthlyUsage, type Plan } from '@/lib/billing/usage';
import { chargeMessage } from '@/lib/messaging/rollups';
import { rebuildStats } from '@/lib/stats';
import { createAccount, createAutomation, createCampaign, createPhoneNumber } from '../../support/factories';

async function planned(monthlyCredits: number | null, timeZone = 'America/New_York') {
  const account = await createAccount({ timeZone, monthlyCredits, overagePricePerCredit: 0.0125 });
  const number = await createPhoneNumber(account.id);
  const plan: Plan = { accountId: account.id, timeZone, monthlyCredits, overagePricePerCredit: 0.0125 };
  return { account, number, plan };
}

async function sentCampaign(accountId: number, fromNumberId: number, sentAt: Date, credits: number) {
  const campaign = await createCampaign(accountId, { fromNumberId, status: 'sent', sentAt });
  await db.insert(campaignStats).values({ accountId, campaignId: campaign.id, credits, messages: credits });
  return campaign;
}

async function remembered(accountId: number) {
  return db
    .select({ campaignId: closedMonthOverages.campaignId, overageCredits: closedMonthOverages.overageCredits })
    .from(closedMonthOverages)
    .where(eq(closedMonthOverages.accountId, accountId));
}

/** Texts the provider accepted at `at`, charged as the dispatcher charges them (rollups included). */
async function charged(accountId: number, at: string, credits: number, automationId: number | null = null) {
  await chargeMessage(db, { accountId, credits, sentAt: new Date(at), campaignId: null, automationId });
}

describe('monthly credits', () => {
  it("counts the calendar month in the account's zone", async () => {
    const { account, plan } = await planned(1000, 'Asia/Kathmandu');
    // Kathmandu is UTC+05:45: November starts at 2026-10-31T18:15Z.
    await charged(account.id, '2026-10-31T18:14:59Z', 7); // 23:59:59 on Oct 31 local
    await charged(account.id, '2026-10-31T18:15:00Z', 5); // 00:00 on Nov 1 local
    await charged(account.id, '2026-11-20T09:00:00Z', 40);
    await charged(account.id, '2026-11-30T18:14:00Z', 3); // 23:59 on Nov 30 local
    await charged(account.id, '2026-11-30T18:15:00Z', 9); // December there
    const usage = await monthlyUsage(db, plan, new Date('2026-11-25T12:00:00Z'));
    expect(usage).toMatchObject({ label: '2026-11', used: 48, allowance: 1000, remaining: 952 });
  });

  it('never shows less than zero remaining, and nothing on unlimited plans', async () => {
    const over = await planned(10);
    await charged(over.account.id, '2026-11-10T15:00:00Z', 25);
    expect((await monthlyUsage(db, over.plan, new Date('2026-11-25T12:00:00Z'))).remaining).toBe(0);
    const unlimited = await planned(null);
    expect((await monthlyUsage(db, unlimited.plan, new Date('2026-11-25T12:00:00Z'))).remaining).toBeNull();
  });
});

describe('estimated overage', () => {
  it('charges the month in send order, automation texts included', async () => {
    const { account, number, plan } = await planned(100);
    const first = await sentCampaign(account.id, number.id, new Date('2026-11-03T15:00:00Z'), 60);
    const automation = await createAutomation(account.id, { fromNumberId: number.id });
    await charged(account.id, '2026-11-04T15:00:00Z', 30, automation.id);
    const second = await sentCampaign(account.id, number.id, new Date('2026-11-05T15:00:00Z'), 70);
    const previousMonth = await sentCampaign(account.id, number.id, new Date('2026-10-20T15:00:00Z'), 150);
    const overages = await campaignOverages(db, plan, [
      { id: first.id, kind: 'sent', sentAt: first.sentAt! },
      { id: second.id, kind: 'sent', sentAt: second.sentAt! },
      { id: previousMonth.id, kind: 'sent', sentAt: previousMonth.sentAt! },
    ], new Date('2026-11-25T12:00:00Z'));
    expect(overages.get(first.id)).toEqual({ credits: 0, money: '0.0000' });
    // 60 + 30 used before it; 70 more passes the 100 allowance by 60.
    expect(overages.get(second.id)).toEqual({ credits: 60, money: '0.7500' });
    expect(overages.get(previousMonth.id)).toEqual({ credits: 50, money: '0.6250' });
  });

  it('charges automation texts sent as a campaign goes out before it, however many buckets lie between sends', async () => {
    const { account, number, plan } = await planned(100);
    const automation = await createAutomation(account.id, { fromNumberId: number.id });
    const first = await sentCampaign(account.id, number.id, new Date('2026-11-03T15:00:00Z'), 60);
    await charged(account.id, '2026-11-04T15:00:00Z', 15, automation.id);
    await charged(account.id, '2026-11-04T15:20:00Z', 5, automation.id);
    await charged(account.id, '2026-11-05T15:00:00Z', 20, automation.id);
    const second = await sentCampaign(account.id, number.id, new Date('2026-11-05T15:00:00Z'), 30);
    const overages = await campaignOverages(db, plan, [
      { id: first.id, kind: 'sent', sentAt: first.sentAt! },
      { id: second.id, kind: 'sent', sentAt: second.sentAt! },
    ], new Date('2026-11-25T12:00:00Z'));
    expect(overages.get(first.id)).toEqual({ credits: 0, money: '0.0000' });
    // 60 + 15 + 5 + 20 (the bucket starting with it) use the allowance up: all 30 are overage.
    expect(overages.get(second.id)).toEqual({ credits: 30, money: '0.3750' });
  });

  it('estimates a scheduled campaign against what its month has left', async () => {
    const { account, number, plan } = await planned(100);
    await charged(account.id, '2026-11-10T15:00:00Z', 80);
    const now = new Date('2026-11-25T12:00:00Z');
    const overages = await campaignOverages(db, plan, [
      { id: 9001, kind: 'scheduled', scheduledAt: new Date('2026-11-28T15:00:00Z'), estimatedCredits: 50 },
      { id: 9002, kind: 'scheduled', scheduledAt: new Date('2026-12-02T15:00:00Z'), estimatedCredits: 50 },
    ], now);
    expect(overages.get(9001)).toEqual({ credits: 30, money: '0.3750' });
    expect(overages.get(9002)).toEqual({ credits: 0, money: '0.0000' });
    void number;
  });

  it("remembers an ended month's overage until a charge lands in it, per allowance", async () => {
    const { account, number, plan } = await planned(100);
    const automation = await createAutomation(account.id, { fromNumberId: number.id });
    const october = await sentCampaign(account.id, number.id, new Date('2026-10-20T15:00:00Z'), 120);
    const subjects = [{ id: october.id, kind: 'sent' as const, sentAt: october.sentAt! }];
    const now = new Date('2026-11-25T12:00:00Z');
    expect((await campaignOverages(db, plan, subjects, now)).get(october.id)).toEqual({ credits: 20, money: '0.2500' });
    expect(await remembered(account.id)).toEqual([{ campaignId: october.id, overageCredits: 20 }]);

    // A late charge dated before the send (a backfill) is counted, not the remembered figure.
    await charged(account.id, '2026-10-05T15:00:00Z', 30, automation.id);
    expect(await remembered(account.id)).toEqual([]);
    expect((await campaignOverages(db, plan, subjects, now)).get(october.id)).toEqual({ credits: 50, money: '0.6250' });
    expect((await campaignOverages(db, plan, subjects, now)).get(october.id)).toEqual({ credits: 50, money: '0.6250' });

    // Another allowance is charged afresh; the current month is never remembered.
    expect((await campaignOverages(db, { ...plan, monthlyCredits: 140 }, subjects, now)).get(october.id)).toEqual({ credits: 10, money: '0.1250' });
    const november = await sentCampaign(account.id, number.id, new Date('2026-11-20T15:00:00Z'), 150);
    await campaignOverages(db, plan, [{ id: november.id, kind: 'sent', sentAt: november.sentAt! }], now);
    expect((await remembered(account.id)).map((r) => r.campaignId)).toEqual([october.id]);

    // A resend months later adds to the October campaign's credits: October is charged again.
    await chargeMessage(db, { accountId: account.id, credits: 10, sentAt: new Date('2026-11-21T15:00:00Z'), campaignId: october.id, automationId: null });
    expect(await remembered(account.id)).toEqual([]);
    expect((await campaignOverages(db, plan, subjects, now)).get(october.id)).toEqual({ credits: 60, money: '0.7500' });

    // Rebuilding the rollups forgets what was computed from them.
    await rebuildStats(db, { accountId: account.id, families: ['account_activity'] });
    expect(await remembered(account.id)).toEqual([]);
  });

  it('does not remember a month while one of its campaigns is still going out', async () => {
    const { account, number, plan } = await planned(100);
    const lateOctober = await createCampaign(account.id, { fromNumberId: number.id, status: 'sending', sentAt: new Date('2026-10-31T23:30:00Z') });
    await db.insert(campaignStats).values({ accountId: account.id, campaignId: lateOctober.id, credits: 150, messages: 150 });
    const subjects = [{ id: lateOctober.id, kind: 'sent' as const, sentAt: lateOctober.sentAt! }];
    expect((await campaignOverages(db, plan, subjects, new Date('2026-11-25T12:00:00Z'))).get(lateOctober.id)).toEqual({ credits: 50, money: '0.6250' });
    expect(await remembered(account.id)).toEqual([]);
  });

  it('is zero on unlimited plans', async () => {
    const { account, number, plan } = await planned(null);
    const campaign = await sentCampaign(account.id, number.id, new Date('2026-11-03T15:00:00Z'), 10_000);
    const overages = await campaignOverages(db, plan, [{ id: campaign.id, kind: 'sent', sentAt: campaign.sentAt! }]);
    expect(overages.get(campaign.id)).toEqual({ credits: 0, money: '0.0000' });
  });
});
