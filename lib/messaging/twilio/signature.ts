// Twilio's webhook signature (X-Twilio-Signature): HMAC-SHA1, keyed with the auth
// token, over the full webhook URL followed by every POST parameter name and value in
// name order, base64-encoded. The simulator signs with the same function, so every
// webhook is always verified (CONTRACT "Environment").
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as a route handler parses them, or as a sender builds them. */
export type TwilioParams = URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

/**
 * The URL Twilio signs: `PUBLIC_URL` + path (+ query). Never build it from the
 * request's Host header, which the sender controls.
 */
export function webhookUrl(publicUrl: string, pathWithQuery: string): string {
  const base = publicUrl.trim().replace(/\/+$/, '');
  const path = pathWithQuery.replace(/^\/+/, '');
  return path === '' ? base : `${base}/${path}`;
}

/** Name → all its values, whatever shape the parameters came in. */
function valuesByName(params: TwilioParams): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const entries: Iterable<[string, string | readonly string[]]> =
    params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [name, value] of entries) {
    const list = byName.get(name) ?? [];
    if (typeof value === 'string') list.push(value);
    else list.push(...value);
    byName.set(name, list);
  }
  return byName;
}

/** The base64 signature Twilio sends for this URL and these form parameters. */
export function twilioSignature(authToken: string, url: string, params: TwilioParams = {}): string {
  let signed = url;
  const byName = valuesByName(params);
  for (const name of [...byName.keys()].sort()) {
    // A repeated name contributes each distinct value once, values sorted — the rule
    // Twilio's helper libraries (twilio-node, twilio-python) apply.
    for (const value of [...new Set(byName.get(name))].sort()) signed += name + value;
  }
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/**
 * The URL as given, plus the same URL with the scheme's default port added (when it
 * has none) or with its port removed (when it has one). Twilio's own validators accept
 * both because its signing "is inconsistent" about ports (twilio-node `validateRequest`).
 */
function urlVariants(url: string): string[] {
  const match = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) return [url];
  const [, scheme = '', authority = '', rest = ''] = match;
  const withPort = /^(.*):(\d+)$/.exec(authority);
  if (withPort && !authority.endsWith(']')) return [url, `${scheme}://${withPort[1]}${rest}`];
  const defaultPort = scheme.toLowerCase() === 'https' ? 443 : 80;
  return [url, `${scheme}://${authority}:${defaultPort}${rest}`];
}

function sameSignature(expected: string, received: Buffer): boolean {
  const wanted = Buffer.from(expected, 'utf8');
  // timingSafeEqual needs equal lengths; the length of a signature is no secret.
  return wanted.length === received.length && timingSafeEqual(wanted, received);
}

/**
 * Whether `signatureHeader` is Twilio's signature of this request. `url` must be the
 * configured public URL of the endpoint (see `webhookUrl`), `params` every form field
 * received. A missing or malformed header is simply invalid.
 */
export function isValidTwilioSignature(
  authToken: string,
  signatureHeader: string | null | undefined,
  url: string,
  params: TwilioParams = {},
): boolean {
  if (!authToken || typeof signatureHeader !== 'string' || signatureHeader === '') return false;
  const received = Buffer.from(signatureHeader, 'utf8');
  let valid = false;
  // Every variant is checked, so the time taken does not say which one matched.
  for (const variant of urlVariants(url)) {
    if (sameSignature(twilioSignature(authToken, variant, params), received)) valid = true;
  }
  return valid;
}
