'use server';
// The language choice (user menu, sign-in page): a plain POST form, so it works
// without JavaScript. Remembers the choice in a cookie and, for a signed-in user,
// on their record; then shows the same page again. Choosing "auto" forgets both, so
// the browser's languages decide again.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Route } from 'next';
import { db } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { saveUserLocale } from './commands';
import { browserLocaleChoice, isLocale, localeCookieName, type Locale } from './config';
import { pathOfReferer, sameSitePath } from './return-path';

const oneYearInSeconds = 365 * 24 * 60 * 60;

export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  const returnTo =
    sameSitePath(formData.get('returnTo')) ?? pathOfReferer((await headers()).get('referer')) ?? '/';

  // An unknown value is ignored rather than an error: the page comes back unchanged.
  if (isLocale(locale) || locale === browserLocaleChoice) {
    await rememberChoice(isLocale(locale) ? locale : null);
  }
  redirect(returnTo as Route);
}

async function rememberChoice(locale: Locale | null): Promise<void> {
  const cookieStore = await cookies();
  if (locale) {
    cookieStore.set(localeCookieName, locale, { path: '/', maxAge: oneYearInSeconds, sameSite: 'lax' });
  } else {
    cookieStore.delete(localeCookieName);
  }
  const current = await getCurrentUser();
  if (current) await saveUserLocale({ accountId: current.account.id, userId: current.user.id, db }, locale);
}
