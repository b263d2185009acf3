// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several checkouts' builds or dev servers coexist (e.g. parallel e2e runs).
  distDir: process.env.PULSE_DIST_DIR || '.next',
  typedRoutes: true,
  // `npm run typecheck` (and CI) checks types; the production build skips that second
  // pass so a first `npm start` stays within about a minute.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Native and WASM database/crypto packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', 'pg-boss', '@electric-sql/pglite'],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real HTTP 403 for agents.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
