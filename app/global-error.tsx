'use client';
// The last resort, when even the root layout failed: its own document, no
// next-intl provider (that lives in the layout), so it reads both catalogs itself
// and picks the language from the visitor's cookie or browser.
import { createTranslator } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { defaultLocale, isLocale, localeCookieName, type Locale } from '@/lib/i18n/config';
import englishErrors from '@/lib/i18n/messages/en/errors.json';
import portugueseErrors from '@/lib/i18n/messages/pt-BR/errors.json';
import { WarningIcon } from '@/app/_components/ui/icons';
import { buttonClasses } from '@/app/_components/ui/button';
import { StatusPage } from '@/app/_components/shell/status-page';
import './globals.css';

const catalogs: Record<Locale, typeof englishErrors> = { en: englishErrors, 'pt-BR': portugueseErrors };

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribeToNothing, browserLocale, () => defaultLocale);
  const t = createTranslator({ locale, messages: { errors: catalogs[locale] }, namespace: 'errors.unexpected' });
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : undefined;
  return (
    <html lang={locale}>
      <body>
        <title>{t('metaTitle')}</title>
        <StatusPage
          icon={<WarningIcon />}
          title={t('title')}
          body={t('body')}
          actions={
            <>
              <button type="button" className={buttonClasses('primary')} onClick={() => retry()}>
                {t('retry')}
              </button>
              {/* A full page load: the app's router may be what broke. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
              <a href="/campaigns" className={buttonClasses('secondary')}>
                {t('home')}
              </a>
            </>
          }
          footnote={digest ? t('reference', { digest }) : undefined}
        />
      </body>
    </html>
  );
}

const subscribeToNothing = () => () => {};

// The same order as the server (lib/i18n/negotiate.ts), minus the saved user
// preference, which needs the database: the cookie, then the browser's languages.
function browserLocale(): Locale {
  const cookie = document.cookie
    .split('; ')
    .find((entry) => entry.startsWith(`${localeCookieName}=`))
    ?.slice(localeCookieName.length + 1);
  if (isLocale(cookie)) return cookie;
  for (const language of navigator.languages) {
    const tag = language.toLowerCase();
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
  }
  return defaultLocale;
}
