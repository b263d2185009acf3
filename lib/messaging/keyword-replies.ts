// The texts Pulse answers keywords with (STOP/START/HELP), in the account's language.
// They are SMS bodies, not page strings, but live in the same catalogs.
// The core translator: no React, so the worker and scripts load it outside Next too.
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en/sms.json';
import ptBR from '@/lib/i18n/messages/pt-BR/sms.json';

const catalogs = { en, 'pt-BR': ptBR } as const;

export type KeywordReply = 'optOutConfirmation' | 'optInConfirmation' | 'helpReply';

export function keywordReplyText(
  kind: KeywordReply,
  account: { name: string; locale: string; helpText: string | null },
): string {
  if (kind === 'helpReply' && account.helpText) return account.helpText;
  const locale = account.locale === 'pt-BR' ? 'pt-BR' : 'en';
  const t = createTranslator({ locale, messages: { sms: catalogs[locale] }, namespace: 'sms' });
  return t(kind, { account: account.name });
}
