// `npm run db:verify-stats` as an operator runs it: exit 0 when the rollups match
// the recount, exit 1 listing the differences when they do not, --rebuild repairs.
import { execFile, type ExecFileException } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  createAccount,
  createCampaign,
  createCampaignRecipient,
  createContact,
  createOutboundMessage,
  createPhoneNumber,
} from '@/tests/support/factories';

type Run = { code: number; stdout: string; stderr: string };

function verifyStatsCommand(args: string[], env: Record<string, string | undefined> = { DATABASE_URL: process.env.DATABASE_URL }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/db-verify-stats.ts', ...args],
      { env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, ...env }, encoding: 'utf8', timeout: 60_000 },
      (error: ExecFileException | null, stdout: string, stderr: string) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let accountId: number;
let campaignId: number;

beforeAll(async () => {
  accountId = (await createAccount()).id;
  const number = await createPhoneNumber(accountId);
  campaignId = (await createCampaign(accountId, { fromNumberId: number.id })).id;
  const contact = await createContact(accountId);
  await createCampaignRecipient(accountId, { campaignId, contactId: contact.id });
  await createOutboundMessage(accountId, { contactId: contact.id, phoneNumberId: number.id, campaignId, sentAt: new Date('2026-03-02T14:00:00Z'), credits: 1 });
});

describe('npm run db:verify-stats', () => {
  it('lists the differences and exits 1, repairs them with --rebuild, then exits 0', async () => {
    const drifted = await verifyStatsCommand(['--account', String(accountId)]);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain('campaign_recipients');
    expect(drifted.stdout).toContain(`campaign_stats account_id=${accountId} campaign_id=${campaignId} (row): stored (none), expected present`);

    const rebuilt = await verifyStatsCommand(['--account', String(accountId), '--rebuild']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('Rebuilt the rollups');

    const clean = await verifyStatsCommand([]);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.stdout).toContain('matches the recount');
  }, 120_000);

  it('reports a tampered counter with both values', async () => {
    await db.execute(sql`update campaign_stats set delivered = 5 where account_id = ${accountId} and campaign_id = ${campaignId}`);
    const run = await verifyStatsCommand([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`campaign_stats account_id=${accountId} campaign_id=${campaignId} delivered: stored 5, expected 1`);
  }, 60_000);

  it('refuses clearly without DATABASE_URL or with a malformed account', async () => {
    const unset = await verifyStatsCommand([], {});
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('DATABASE_URL is not set');
    const malformed = await verifyStatsCommand(['--account', 'abc']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('--account must be an account id');
  }, 60_000);
});
