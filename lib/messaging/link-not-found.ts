// The page a recipient sees for a tracked link that leads nowhere (/l/CODE with an
// unknown code): a plain, self-contained HTML page in the visitor's language, served
// by the route handler with status 404, so it shows with or without JavaScript.
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
// The core translator: no React, so the worker and scripts load it outside Next too.
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en/links.json';
import ptBR from '@/lib/i18n/messages/pt-BR/links.json';
import { escapeXml } from '@/lib/messaging/twilio/twiml';

const catalogs = { en, 'pt-BR': ptBR } as const;
type Locale = keyof typeof catalogs;

function visitorLocale(acceptLanguage: string | null): Locale {
  const languages = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).languages();
  try {
    return match(languages.map((l) => (l.toLowerCase().startsWith('pt') ? 'pt-BR' : l)), ['en', 'pt-BR'], 'en') as Locale;
  } catch {
    return 'en';
  }
}

export function linkNotFoundPage(acceptLanguage: string | null): Response {
  const locale = visitorLocale(acceptLanguage);
  const t = createTranslator({ locale, messages: { links: catalogs[locale] }, namespace: 'links' });
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeXml(t('notFoundTitle'))}</title>
<style>body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f6f7;color:#18181b;display:grid;min-height:100dvh;place-items:center}
main{max-width:28rem;margin:1.5rem;padding:2rem;background:#fff;border:1px solid #e4e4e7;border-radius:1rem;line-height:1.55}
h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:0;color:#52525b}
@media (prefers-color-scheme:dark){body{background:#141418;color:#f4f4f5}main{background:#1c1c22;border-color:#2e2e36}p{color:#a1a1aa}}</style>
</head><body><main><h1>${escapeXml(t('notFoundTitle'))}</h1><p>${escapeXml(t('notFoundBody'))}</p></main></body></html>`;
  return new Response(html, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
