// Renders a component the way a page does: inside next-intl with the real catalogs
// of the given language and a fixed account time zone.
import { render } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { loadMessages } from '@/lib/i18n/catalog';
import type { Locale } from '@/lib/i18n/config';

export async function renderWithIntl(ui: ReactElement, locale: Locale = 'en') {
  const messages = await loadMessages(locale);
  return render(
    <NextIntlClientProvider
      locale={locale}
      messages={messages}
      timeZone="America/New_York"
      onError={(error) => {
        throw error;
      }}
    >
      {ui}
    </NextIntlClientProvider>,
  );
}
