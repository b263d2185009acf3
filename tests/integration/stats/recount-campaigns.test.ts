// The recount derives each campaign recipient's state and the campaign's counters
// from raw rows exactly as DESIGN §5 defines them.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recountStats } from '@/lib/stats';
import {
  createAccount,
  createCampaign,
  createCampaignRecipient,
  createContact,
  createInboundMessage,
  createLink,
  createLinkClick,
  createMessageEvent,
  createOptOut,
  createOutboundMessage,
  createPhoneNumber,
  createSurvey,
  createSurveyInvitation,
} from '@/tests/support/factories';

const T = Date.parse('2026-03-02T14:00:00Z');
const at = (minutes: number) => new Date(T + minutes * 60_000);
const HOUR = 60;
const DAY = 24 * HOUR;

type Ids = Record<string, number>;
let accountId: number;
let campaignId: number;
let draftId: number;
const contact: Ids = {};
const message: Ids = {};

beforeAll(async () => {
  const account = await createAccount();
  accountId = account.id;
  const number = await createPhoneNumber(accountId);
  const survey = await createSurvey(accountId);
  const campaign = await createCampaign(accountId, { fromNumberId: number.id, surveyId: survey.id, sentAt: at(0) });
  campaignId = campaign.id;
  draftId = (await createCampaign(accountId, { fromNumberId: number.id, status: 'draft' })).id;
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
    const row = await createContact(accountId, { firstName: name });
    contact[name] = row.id;
    await createCampaignRecipient(accountId, { campaignId, contactId: row.id, name, phone: row.phone, sortName: name });
  }
  const send = (name: string, overrides: Parameters<typeof createOutboundMessage>[1] extends infer O ? Partial<O> : never) =>
    createOutboundMessage(accountId, { contactId: contact[name]!, phoneNumberId: number.id, campaignId, sentAt: at(0), credits: 1, ...overrides });

  // A: attempt 1 undelivered, the resend (attempt 2) delivered; its 'sent' callback came after 'delivered'.
  message.A1 = (await send('A', { status: 'undelivered', errorCode: 30003, failedAt: at(1) })).id;
  message.A2 = (await send('A', { attempt: 2, status: 'delivered', sentAt: at(DAY), deliveredAt: at(DAY + 1) })).id;
  await createMessageEvent(accountId, { messageId: message.A2, status: 'delivered', receivedAt: at(DAY + 1) });
  await createMessageEvent(accountId, { messageId: message.A2, status: 'sent', applied: false, receivedAt: at(DAY + 2) });

  // B: two replies, then STOP (an opt-out, not a reply).
  message.B1 = (await send('B', { segments: 2, credits: 2, deliveredAt: at(1) })).id;
  const reply = (body: string, minutes: number, attributedMessageId: number | null, name = 'B', kind: 'reply' | 'opt_out' = 'reply') =>
    createInboundMessage(accountId, {
      contactId: contact[name]!, phoneNumberId: number.id, body, inboundKind: kind, attributedMessageId, createdAt: at(minutes),
    });
  await reply('Yes!', HOUR, message.B1);
  await reply('What time?', 2 * HOUR, message.B1);
  const stop = await reply('STOP', 3 * HOUR, message.B1, 'B', 'opt_out');
  await createOptOut(accountId, { contactId: contact.B!, campaignId, messageId: stop.id, createdAt: at(3 * HOUR) });

  // C: two human clicks and two bot hits (a preview fetcher and a HEAD); opened the survey only.
  message.C1 = (await send('C', { deliveredAt: at(1) })).id;
  const link = await createLink(accountId, { contactId: contact.C!, campaignId, messageId: message.C1 });
  await createLinkClick(accountId, { linkId: link.id, clickedAt: at(10) });
  await createLinkClick(accountId, { linkId: link.id, clickedAt: at(20) });
  await createLinkClick(accountId, { linkId: link.id, isBot: true, userAgent: 'facebookexternalhit/1.1', clickedAt: at(1) });
  await createLinkClick(accountId, { linkId: link.id, isBot: true, method: 'HEAD', userAgent: null, clickedAt: at(2) });
  await createSurveyInvitation(accountId, { surveyId: survey.id, contactId: contact.C!, campaignId, viewedAt: at(30), viewCount: 1 });

  // D: opted out before dispatch, never sent.
  message.D1 = (await send('D', { status: 'suppressed', statusReason: 'opted_out', sentAt: null, credits: 0 })).id;
  // E: addressed, no message yet. F: waiting for the end of quiet hours.
  message.F1 = (await send('F', { status: 'pending', statusRank: 0, statusReason: 'quiet_hours', sendAfter: at(12 * HOUR), sentAt: null, credits: 0, providerSid: null })).id;

  // G: a reply four days later is attributed to nothing; answered the survey.
  message.G1 = (await send('G', { deliveredAt: at(1) })).id;
  await reply('hello?', 4 * DAY, null, 'G');
  await createSurveyInvitation(accountId, {
    surveyId: survey.id, contactId: contact.G!, campaignId, viewedAt: at(HOUR), viewCount: 2, submittedAt: at(HOUR + 2),
  });
});

