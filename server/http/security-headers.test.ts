import { describe, expect, it } from 'vitest';
import { PEER_PROTO_HEADER } from './peer-address';
import { contentSecurityPolicy, mapOriginsFor, servedOverHttps } from './security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('the pages’ content security policy', () => {
  it('runs only scripts with this response’s nonce, and evaluates code only in development', () => {
    const production = directives(contentSecurityPolicy({ nonce: 'abc', development: false, mapOrigins: [] }));
    expect(production.get('script-src')).toContain("'nonce-abc'");
    expect(production.get('script-src')).not.toContain("'unsafe-inline'");
    expect(production.get('script-src')).not.toContain("'unsafe-eval'");
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    const development = directives(contentSecurityPolicy({ nonce: 'abc', development: true, mapOrigins: [] }));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
  });

  it('lets the map reach only the hosts its settings name', () => {
    expect(mapOriginsFor({})).toEqual([]);
    const origins = mapOriginsFor({ MAP_TILE_URL: 'https://t0.tianditu.gov.cn/img_w/wmts?tk=k&x={x}&y={y}&l={z}' });
    expect(origins).toEqual(['https://t0.tianditu.gov.cn']);
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: false, mapOrigins: origins }));
    expect(policy.get('img-src')).toContain('https://t0.tianditu.gov.cn');
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://t0.tianditu.gov.cn']);
    expect(mapOriginsFor({ MAPBOX_TOKEN: 'pk.x' })).toContain('https://api.mapbox.com');
  });
});

describe('HTTPS detection for HSTS', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it('believes a TLS socket, and X-Forwarded-Proto only from a trusted proxy', () => {
    expect(servedOverHttps(h({ [PEER_PROTO_HEADER]: 'https' }), 0)).toBe(true);
    expect(servedOverHttps(h({ [PEER_PROTO_HEADER]: 'http', 'x-forwarded-proto': 'https' }), 0)).toBe(false);
    expect(servedOverHttps(h({ [PEER_PROTO_HEADER]: 'http', 'x-forwarded-proto': 'https' }), 1)).toBe(true);
    expect(servedOverHttps(h({ [PEER_PROTO_HEADER]: 'http', 'x-forwarded-proto': 'http' }), 1)).toBe(false);
  });
});
