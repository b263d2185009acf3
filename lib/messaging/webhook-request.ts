// Reads a Twilio webhook request safely: bounded size, form encoding only, and the
// X-Twilio-Signature checked over PUBLIC_URL + path (never the Host header) before
// anything else looks at it. Returns the parameters, or the response to give instead.
import { publicUrl } from '@/lib/config';
import { isValidTwilioSignature, webhookUrl } from '@/lib/messaging/twilio/signature';

/** Twilio's webhooks are a few hundred bytes; anything near this is not Twilio. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

export type SignedForm = { ok: true; params: URLSearchParams } | { ok: false; response: Response };

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function readSignedTwilioForm(request: Request): Promise<SignedForm> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_WEBHOOK_BYTES) return { ok: false, response: plain(413, 'Request body too large') };
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return { ok: false, response: plain(415, 'Expected application/x-www-form-urlencoded') };
  }
  const body = await readBounded(request, MAX_WEBHOOK_BYTES);
  if (body === null) return { ok: false, response: plain(413, 'Request body too large') };

  const authToken = process.env.TWILIO_AUTH_TOKEN;
  if (!authToken) {
    console.error('webhook refused: TWILIO_AUTH_TOKEN is not configured');
    return { ok: false, response: plain(503, 'Webhook not configured') };
  }
  const params = new URLSearchParams(body);
  const { pathname, search } = new URL(request.url);
  const url = webhookUrl(publicUrl(), pathname + search);
  if (!isValidTwilioSignature(authToken, request.headers.get('x-twilio-signature'), url, params)) {
    return { ok: false, response: plain(403, 'Invalid signature') };
  }
  return { ok: true, params };
}

/** The body as text, or null when it exceeds `limit` bytes (checked while streaming). */
async function readBounded(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** Form fields as a plain record for the event log (repeated names keep the last value). */
export function paramsRecord(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
