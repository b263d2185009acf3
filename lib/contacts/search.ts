// What a search box query means for contacts: words of a name, or a phone number
// written any way ("(202) 555", "202.555.0143", "+55 11 9…"), turned into the
// substrings to look for in contacts.search_text (lower(first last phone), where the
// phone is E.164, so digits only with a leading "+").
import { normalizePhone } from './phone';

/** Longest query read; a name and a number fit well within it. */
export const MAX_QUERY_LENGTH = 100;
/** Words beyond this are ignored, so a pasted paragraph cannot build a huge query. */
const MAX_TERMS = 6;

/**
 * One word of the query: the contact matches the term when search_text contains any
 * of its alternatives (a phone number is looked for as typed and as E.164).
 */
export type SearchTerm = string[];

const PHONE_CHARACTERS = /^[+\d\s().\-/]+$/u;

function isPhoneLike(text: string): boolean {
  return PHONE_CHARACTERS.test(text) && /\d/.test(text);
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * The terms a contact must all match. A query made only of phone characters is one
 * number, however it is spaced: its digits, plus its E.164 digits when it parses in
 * the account's country (so "020 7946 0018" also finds +44 20 7946 0018). Other
 * queries match word by word, case-insensitively, in any order.
 */
export function searchTermsOf(query: string, country: string): SearchTerm[] {
  const text = query.normalize('NFKC').trim().slice(0, MAX_QUERY_LENGTH);
  if (text === '') return [];
  if (isPhoneLike(text)) return [phoneTerm(text, country)];
  return text
    .split(/\s+/u)
    .slice(0, MAX_TERMS)
    .map((word) => (isPhoneLike(word) ? [digitsOf(word)] : [word.toLowerCase()]));
}

function phoneTerm(text: string, country: string): SearchTerm {
  const digits = digitsOf(text);
  const alternatives = [digits];
  const normalized = normalizePhone(text, country);
  if (normalized.ok) {
    const e164Digits = normalized.e164.slice(1);
    // The national digits are usually inside the E.164 ones already (no trunk prefix).
    if (!e164Digits.includes(digits)) alternatives.push(e164Digits);
  }
  return alternatives;
}

