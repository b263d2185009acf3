// Inputs of the simulator page: its outbox filter and its two forms.
import { z } from 'zod';
import { normalizePhone } from '@/lib/contacts/phone';

/** A phone typed in any common format, as E.164 in the account's country. */
export function phoneInput(country: string) {
  return z.string().transform((value, ctx) => {
    const normalized = normalizePhone(value, country);
    if (!normalized.ok) {
      ctx.addIssue({ code: 'custom', message: 'sim.errors.phone' });
      return z.NEVER;
    }
    return normalized.e164;
  });
}

export function simulateReplySchema(country: string) {
  return z.object({
    from: phoneInput(country),
    to: z.string().regex(/^\+[1-9]\d{5,14}$/, 'sim.errors.number'),
    body: z.string().trim().min(1, 'sim.errors.body').max(1600, 'sim.errors.bodyTooLong'),
  });
}

export const reportOutcomeSchema = z.object({
  sid: z.string().regex(/^SM[0-9a-f]{32}$/, 'sim.errors.sid'),
  status: z.enum(['sent', 'delivered', 'read', 'undelivered', 'failed'], { message: 'sim.errors.status' }),
  errorCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'sim.errors.errorCode')
    .transform((v) => (v === '' ? undefined : Number(v))),
});
