// Four projects, one `npm test`: unit (pure lib code), integration (real
// PostgreSQL: embedded unless TEST_DATABASE_URL is set), components (jsdom) and
// e2e (Chromium through playwright-core, JavaScript on and off).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': here('./'),
      // `server-only` throws outside React Server Components; tests import lib/ directly.
      'server-only': here('./tests/support/empty-module.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/database-global-setup.ts'],
          setupFiles: ['tests/support/database-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/support/components-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 900_000,
          // A page answers within a second here, but not always on a loaded CI machine;
          // expect.poll's own default (1 s) made waits for a page's reply flaky there.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
