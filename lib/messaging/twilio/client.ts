// A minimal client for Twilio's Messages REST API over `fetch`: send one text, and
// list the texts sent between two numbers. Every failure is classified as transient
// (retry later) or permanent (record the message as failed with Twilio's code).
import { parseProviderStatus, type MessageStatus } from '@/lib/messaging/status';
import { isTransientTwilioError } from '@/lib/messaging/twilio/error-codes';

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';
const DEFAULT_TIMEOUT_MS = 10_000;

/** A provider call failed; `code` is Twilio's error code when it gave one. */
export class ProviderError extends Error {
  constructor(
    readonly code: number | null,
    message: string,
    readonly httpStatus: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ProviderError';
  }
}

/** Worth retrying later: the network, a timeout, a rate limit, Twilio having a bad moment. */
export class TransientProviderError extends ProviderError {
  /**
   * True when the request may have reached Twilio and created the message anyway (a
   * timeout, a dropped connection, a 5xx): look for it with `findMessages` before
   * sending again, because Twilio has no idempotency key for message creation.
   */
  readonly outcomeUnknown: boolean;
  /** From a 429's Retry-After header. */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: number | null,
    message: string,
    details: { httpStatus?: number | null; outcomeUnknown?: boolean; retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(code, message, details.httpStatus ?? null, { cause: details.cause });
    this.name = 'TransientProviderError';
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }
}

/** Sending the same message again would fail the same way (invalid number, opted out…). */
export class PermanentProviderError extends ProviderError {
  readonly moreInfo: string | null;

  constructor(code: number | null, message: string, details: { httpStatus?: number | null; moreInfo?: string | null } = {}) {
    super(code, message, details.httpStatus ?? null);
    this.name = 'PermanentProviderError';
    this.moreInfo = details.moreInfo ?? null;
  }
}

export type TwilioAccount = {
  accountSid: string;
  authToken: string;
  /** Another API host: tests point it at a local fake Twilio. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Aborts the call early, e.g. when the worker shuts down. */
  signal?: AbortSignal;
};

export type NewMessage = TwilioAccount & {
  to: string;
  from: string;
  body: string;
  /** Where Twilio posts status callbacks (built from PUBLIC_URL). */
  statusCallback?: string;
};

export type CreatedMessage = { sid: string; status: MessageStatus; errorCode: number | null };

export type SentMessage = {
  sid: string;
  status: MessageStatus | null;
  to: string;
  from: string;
  body: string;
  dateCreated: Date | null;
  dateSent: Date | null;
  errorCode: number | null;
};

type TwilioErrorBody = { code?: unknown; message?: unknown; more_info?: unknown; status?: unknown };
type TwilioMessageJson = Record<string, unknown>;

/** Sends one text: POST /2010-04-01/Accounts/{sid}/Messages.json. */
export async function createMessage(message: NewMessage): Promise<CreatedMessage> {
  const form = new URLSearchParams({ To: message.to, From: message.from, Body: message.body });
  if (message.statusCallback) form.set('StatusCallback', message.statusCallback);
  const json = await callTwilio(message, 'POST', messagesUrl(message), form);
  if (typeof json.sid !== 'string' || json.sid === '') {
    throw new TransientProviderError(null, 'Twilio accepted the message but its answer had no sid', { outcomeUnknown: true });
  }
  return {
    sid: json.sid,
    // Twilio answers "queued" (or "accepted" through a Messaging Service); a status this
    // code does not know yet still means the message was accepted.
    status: parseProviderStatus(json.status) ?? 'queued',
    errorCode: numberOrNull(json.error_code),
  };
}

/**
 * The texts sent from `from` to `to` since `dateSentAfter` (GET Messages.json with
 * `To`, `From`, `DateSent>`; newest first, one page of up to 50).
 *
 * Why: Twilio has no idempotency key for message creation, so when a worker dies
 * between Twilio accepting a text and Pulse recording the sid (or a call times out),
 * resending could text the recipient twice. Before retrying such a send, the caller
 * lists what was sent to the recipient since it claimed the message and matches the
 * body. Twilio sets `date_sent` when the text leaves its queue, so a text still queued
 * may be missing here: reconcile only once a queued text would have gone out.
 */
export async function findMessages(query: TwilioAccount & { to: string; from: string; dateSentAfter: Date }): Promise<SentMessage[]> {
  const url = new URL(messagesUrl(query));
  url.searchParams.set('To', query.to);
  url.searchParams.set('From', query.from);
  // Twilio's helper libraries send whole seconds in UTC: 2024-05-01T12:00:00Z.
  url.searchParams.set('DateSent>', query.dateSentAfter.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  url.searchParams.set('PageSize', '50');
  const json = await callTwilio(query, 'GET', url.toString());
  const list = Array.isArray(json.messages) ? (json.messages as unknown[]) : [];
  return list.filter(isObject).map(
    (m): SentMessage => ({
      sid: stringOrEmpty(m.sid),
      status: parseProviderStatus(m.status),
      to: stringOrEmpty(m.to),
      from: stringOrEmpty(m.from),
      body: stringOrEmpty(m.body),
      dateCreated: dateOrNull(m.date_created),
      dateSent: dateOrNull(m.date_sent),
      errorCode: numberOrNull(m.error_code),
    }),
  );
}

function messagesUrl(account: TwilioAccount): string {
  const base = (account.baseUrl ?? TWILIO_API_BASE_URL).replace(/\/+$/, '');
  return `${base}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
}

async function callTwilio(account: TwilioAccount, method: 'GET' | 'POST', url: string, form?: URLSearchParams): Promise<TwilioMessageJson> {
  const timeout = AbortSignal.timeout(account.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = account.signal ? AbortSignal.any([timeout, account.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
        accept: 'application/json',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw networkFailure(error);
  }
  const json = parseJson(text);
  if (response.ok) {
    if (json) return json;
    throw new TransientProviderError(null, `Twilio answered ${response.status} with a body that is not JSON`, {
      httpStatus: response.status,
      outcomeUnknown: method === 'POST',
    });
  }
  throw httpFailure(response, json ?? {}, method);
}

function httpFailure(response: Response, body: TwilioErrorBody, method: string): ProviderError {
  const status = response.status;
  const code = numberOrNull(body.code);
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : `Twilio answered HTTP ${status}`;
  if (status === 429 || status >= 500 || isTransientTwilioError(code)) {
    return new TransientProviderError(code, message, {
      httpStatus: status,
      // A 5xx may come after Twilio created the message; a 429 or a 4xx refusal never does.
      outcomeUnknown: status >= 500 && method === 'POST',
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
    });
  }
  return new PermanentProviderError(code, message, {
    httpStatus: status,
    moreInfo: typeof body.more_info === 'string' ? body.more_info : null,
  });
}

// Failures where the request provably never reached Twilio.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

function networkFailure(error: unknown): TransientProviderError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    return new TransientProviderError(null, 'Twilio did not answer in time', { outcomeUnknown: true, cause: error });
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const reason = error instanceof Error ? error.message : String(error);
  return new TransientProviderError(null, `Could not reach Twilio: ${code || reason}`, {
    outcomeUnknown: !NOT_SENT_CODES.has(code),
    cause: error,
  });
}

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function parseJson(text: string): TwilioMessageJson | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** Twilio's dates are RFC 2822 ("Thu, 30 Jul 2015 20:12:31 +0000"). */
function dateOrNull(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
