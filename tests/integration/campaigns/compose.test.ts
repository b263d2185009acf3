// The composer with real rows: the estimate against an independent recount and against
// what sending really charges, creating a campaign now, later or from another campaign's
// selection, and who may do it (an agent: 403; another account's campaign: 404).
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, campaignRecipients, campaignStats, campaigns, contactTags, messages, numberRoutes, tags } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { segmentsOf } from '@/lib/billing/segments';
import { audienceCost } from '@/lib/campaigns/compose';
import { fanOutCampaign, launchDueCampaigns } from '@/lib/campaigns/launch';
import { dispatchDueMessages } from '@/lib/messaging/dispatch';
import { chargeMessage } from '@/lib/messaging/rollups';
import { verifyStats } from '@/lib/stats';
import { localTimeInputValue } from '@/lib/campaigns/compose-schema';
import { createAccount, createCampaign, createCampaignRecipient, createContact, createPhoneNumber, createSurvey } from '@/tests/support/factories';
import { simProvider, stopTestBoss, testBoss, useTwilioTestEnvironment } from '@/tests/support/messaging';
import { createLogin, interruptOf } from '../auth/helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/campaigns/new'),
}));
vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { composeCampaign, estimateComposerDraft } = await import('@/app/(manager)/campaigns/new/actions');

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

// 72 characters with "Ana": one GSM-7 segment; 73 with "João", whose ã is outside the
// GSM-7 alphabet: UCS-2, over 70 units, two segments.
const BODY = 'Hi {first_name}, your order is ready for pickup at our Brooklyn store from today.';

type Shop = Awaited<ReturnType<typeof shop>>;

/** An account texting all day in UTC, with a sender number, a manager, an agent and a tag. */
async function shop(overrides: Parameters<typeof createAccount>[0] = {}) {
  const account = await createAccount({ timeZone: 'UTC', quietHoursStart: 0, quietHoursEnd: 1440, monthlyCredits: null, ...overrides });
  const number = await createPhoneNumber(account.id, { sendRatePerSecond: 1000 });
  await db.insert(numberRoutes).values({ e164: number.e164, accountId: account.id, phoneNumberId: number.id });
  const manager = await createLogin(account.id);
  const agent = await createLogin(account.id, { role: 'agent' });
  const [vip] = await db.insert(tags).values({ accountId: account.id, name: 'vip' }).returning();
  return { account, number, vip: vip!, manager: { userId: manager.user.id, accountId: account.id, sessionId: 'test-session' }, agent: { userId: agent.user.id, accountId: account.id, sessionId: 'test-session' } };
}

async function contact(s: Shop, firstName: string, options: { vip?: boolean; optedOut?: boolean; phone?: string } = {}) {
  const row = await createContact(s.account.id, { firstName, lastName: 'Doe', optedOutAt: options.optedOut ? new Date() : null, ...(options.phone ? { phone: options.phone } : {}) });
  if (options.vip) await db.insert(contactTags).values({ accountId: s.account.id, contactId: row.id, tagId: s.vip.id });
  return row;
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  data.append('$ACTION_ID_0123', '');
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const previous = { ok: false, round: 'first' };
const campaignFields = (s: Shop, overrides: Record<string, string | string[]> = {}) => ({
  name: `Pickup ${Math.random().toString(36).slice(2, 8)}`,
  from: s.number.e164,
  body: BODY,
  audience: 'all',
  survey: '',
  when: 'now',
  ...overrides,
});

async function createdCampaign(s: Shop, fields: Record<string, string | string[]>) {
  const outcome = await interruptOf(() => composeCampaign(previous, form({ ...fields, intent: 'send' })));
  if (!('redirect' in outcome)) throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  const id = Number(/^\/campaigns\/(\d+)$/.exec(outcome.redirect)?.[1]);
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.accountId, s.account.id), eq(campaigns.id, id)));
  return row!;
}

