// The two security headers that depend on the request (README § Security):
// the Content-Security-Policy carries a fresh nonce per page, and
// Strict-Transport-Security needs to know how the request arrived. proxy.ts
// sets them; the fixed ones (nosniff, framing, referrer, permissions) are in
// next.config.mjs.
import { PEER_PROTO_HEADER } from './peer-address';

export type CspOptions = {
  nonce: string;
  /** `next dev`: React's dev tools evaluate code (Next.js docs, Content Security Policy). */
  development: boolean;
  /** Tile or map-style hosts the district map loads from (MAP_TILE_URL, MAPBOX_TOKEN). */
  mapOrigins: readonly string[];
};

/** Mapbox's hosts for its style, tiles, sprites and telemetry, when MAPBOX_TOKEN selects it. */
export const MAPBOX_ORIGINS = ['https://api.mapbox.com', 'https://*.tiles.mapbox.com', 'https://events.mapbox.com'];

/** Origins the district map reaches beyond this site, from its settings; none by default. */
export function mapOriginsFor(settings: { MAPBOX_TOKEN?: string; MAP_TILE_URL?: string }): string[] {
  const origins: string[] = settings.MAPBOX_TOKEN ? [...MAPBOX_ORIGINS] : [];
  if (settings.MAP_TILE_URL) origins.push(new URL(settings.MAP_TILE_URL).origin);
  return origins;
}

/**
 * The policy for the app's pages. Scripts run only with this response's nonce
 * (Next.js puts it on its own tags) and what they load ('strict-dynamic');
 * styles may be inline, since React writes style attributes; the map's
 * workers come from /api/map-worker or blob: URLs; nothing may frame a page.
 */
export function contentSecurityPolicy({ nonce, development, mapOrigins }: CspOptions): string {
  const map = mapOrigins.join(' ');
  const directives = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' compiles WebAssembly (the twin's glTF decoders) and runs no other eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${map}`,
    "font-src 'self' data:",
    `connect-src 'self' ${map}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.map((d) => d.trim()).join('; ');
}

/** One year, sent only over HTTPS: a browser ignores it on plain HTTP, and a LAN install may have no certificate. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether the browser reached us over HTTPS: the TLS socket itself, or the
 * protocol our trusted proxy (TRUSTED_PROXIES) reports. A client's own
 * X-Forwarded-Proto counts for nothing without a proxy in front.
 */
export function servedOverHttps(headers: Headers, trustedProxies: number): boolean {
  if (headers.get(PEER_PROTO_HEADER) === 'https') return true;
  if (trustedProxies === 0) return false;
  const proto = headers.get('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}
