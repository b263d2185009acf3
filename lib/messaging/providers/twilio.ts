// Twilio's REST API as Pulse's SMS provider. Credentials come from the environment;
// the status callback URL is built from PUBLIC_URL.
import { twilioCredentials } from '@/lib/config';
import type { SmsProvider } from '@/lib/messaging/providers/provider';
import { createMessage, findMessages } from '@/lib/messaging/twilio/client';

/** Twilio's documented sending rates: 1 segment/s for a long code, 3 for toll-free, 100 for a short code. */
const RATES = { long_code: 1, toll_free: 3, short_code: 100 } as const;

export function createTwilioProvider(baseUrl?: string): SmsProvider {
  return {
    name: 'twilio',
    defaultRatePerSecond: (kind) => RATES[kind],
    async send(text) {
      const created = await createMessage({
        ...twilioCredentials(),
        baseUrl,
        to: text.to,
        from: text.from,
        body: text.body,
        statusCallback: text.statusCallback,
      });
      return { sid: created.sid, status: created.status };
    },
    async findAccepted(text, claimedAt) {
      // Twilio filters by day; a minute of slack covers clock differences.
      const sent = await findMessages({
        ...twilioCredentials(),
        baseUrl,
        to: text.to,
        from: text.from,
        dateSentAfter: new Date(claimedAt.getTime() - 60_000),
      });
      const match = sent.find((m) => m.body === text.body);
      return match ? { sid: match.sid, status: match.status ?? 'queued' } : null;
    },
  };
}
