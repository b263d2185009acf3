// What a Twilio status callback and an incoming message must carry (CONTRACT
// "Webhooks"). Anything else is answered 400 and stored nowhere.
import { z } from 'zod';
import { parseProviderStatus } from '@/lib/messaging/status';

const sid = z.string().regex(/^(SM|MM|SMS|MG)[0-9a-fA-F]{32}$/, 'not a message sid');
const phone = z.string().regex(/^\+[1-9]\d{5,14}$/, 'not an E.164 number');

export const statusCallbackSchema = z.object({
  MessageSid: sid,
  MessageStatus: z
    .string()
    .transform((value, ctx) => {
      const status = parseProviderStatus(value);
      if (status === null) {
        ctx.addIssue({ code: 'custom', message: `unknown status ${value.slice(0, 40)}` });
        return z.NEVER;
      }
      return status;
    }),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const inboundMessageSchema = z.object({
  MessageSid: sid,
  From: phone,
  To: phone,
  Body: z.string().max(10_000).default(''),
  OptOutType: z.enum(['STOP', 'START', 'HELP']).optional(),
});

/** The first problem in words, for the 400 answer and the log. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid request';
}
