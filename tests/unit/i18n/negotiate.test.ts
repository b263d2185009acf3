import { describe, expect, it } from 'vitest';
import { chosenLocale, negotiateLocale, resolveLocale } from '@/lib/i18n/negotiate';

describe('the language a browser asks for', () => {
  it('gives Brazilian Portuguese to any Portuguese reader', () => {
    expect(negotiateLocale('pt-BR')).toBe('pt-BR');
    expect(negotiateLocale('pt')).toBe('pt-BR');
    expect(negotiateLocale('pt-PT,pt;q=0.9')).toBe('pt-BR');
    expect(negotiateLocale('pt-br')).toBe('pt-BR');
  });

  it('gives English to English readers and to languages Pulse does not speak', () => {
    expect(negotiateLocale('en-GB,en;q=0.8')).toBe('en');
    expect(negotiateLocale('fr')).toBe('en');
    expect(negotiateLocale('de-DE, ja;q=0.5')).toBe('en');
  });

  it('honours the order of preference', () => {
    expect(negotiateLocale('fr-FR,fr;q=0.9,pt;q=0.5')).toBe('pt-BR');
    expect(negotiateLocale('en-US,pt-BR;q=0.9')).toBe('en');
    expect(negotiateLocale('en;q=0.4,pt-BR;q=0.9')).toBe('pt-BR');
  });

  it('falls back to English for a missing, wildcard or malformed header', () => {
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('!!,;q=x')).toBe('en');
  });
});

describe('which choice wins', () => {
  it("uses the cookie first, then the user's saved language, then the browser", () => {
    expect(resolveLocale({ cookie: 'en', userLocale: 'pt-BR', acceptLanguage: 'pt-BR' })).toBe('en');
    expect(resolveLocale({ cookie: null, userLocale: 'pt-BR', acceptLanguage: 'en' })).toBe('pt-BR');
    expect(resolveLocale({ cookie: undefined, userLocale: null, acceptLanguage: 'pt' })).toBe('pt-BR');
  });

  it('ignores a cookie or saved value that is not a supported language', () => {
    expect(resolveLocale({ cookie: 'xx', userLocale: 'pt-BR', acceptLanguage: 'en' })).toBe('pt-BR');
    expect(resolveLocale({ cookie: 'pt', userLocale: 'de', acceptLanguage: 'en' })).toBe('en');
  });
});

describe('whether the visitor chose a language', () => {
  it('reports the cookie or the saved choice, and null when the browser decides', () => {
    expect(chosenLocale({ cookie: 'pt-BR', userLocale: 'en' })).toBe('pt-BR');
    expect(chosenLocale({ cookie: undefined, userLocale: 'en' })).toBe('en');
    expect(chosenLocale({ cookie: 'auto', userLocale: null })).toBeNull();
  });
});
