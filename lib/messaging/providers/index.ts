// The provider named by SMS_PROVIDER: the built-in simulator (default) or Twilio.
import type PgBoss from 'pg-boss';
import { smsProviderName } from '@/lib/config';
import type { SmsProvider } from '@/lib/messaging/providers/provider';
import { createSimProvider } from '@/lib/messaging/providers/sim';
import { createTwilioProvider } from '@/lib/messaging/providers/twilio';

export function createProvider(boss: PgBoss): SmsProvider {
  return smsProviderName() === 'twilio' ? createTwilioProvider() : createSimProvider(boss);
}
