// A small texting world for messaging tests: an account with a sender number, some
// contacts and a campaign, launched and dispatched through the real code paths with
// the simulator in `manual` mode, plus signed webhook requests as Twilio sends them.
import { and, eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { db } from '@/db/client';
import { campaignStats, messages, numberRoutes } from '@/db/schema';
import { fanOutCampaign } from '@/lib/campaigns/launch';
import { dispatchDueMessages } from '@/lib/messaging/dispatch';
import type { SmsProvider } from '@/lib/messaging/providers/provider';
import { createSimProvider } from '@/lib/messaging/providers/sim';
import { twilioSignature, webhookUrl } from '@/lib/messaging/twilio/signature';
import { createAccount, createCampaign, createContact, createPhoneNumber, nextUnique } from './factories';

export const TEST_PUBLIC_URL = 'https://pulse.example.test';
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

/** Webhooks and the simulator read these; every messaging test file calls it first. */
export function useTwilioTestEnvironment() {
  process.env.PUBLIC_URL = TEST_PUBLIC_URL;
  process.env.TWILIO_ACCOUNT_SID = 'AC' + '0'.repeat(32);
  process.env.TWILIO_AUTH_TOKEN = TEST_AUTH_TOKEN;
  process.env.SIM_OUTCOMES = 'manual';
  process.env.SMS_PROVIDER = 'sim';
}

let boss: PgBoss | null = null;
/** A started pg-boss on the test database (the simulator needs one to exist). */
export async function testBoss(): Promise<PgBoss> {
  if (!boss) {
    boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2, schedule: false, supervise: false });
    boss.on('error', (error) => console.error('pg-boss (test):', error));
    await boss.start();
  }
  return boss;
}

export async function stopTestBoss() {
  await boss?.stop({ graceful: false, wait: true });
  boss = null;
}

export async function simProvider(): Promise<SmsProvider> {
  return createSimProvider(await testBoss(), 1000);
}

type WorldOptions = {
  /** Last digits of the contacts' numbers, or full contact overrides. */
  contacts: Array<Partial<Parameters<typeof createContact>[1]>>;
  body?: string;
  accountTimeZone?: string;
  /** Minutes after midnight; by default sending is allowed all day. */
  quietHours?: { start: number; end: number };
};

export async function campaignWorld(options: WorldOptions) {
  const account = await createAccount({
    timeZone: options.accountTimeZone ?? 'UTC',
    quietHoursStart: options.quietHours?.start ?? 0,
    quietHoursEnd: options.quietHours?.end ?? 1440,
  });
  const number = await createPhoneNumber(account.id, { sendRatePerSecond: 1000 });
  await db.insert(numberRoutes).values({ e164: number.e164, accountId: account.id, phoneNumberId: number.id });
  const contacts = [];
  for (const overrides of options.contacts) contacts.push(await createContact(account.id, overrides));
  const campaign = await createCampaign(account.id, {
    fromNumberId: number.id,
    status: 'sending',
    audience: 'all',
    sentAt: new Date(),
    body: options.body ?? 'Hi {first_name}, see https://example.com/offer',
  });
  await db.insert(campaignStats).values({ accountId: account.id, campaignId: campaign.id });
  return { account, number, contacts, campaign };
}

export type World = Awaited<ReturnType<typeof campaignWorld>>;

/** Phone numbers that end in the given digit (the simulator's outcome rule keys on it). */
export function phoneEndingIn(digit: number): string {
  return `+1415555${String(nextUnique() % 1000).padStart(3, '0')}${digit}`;
}

/** Launches the campaign and hands every due message to the provider. */
export async function sendCampaign(world: World, provider?: SmsProvider) {
  await fanOutCampaign({ accountId: world.account.id, campaignId: world.campaign.id });
  const sms = provider ?? (await simProvider());
  for (let pass = 0; pass < 100; pass++) {
    if ((await dispatchDueMessages(sms)) === 0) break;
  }
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.accountId, world.account.id), eq(messages.campaignId, world.campaign.id)));
}

/** A webhook request exactly as Twilio would send it, signed unless told otherwise. */
export function twilioRequest(path: string, params: Record<string, string>, options: { signature?: string | null; body?: string } = {}) {
  const url = webhookUrl(TEST_PUBLIC_URL, path);
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
  const signature = options.signature === undefined ? twilioSignature(TEST_AUTH_TOKEN, url, params) : options.signature;
  if (signature !== null) headers.set('x-twilio-signature', signature);
  // The app is reached on an internal host; the signature must still be checked against PUBLIC_URL.
  return new Request(`http://127.0.0.1:3000${path}`, {
    method: 'POST',
    headers,
    body: options.body ?? new URLSearchParams(params).toString(),
  });
}
