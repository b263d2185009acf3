// Picks the UI language for a request: the visitor's explicit choice (cookie), else
// the signed-in user's saved language, else the browser's Accept-Language, else English.
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { defaultLocale, isLocale, locales, type Locale } from './config';

export type LocaleSources = {
  cookie?: string | null;
  userLocale?: string | null;
  acceptLanguage?: string | null;
};

export function resolveLocale({ cookie, userLocale, acceptLanguage }: LocaleSources): Locale {
  return chosenLocale({ cookie, userLocale }) ?? negotiateLocale(acceptLanguage);
}

/** The language the visitor picked themselves, if any (null: follow the browser). */
export function chosenLocale({ cookie, userLocale }: Omit<LocaleSources, 'acceptLanguage'>): Locale | null {
  if (isLocale(cookie)) return cookie;
  if (isLocale(userLocale)) return userLocale;
  return null;
}

/**
 * The best supported language for an Accept-Language header. Any Portuguese
 * (pt, pt-PT, pt-BR) gets Brazilian Portuguese, the only Portuguese we have.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage } })
    .languages()
    .filter(isWellFormedTag);
  if (requested.length === 0) return defaultLocale;
  const matched = match(requested, locales, defaultLocale, { algorithm: 'best fit' });
  return isLocale(matched) ? matched : defaultLocale;
}

// Browsers send `*` and junk now and then; the matcher throws on anything that is
// not a BCP 47 tag.
function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
