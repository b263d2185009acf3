// The formatter for the current request, for server components and actions: the
// language and time zone next-intl resolved (lib/i18n/request.ts), the account's
// country and currency.
import 'server-only';
import { cache } from 'react';
import { getLocale, getNow, getTimeZone } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth/session';
import { createFormatter, type Formatter } from './index';

export const getFormat = cache(async (): Promise<Formatter> => {
  const [locale, timeZone, now, current] = await Promise.all([getLocale(), getTimeZone(), getNow(), getCurrentUser()]);
  return createFormatter({
    locale,
    timeZone,
    now,
    country: current?.account.country ?? 'US',
    currency: current?.account.currency ?? 'USD',
  });
});
