// docs/ARCHITECTURE.md § Targets: a public status page loads ≤ 100 KB of JavaScript (gzip),
// with no three.js, map or chart code. Against a production build on PGlite:
// for each public route, the gzip size of every script its HTML makes a
// phone download or run — <script src>, <link rel=preload as=script> and
// modulepreload files, and inline <script> bodies (JSON data blocks too,
// counted as if they were code) — and the server's render time over 30
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
  { name: 'resident report form', path: '/report/caifu-xingyuan' },
];

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

export type ScriptWeight = { bytes: number; files: string[]; inlineBytes: number; inlineCount: number };

/**
 * Gzip bytes of the scripts a page loads, each file fetched once. A
 * `nomodule` script (Next's legacy polyfills) is skipped: every browser that
 * runs modules — any phone of the last six years — ignores it. Inline script
 * bodies are gzipped together, as they travel inside the (gzipped) HTML.
 */
export async function scriptBytes(
  base: string,
  html: string,
  cache = new Map<string, number>(),
): Promise<ScriptWeight> {
  // Quoted either way or bare: React writes "…", but a hand-written tag may not.
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    return (m?.[1] ?? m?.[2] ?? m?.[3])?.replace(/&amp;/g, '&');
  };
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(
    (m) => !/\snomodule/i.test(m[1]!),
  );
  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter(
      (tag) => attr(tag, 'rel') === 'modulepreload' || (attr(tag, 'rel') === 'preload' && attr(tag, 'as') === 'script'),
    );
  const files = [
    ...new Set(
      [...scripts.map((m) => attr(m[1]!, 'src')), ...preloads.map((tag) => attr(tag, 'href'))].filter(
        (src): src is string => !!src,
      ),
    ),
  ];
  const inline = scripts.filter((m) => !attr(m[1]!, 'src') && m[2]!.trim() !== '').map((m) => m[2]!);
  let bytes = 0;
  for (const src of files) {
    if (!cache.has(src)) cache.set(src, gz(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())));
    bytes += cache.get(src)!;
  }
  const inlineBytes = inline.length ? gz(inline.join('\n')) : 0;
  return { bytes: bytes + inlineBytes, files, inlineBytes, inlineCount: inline.length };
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
  const cache = new Map<string, number>();
  for (const route of ROUTES) {
    const url = `${base}${route.path}`;
    const res = await fetch(url);
    const html = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    const w = await scriptBytes(base, html, cache);
    const heavy = w.files.filter((f) => /three|maplibre|mapbox|chart|echarts|recharts/i.test(f));
    const kb = Math.round(w.bytes / 102.4) / 10;
    rows.push({
      name: `public JS gzip: ${route.name}`,
      engine: 'pglite',
      n: 1,
      p50Ms: kb,
      p95Ms: kb,
      unit: 'KB',
      targetMs: JS_TARGET_KB,
      note: `${w.files.length} script files, ${w.inlineCount} inline (${(w.inlineBytes / 1024).toFixed(1)} KB)${heavy.length ? `; HEAVY: ${heavy.join(', ')}` : ''}`,
    });
    const timing = await timeRuns(
      async () => {
        const r = await fetch(url);
        await r.text();
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
      },
      { warmup: 3, runs: 30 },
    );
    rows.push({
      name: `public render: ${route.name}`,
      engine: 'pglite',
      ...timing,
      note: `${(html.length / 1024).toFixed(0)} KB HTML, ${(gz(html) / 1024).toFixed(1)} KB gzip`,
    });
    log(`  ${route.path}: ${kb} KB JS gzip, render p95 ${timing.p95Ms.toFixed(1)} ms`);
  }
  return rows;
}
