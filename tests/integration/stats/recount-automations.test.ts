// The recount derives automation contacts, counters and the 15-minute activity
// buckets (and the account's) from executions, messages and conversations.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recountStats } from '@/lib/stats';
import {
  createAccount,
  createAutomation,
  createContact,
  createConversation,
  createExecution,
  createInboundMessage,
  createLink,
  createLinkClick,
  createOptOut,
  createOutboundMessage,
  createPhoneNumber,
  createSurvey,
  createSurveyInvitation,
} from '@/tests/support/factories';

const T = Date.parse('2026-03-02T14:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(T + minutes * 60_000 + seconds * 1000);

let accountId: number;
let automationId: number;
let idleAutomationId: number;
const contact: Record<string, number> = {};
const message: Record<string, number> = {};

beforeAll(async () => {
  accountId = (await createAccount()).id;
  const number = await createPhoneNumber(accountId);
  const survey = await createSurvey(accountId);
  automationId = (await createAutomation(accountId, { fromNumberId: number.id, action: 'send_survey', surveyId: survey.id })).id;
  idleAutomationId = (await createAutomation(accountId, { fromNumberId: number.id, status: 'inactive' })).id;
  for (const name of ['P', 'Q', 'R']) contact[name] = (await createContact(accountId, { firstName: name })).id;

  const run = async (name: string, executedAt: Date, status: 'sent' | 'failed' | 'skipped', send?: Parameters<typeof createOutboundMessage>[1] extends infer O ? Partial<O> : never) => {
    const execution = await createExecution(accountId, {
      automationId, contactId: contact[name]!, status, executedAt, scheduledFor: executedAt,
      skipReason: status === 'skipped' ? 'opted_out' : null,
    });
    if (!send) return undefined;
    const sent = await createOutboundMessage(accountId, {
      contactId: contact[name]!, phoneNumberId: number.id, automationId, automationExecutionId: execution.id,
      createdAt: executedAt, ...send,
    });
    return sent.id;
  };
  // 14:07 P sent (bucket 14:00); 14:16 Q failed with 21610 and so opted out (14:15); 14:29 R skipped (14:15);
  // 15:44 P again, still only 'sent' (15:30).
  message.P1 = (await run('P', at(7), 'sent', { status: 'delivered', sentAt: at(7, 30), deliveredAt: at(7, 40), credits: 1 }))!;
  message.Q1 = (await run('Q', at(16), 'failed', { status: 'failed', errorCode: 21610, sentAt: at(16, 10), failedAt: at(16, 12), credits: 1 }))!;
  await createOptOut(accountId, { contactId: contact.Q!, automationId, source: 'carrier', keyword: null, messageId: message.Q1, createdAt: at(16, 12) });
  await run('R', at(29), 'skipped');
  message.P2 = (await run('P', at(104), 'sent', { status: 'sent', sentAt: at(104, 20), segments: 2, credits: 2 }))!;
  await createExecution(accountId, { automationId, contactId: contact.R!, status: 'scheduled', scheduledFor: at(3000) });

  const reply = await createInboundMessage(accountId, {
    contactId: contact.P!, phoneNumberId: number.id, attributedMessageId: message.P1, createdAt: at(30),
  });
  await createConversation(accountId, { contactId: contact.P!, phoneNumberId: number.id, startedByMessageId: reply.id, startedAt: at(30) });
  const link = await createLink(accountId, { contactId: contact.P!, automationId, messageId: message.P1 });
  await createLinkClick(accountId, { linkId: link.id, clickedAt: at(40) });
  await createLinkClick(accountId, { linkId: link.id, isBot: true, userAgent: 'WhatsApp/2.23', clickedAt: at(8) });
  await createSurveyInvitation(accountId, { surveyId: survey.id, contactId: contact.P!, automationId, viewedAt: at(45), submittedAt: at(50) });
});

describe('automation recount', () => {
  it("keeps one row per contact messaged, with the state of the automation's latest message", async () => {
    const { automation_recipients: rows } = await recountStats(db, { accountId });
    expect(rows).toHaveLength(2);
    expect(rows!.find((r) => r.contact_id === contact.P)).toMatchObject({
      status: 'pending', message_status: 'sent', status_rank: 5, message_id: message.P2,
      first_messaged_at: at(7), delivered_at: null, replied_at: at(30), opted_out_at: null,
      clicked_at: at(40), survey_responded_at: at(50),
    });
    expect(rows!.find((r) => r.contact_id === contact.Q)).toMatchObject({
      status: 'failed', message_status: 'failed', message_id: message.Q1, opted_out_at: at(16, 12), replied_at: null,
    });
  });

  it('counts sent and failed executions, lists skipped ones apart, and ignores scheduled ones', async () => {
    const { automation_stats: stats } = await recountStats(db, { accountId });
    expect(stats!.find((s) => s.automation_id === automationId)).toEqual({
      account_id: accountId, automation_id: automationId,
      contacts: 2, delivered: 0, pending: 1, failed: 1, replied: 1, opted_out: 1, clicked: 1, clicks_total: 1,
      survey_responded: 1, executions: 3, skipped: 1,
    });
    expect(stats!.find((s) => s.automation_id === idleAutomationId)).toMatchObject({ contacts: 0, executions: 0 });
  });

  it('puts executions, skips and credits in 15-minute UTC buckets', async () => {
    const { automation_activity: activity } = await recountStats(db, { accountId });
    expect(activity!.map(({ bucket_start, executions, skipped, credits }) => ({ bucket_start, executions, skipped, credits }))).toEqual([
      { bucket_start: at(0), executions: 1, skipped: 0, credits: 1 },
      { bucket_start: at(15), executions: 1, skipped: 1, credits: 1 },
      { bucket_start: at(90), executions: 1, skipped: 0, credits: 2 },
    ]);
  });

  it("counts the account's credits, messages sent and conversations started per bucket", async () => {
    const { account_activity: activity } = await recountStats(db, { accountId });
    expect(activity!.map(({ bucket_start, credits, messages_sent, conversations_started }) => ({ bucket_start, credits, messages_sent, conversations_started }))).toEqual([
      { bucket_start: at(0), credits: 1, messages_sent: 1, conversations_started: 0 },
      { bucket_start: at(15), credits: 1, messages_sent: 1, conversations_started: 0 },
      { bucket_start: at(30), credits: 0, messages_sent: 0, conversations_started: 1 },
      { bucket_start: at(90), credits: 2, messages_sent: 1, conversations_started: 0 },
    ]);
  });
});
