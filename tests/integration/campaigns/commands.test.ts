// The Campaign tab's actions through the real action wrapper: resend to failed
// recipients (asked first, never twice, never to opted-out contacts), follow-up from a
// selection, cancel a scheduled campaign; who may run them; what the audit log keeps;
// and that every rollup still equals the recount after a resend and its callbacks.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, campaignRecipients, campaignStats, campaigns, contacts, messages } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { recordStatusCallback } from '@/lib/messaging/status-callbacks';
import { verifyStats } from '@/lib/stats';
import { createCampaign } from '../../support/factories';
import { campaignWorld, phoneEndingIn, sendCampaign, stopTestBoss, useTwilioTestEnvironment, type World } from '../../support/messaging';
import { createLogin, interruptOf } from '../auth/helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/campaigns/7?status=failed'),
}));
vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { submitRecipients, cancelScheduledCampaign } = await import('@/app/(manager)/campaigns/[id]/actions');

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

let world: World;
let manager: SessionClaims;
let agent: SessionClaims;
let outsider: SessionClaims;
const byName = new Map<string, number>();

function form(fields: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

const NOT_IN_CAMPAIGN = 'Some of the selected people are not recipients of this campaign. Reload the page and try again.';

const submit = (fields: Array<[string, string]>, campaignId = world.campaign.id) =>
  interruptOf(() => submitRecipients(campaignId, { ok: false }, form(fields)));

const ids = (...names: string[]) => names.map((name): [string, string] => ['recipient', String(byName.get(name))]);

async function recipient(name: string) {
  const [row] = await db
    .select()
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.campaignId, world.campaign.id), eq(campaignRecipients.contactId, byName.get(name)!)));
  return row!;
}

async function stats() {
  const [row] = await db.select().from(campaignStats).where(eq(campaignStats.campaignId, world.campaign.id));
  return row!;
}

const campaignMessages = () => db.select().from(messages).where(eq(messages.campaignId, world.campaign.id));

beforeAll(async () => {
  world = await campaignWorld({
    contacts: ['Ana', 'Bia', 'Caio', 'Duda', 'Enzo', 'Fred'].map((firstName, i) => ({ firstName, phone: phoneEndingIn(i + 1) })),
    body: 'Hi {first_name}, doors open at 9: https://shop.example/warehouse',
  });
  for (const c of world.contacts) byName.set(c.firstName, c.id);
  const sent = await sendCampaign(world);
  const sid = (name: string) => sent.find((m) => m.contactId === byName.get(name))!.providerSid!;
  await recordStatusCallback({ messageSid: sid('Ana'), status: 'delivered', errorCode: null, payload: {} });
  await recordStatusCallback({ messageSid: sid('Bia'), status: 'undelivered', errorCode: 30003, payload: {} });
  await recordStatusCallback({ messageSid: sid('Caio'), status: 'failed', errorCode: 30006, payload: {} });
  await recordStatusCallback({ messageSid: sid('Duda'), status: 'undelivered', errorCode: 30003, payload: {} });
  await recordStatusCallback({ messageSid: sid('Enzo'), status: 'failed', errorCode: 30007, payload: {} });
  // Fred's text is still out (pending).
  // Duda opted out after the failure (from another campaign's text, say).
  await db.update(contacts).set({ optedOutAt: new Date() }).where(eq(contacts.id, byName.get('Duda')!));

  manager = { userId: (await createLogin(world.account.id)).user.id, accountId: world.account.id, sessionId: 'manager-session' };
  agent = { userId: (await createLogin(world.account.id, { role: 'agent' })).user.id, accountId: world.account.id, sessionId: 'agent-session' };
  const other = await campaignWorld({ contacts: [{ firstName: 'Zed' }] });
  outsider = { userId: (await createLogin(other.account.id)).user.id, accountId: other.account.id, sessionId: 'outsider-session' };
});

beforeEach(() => {
  request.claims = manager;
});

describe('who may act', () => {
  it('refuses an agent with 403 and a manager of another account with 404, changing nothing', async () => {
    const before = await campaignMessages();
    for (const intent of ['resend', 'resend_failed', 'follow_up']) {
      request.claims = agent;
      expect(await submit([['intent', intent], ['confirm', '1'], ...ids('Bia')])).toEqual({ status: 403 });
      request.claims = outsider;
      expect(await submit([['intent', intent], ['confirm', '1'], ...ids('Bia')])).toEqual({ status: 404 });
    }
    request.claims = agent;
    expect(await interruptOf(() => cancelScheduledCampaign(world.campaign.id, { ok: false }, form([])))).toEqual({ status: 403 });
    request.claims = null;
    expect(await submit([['intent', 'resend_failed']])).toEqual({ redirect: '/login?next=%2Fcampaigns%2F7%3Fstatus%3Dfailed' });
    expect(await campaignMessages()).toHaveLength(before.length);
    expect((await recipient('Bia')).status).toBe('failed');
  });

  it('answers 404 for an id that cannot be a campaign', async () => {
    expect(await interruptOf(() => submitRecipients('12abc' as unknown as number, { ok: false }, form([['intent', 'resend_failed']])))).toEqual({ status: 404 });
    expect(await submit([['intent', 'resend_failed']], 987654321)).toEqual({ status: 404 });
  });
});