describe('the estimate', () => {
  let s: Shop;
  beforeAll(async () => {
    s = await shop();
    await contact(s, 'Ana', { vip: true });
    await contact(s, 'João', { vip: true });
    await contact(s, 'João', { vip: true });
    await contact(s, 'Bea', { vip: true, optedOut: true });
    await contact(s, 'Caio');
    await contact(s, 'Dora', { optedOut: true });
  });
  beforeEach(() => {
    request.claims = s.manager;
  });

  it('counts recipients, suppressed contacts and each recipient’s own credits, as a recount does', async () => {
    const state = await composeCampaign(previous, form({ body: BODY, audience: 'tag:vip', intent: 'check' }));
    expect(state.fieldErrors).toBeUndefined();
    // Recount: 3 reachable vips (Ana 1 segment, João 2 + 2), 1 opted out.
    const [recount] = await db.execute<{ recipients: number; suppressed: number }>(sql`
      select count(*) filter (where c.opted_out_at is null)::int as recipients, count(*) filter (where c.opted_out_at is not null)::int as suppressed
      from contacts c join contact_tags ct on ct.account_id = c.account_id and ct.contact_id = c.id
      where c.account_id = ${s.account.id} and ct.tag_id = ${s.vip.id}`);
    expect(state.estimate).toMatchObject({ recipients: recount!.recipients, suppressed: recount!.suppressed, credits: 1 + 2 + 2, creditsBasis: 'exact' });
    // Segments describe the first recipient (lowest id): Ana, in GSM-7.
    expect(state.estimate).toMatchObject({ segments: 1, encoding: 'GSM-7', first: { firstName: 'Ana', lastName: 'Doe' } });
    expect(state.estimate!.message).toBe('Hi Ana, your order is ready for pickup at our Brooklyn store from today.');
    expect(state.estimate!.plan).toBeNull();
  });

  it('keeps everything typed after a check, and names unknown merge fields', async () => {
    const fields = { name: 'Draft', body: 'Hi {firstname}!', audience: 'all', when: 'schedule', scheduled_at: '2020-01-01T10:00' };
    const state = await composeCampaign(previous, form({ ...fields, intent: 'check' }));
    expect(state.values).toMatchObject(fields);
    expect(state.unknownFields).toEqual(['{firstname}']);
    expect(state.fieldErrors).toEqual({ body: ['The message has fields in braces that Pulse does not know.'], scheduled_at: ['That time has passed. Choose a time in the future.'] });
    // Still estimated, as sent now: everyone but the two opted-out contacts.
    expect(state.estimate).toMatchObject({ recipients: 4, suppressed: 2, credits: 4 });
  });

  it('replaces the characters that force UCS-2 on the server, for a form sent without JavaScript', async () => {
    const state = await composeCampaign(previous, form({ body: 'Ana’s order — ready “today”', audience: 'all', intent: 'replace_ucs2' }));
    expect(state.values?.body).toBe('Ana\'s order - ready "today"');
    expect(state.estimate).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('estimates the overage against what the month has left, after campaigns scheduled before it', async () => {
    const t = await shop({ monthlyCredits: 10, overagePricePerCredit: 0.0125 });
    request.claims = t.manager;
    for (let i = 0; i < 8; i++) await contact(t, 'João'); // 2 segments each: 16 credits
    const now = new Date();
    await chargeMessage(db, { accountId: t.account.id, credits: 3, sentAt: new Date(Math.floor(now.getTime() / 900_000) * 900_000 - 900_000), campaignId: null, automationId: null });
    const sendNow = await estimateComposerDraft(form({ body: BODY, audience: 'all', when: 'now' }));
    expect(sendNow).toMatchObject({ credits: 16, plan: { allowance: 10, leftBefore: 7, overageCredits: 9, overageMoney: '0.1125' } });

    // A campaign already scheduled earlier in the month is charged first: 8 × 1 segment.
    const inTwoHours = new Date(now.getTime() + 2 * 3_600_000);
    const inThreeHours = new Date(now.getTime() + 3 * 3_600_000);
    const sameMonth = inThreeHours.getUTCMonth() === now.getUTCMonth();
    await createCampaign(t.account.id, { fromNumberId: t.number.id, status: 'scheduled', audience: 'all', body: 'Short note.', scheduledAt: inTwoHours });
    const later = await estimateComposerDraft(form({ body: BODY, audience: 'all', when: 'schedule', scheduled_at: localTimeInputValue(inThreeHours, 'UTC') }));
    expect(later).toMatchObject(sameMonth ? { credits: 16, plan: { leftBefore: 0, overageCredits: 16 } } : { credits: 16, plan: { leftBefore: 10, overageCredits: 6 } });
  });

  it('estimates from a fixed sample when an audience has more distinct names than it counts one by one', async () => {
    const t = await shop();
    // 40 contacts, 10 of them with a name outside GSM-7: 30 × 1 + 10 × 2 = 50 credits exactly.
    for (let i = 0; i < 40; i++) await contact(t, i % 4 === 0 ? `João${i}` : `Ana${i}`);
    const ctx = { accountId: t.account.id, userId: null, db };
    const exact = await audienceCost(ctx, BODY, { kind: 'all' });
    expect(exact).toMatchObject({ recipients: 40, credits: 50, creditsBasis: 'exact' });
    const sampled = await audienceCost(ctx, BODY, { kind: 'all' }, [], { exactNameGroups: 10, sampleSize: 20 });
    // First and last names together in an audience past the exact size: sampled without grouping first.
    expect(await audienceCost(ctx, 'Hi {first_name} {last_name}!', { kind: 'all' }, [], { exactAudience: 30, sampleSize: 20 })).toMatchObject({ creditsBasis: 'sample', credits: 40 });
    expect(sampled.creditsBasis).toBe('sample');
    // Scaled from 20 recipients, between all-GSM (40) and all-UCS-2 (80), and the same every time.
    expect(sampled.credits).toBeGreaterThan(40);
    expect(sampled.credits).toBeLessThan(80);
    expect((await audienceCost(ctx, BODY, { kind: 'all' }, [], { exactNameGroups: 10, sampleSize: 20 })).credits).toBe(sampled.credits);
    expect(await audienceCost(ctx, BODY, { kind: 'all' }, [], { exactAudience: 30 })).toMatchObject({ creditsBasis: 'exact', credits: 50 });
  });

  it('is refused to an agent with 403', async () => {
    request.claims = s.agent;
    expect(await interruptOf(() => composeCampaign(previous, form({ body: BODY, intent: 'check' })))).toEqual({ status: 403 });
    expect(await interruptOf(() => estimateComposerDraft(form({ body: BODY })))).toEqual({ status: 403 });
  });
});

describe('creating a campaign', () => {
  let s: Shop;
  beforeAll(async () => {
    s = await shop();
    await contact(s, 'Ana', { vip: true });
    await contact(s, 'Bea', { optedOut: true });
  });
  beforeEach(() => {
    request.claims = s.manager;
  });

  it('schedules it for the chosen time in the account’s zone and lands on its page, with its stats row and an audit entry', async () => {
    const ny = await shop({ timeZone: 'America/New_York' });
    request.claims = ny.manager;
    await contact(ny, 'Ana', { vip: true });
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const local = localTimeInputValue(tomorrow, 'America/New_York');
    const campaign = await createdCampaign(ny, campaignFields(ny, { audience: 'tag:vip', when: 'schedule', scheduled_at: local }));
    expect(campaign).toMatchObject({ status: 'scheduled', audience: 'tag:vip', body: BODY, fromNumberId: ny.number.id, createdBy: ny.manager.userId, sourceCampaignId: null });
    // Its estimate is stored with it, for the pages to read until it goes out.
    expect(campaign).toMatchObject({ estimatedRecipients: 1, estimatedCredits: segmentsOf(BODY.replaceAll('{first_name}', 'Ana')).segments });
    expect(campaign.scheduledAt!.getTime()).toBe(Math.floor(tomorrow.getTime() / 60_000) * 60_000);
    const [stats] = await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, ny.account.id), eq(campaignStats.campaignId, campaign.id)));
    expect(stats).toMatchObject({ recipients: 0, pending: 0, credits: 0 });
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.accountId, ny.account.id), eq(auditEvents.subjectId, campaign.id)));
    expect(audit).toMatchObject([{ action: 'campaign.create', subjectType: 'campaign', userId: ny.manager.userId }]);
  });

  it('comes back with every field as typed and each problem beside its field, creating nothing', async () => {
    const ny = await shop({ timeZone: 'America/New_York' });
    request.claims = ny.manager;
    await contact(ny, 'Ana');
    const before = await db.$count(campaigns, eq(campaigns.accountId, ny.account.id));
    // New York's clocks skip from 02:00 to 03:00 on 2027-03-14.
    const fields = campaignFields(ny, { name: '', when: 'schedule', scheduled_at: '2027-03-14T02:30', body: 'Hi {first_name} 🌿' });
    const state = await composeCampaign(previous, form({ ...fields, intent: 'send' }));
    expect(state.ok).toBe(false);
    expect(state.values).toMatchObject(fields);
    expect(state.fieldErrors).toMatchObject({ name: ['Give the campaign a name.'], scheduled_at: [expect.stringContaining('does not exist')] });
    expect(state.estimate).toMatchObject({ recipients: 1, encoding: 'UCS-2' });
    expect(await db.$count(campaigns, eq(campaigns.accountId, ny.account.id))).toBe(before);
  });

  it('refuses a sender number of another account and an audience nobody in which can be texted', async () => {
    const other = await shop();
    const wrongNumber = await composeCampaign(previous, form({ ...campaignFields(s, { from: other.number.e164 }), intent: 'send' }));
    expect(wrongNumber.fieldErrors).toEqual({ from: ['That number is not one of this account’s sender numbers.'] });
    const [optedOutOnly] = await db.insert(tags).values({ accountId: s.account.id, name: 'gone' }).returning();
    const bea = await contact(s, 'Bea2', { optedOut: true });
    await db.insert(contactTags).values({ accountId: s.account.id, contactId: bea.id, tagId: optedOutOnly!.id });
    const nobody = await composeCampaign(previous, form({ ...campaignFields(s, { audience: 'tag:gone' }), intent: 'send' }));
    expect(nobody.fieldErrors).toEqual({ audience: ['Nobody in this audience can be texted: it is empty or everyone opted out.'] });
  });

  it('attaches a survey the body links to, and refuses an archived one', async () => {
    const survey = await createSurvey(s.account.id);
    const archived = await createSurvey(s.account.id, { archivedAt: new Date() });
    const body = 'Hi {first_name}, how did we do? {survey_link}';
    const check = await composeCampaign(previous, form({ body, survey: String(survey.id), intent: 'check' }));
    // The survey link counts at its real length: PUBLIC_URL/s/ and a 12-character token.
    expect(check.estimate?.message).toBe('Hi Ana, how did we do? https://pulse.example.test/s/xxxxxxxxxxxx');
    const campaign = await createdCampaign(s, campaignFields(s, { body, survey: String(survey.id), when: 'schedule', scheduled_at: localTimeInputValue(new Date(Date.now() + 3_600_000), 'UTC') }));
    expect(campaign.surveyId).toBe(survey.id);
    const refused = await composeCampaign(previous, form({ ...campaignFields(s, { body, survey: String(archived.id) }), intent: 'send' }));
    expect(refused.fieldErrors).toEqual({ survey: ['Choose one of the account’s surveys, or none.'] });
  });

  it('turns a double submission into one campaign', async () => {
    const fields = campaignFields(s, { when: 'schedule', scheduled_at: localTimeInputValue(new Date(Date.now() + 3_600_000), 'UTC') });
    const [first, second] = await Promise.all([createdCampaign(s, fields), createdCampaign(s, fields)]);
    expect(second.id).toBe(first.id);
    expect(await db.$count(campaigns, and(eq(campaigns.accountId, s.account.id), eq(campaigns.name, fields.name)))).toBe(1);
  });

  it('follows up a selection of another campaign’s recipients: their rows, counted in its stats, as the recount agrees', async () => {
    const source = await createCampaign(s.account.id, { fromNumberId: s.number.id, status: 'sent' });
    const picked = [await contact(s, 'Eva'), await contact(s, 'Fábio', { optedOut: true }), await contact(s, 'Gil')];
    for (const c of picked) await createCampaignRecipient(s.account.id, { campaignId: source.id, contactId: c.id });
    await db.insert(campaignStats).values({ accountId: s.account.id, campaignId: source.id, recipients: 3, pending: 3 });
    const outsider = await contact(s, 'Hugo');

    const recipient = picked.map((c) => String(c.id));
    const check = await composeCampaign(previous, form({ audience: `campaign:${source.id}`, recipient, body: BODY, intent: 'check' }));
    expect(check.estimate).toMatchObject({ recipients: 2, suppressed: 1 });

    const refused = await composeCampaign(previous, form({ ...campaignFields(s, { audience: `campaign:${source.id}`, recipient: [...recipient, String(outsider.id)] }), intent: 'send' }));
    expect(refused.fieldErrors).toEqual({ recipient: ['1 selected contact is not recipients of the campaign you started from.'] });

    const campaign = await createdCampaign(s, campaignFields(s, { audience: `campaign:${source.id}`, recipient, when: 'schedule', scheduled_at: localTimeInputValue(new Date(Date.now() + 7_200_000), 'UTC') }));
    expect(campaign).toMatchObject({ audience: `campaign:${source.id}`, sourceCampaignId: source.id, status: 'scheduled' });
    const rows = await db
      .select({ contactId: campaignRecipients.contactId, name: campaignRecipients.name, phone: campaignRecipients.phone, sortName: campaignRecipients.sortName, status: campaignRecipients.status })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.accountId, s.account.id), eq(campaignRecipients.campaignId, campaign.id)))
      .orderBy(campaignRecipients.contactId);
    expect(rows).toEqual(picked.map((c) => ({ contactId: c.id, name: `${c.firstName} Doe`, phone: c.phone, sortName: `${c.firstName} doe`.toLowerCase(), status: 'pending' })));
    const [stats] = await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, s.account.id), eq(campaignStats.campaignId, campaign.id)));
    expect(stats).toMatchObject({ recipients: 3, pending: 3 });
    expect(await verifyStats(db, { accountId: s.account.id })).toEqual([]);
  });

  it('answers 404 for another account’s campaign as the source of a selection, creating nothing', async () => {
    const other = await shop();
    const theirs = await createCampaign(other.account.id, { fromNumberId: other.number.id });
    const theirContact = await contact(other, 'Ivo');
    await createCampaignRecipient(other.account.id, { campaignId: theirs.id, contactId: theirContact.id });
    const before = await db.$count(campaigns);
    const outcome = await interruptOf(() =>
      composeCampaign(previous, form({ ...campaignFields(s, { audience: `campaign:${theirs.id}`, recipient: String(theirContact.id) }), intent: 'send' })),
    );
    expect(outcome).toEqual({ status: 404 });
    expect(await db.$count(campaigns)).toBe(before);
  });

  it('refuses an agent with 403 before creating anything', async () => {
    request.claims = s.agent;
    const before = await db.$count(campaigns);
    expect(await interruptOf(() => composeCampaign(previous, form({ ...campaignFields(s), intent: 'send' })))).toEqual({ status: 403 });
    expect(await db.$count(campaigns)).toBe(before);
  });
});

