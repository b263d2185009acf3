// The message catalogs: every `messages/<locale>/<namespace>.json` file becomes the
// namespace named after the file, so a new catalog needs no change here.
// `import.meta.glob` is resolved at build time by Turbopack (and by Vite in tests),
// which bundles every catalog; plain Node scripts cannot import this module.
import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from './config';

const catalogFiles = import.meta.glob<AbstractIntlMessages>('./messages/*/*.json', { import: 'default' });

/** All namespaces of one locale, keyed by namespace (file name without `.json`). */
export async function loadMessages(locale: Locale): Promise<AbstractIntlMessages> {
  const folder = `./messages/${locale}/`;
  const namespaces = await Promise.all(
    Object.entries(catalogFiles)
      .filter(([path]) => path.startsWith(folder))
      .map(async ([path, load]) => [path.slice(folder.length, -'.json'.length), await load()] as const),
  );
  return Object.fromEntries(namespaces);
}