describe('resend', () => {
  it('explains what it cannot do instead of sending', async () => {
    expect(await submit([['intent', 'resend']])).toMatchObject({ returned: { ok: false, message: 'Tick the failed recipients to resend to, or use “Resend to all failed”.' } });
    expect(await submit([['intent', 'resend'], ...ids('Ana', 'Fred')])).toMatchObject({
      returned: { ok: false, message: 'None of the selected recipients failed. Only failed recipients can be resent to.' },
    });
    expect(await submit([['intent', 'resend'], ...ids('Duda')])).toMatchObject({ returned: { ok: false, message: 'Every failed recipient you chose has opted out since, so none of them can be texted again.' } });
    expect(await submit([['intent', 'resend'], ['recipient', String(byName.get('Ana'))], ['recipient', '999999']])).toMatchObject({
      returned: { ok: false, message: NOT_IN_CAMPAIGN },
    });
    expect(await submit([['intent', 'resend'], ['recipient', 'drop table']])).toMatchObject({ returned: { ok: false, fieldErrors: { recipient: [expect.any(String)] } } });
    expect(await submit([['intent', 'launch_rockets']])).toMatchObject({ returned: { ok: false, fieldErrors: { intent: [expect.any(String)] } } });
  });

  it('asks first: the first submit only leads to the question, on the same filtered view', async () => {
    const before = await campaignMessages();
    const asked = await submit([['intent', 'resend'], ['view', 'status=failed&sort=phone&q=evil%0A'], ...ids('Bia', 'Ana')]);
    expect(asked).toEqual({
      redirect: `/campaigns/${world.campaign.id}?status=failed&q=evil&sort=phone&confirm=resend&recipient=${byName.get('Bia')}&recipient=${byName.get('Ana')}`,
    });
    expect(await submit([['intent', 'resend_failed'], ['view', 'https://evil.example/']])).toEqual({
      redirect: `/campaigns/${world.campaign.id}?confirm=resend_failed`,
    });
    expect(await campaignMessages()).toHaveLength(before.length);
  });

  it('texts the selected failed recipients again once confirmed, and a double submit texts nobody twice', async () => {
    const failedBefore = (await stats()).failed;
    const confirmed = await submit([['intent', 'resend'], ['confirm', '1'], ['view', 'status=failed'], ...ids('Bia', 'Ana')]);
    expect(confirmed).toEqual({ redirect: `/campaigns/${world.campaign.id}?status=failed&resent=1` });
    const bia = await recipient('Bia');
    expect(bia).toMatchObject({ status: 'pending', attempts: 2, errorCode: null });
    const [attempt] = await db.select().from(messages).where(and(eq(messages.id, bia.messageId!)));
    expect(attempt).toMatchObject({ attempt: 2, status: 'ready', contactId: byName.get('Bia'), phoneNumberId: world.number.id });
    expect(attempt!.body).toMatch(/^Hi Bia, doors open at 9: https:\/\/pulse\.example\.test\/l\/\w{12}$/);
    expect((await stats()).failed).toBe(failedBefore - 1);
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, world.campaign.id));
    expect(campaign!.status).toBe('sending');

    const count = (await campaignMessages()).length;
    expect(await submit([['intent', 'resend'], ['confirm', '1'], ['view', 'status=failed'], ...ids('Bia', 'Ana')])).toEqual({
      redirect: `/campaigns/${world.campaign.id}?status=failed&resent=0`,
    });
    expect(await campaignMessages()).toHaveLength(count);

    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.resend')).orderBy(desc(auditEvents.id)).limit(2);
    expect(audit).toMatchObject({ userId: manager.userId, subjectType: 'campaign', subjectId: world.campaign.id });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.resend'))).toHaveLength(2);
  });

  it('resends to every failed recipient but those who opted out since, and the numbers stay equal to the recount', async () => {
    const confirmed = await submit([['intent', 'resend_failed'], ['confirm', '1']]);
    expect(confirmed).toEqual({ redirect: `/campaigns/${world.campaign.id}?resent=2&skipped=1` });
    expect((await recipient('Caio')).attempts).toBe(2);
    expect((await recipient('Enzo')).attempts).toBe(2);
    expect(await recipient('Duda')).toMatchObject({ status: 'failed', attempts: 1 });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.resend')).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit!.details).toMatchObject({ requested: 'all_failed', resent: 2, skippedOptedOut: 1 });
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);

    // The worker hands the new attempts over; the carrier answers.
    await sendCampaign(world);
    const resent = (await campaignMessages()).filter((m) => m.attempt === 2);
    expect(resent.map((m) => m.contactId).sort()).toEqual([byName.get('Bia'), byName.get('Caio'), byName.get('Enzo')].sort());
    for (const m of resent) {
      const status = m.contactId === byName.get('Caio') ? 'failed' : 'delivered';
      await recordStatusCallback({ messageSid: m.providerSid!, status, errorCode: status === 'failed' ? 30006 : null, payload: {} });
    }
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
    expect(await stats()).toMatchObject({ delivered: 3, failed: 2, pending: 1 });
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, world.campaign.id));
    expect(campaign!.status).toBe('sent');
    expect(campaign!.sentAt).toEqual(world.campaign.sentAt);
  });
});

