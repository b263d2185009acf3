// The languages Pulse speaks and the cookie that remembers a visitor's choice.
// Safe to import from client components (no server APIs here).

export const locales = ['en', 'pt-BR'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

/** Set by the language choice in the user menu; wins over everything else. */
export const localeCookieName = 'pulse-locale';

/** The language choice's value for "no choice: follow the browser's languages". */
export const browserLocaleChoice = 'auto';

/** Each language named in itself, as the language choice shows it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