describe('sending what was composed', () => {
  it('charges exactly the credits the estimate announced', async () => {
    const s = await shop();
    request.claims = s.manager;
    for (const name of ['Ana', 'João', 'Zoë', 'Luíza', 'Tom', '']) await contact(s, name, { vip: true });
    await contact(s, 'Bea', { vip: true, optedOut: true });
    const body = 'Hi {first_name} {last_name}, the spring collection is in store now: https://harborandpine.example/spring';
    const estimate = await estimateComposerDraft(form({ body, audience: 'tag:vip' }));

    const campaign = await createdCampaign(s, campaignFields(s, { body, audience: 'tag:vip', when: 'now' }));
    expect(campaign.scheduledAt!.getTime()).toBeLessThanOrEqual(Date.now());
    // The worker's own steps: launch what is due, fan it out, hand every message to the provider.
    await launchDueCampaigns(await testBoss());
    await fanOutCampaign({ accountId: s.account.id, campaignId: campaign.id });
    const provider = await simProvider();
    for (let pass = 0; pass < 20 && (await dispatchDueMessages(provider)) > 0; pass++);

    const sent = await db.select().from(messages).where(and(eq(messages.accountId, s.account.id), eq(messages.campaignId, campaign.id)));
    expect(sent.filter((m) => m.status !== 'suppressed')).toHaveLength(estimate!.recipients);
    expect(sent.filter((m) => m.status === 'suppressed')).toHaveLength(estimate!.suppressed);
    expect(sent.reduce((sum, m) => sum + m.credits, 0)).toBe(estimate!.credits);
    expect(new Set(sent.map((m) => m.encoding))).toEqual(new Set(['GSM-7', 'UCS-2']));
    expect(await verifyStats(db, { accountId: s.account.id })).toEqual([]);
  });
});