describe('follow-up', () => {
  it('opens the composer with the selection and records it', async () => {
    const result = await submit([['intent', 'follow_up'], ...ids('Ana', 'Fred')]);
    expect(result).toEqual({
      redirect: `/campaigns/new?from=${world.campaign.id}&recipient=${byName.get('Ana')}&recipient=${byName.get('Fred')}`,
    });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.follow_up_started'));
    expect(audit).toMatchObject({ userId: manager.userId, subjectId: world.campaign.id, details: { contactIds: 2 } });
  });

  it('needs a selection of this campaign’s recipients, at most 500', async () => {
    expect(await submit([['intent', 'follow_up']])).toMatchObject({ returned: { message: 'Tick the recipients to follow up with.' } });
    expect(await submit([['intent', 'follow_up'], ['recipient', '999999']])).toMatchObject({ returned: { message: NOT_IN_CAMPAIGN } });
    const many = Array.from({ length: 501 }, (_, i): [string, string] => ['recipient', String(i + 1)]);
    expect(await submit([['intent', 'follow_up'], ...many])).toMatchObject({ returned: { fieldErrors: { recipient: ['Select at most 500 recipients at a time.'] } } });
  });
});

describe('cancel', () => {
  const cancel = (campaignId: number) => interruptOf(() => cancelScheduledCampaign(campaignId, { ok: false }, form([])));

  it('cancels a scheduled campaign once, records it, and the worker then sends nothing', async () => {
    const scheduled = await createCampaign(world.account.id, {
      fromNumberId: world.number.id,
      status: 'scheduled',
      scheduledAt: new Date(Date.now() + 3_600_000),
    });
    expect(await cancel(scheduled.id)).toEqual({ redirect: `/campaigns/${scheduled.id}?canceled=1` });
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, scheduled.id));
    expect(row!.status).toBe('canceled');
    expect(row!.canceledAt).not.toBeNull();
    // A second press finds it canceled already: same answer, one audit entry.
    expect(await cancel(scheduled.id)).toEqual({ redirect: `/campaigns/${scheduled.id}?canceled=1` });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'campaign.cancel'), eq(auditEvents.subjectId, scheduled.id)))).toHaveLength(1);
  });

  it('says it is too late once the worker has started it, and refuses a draft', async () => {
    const started = await createCampaign(world.account.id, { fromNumberId: world.number.id, status: 'sending', sentAt: new Date() });
    expect(await cancel(started.id)).toEqual({ redirect: `/campaigns/${started.id}?cancel=too_late` });
    expect((await db.select().from(campaigns).where(eq(campaigns.id, started.id)))[0]!.status).toBe('sending');
    const draft = await createCampaign(world.account.id, { fromNumberId: world.number.id, status: 'draft' });
    expect(await cancel(draft.id)).toMatchObject({ returned: { ok: false, message: 'Only a scheduled campaign can be canceled.' } });
  });

  it('is not found for another account’s campaign', async () => {
    const scheduled = await createCampaign(world.account.id, { fromNumberId: world.number.id, status: 'scheduled', scheduledAt: new Date(Date.now() + 60_000) });
    request.claims = outsider;
    expect(await cancel(scheduled.id)).toEqual({ status: 404 });
    expect((await db.select().from(campaigns).where(eq(campaigns.id, scheduled.id)))[0]!.status).toBe('scheduled');
  });
});
