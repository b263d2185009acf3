// `npm start` rebuilds exactly when the build is missing or its sources changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, recordBuildStamp, sourceStamp } from '@/scripts/launcher/build';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function checkout(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'pulse-stamp-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function finishBuild(root: string, distDir: string) {
  mkdirSync(join(root, distDir), { recursive: true });
  writeFileSync(join(root, distDir, 'BUILD_ID'), 'test-build');
  recordBuildStamp(root, distDir, sourceStamp(root));
}

describe('the build check', () => {
  const sources = {
    'app/page.tsx': 'export default function Page() { return null; }',
    'lib/i18n/messages/en/common.json': '{"hello":"Hello"}',
    'package-lock.json': '{}',
  };

  it('asks for a build when there is none', () => {
    expect(buildState(checkout(sources), '.next')).toEqual({ current: false, reason: 'no production build in .next/ yet' });
  });

  it('keeps a build made from the same sources, in the directory PULSE_DIST_DIR names', () => {
    const repo = checkout(sources);
    finishBuild(repo, '.next-mine');
    expect(buildState(repo, '.next-mine')).toEqual({ current: true });
    expect(buildState(repo, '.next').current).toBe(false);
  });

  it('rebuilds after a change to a page, a message catalog, or the dependencies', () => {
    for (const changed of Object.keys(sources)) {
      const repo = checkout(sources);
      finishBuild(repo, '.next');
      writeFileSync(join(repo, changed), `${sources[changed as keyof typeof sources]} `);
      expect(buildState(repo, '.next'), changed).toEqual({ current: false, reason: 'the sources changed since the last build' });
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('rebuilds when a source file is added, and ignores files the build does not read', () => {
    const repo = checkout(sources);
    finishBuild(repo, '.next');
    writeFileSync(join(repo, 'README.md'), 'docs');
    mkdirSync(join(repo, 'tests'));
    writeFileSync(join(repo, 'tests/a.test.ts'), 'test');
    expect(buildState(repo, '.next').current).toBe(true);
    mkdirSync(join(repo, 'app/campaigns'));
    writeFileSync(join(repo, 'app/campaigns/page.tsx'), 'export default function Page() { return null; }');
    expect(buildState(repo, '.next').current).toBe(false);
  });
});
