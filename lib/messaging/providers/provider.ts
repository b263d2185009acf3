// What Pulse needs from an SMS provider. Twilio's REST API and the built-in simulator
// both implement it; everything after `send` comes back through the same webhooks.
import type { MessageStatus } from '@/lib/messaging/status';

export type OutgoingText = {
  /** One key per recipient attempt; a provider that honours it never sends twice. */
  idempotencyKey: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string;
};

export type Acceptance = { sid: string; status: MessageStatus };

export type SmsProvider = {
  name: 'sim' | 'twilio';
  /** Throws TransientProviderError (retry later) or PermanentProviderError (record as failed). */
  send(text: OutgoingText): Promise<Acceptance>;
  /**
   * After a crash between `send` and recording its result: was this text accepted?
   * `claimedAt` bounds the search.
   */
  findAccepted(text: OutgoingText, claimedAt: Date): Promise<Acceptance | null>;
  /** Messages per second a number may send when it has no rate of its own. */
  defaultRatePerSecond(kind: 'long_code' | 'toll_free' | 'short_code'): number;
};
