// The public-pages bench must see every script a page makes a phone fetch or
// run, whatever form it takes, or its "≤ 100 KB" row would pass by blindness.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptBytes } from './public-pages';

const BODY = 'console.log("a script of some size");'.repeat(200);

describe('scriptBytes', () => {
  let server: Server;
  let base: string;
  const served: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      served.push(req.url!);
      res.end(BODY);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('counts src, preloaded and modulepreloaded files and inline bodies, once each, and skips nomodule', async () => {
    const html = `<html><head>
      <link rel="preload" as="script" fetchPriority="low" href="/p.js"/><link rel="modulepreload" href="/m.js">
      <link rel="stylesheet" href="/s.css"><link rel="preload" as="style" href="/s2.css">
      <script src="/a.js" async=""></script><script src='/b.js'></script><script src=/c.js></script><script src="/a.js"></script>
      <script src="/legacy.js" noModule=""></script>
      <script>self.__next_f=[]</script><script id="__NEXT_DATA__" type="application/json">{"props":{}}</script><script></script>
    </head><body></body></html>`;
    const w = await scriptBytes(base, html);
    expect(w.files.sort()).toEqual(['/a.js', '/b.js', '/c.js', '/m.js', '/p.js']);
    expect(w.inlineCount).toBe(2);
    expect(w.inlineBytes).toBeGreaterThan(0);
    expect(w.bytes).toBeGreaterThan(5 * w.inlineBytes);
    expect(served).not.toContain('/legacy.js');
    expect(served).not.toContain('/s.css');
  });

  it('is zero for a page of HTML and CSS only', async () => {
    const w = await scriptBytes(
      base,
      '<html><head><link rel="stylesheet" href="/s.css"></head><body><noscript>x</noscript></body></html>',
    );
    expect(w).toEqual({ bytes: 0, files: [], inlineBytes: 0, inlineCount: 0 });
  });
});
