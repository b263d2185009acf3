// The Twilio error codes an SMS product meets, what each means for the recipient and
// for a retry, and where its words live (the `twilioErrors` message catalog). Codes
// are Twilio's (https://www.twilio.com/docs/api/errors); Twilio adds codes over time,
// so every lookup has a fallback.

/**
 * `transient`: the same message may go through later (rate limits, queues, a phone
 * that is off). `permanent`: sending it again unchanged will fail the same way.
 */
export type TwilioRetry = 'transient' | 'permanent';

/**
 * What the code says about the recipient: `opted_out` (they texted STOP, so Pulse
 * must never message them again until they opt in) or `bad_number` (the number
 * cannot receive texts, so a resend is a wasted credit and the composer warns).
 */
export type TwilioRecipientIssue = 'opted_out' | 'bad_number';

export type TwilioErrorInfo = {
  /** A few English words for logs; pages use the catalog text. */
  meaning: string;
  retry: TwilioRetry;
  recipient?: TwilioRecipientIssue;
};

const known = {
  // REST API: account and request
  20003: { meaning: 'authentication failed', retry: 'permanent' },
  20404: { meaning: 'resource not found', retry: 'permanent' },
  20429: { meaning: 'too many requests', retry: 'transient' },
  20500: { meaning: 'Twilio internal server error', retry: 'transient' },
  20503: { meaning: 'Twilio service unavailable', retry: 'transient' },
  // Message creation
  21211: { meaning: "invalid 'To' number", retry: 'permanent', recipient: 'bad_number' },
  21212: { meaning: "invalid 'From' number", retry: 'permanent' },
  21408: { meaning: 'sending to this region is not enabled', retry: 'permanent' },
  21601: { meaning: 'number is not SMS-capable', retry: 'permanent' },
  21602: { meaning: 'message body is required', retry: 'permanent' },
  21603: { meaning: "'From' number is required", retry: 'permanent' },
  21604: { meaning: "'To' number is required", retry: 'permanent' },
  21606: { meaning: "'From' number cannot message this destination", retry: 'permanent' },
  21608: { meaning: 'trial account: recipient not verified', retry: 'permanent' },
  21610: { meaning: 'recipient unsubscribed (texted STOP)', retry: 'permanent', recipient: 'opted_out' },
  21611: { meaning: "'From' number has too many queued messages", retry: 'transient' },
  21612: { meaning: 'no route between these numbers', retry: 'permanent' },
  21614: { meaning: "'To' is not a mobile number", retry: 'permanent', recipient: 'bad_number' },
  21617: { meaning: 'body exceeds 1600 characters', retry: 'permanent' },
  // Delivery (status callbacks)
  30001: { meaning: 'queue overflow', retry: 'transient' },
  30002: { meaning: 'account suspended', retry: 'permanent' },
  30003: { meaning: 'unreachable handset', retry: 'transient' },
  30004: { meaning: 'message blocked', retry: 'permanent' },
  30005: { meaning: 'unknown destination handset', retry: 'permanent', recipient: 'bad_number' },
  30006: { meaning: 'landline or unreachable carrier', retry: 'permanent', recipient: 'bad_number' },
  30007: { meaning: 'carrier filtering', retry: 'permanent' },
  30008: { meaning: 'unknown error', retry: 'transient' },
  30009: { meaning: 'missing segment', retry: 'transient' },
  30010: { meaning: 'price exceeds the maximum price', retry: 'permanent' },
  30019: { meaning: 'content size exceeds the carrier limit', retry: 'permanent' },
  30022: { meaning: 'US A2P 10DLC rate limit exceeded', retry: 'transient' },
  30023: { meaning: 'US A2P 10DLC daily cap reached', retry: 'transient' },
  30024: { meaning: 'sender not provisioned with the carrier', retry: 'permanent' },
  30027: { meaning: 'T-Mobile daily limit reached', retry: 'transient' },
  30032: { meaning: 'toll-free number not verified', retry: 'permanent' },
  30034: { meaning: 'sender not registered for US A2P 10DLC', retry: 'permanent' },
  30036: { meaning: 'validity period expired', retry: 'transient' },
  30038: { meaning: 'one-time passcode filtered', retry: 'permanent' },
  30500: { meaning: 'Twilio internal error', retry: 'transient' },
} satisfies Record<number, TwilioErrorInfo>;

export type KnownTwilioErrorCode = keyof typeof known;

/** Every code with a meaning of its own; the catalogs have a text for each. */
export const KNOWN_TWILIO_ERROR_CODES = Object.keys(known).map(Number) as KnownTwilioErrorCode[];

export const TWILIO_ERRORS_NAMESPACE = 'twilioErrors';
export const UNSUBSCRIBED_RECIPIENT = 21610;

/** What Pulse knows about a code, or undefined for a code it has no meaning for. */
export function twilioError(code: number | null | undefined): TwilioErrorInfo | undefined {
  if (code === null || code === undefined || !Object.hasOwn(known, code)) return undefined;
  return known[code as KnownTwilioErrorCode];
}

/** Twilio refused because the recipient texted STOP: record an opt-out (DESIGN §5). */
export function isOptOutError(code: number | null | undefined): boolean {
  return twilioError(code)?.recipient === 'opted_out';
}

/** The number itself cannot receive texts; resending to it wastes a credit. */
export function isBadNumberError(code: number | null | undefined): boolean {
  return twilioError(code)?.recipient === 'bad_number';
}

/** Whether the same message may succeed later. Unknown codes are not retried. */
export function isTransientTwilioError(code: number | null | undefined): boolean {
  return twilioError(code)?.retry === 'transient';
}

/**
 * The catalog message for a code, relative to the `twilioErrors` namespace:
 * `t(key, values)`. Codes without a text of their own read "Error 12345".
 */
export function twilioErrorMessage(code: number): { key: string; values: { code: number } } {
  return { key: twilioError(code) ? String(code) : 'unknown', values: { code } };
}
