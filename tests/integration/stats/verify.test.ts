// verifyStats finds every stored rollup that disagrees with the recount, and
// rebuildStats repairs them; both stay inside the account they are given.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { rebuildStats, verifyStats } from '@/lib/stats';
import {
  createAccount,
  createAutomation,
  createCampaign,
  createCampaignRecipient,
  createContact,
  createExecution,
  createOutboundMessage,
  createPhoneNumber,
} from '@/tests/support/factories';

let accountId: number;
let otherAccountId: number;
let campaignId: number;
let automationId: number;
let contactId: number;

async function scenario() {
  const account = await createAccount();
  const number = await createPhoneNumber(account.id);
  const campaign = await createCampaign(account.id, { fromNumberId: number.id });
  const automation = await createAutomation(account.id, { fromNumberId: number.id });
  const contact = await createContact(account.id);
  await createCampaignRecipient(account.id, { campaignId: campaign.id, contactId: contact.id });
  await createOutboundMessage(account.id, { contactId: contact.id, phoneNumberId: number.id, campaignId: campaign.id, sentAt: new Date('2026-03-02T14:03:00Z'), credits: 1 });
  const execution = await createExecution(account.id, { automationId: automation.id, contactId: contact.id, status: 'sent', executedAt: new Date('2026-03-02T14:20:00Z') });
  await createOutboundMessage(account.id, {
    contactId: contact.id, phoneNumberId: number.id, automationId: automation.id, automationExecutionId: execution.id,
    sentAt: new Date('2026-03-02T14:21:00Z'), credits: 1,
  });
  return { accountId: account.id, campaignId: campaign.id, automationId: automation.id, contactId: contact.id };
}

beforeAll(async () => {
  ({ accountId, campaignId, automationId, contactId } = await scenario());
  otherAccountId = (await scenario()).accountId;
});

describe('verifyStats and rebuildStats', () => {
  it('reports rollups that were never written, then nothing once rebuilt', async () => {
    const before = await verifyStats(db, { accountId });
    expect(before.map((d) => d.table)).toEqual(expect.arrayContaining(['campaign_recipients', 'campaign_stats', 'automation_recipients', 'automation_activity', 'account_activity']));
    await rebuildStats(db, { accountId });
    expect(await verifyStats(db, { accountId })).toEqual([]);
  });

  it('reports a tampered counter with its stored and expected values', async () => {
    await db.execute(sql`update campaign_stats set delivered = delivered + 1 where account_id = ${accountId} and campaign_id = ${campaignId}`);
    expect(await verifyStats(db, { accountId })).toEqual([
      { table: 'campaign_stats', key: { account_id: accountId, campaign_id: campaignId }, column: 'delivered', stored: '2', expected: '1' },
    ]);
  });

  it('reports a missing recipient row and a missing activity bucket', async () => {
    await rebuildStats(db, { accountId });
    await db.execute(sql`delete from automation_recipients where account_id = ${accountId}`);
    await db.execute(sql`delete from account_activity where account_id = ${accountId} and bucket_start = '2026-03-02T14:15:00Z'`);
    const differences = await verifyStats(db, { accountId });
    expect(differences).toEqual([
      { table: 'automation_recipients', key: { account_id: accountId, automation_id: automationId, contact_id: contactId }, column: '(row)', stored: null, expected: 'present' },
      { table: 'account_activity', key: { account_id: accountId, bucket_start: '2026-03-02T14:15:00+00:00' }, column: '(row)', stored: null, expected: 'present' },
    ]);
  });

  it('reports an extra row that says something, but not an absent row of zeros', async () => {
    await rebuildStats(db, { accountId });
    await db.execute(sql`insert into automation_activity (account_id, automation_id, bucket_start, executions) values (${accountId}, ${automationId}, '2026-03-01T00:00:00Z', 3)`);
    await db.execute(sql`delete from campaign_stats where account_id = ${accountId}`);
    await db.execute(sql`update campaign_stats set delivered = 0 where account_id = ${accountId}`);
    const differences = await verifyStats(db, { accountId });
    expect(differences.map((d) => [d.table, d.column, d.stored, d.expected])).toEqual([
      ['campaign_stats', '(row)', null, 'present'],
      ['automation_activity', '(row)', 'present', null],
    ]);
    const summary = await rebuildStats(db, { accountId });
    expect(summary.campaign_stats).toEqual({ inserted: 1, updated: 0, deleted: 0 });
    expect(summary.automation_activity).toEqual({ inserted: 0, updated: 0, deleted: 1 });
    expect(await verifyStats(db, { accountId })).toEqual([]);
  });

  it("leaves other accounts alone: their drift is neither reported nor repaired", async () => {
    const other = await verifyStats(db, { accountId: otherAccountId });
    expect(other.length).toBeGreaterThan(0);
    expect(await verifyStats(db, { accountId })).toEqual([]);
    await rebuildStats(db, { accountId });
    expect(await verifyStats(db, { accountId: otherAccountId })).toEqual(other);
    const everything = await verifyStats(db);
    expect(new Set(everything.map((d) => d.key.account_id))).toEqual(new Set([otherAccountId]));
  });
});