const untouched = {
  status_reason: null, error_code: null, failed_at: null, replied_at: null, reply_count: 0, last_reply: null,
  opted_out_at: null, clicked_at: null, click_count: 0, survey_viewed_at: null, survey_responded_at: null,
};

describe('campaign recount', () => {
  it("derives each recipient's state from their latest message, replies, clicks and survey", async () => {
    const recount = await recountStats(db, { accountId });
    const byContact = new Map(recount.campaign_recipients!.map((r) => [r.contact_id, r]));
    const recipient = (name: string) => byContact.get(contact[name]);

    expect(recipient('A')).toMatchObject({
      ...untouched, status: 'delivered', message_status: 'delivered', status_rank: 6, message_id: message.A2,
      attempts: 2, sent_at: at(DAY), delivered_at: at(DAY + 1),
    });
    expect(recipient('B')).toMatchObject({
      status: 'delivered', message_id: message.B1, attempts: 1,
      reply_count: 2, replied_at: at(2 * HOUR), last_reply: 'What time?', opted_out_at: at(3 * HOUR),
    });
    expect(recipient('C')).toMatchObject({
      status: 'delivered', clicked_at: at(10), click_count: 2, survey_viewed_at: at(30), survey_responded_at: null, reply_count: 0,
    });
    expect(recipient('D')).toMatchObject({
      ...untouched, status: 'suppressed', message_status: 'suppressed', status_rank: 6, status_reason: 'opted_out',
      message_id: message.D1, attempts: 1, sent_at: null,
    });
    expect(recipient('E')).toMatchObject({
      ...untouched, status: 'pending', message_status: 'pending', status_rank: 0, message_id: null, attempts: 0, sent_at: null,
    });
    expect(recipient('F')).toMatchObject({
      ...untouched, status: 'pending', message_status: 'pending', status_rank: 0, status_reason: 'quiet_hours',
      message_id: message.F1, attempts: 1,
    });
    expect(recipient('G')).toMatchObject({
      status: 'delivered', reply_count: 0, replied_at: null, survey_viewed_at: at(HOUR), survey_responded_at: at(HOUR + 2),
    });
  });

  it('counts distinct recipients per bucket, excluding suppressed ones, and charges only accepted messages', async () => {
    const recount = await recountStats(db, { accountId });
    const stats = recount.campaign_stats!.find((s) => s.campaign_id === campaignId);
    expect(stats).toMatchObject({
      recipients: 6, suppressed: 1, delivered: 4, pending: 2, failed: 0,
      replied: 1, replies_total: 2, opted_out: 1, clicked: 1, clicks_total: 2,
      survey_viewed: 2, survey_responded: 1,
      // A1 (undelivered but accepted), A2, B1, C1, G1; not the suppressed or the pending one.
      messages: 5, credits: 6,
    });
    expect(recount.campaign_stats!.find((s) => s.campaign_id === draftId)).toMatchObject({ recipients: 0, messages: 0, credits: 0 });
  });

  it('counts human clicks on a link and ignores bots and HEAD requests', async () => {
    const recount = await recountStats(db, { accountId });
    expect(recount['links.click_count']!.map((l) => l.click_count)).toEqual([2]);
  });

  it('charges an outbound message its segments once accepted and nothing before or when suppressed', async () => {
    const recount = await recountStats(db, { accountId });
    const credits = new Map(recount['messages.credits']!.map((m) => [m.id, m.credits]));
    expect(credits.get(message.A1)).toBe(1);
    expect(credits.get(message.B1)).toBe(2);
    expect(credits.get(message.D1)).toBe(0);
    expect(credits.get(message.F1)).toBe(0);
  });
});
