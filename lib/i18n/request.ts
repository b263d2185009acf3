// next-intl's per-request configuration: the UI language (see negotiate.ts), every
// catalog of that language, and the signed-in account's time zone for dates.
import { headers, cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { IntlErrorCode, type IntlError } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/session';
import { loadMessages } from './catalog';
import { localeCookieName } from './config';
import { resolveLocale } from './negotiate';

export default getRequestConfig(async () => {
  const [cookieStore, headerList, current] = await Promise.all([cookies(), headers(), currentUserOrNull()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(localeCookieName)?.value,
    userLocale: current?.user.locale,
    acceptLanguage: headerList.get('accept-language'),
  });
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: current?.account.timeZone ?? 'UTC',
    now: new Date(),
    onError: reportIntlError,
  };
});

// The language and time zone are a nicety: if the session cannot be read (database
// down), error and not-found pages must still render, in the browser's language.
async function currentUserOrNull() {
  try {
    return await getCurrentUser();
  } catch (error) {
    unstable_rethrow(error);
    console.error('i18n: could not read the session; using browser language and UTC', error);
    return null;
  }
}

// A missing or broken message (or a missing value for it) is a bug: it stops the render in development and
// tests so it cannot slip through, and is logged (showing the key) in production.
function reportIntlError(error: IntlError): void {
  const isBug = error.code !== IntlErrorCode.ENVIRONMENT_FALLBACK;
  if (isBug && process.env.NODE_ENV !== 'production') throw error;
  console.error(error);
}
