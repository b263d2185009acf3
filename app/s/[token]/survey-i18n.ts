// The survey speaks its account's language, so it cannot use next-intl's request
// helpers (those follow the visitor's cookie, user and browser): it loads that
// language's catalog and builds its own translator.
import 'server-only';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { negotiateLocale } from '@/lib/i18n/negotiate';

/** The account's language as one Pulse speaks ("pt" and "pt-PT" read as pt-BR). */
export function surveyLocale(accountLocale: string): Locale {
  return isLocale(accountLocale) ? accountLocale : negotiateLocale(accountLocale);
}

export async function surveyTranslations(locale: Locale) {
  const messages = await loadMessages(locale);
  // Catalogs are plain JSON without a declared shape; typed loosely, the translator accepts any values.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const t = createTranslator({ locale, messages: messages as Record<string, any>, namespace: 'survey' });
  return { t, surveyCatalog: messages.survey ?? {} };
}
