// A campaign waiting to go out shows its audience estimate from what the worker
// stored, so the pages cost the same for 50 contacts or 500,000; these tests check
// that what is stored is the audience recounted from raw rows, and that it follows
// the audience when the worker refreshes it.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { accounts, campaigns, contacts } from '@/db/schema';
import { segmentsOf } from '@/lib/billing/segments';
import { campaignTab, findCampaign } from '@/lib/campaigns/detail';
import { ESTIMATE_MAX_AGE_SECONDS, refreshCampaignEstimates, storeCampaignEstimate } from '@/lib/campaigns/estimates';
import { DEFAULT_LIST_PARAMS } from '@/lib/campaigns/list-params';
import { listCampaigns } from '@/lib/campaigns/overview';
import type { Ctx } from '@/lib/context';
import { createCampaign, createContact } from '../../support/factories';
import { campaignWorld } from '../../support/messaging';

/** Reachable contacts of an `all` campaign and the credits of the body as each of them gets it. */
async function recountAll(accountId: number, body: string) {
  const reachable = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), sql`opted_out_at is null`));
  const credits = reachable.reduce(
    (sum, c) => sum + segmentsOf(body.replaceAll('{first_name}', c.firstName).replaceAll('{last_name}', c.lastName)).segments,
    0,
  );
  return { recipients: reachable.length, credits };
}

async function scheduledWorld() {
  // A name long enough to push one recipient's text into a second segment.
  const world = await campaignWorld({ contacts: [{ firstName: 'Ana' }, { firstName: 'B'.repeat(40) }, { firstName: 'Caio' }] });
  const body = `Hello {first_name}, ${'our autumn sale starts tomorrow at nine and runs all week long; '.repeat(2)}`.slice(0, 140);
  const campaign = await createCampaign(world.account.id, {
    fromNumberId: world.number.id,
    status: 'scheduled',
    scheduledAt: new Date(Date.now() + 3_600_000),
    audience: 'all',
    body,
  });
  await db.update(accounts).set({ monthlyCredits: 1_000, overagePricePerCredit: 0.01 }).where(eq(accounts.id, world.account.id));
  const ctx: Ctx = { accountId: world.account.id, userId: null, db };
  const plan = { accountId: world.account.id, timeZone: 'UTC', monthlyCredits: 1_000, overagePricePerCredit: 0.01 };
  return { world, campaign, ctx, plan, body };
}

async function overviewRow(ctx: Ctx, plan: Parameters<typeof listCampaigns>[1], id: number) {
  const page = await listCampaigns(ctx, plan, { ...DEFAULT_LIST_PARAMS, status: 'scheduled' }, new Date());
  return page.rows.find((r) => r.id === id)!;
}

describe('stored campaign estimates', () => {
  it('stores the audience and credits of a scheduled campaign as a recount finds them, per recipient', async () => {
    const { world, campaign, ctx, plan, body } = await scheduledWorld();
    const stored = await storeCampaignEstimate(db, campaign);
    const expected = await recountAll(world.account.id, body);
    expect(stored).toEqual(expected);
    // Not every recipient's text has the same length: one of them takes two segments.
    expect(expected.credits).toBe(expected.recipients + 1);

    expect(await overviewRow(ctx, plan, campaign.id)).toMatchObject({ recipients: expected.recipients, recipientsEstimated: true });
    const tab = await campaignTab(ctx, await findCampaign(ctx, campaign.id), plan);
    expect(tab.estimatedRecipients).toBe(expected.recipients);
  });

  it('computes the estimate of a campaign the worker has not reached yet', async () => {
    const { world, campaign, ctx, plan, body } = await scheduledWorld();
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row!.estimatedAt).toBeNull();
    const expected = await recountAll(world.account.id, body);
    expect(await overviewRow(ctx, plan, campaign.id)).toMatchObject({ recipients: expected.recipients, recipientsEstimated: true });
  });

  it('follows the audience when the worker refreshes a stale estimate, and leaves fresh ones alone', async () => {
    const { world, campaign, ctx, plan, body } = await scheduledWorld();
    await storeCampaignEstimate(db, campaign);
    await createContact(world.account.id, { firstName: 'Duda' });
    await createContact(world.account.id, { firstName: 'Eli', optedOutAt: new Date() });

    // Fresh: the new contact is not in it yet.
    await refreshCampaignEstimates(db, 1_000);
    expect((await overviewRow(ctx, plan, campaign.id)).recipients).toBe(3);

    await db
      .update(campaigns)
      .set({ estimatedAt: new Date(Date.now() - (ESTIMATE_MAX_AGE_SECONDS + 1) * 1000) })
      .where(and(eq(campaigns.accountId, world.account.id), eq(campaigns.id, campaign.id)));
    await refreshCampaignEstimates(db, 1_000);
    const expected = await recountAll(world.account.id, body);
    expect(expected.recipients).toBe(4);
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect({ recipients: row!.estimatedRecipients, credits: row!.estimatedCredits }).toEqual(expected);
    expect((await overviewRow(ctx, plan, campaign.id)).recipients).toBe(4);
  });

  it('charges a scheduled campaign after the ones scheduled before it, the same on its page and in the list', async () => {
    const { world, campaign, ctx, plan } = await scheduledWorld();
    const earlier = await createCampaign(world.account.id, {
      fromNumberId: world.number.id,
      status: 'scheduled',
      scheduledAt: new Date(Date.now() + 1_800_000),
      audience: 'all',
      body: 'Short note',
    });
    // An allowance the earlier campaign uses up entirely, so the later one is all overage.
    const tight = { ...plan, monthlyCredits: 3 };
    await db.update(accounts).set({ monthlyCredits: 3 }).where(eq(accounts.id, world.account.id));
    const credits = (await recountAll(world.account.id, campaign.body)).credits;
    const tab = await campaignTab(ctx, await findCampaign(ctx, campaign.id), tight);
    expect(tab.overage).toEqual({ credits, money: (credits * 0.01).toFixed(4) });
    expect((await overviewRow(ctx, tight, campaign.id)).overage).toEqual(tab.overage);
    expect((await overviewRow(ctx, tight, earlier.id)).overage).toEqual({ credits: 0, money: '0.0000' });
  });
});
