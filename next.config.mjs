import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

/**
 * Headers every response carries (README § Security); the policy with its
 * per-page nonce and HSTS are set in proxy.ts. Nothing may frame a page, no
 * type is guessed from content, and no feature the app never uses is granted.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
  },
];
const API_POLICY = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build of PostgreSQL; postgres.js, ioredis, mqtt and
  // aedes open raw sockets: all must stay Node modules, not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'ioredis', 'mqtt', 'aedes'],
  typedRoutes: false,
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      // Data, not pages; the pages' policy (with its nonce) is proxy.ts's.
      { source: '/api/:path*', headers: [API_POLICY] },
      { source: '/screen/api/:path*', headers: [API_POLICY] },
      // A kiosk link carries its secret in the path: no page it leads to may pass it on.
      { source: '/screen/k/:path*', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    ];
  },
  // The end-to-end tests build into their own folder, beside a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default withNextIntl(nextConfig);
