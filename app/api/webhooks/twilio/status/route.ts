import { recordStatusCallback } from '@/lib/messaging/status-callbacks';
import { paramsRecord, readSignedTwilioForm } from '@/lib/messaging/webhook-request';
import { describeIssues, statusCallbackSchema } from '@/lib/messaging/webhook-schemas';

export async function POST(request: Request): Promise<Response> {
  const form = await readSignedTwilioForm(request);
  if (!form.ok) return form.response;
  const parsed = statusCallbackSchema.safeParse(paramsRecord(form.params));
  if (!parsed.success) return new Response(describeIssues(parsed.error), { status: 400 });

  const outcome = await recordStatusCallback({
    messageSid: parsed.data.MessageSid,
    status: parsed.data.MessageStatus,
    errorCode: parsed.data.ErrorCode ?? null,
    payload: paramsRecord(form.params),
  });
  if (outcome === 'unknown_sid') console.warn(`status callback for unknown message ${parsed.data.MessageSid}: ignored`);
  return new Response(null, { status: 204 });
}
