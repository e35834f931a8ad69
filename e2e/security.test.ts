// Issue 14's guards on the production server: every kind of response carries
// the security headers and none says what it runs on; the pages' scripts run
// under a per-response nonce with no policy violation in Chromium; a client
// cannot escape the report limit by writing its own X-Forwarded-For; and the
// public form posts refuse an oversized body with 413, changing nothing.
import { request as httpRequest } from 'node:http';
import type { APIResponse, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, startBuiltApp, type AppServer } from './app-server';
import { signInAs } from './sign-in';

const SLUG = 'caifu-xingyuan';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A request from a chosen loopback source address (on Linux all of 127/8 is
 * this machine), so each test is its own client to the server's limits.
 */
function send(
  url: string,
  from: string,
  o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: o.method ?? 'GET', localAddress: from, headers: o.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (o.chunked) {
      // No Content-Length: written in pieces, as a streaming client sends it.
      const body = Buffer.from(o.body ?? '');
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(o.body);
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** Parses, but fails validation (description too short): counts against the limit, stores nothing. */
const INVALID_REPORT = new URLSearchParams({ category: '噪音', place: 'a:road', description: 'x' }).toString();
const VALID_LOCALE = new URLSearchParams({ locale: 'en', back: '/' }).toString();

describe('security guards on the production server', () => {
  const url = inject('appUrl');
  let browser: Browser;
  let admin: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInAs(await admin.newPage(), url, 'admin@linli.local');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const get = (path: string): Promise<APIResponse> => admin.request.get(`${url}${path}`, { maxRedirects: 0 });

  it('sends the security headers on every kind of response, and no X-Powered-By', async () => {
    const responses: Array<[string, APIResponse]> = [
      ['console page', await get('/')],
      ['screen page', await get('/screen/district')],
      ['admin page', await get('/screens')],
      ['public page', await get(`/status/${SLUG}`)],
      ['API', await get('/api/trpc/community.list')],
      [
        'route handler',
        await admin.request.post(`${url}/locale`, { headers: FORM, data: VALID_LOCALE, maxRedirects: 0 }),
      ],
    ];
    for (const [kind, res] of responses) {
      const h = res.headers();
      expect([200, 303], kind).toContain(res.status());
      expect(h['x-powered-by'], kind).toBeUndefined();
      expect(h['x-content-type-options'], kind).toBe('nosniff');
      expect(h['x-frame-options'], kind).toBe('DENY');
      expect(h['referrer-policy'], kind).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
      expect(h['permissions-policy'], kind).toContain('camera=()');
      expect(h['permissions-policy'], kind).toContain('geolocation=()');
      // Plain HTTP: HSTS would be ignored, and it must not be claimed.
      expect(h['strict-transport-security'], kind).toBeUndefined();
    }
    const csp = (kind: string) => responses.find(([k]) => k === kind)![1].headers()['content-security-policy'] ?? '';
    for (const kind of ['console page', 'screen page', 'admin page']) {
      expect(csp(kind), kind).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp(kind), kind).toContain("frame-ancestors 'none'");
      expect(csp(kind), kind).not.toContain("'unsafe-eval'");
    }
    // The residents' pages run no script at all.
    expect(csp('public page')).toMatch(/^default-src 'none';/);
    expect(csp('public page')).not.toContain('script-src');
    expect(csp('API')).toBe("default-src 'none'; frame-ancestors 'none'");
    // A kiosk link's secret is in its path: no referrer leaves that page.
    expect((await get('/screen/k/not-a-real-secret')).headers()['referrer-policy']).toBe('no-referrer');
  });

  it('gives each page a fresh nonce, and every script on it carries that nonce', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await get('/');
      const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'] ?? '')?.[1];
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('loads the console, twin, map, screens and public pages in Chromium without a policy violation', async () => {
    const page = await admin.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (/Content Security Policy/i.test(e.message)) violations.push(`${page.url()}: ${e.message}`);
    });
    const visits: Array<[string, string]> = [
      ['/', 'main'],
      [`/twin/${SLUG}`, 'canvas'],
      ['/map', 'canvas'],
      ['/screen/district', 'canvas'],
      [`/screen/${SLUG}`, 'canvas'],
      ['/screens', 'main'],
      [`/status/${SLUG}`, 'main'],
      [`/report/${SLUG}`, 'form'],
    ];
    for (const [path, selector] of visits) {
      await page.goto(`${url}${path}`);
      await page.locator(selector).first().waitFor({ timeout: 30_000 });
      // The scenes and maps load models, decoders and workers after the first paint (as twin.test.ts waits).
      if (selector === 'canvas') await page.waitForTimeout(4000);
    }
    expect(violations).toEqual([]);
    await page.close();
  }, 180_000);

  it('limits reports per client however the client rotates X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await send(`${url}/report/${SLUG}/submit`, '127.0.0.21', {
        method: 'POST',
        headers: { ...FORM, 'x-forwarded-for': `198.51.100.${i}`, 'x-linli-peer-address': `203.0.113.${i}` },
        body: INVALID_REPORT,
      });
      statuses.push(res.status);
    }
    // REPORT_RATE_POINTS is 5 by default: five reach the form check (303), the rest are refused.
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429, 429, 429]);
    // Another client is not held back by the first.
    const other = await send(`${url}/report/${SLUG}/submit`, '127.0.0.22', {
      method: 'POST',
      headers: FORM,
      body: INVALID_REPORT,
    });
    expect(other.status).toBe(303);
  });

  it('refuses oversized bodies to both public form posts with 413 before anything changes', async () => {
    const big = `locale=en&back=/&pad=${'a'.repeat(200_000)}`;
    for (const chunked of [false, true]) {
      const locale = await send(`${url}/locale`, '127.0.0.23', { method: 'POST', headers: FORM, body: big, chunked });
      expect(locale.status).toBe(413);
      expect(locale.headers['set-cookie']).toBeUndefined();
      expect(locale.body).toMatch(/表单内容过多[\s\S]*Too much data/);
    }
    // Ten oversized reports from one client, then an ordinary one: the refused ones took no share of its limit.
    for (let i = 0; i < 10; i++) {
      const res = await send(`${url}/report/${SLUG}/submit`, '127.0.0.24', {
        method: 'POST',
        headers: FORM,
        body: `${INVALID_REPORT}&pad=${'a'.repeat(100_000)}`,
        chunked: i % 2 === 1,
      });
      expect(res.status).toBe(413);
    }
    const ordinary = await send(`${url}/report/${SLUG}/submit`, '127.0.0.24', {
      method: 'POST',
      headers: FORM,
      body: INVALID_REPORT,
    });
    expect(ordinary.status).toBe(303);
  });
});

describe('behind one trusted proxy (TRUSTED_PROXIES=1)', () => {
  let app: AppServer;
  beforeAll(async () => {
    // No demo data: an invalid report is refused after the limit is taken, before any community is read.
    app = await startBuiltApp({ TRUSTED_PROXIES: '1', REPORT_RATE_POINTS: '2', SEED_DEMO: 'false' });
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  /** What a proxy that appends the address it saw sends on for a client at `client` that wrote `own` itself. */
  const viaProxy = (client: string, own: string) =>
    send(`${app.url}/report/${SLUG}/submit`, '127.0.0.1', {
      method: 'POST',
      headers: { ...FORM, 'x-forwarded-for': `${own}, ${client}` },
      body: INVALID_REPORT,
    });

  it('counts the address the proxy appended, whatever the client wrote before it', async () => {
    const one = [];
    for (let i = 0; i < 4; i++) one.push((await viaProxy('192.0.2.10', `10.0.0.${i}`)).status);
    expect(one).toEqual([303, 303, 429, 429]);
    // Another client behind the same proxy (same TCP peer) has its own allowance.
    expect((await viaProxy('192.0.2.11', '10.0.0.0')).status).toBe(303);
  });
});
