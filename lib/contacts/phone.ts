// Contact phone numbers: any common way of writing one becomes E.164, with the
// account's country as the default; E.164 is shown back in the account's own format.
// Uses libphonenumber-js's "max" metadata, which checks a number against each
// country's real number plan (not only its length): a number that cannot exist is
// refused at import instead of costing a credit and a Twilio 21211. Size is no
// concern on the server, where this runs.
import {
  isSupportedCountry,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type PhoneProblem = 'empty' | 'invalid' | 'too_short' | 'too_long' | 'not_a_number';
export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };

// No way of writing one phone number needs more; longer input is not parsed at all.
const MAX_INPUT_LENGTH = 64;

const asCountry = (country: string | null | undefined): CountryCode | undefined =>
  country && isSupportedCountry(country.toUpperCase()) ? (country.toUpperCase() as CountryCode) : undefined;

const LENGTH_PROBLEMS: Partial<Record<string, PhoneProblem>> = {
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  NOT_A_NUMBER: 'not_a_number',
};

/** Why a parsed number is not valid: its length, or else its digits fit no number plan. */
function problemOf(e164: string): PhoneProblem {
  return LENGTH_PROBLEMS[validatePhoneNumberLength(e164) ?? ''] ?? 'invalid';
}

/**
 * E.164 for a phone number as a person wrote it: "(202) 555-0143", "202.555.0143",
 * "+55 11 91234-5678", "011 55 11 91234 5678" (dialled from the US), full-width or
 * Arabic-Indic digits. A number without a country code is read in `defaultCountry`.
 * An extension makes it invalid: a text cannot reach an extension.
 */
export function normalizePhone(input: string | null | undefined, defaultCountry?: string | null): NormalizedPhone {
  const text = (input ?? '').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, reason: 'too_long' };
  const country = asCountry(defaultCountry);
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, country);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    // TOO_SHORT, TOO_LONG, NOT_A_NUMBER; INVALID_COUNTRY and the rest are 'invalid'.
    return { ok: false, reason: LENGTH_PROBLEMS[error.message] ?? 'invalid' };
  }
  if (phone.ext) return { ok: false, reason: 'invalid' };
  // The parser stops at the first letter ("1-800-FLOWERS" reads as 1800): a vanity
  // number or stray words are not a number we can text.
  if (/\p{L}/u.test(text.replace(/^tel:/i, ''))) return { ok: false, reason: 'not_a_number' };
  if (!phone.isValid()) return { ok: false, reason: problemOf(phone.number) };
  return { ok: true, e164: phone.number };
}

function parseE164(e164: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberWithError(e164);
  } catch {
    return undefined;
  }
}

/**
 * How a stored number reads to a manager: national format for numbers of the
 * account's country ("(202) 555-0143"), international for the others
 * ("+55 11 91234 5678"); anything unparsable as stored.
 */
export function formatPhoneForDisplay(e164: string, accountCountry?: string | null): string {
  const phone = parseE164(e164);
  if (!phone) return e164;
  const country = asCountry(accountCountry);
  return country !== undefined && phone.country === country ? phone.formatNational() : phone.formatInternational();
}

/** The country a number belongs to ("US", "BR"), or null when it cannot be told. */
export function phoneCountry(e164: string): CountryCode | null {
  return parseE164(e164)?.country ?? null;
}
