// The built-in SMS simulator (CONTRACT): it plays Twilio's side. Sends land in its
// outbox with Twilio-like sids; in `auto` mode it later reports each outcome by the
// recipient number's last digit (9 → undelivered 30003, 8 → failed 30006, else sent
// then delivered), calling our own status webhook over HTTP, signed like Twilio.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { db } from '@/db/client';
import { numberRoutes, simMessages } from '@/db/schema';
import { publicUrl, simOutcomes, twilioCredentials } from '@/lib/config';
import { jobsIn } from '@/lib/jobs/transactional';
import type { SmsProvider } from '@/lib/messaging/providers/provider';
import { PermanentProviderError } from '@/lib/messaging/twilio/client';
import { twilioSignature, webhookUrl } from '@/lib/messaging/twilio/signature';

export const SIM_CALLBACK_QUEUE = 'sim.status-callback';

export type SimCallback = { sid: string; to: string; from: string; status: string; errorCode?: number };

export const newMessageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** The outcomes `auto` mode reports for a recipient, with delays in seconds. */
export function simulatedOutcomes(to: string): Array<{ status: string; errorCode?: number; after: number }> {
  const lastDigit = to.at(-1);
  const sent = { status: 'sent', after: 1 };
  if (lastDigit === '9') return [sent, { status: 'undelivered', errorCode: 30003, after: 4 }];
  if (lastDigit === '8') return [{ status: 'failed', errorCode: 30006, after: 2 }];
  return [sent, { status: 'delivered', after: 3 }];
}

export function createSimProvider(boss: PgBoss, ratePerSecond = Number(process.env.SIM_SEND_RATE) || 20): SmsProvider {
  return {
    name: 'sim',
    defaultRatePerSecond: () => ratePerSecond,
    async send(text) {
      return db.transaction(async (tx) => {
        const [route] = await tx.select().from(numberRoutes).where(eq(numberRoutes.e164, text.from));
        // Twilio answers 21606 when the From number is not one of the account's.
        if (!route) throw new PermanentProviderError(21606, `The From phone number ${text.from} is not a valid sender`);
        const [created] = await tx
          .insert(simMessages)
          .values({
            accountId: route.accountId,
            sid: newMessageSid(),
            idempotencyKey: text.idempotencyKey,
            to: text.to,
            from: text.from,
            body: text.body,
            statusCallback: text.statusCallback,
          })
          .onConflictDoNothing()
          .returning();
        if (!created) {
          const [existing] = await tx
            .select({ sid: simMessages.sid })
            .from(simMessages)
            .where(and(eq(simMessages.accountId, route.accountId), eq(simMessages.idempotencyKey, text.idempotencyKey)));
          if (!existing) throw new Error('sim outbox row neither created nor found');
          return { sid: existing.sid, status: 'queued' as const };
        }
        if (simOutcomes() === 'auto') {
          const callbacks = simulatedOutcomes(text.to).map((outcome) => ({
            name: SIM_CALLBACK_QUEUE,
            data: { sid: created.sid, to: text.to, from: text.from, status: outcome.status, errorCode: outcome.errorCode } satisfies SimCallback,
            startAfter: new Date(Date.now() + outcome.after * 1000),
            retryLimit: 5,
            retryDelay: 2,
            retryBackoff: true,
          }));
          await boss.insert(callbacks, { db: jobsIn(tx) });
        }
        return { sid: created.sid, status: 'queued' as const };
      });
    },
    async findAccepted(text) {
      const [route] = await db.select().from(numberRoutes).where(eq(numberRoutes.e164, text.from));
      if (!route) return null;
      const [existing] = await db
        .select({ sid: simMessages.sid })
        .from(simMessages)
        .where(and(eq(simMessages.accountId, route.accountId), eq(simMessages.idempotencyKey, text.idempotencyKey)));
      return existing ? { sid: existing.sid, status: 'queued' } : null;
    },
  };
}

/** Posts form parameters to one of our Twilio webhooks, signed exactly as Twilio signs. */
async function postSignedWebhook(path: string, params: Record<string, string>): Promise<Response> {
  const { authToken } = twilioCredentials();
  const url = webhookUrl(publicUrl(), path);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(authToken, url, params),
      'user-agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(15_000),
  });
}

/** Sends one simulated status callback to our webhook, exactly as Twilio would. */
export async function deliverSimCallback(callback: SimCallback): Promise<void> {
  const params: Record<string, string> = {
    AccountSid: twilioCredentials().accountSid,
    ApiVersion: '2010-04-01',
    From: callback.from,
    MessageSid: callback.sid,
    MessageStatus: callback.status,
    SmsSid: callback.sid,
    SmsStatus: callback.status,
    To: callback.to,
  };
  if (callback.errorCode) params.ErrorCode = String(callback.errorCode);
  const response = await postSignedWebhook('/api/webhooks/twilio/status', params);
  if (!response.ok) throw new Error(`status webhook answered ${response.status} for ${callback.sid}`);
}

/**
 * A contact texting one of our numbers, through our inbound webhook as Twilio would
 * deliver it. Returns the texts Pulse answered with (its TwiML).
 */
export async function deliverSimInbound(text: { from: string; to: string; body: string }): Promise<{ sid: string; replies: string[] }> {
  const sid = newMessageSid();
  const response = await postSignedWebhook('/api/webhooks/twilio/inbound', {
    AccountSid: twilioCredentials().accountSid,
    ApiVersion: '2010-04-01',
    Body: text.body,
    From: text.from,
    MessageSid: sid,
    NumMedia: '0',
    NumSegments: '1',
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: 'received',
    To: text.to,
  });
  if (!response.ok) throw new Error(`inbound webhook answered ${response.status}`);
  const twiml = await response.text();
  const replies = [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => decodeXml(m[1] ?? ''));
  return { sid, replies };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity] ?? '');
}
