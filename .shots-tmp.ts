// Scratch driver: one build, then phone screenshots (zh + en) in viewport-sized parts, then the bench rows.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, SHOTS_DIR, startApp } from './e2e/app-server';
import { measurePublicPages } from './bench/public-pages';
import { formatTable } from './bench/table';

const app = await startApp();
try {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const browser = await launchChromium();
  for (const locale of ['zh', 'en']) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: app.url }]);
    const page = await ctx.newPage();
    for (const [name, p] of [['caifu', '/status/caifu-xingyuan'], ['jinghu', '/status/jinghu'], ['unit', '/status/caifu-xingyuan/6/1'], ['unit-service', '/status/caifu-xingyuan/1/1'], ['poster', '/status/caifu-xingyuan/6/1/poster']] as const) {
      await page.goto(`${app.url}${p}`);
      // Open every fold so the screenshots show what a reader can reach.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(locale, name, 'scroll', w, h);
      for (let y = 0, k = 0; y < h && k < 8; y += 844, k++) {
        await page.screenshot({ path: path.join(SHOTS_DIR, `pub-${name}-${locale}-${k}.png`), clip: { x: 0, y, width: 390, height: Math.min(844, h - y) }, fullPage: true });
      }
    }
    await ctx.close();
  }
  await browser.close();
  const rows = await measurePublicPages(app.url, (l) => console.log(l));
  console.log(formatTable(rows));
} finally {
  await app.stop();
}
