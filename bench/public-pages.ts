// DESIGN.md §4: a public status page loads ≤ 100 KB of JavaScript (gzip),
// with no three.js, map or chart code. Against a production build on PGlite:
// for each public route, the gzip size of every <script src> chunk its HTML
// references (what a phone downloads), and the server's render time over 30
// requests after 3 warm-ups (the aggregates are cached for a minute, so this
// is mostly rendering). Relative imports: tsx does not resolve `~/`.
import { gzipSync } from 'node:zlib';
import { timeRuns } from './measure';
import type { BenchContext, BenchRow } from './types';

const JS_TARGET_KB = 100;
const ROUTES = [
  { name: 'community page', path: '/status/caifu-xingyuan' },
  { name: 'community page (荆胡, 64 units)', path: '/status/jinghu' },
  { name: 'unit page', path: '/status/caifu-xingyuan/1/1' },
  { name: 'unit QR poster', path: '/status/caifu-xingyuan/1/1/poster' },
];

/**
 * Gzip bytes of the scripts a page references, each fetched once. A
 * `nomodule` script (Next's legacy polyfills) is skipped: every browser that
 * runs modules — any phone of the last six years — ignores it.
 */
export async function scriptBytes(base: string, html: string, cache = new Map<string, number>()): Promise<{ bytes: number; files: string[] }> {
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\snomodule/i.test(tag));
  const files = [...new Set(tags.flatMap((tag) => [...tag.matchAll(/\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))))];
  let bytes = 0;
  for (const src of files) {
    if (!cache.has(src)) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      cache.set(src, gzipSync(body, { level: 9 }).length);
    }
    bytes += cache.get(src)!;
  }
  return { bytes, files };
}

export async function publicPagesBench(ctx: BenchContext): Promise<BenchRow[]> {
  process.env.E2E_DIST_DIR ??= '.next-e2e-bench';
  const { startApp } = await import('../e2e/app-server');
  ctx.log('  building and starting the app…');
  const app = await startApp();
  try {
    return await measurePublicPages(app.url, ctx.log);
  } finally {
    await app.stop();
  }
}

/** The rows for an app already running at `base`. */
export async function measurePublicPages(base: string, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The framework's own floor: what Next's 404 page (root layout, no route
  // code) loads. A route's own weight is what it adds on top.
  const cache = new Map<string, number>();
  const floor = await scriptBytes(base, await (await fetch(`${base}/status-bench-no-such-page`)).text(), cache);
  for (const route of ROUTES) {
    const url = `${base}${route.path}`;
    const html = await (await fetch(url)).text();
    const { bytes, files } = await scriptBytes(base, html, cache);
    const own = files.filter((f) => !floor.files.includes(f)).reduce((n, f) => n + (cache.get(f) ?? 0), 0);
    const heavy = files.filter((f) => /three|maplibre|mapbox|chart|echarts|recharts/i.test(f));
    const kb = Math.round(bytes / 102.4) / 10;
    rows.push({
      name: `public JS gzip: ${route.name}`, engine: 'pglite', n: 1, p50Ms: kb, p95Ms: kb, unit: 'KB', targetMs: JS_TARGET_KB,
      note: `${files.length} scripts; framework floor ${(floor.bytes / 1024).toFixed(1)} KB, route's own ${(own / 1024).toFixed(1)} KB${heavy.length ? `; HEAVY: ${heavy.join(', ')}` : ''}`,
    });
    const timing = await timeRuns(async () => {
      const res = await fetch(url);
      await res.text();
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
    }, { warmup: 3, runs: 30 });
    rows.push({ name: `public render: ${route.name}`, engine: 'pglite', ...timing, note: `${(html.length / 1024).toFixed(0)} KB HTML` });
    log(`  ${route.path}: ${kb} KB JS gzip, render p95 ${timing.p95Ms.toFixed(1)} ms`);
  }
  return rows;
}
