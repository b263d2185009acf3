import { receiveInboundText } from '@/lib/messaging/inbound';
import { twimlResponse } from '@/lib/messaging/twilio/twiml';
import { paramsRecord, readSignedTwilioForm } from '@/lib/messaging/webhook-request';
import { describeIssues, inboundMessageSchema } from '@/lib/messaging/webhook-schemas';

const twiml = (messages: string[]) =>
  new Response(twimlResponse(messages), { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });

export async function POST(request: Request): Promise<Response> {
  const form = await readSignedTwilioForm(request);
  if (!form.ok) return form.response;
  const parsed = inboundMessageSchema.safeParse(paramsRecord(form.params));
  if (!parsed.success) return new Response(describeIssues(parsed.error), { status: 400 });

  const outcome = await receiveInboundText({
    messageSid: parsed.data.MessageSid,
    from: parsed.data.From,
    to: parsed.data.To,
    body: parsed.data.Body,
    optOutType: parsed.data.OptOutType ?? null,
  });
  if (outcome.result === 'unknown_number') console.warn(`inbound message to unknown number ${parsed.data.To}: ignored`);
  return twiml(outcome.reply);
}
