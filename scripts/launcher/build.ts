// Decides whether `npm start` needs a fresh production build: there is none yet, or
// the sources changed since the last one. The build's inputs are hashed (content,
// not times, so a fresh clone or a branch switch is judged right) into a stamp file
// beside the build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BUILD_STAMP_FILE = 'pulse-build-stamp';

/** What `next build` reads from the repository (besides node_modules, covered by the lock file). */
const BUILD_INPUTS = [
  'app',
  'lib',
  'db',
  'components',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

export type BuildState = { current: true } | { current: false; reason: string };

export function buildState(root: string, distDir: string): BuildState {
  const dist = join(root, distDir);
  if (!existsSync(join(dist, 'BUILD_ID'))) return { current: false, reason: `no production build in ${distDir}/ yet` };
  let stamp: string | null = null;
  try {
    stamp = readFileSync(join(dist, BUILD_STAMP_FILE), 'utf8').trim();
  } catch {
    // A build made by `next build` directly: we cannot tell what it was built from.
  }
  if (stamp !== sourceStamp(root)) return { current: false, reason: 'the sources changed since the last build' };
  return { current: true };
}

/** Records that the build in `distDir` was made from the sources as they were at `stamp`. */
export function recordBuildStamp(root: string, distDir: string, stamp: string): void {
  writeFileSync(join(root, distDir, BUILD_STAMP_FILE), `${stamp}\n`);
}

/** A hash of every build input's path and content. */
export function sourceStamp(root: string): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return [path];
    if (code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  // Sorted, so the hash does not depend on the directory's listing order.
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(child));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}
