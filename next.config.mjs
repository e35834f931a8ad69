import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build of PostgreSQL; postgres.js, ioredis, mqtt and
  // aedes open raw sockets: all must stay Node modules, not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'ioredis', 'mqtt', 'aedes'],
  typedRoutes: false,
  // The end-to-end tests build into their own folder, beside a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default withNextIntl(nextConfig);
