'use server';
// The simulator page's two forms: a contact texting in, and (in manual mode) the
// carrier reporting an outcome. Both go through our own webhooks over HTTP, signed.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { simMessages } from '@/db/schema';
import { managerAction } from '@/lib/auth/action';
import { smsProviderName } from '@/lib/config';
import { normalizePhone } from '@/lib/contacts/phone';
import { DomainError } from '@/lib/errors';
import { deliverSimCallback, deliverSimInbound } from '@/lib/messaging/providers/sim';
import { reportOutcomeSchema } from '@/lib/sim/schemas';

function requireSimulator() {
  if (smsProviderName() !== 'sim') throw new DomainError('sim.errors.notSimulator');
}

export const simulateReply = managerAction(
  z.object({
    from: z.string().trim().min(1, 'sim.errors.phone').max(64, 'sim.errors.phone'),
    to: z.string().regex(/^\+[1-9]\d{5,14}$/, 'sim.errors.number'),
    body: z.string().trim().min(1, 'sim.errors.body').max(1600, 'sim.errors.bodyTooLong'),
  }),
  async (input, { account }) => {
    requireSimulator();
    const from = normalizePhone(input.from, account.country);
    if (!from.ok) throw new DomainError('sim.errors.phone', 'from');
    const { replies } = await deliverSimInbound({ from: from.e164, to: input.to, body: input.body });
    return {
      message: replies.length > 0 ? 'sim.replied' : 'sim.received',
      messageValues: { reply: replies.join(' / ') },
      revalidate: ['/sim'],
    };
  },
);

export const reportOutcome = managerAction(reportOutcomeSchema, async (input, { ctx }) => {
  requireSimulator();
  const [text] = await ctx.db
    .select()
    .from(simMessages)
    .where(and(eq(simMessages.accountId, ctx.accountId), eq(simMessages.sid, input.sid)));
  if (!text) throw new DomainError('sim.errors.unknownSid', 'sid');
  const failing = input.status === 'failed' || input.status === 'undelivered';
  await deliverSimCallback({
    sid: text.sid,
    to: text.to,
    from: text.from,
    status: input.status,
    errorCode: failing ? (input.errorCode ?? 30003) : undefined,
  });
  return { message: 'sim.reported', messageValues: { status: input.status }, revalidate: ['/sim'] };
});
