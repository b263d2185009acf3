// Row factories for integration tests: each inserts one row with plausible
// defaults, takes overrides for whatever the test is about, and returns the row.
import { randomBytes } from 'node:crypto';
import { db, type Executor } from '@/db/client';
import {
  accounts,
  automationExecutions,
  automations,
  campaignRecipients,
  campaigns,
  contacts,
  conversations,
  linkClicks,
  links,
  messageEvents,
  messages,
  optOuts,
  phoneNumbers,
  surveyInvitations,
  surveys,
  users,
} from '@/db/schema';

type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;

let sequence = 0;
/** Unique per test process, so factories never collide on unique columns. */
export function nextUnique(): number {
  sequence += 1;
  return sequence;
}

export async function createAccount(overrides: Insert<typeof accounts> = {}, executor: Executor = db) {
  const [row] = await executor
    .insert(accounts)
    .values({ name: `Account ${nextUnique()}`, timeZone: 'America/New_York', ...overrides })
    .returning();
  return row!;
}

export async function createUser(accountId: number, overrides: Insert<typeof users> = {}, executor: Executor = db) {
  const n = nextUnique();
  const [row] = await executor
    .insert(users)
    .values({ accountId, email: `user${n}@example.test`, name: `User ${n}`, role: 'manager', passwordHash: 'x', ...overrides })
    .returning();
  return row!;
}

export async function createPhoneNumber(accountId: number, overrides: Insert<typeof phoneNumbers> = {}, executor: Executor = db) {
  const [row] = await executor
    .insert(phoneNumbers)
    .values({ accountId, e164: `+1202555${String(nextUnique()).padStart(4, '0')}`, ...overrides })
    .returning();
  return row!;
}

export async function createContact(accountId: number, overrides: Insert<typeof contacts> = {}, executor: Executor = db) {
  const n = nextUnique();
  const [row] = await executor
    .insert(contacts)
    .values({ accountId, firstName: `First${n}`, lastName: `Last${n}`, phone: `+1312555${String(n).padStart(4, '0')}`, ...overrides })
    .returning();
  return row!;
}

export async function createSurvey(accountId: number, overrides: Insert<typeof surveys> = {}, executor: Executor = db) {
  const [row] = await executor.insert(surveys).values({ accountId, name: `Survey ${nextUnique()}`, ...overrides }).returning();
  return row!;
}

export async function createCampaign(
  accountId: number,
  overrides: Insert<typeof campaigns> & { fromNumberId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(campaigns)
    .values({ accountId, name: `Campaign ${nextUnique()}`, body: 'Hello {first_name}', status: 'sent', ...overrides })
    .returning();
  return row!;
}

export async function createCampaignRecipient(
  accountId: number,
  overrides: Insert<typeof campaignRecipients> & { campaignId: number; contactId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(campaignRecipients)
    .values({ accountId, name: 'Recipient', phone: '+13125550000', sortName: 'recipient', ...overrides })
    .returning();
  return row!;
}

export async function createAutomation(
  accountId: number,
  overrides: Insert<typeof automations> & { fromNumberId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(automations)
    .values({
      accountId,
      name: `Automation ${nextUnique()}`,
      trigger: 'contact_created',
      timeZone: 'America/New_York',
      action: 'send_message',
      body: 'Welcome!',
      status: 'active',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createExecution(
  accountId: number,
  overrides: Insert<typeof automationExecutions> & { automationId: number; contactId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(automationExecutions)
    .values({ accountId, triggerKey: `key:${nextUnique()}`, scheduledFor: new Date(), ...overrides })
    .returning();
  return row!;
}

/** An outbound message; `status_rank` follows the status unless overridden. */
export async function createOutboundMessage(
  accountId: number,
  overrides: Insert<typeof messages> & { contactId: number; phoneNumberId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(messages)
    .values({
      accountId,
      direction: 'outbound',
      outboundKind: overrides.automationId ? 'automation' : 'campaign',
      contactPhone: '+13125550000',
      numberPhone: '+12025550000',
      body: 'Hello',
      encoding: 'GSM-7',
      segments: 1,
      status: 'delivered',
      statusRank: STATUS_RANKS[overrides.status ?? 'delivered'],
      providerSid: `SM${randomBytes(16).toString('hex')}`,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createInboundMessage(
  accountId: number,
  overrides: Insert<typeof messages> & { contactId: number; phoneNumberId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(messages)
    .values({
      accountId,
      direction: 'inbound',
      inboundKind: 'reply',
      contactPhone: '+13125550000',
      numberPhone: '+12025550000',
      body: 'Thanks!',
      status: 'received',
      statusRank: 1,
      providerSid: `SM${randomBytes(16).toString('hex')}`,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createMessageEvent(
  accountId: number,
  overrides: Insert<typeof messageEvents> & { messageId: number; status: (typeof messageEvents.$inferInsert)['status'] },
  executor: Executor = db,
) {
  const [row] = await executor.insert(messageEvents).values({ accountId, applied: true, ...overrides }).returning();
  return row!;
}

export async function createOptOut(
  accountId: number,
  overrides: Insert<typeof optOuts> & { contactId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(optOuts)
    .values({ accountId, kind: 'opt_out', source: 'keyword', keyword: 'STOP', ...overrides })
    .returning();
  return row!;
}

export async function createLink(
  accountId: number,
  overrides: Insert<typeof links> & { contactId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(links)
    .values({ accountId, code: randomBytes(9).toString('base64url'), destination: 'https://example.com/', ...overrides })
    .returning();
  return row!;
}

export async function createLinkClick(
  accountId: number,
  overrides: Insert<typeof linkClicks> & { linkId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(linkClicks)
    .values({ accountId, isBot: false, method: 'GET', userAgent: 'Mozilla/5.0 (iPhone)', ...overrides })
    .returning();
  return row!;
}

export async function createSurveyInvitation(
  accountId: number,
  overrides: Insert<typeof surveyInvitations> & { surveyId: number; contactId: number },
  executor: Executor = db,
) {
  const [row] = await executor
    .insert(surveyInvitations)
    .values({ accountId, token: randomBytes(16).toString('base64url'), ...overrides })
    .returning();
  return row!;
}

export async function createConversation(
  accountId: number,
  overrides: Insert<typeof conversations> & { contactId: number; phoneNumberId: number; startedByMessageId: number; startedAt: Date },
  executor: Executor = db,
) {
  const [row] = await executor.insert(conversations).values({ accountId, ...overrides }).returning();
  return row!;
}

/** DESIGN §5 ranks, so factory rows are consistent unless a test says otherwise. */
export const STATUS_RANKS: Record<(typeof messages.$inferInsert)['status'], number> = {
  pending: 0,
  ready: 1,
  claimed: 2,
  queued: 3,
  accepted: 3,
  scheduled: 3,
  sending: 4,
  sent: 5,
  delivered: 6,
  undelivered: 6,
  failed: 6,
  canceled: 6,
  partially_delivered: 6,
  suppressed: 6,
  read: 7,
  receiving: 0,
  received: 1,
};
