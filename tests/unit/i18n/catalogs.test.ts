// Holds every catalog (including ones other features add) to the same rules: the
// same keys in every language, valid ICU syntax, and the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/catalog';
import { locales } from '@/lib/i18n/config';

const catalogRoot = join(import.meta.dirname, '../../../lib/i18n/messages');
type Tree = { [key: string]: string | Tree };

function namespacesOf(locale: string): string[] {
  return readdirSync(join(catalogRoot, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function read(locale: string, namespace: string): Tree {
  return JSON.parse(readFileSync(join(catalogRoot, locale, `${namespace}.json`), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

// Placeholders and rich-text tags of an ICU message ({count, plural, …} → count,
// <b>…</b> → <b>); parse() throws on invalid syntax. next-intl uses this parser too.
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
      if (element.type === TYPE.tag) visit(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(parse(message));
  return [...names].sort();
}

const [reference, ...others] = locales;

describe('message catalogs', () => {
  it('exist as the same namespaces in every language', () => {
    expect(namespacesOf(reference).length).toBeGreaterThan(0);
    for (const locale of others) expect(namespacesOf(locale)).toEqual(namespacesOf(reference));
  });

  for (const namespace of namespacesOf(reference)) {
    describe(`the ${namespace} catalog`, () => {
      const catalogs = new Map(locales.map((locale) => [locale, flatten(read(locale, namespace))]));

      it('has every key in every language', () => {
        const keysOf = (locale: string) => [...catalogs.get(locale as never)!.keys()].sort();
        for (const locale of others) expect(keysOf(locale), `${locale}/${namespace}.json`).toEqual(keysOf(reference));
      });

      it('has no empty message and only valid ICU messages with the same placeholders', () => {
        for (const [key, english] of catalogs.get(reference)!) {
          for (const locale of locales) {
            const message = catalogs.get(locale)!.get(key);
            if (message === undefined) continue; // reported by the key test
            expect(message.trim(), `${locale} ${namespace}.${key}`).not.toBe('');
            expect(argumentsOf(message), `${locale} ${namespace}.${key}`).toEqual(argumentsOf(english));
          }
        }
      });
    });
  }

  it('are all loaded by the app, each as the namespace named after its file', async () => {
    for (const locale of locales) {
      const messages = await loadMessages(locale);
      expect(Object.keys(messages).sort()).toEqual(namespacesOf(locale));
      for (const namespace of namespacesOf(locale)) expect(messages[namespace]).toEqual(read(locale, namespace));
    }
  });

  it('use the reference Portuguese words of the specification', () => {
    const shell = flatten(read('pt-BR', 'shell'));
    const common = flatten(read('pt-BR', 'common'));
    expect(['campaigns', 'automations', 'surveys', 'contacts'].map((s) => shell.get(`nav.${s}`))).toEqual([
      'Campanhas',
      'Automações',
      'Pesquisas',
      'Contatos',
    ]);
    expect(shell.get('userMenu.signOut')).toBe('Sair');
    expect(common.get('metrics.optOuts')).toBe('Descadastros');
    expect(common.get('metrics.linkClicks')).toBe('Cliques em links');
    expect(common.get('metrics.surveyResponses')).toBe('Respostas da pesquisa');
    expect(common.get('actions.resendFailed')).toBe('Reenviar para falhas');
  });
});
