// Thousands of events in a seeded random order — status callbacks (in any order,
// duplicated, late), inbound replies and keywords, human and bot clicks, survey views
// and submissions — and afterwards every rollup equals the recount from raw rows.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { campaignStats, campaigns, links, messages, numberRoutes, surveyInvitations, surveyQuestions, surveyTokens } from '@/db/schema';
import { Random } from '@/db/seed/random';
import { receiveInboundText } from '@/lib/messaging/inbound';
import { recordStatusCallback } from '@/lib/messaging/status-callbacks';
import { recordLinkVisit } from '@/lib/messaging/tracked-links';
import { verifyStats } from '@/lib/stats';
import { openSurvey, submitSurvey } from '@/lib/surveys/responses';
import { createCampaign, createPhoneNumber, createSurvey } from '../../support/factories';
import { campaignWorld, phoneEndingIn, sendCampaign, stopTestBoss, useTwilioTestEnvironment } from '../../support/messaging';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

const EVENTS = 2500;
const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read'] as const;
const INBOUND = ['Yes please', 'No thanks', 'STOP', 'Stop please', 'start', 'HELP', 'what time?', 'unsubscribe', '👍', 'ok'];
const AGENTS = ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1', 'facebookexternalhit/1.1', 'WhatsApp/2.23.20.0', null];

describe('rollups under a random stream of events', () => {
  it(`equal the recount after ${EVENTS} events`, async () => {
    const random = new Random(20261125);
    const world = await campaignWorld({
      contacts: Array.from({ length: 30 }, (_, i) => ({ phone: phoneEndingIn(i % 10), firstName: `C${i}` })),
      body: 'Hi {first_name}, deal: https://example.com/a {survey_link}',
    });
    const survey = await createSurvey(world.account.id);
    const [question] = await db
      .insert(surveyQuestions)
      .values({ accountId: world.account.id, surveyId: survey.id, position: 1, kind: 'rating', prompt: 'How did we do?' })
      .returning();
    await db.update(campaigns).set({ surveyId: survey.id }).where(eq(campaigns.id, world.campaign.id));
    await sendCampaign(world);

    // A second campaign from a second number, to the same contacts.
    const second = await createPhoneNumber(world.account.id, { sendRatePerSecond: 1000 });
    await db.insert(numberRoutes).values({ e164: second.e164, accountId: world.account.id, phoneNumberId: second.id });
    const other = await createCampaign(world.account.id, { fromNumberId: second.id, status: 'sending', sentAt: new Date(), body: 'Flash sale https://example.com/b' });
    await db.insert(campaignStats).values({ accountId: world.account.id, campaignId: other.id });
    await sendCampaign({ ...world, number: second, campaign: other });

    const sent = await db.select().from(messages).where(and(eq(messages.accountId, world.account.id), eq(messages.direction, 'outbound')));
    const codes = (await db.select({ code: links.code }).from(links).where(eq(links.accountId, world.account.id))).map((l) => l.code);
    const tokens = (await db.select({ token: surveyTokens.token }).from(surveyTokens).innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyTokens.invitationId)).where(eq(surveyInvitations.accountId, world.account.id))).map((t) => t.token);
    const numbers = [world.number.e164, second.e164];
    let inboundSid = 0;

    for (let i = 0; i < EVENTS; i++) {
      const kind = random.weighted([['callback', 50], ['inbound', 20], ['click', 20], ['survey', 10]] as const);
      if (kind === 'callback') {
        const message = random.pick(sent.filter((m) => m.providerSid));
        const status = random.pick(STATUSES);
        const errorCode = status === 'undelivered' || status === 'failed' ? random.pick([30003, 30006, 30007, 21610]) : null;
        await recordStatusCallback({ messageSid: message.providerSid!, status, errorCode, payload: {} });
      } else if (kind === 'inbound') {
        const contact = random.pick(world.contacts);
        await receiveInboundText({
          messageSid: `SM${(++inboundSid).toString(16).padStart(32, '0')}`,
          from: contact.phone,
          to: random.pick(numbers),
          body: random.pick(INBOUND),
          optOutType: null,
        });
      } else if (kind === 'click') {
        await recordLinkVisit({ code: random.pick(codes), method: random.chance(0.1) ? 'HEAD' : 'GET', userAgent: random.pick(AGENTS) });
      } else {
        const token = random.pick(tokens);
        if (random.chance(0.6)) await openSurvey(token);
        else await submitSurvey(token, [{ questionId: question!.id, score: random.int(1, 5) }]).catch((error: Error) => {
          if (error.message !== 'alreadySubmitted') throw error;
        });
      }
    }

    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
    const [stats] = await db.select().from(campaignStats).where(eq(campaignStats.campaignId, world.campaign.id));
    // The stream really exercised every counter.
    expect(stats!.delivered + stats!.failed).toBeGreaterThan(0);
    expect(stats!.replied).toBeGreaterThan(0);
    expect(stats!.optedOut).toBeGreaterThan(0);
    expect(stats!.clicked).toBeGreaterThan(0);
    expect(stats!.surveyResponded).toBeGreaterThan(0);
  }, 300_000);
});
