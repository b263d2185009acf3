// next-intl's server API for integration tests that call server actions and route
// handlers outside Next: getTranslations answers in English from the real catalogs.
// Use inside vi.mock (hoisted, so imported lazily):
//   vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';

export async function inEnglish() {
  const messages = await loadMessages('en');
  return { getTranslations: () => Promise.resolve(createTranslator({ locale: 'en', messages })) };
}
