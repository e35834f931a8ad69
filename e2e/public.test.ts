// Residents' pages in Chromium at a phone viewport: the unit page shows its
// stage and publicity dates and works with JavaScript off; the pages download
// no script at all (docs/ARCHITECTURE.md § Targets: a slow phone on a stairwell); and a crawl of
// every community and unit page finds none of the personal data the app's
// database holds. The app's PGlite folder belongs to the server process (a
// second writer would silently diverge, docs/ARCHITECTURE.md § Measured facts), so the crawl cannot
// plant sentinels there; it looks for the demo's own owners, phones and
// work-order reporters instead, rebuilt by seeding the same deterministic
// demo (same date) into a database of its own.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { selectRows } from '~/db/client';
import { seedDemo } from '~/db/seed';
import { localToday } from '~/lib/calendar';
import { createTestDatabase } from '~/test/db';
import QRCode from 'qrcode';
import { LOCALE_COOKIE } from '~/lib/locales';
import { launchChromium, SHOTS_DIR, startBuiltApp } from './app-server';

async function personalData(): Promise<string[]> {
  const database = await createTestDatabase('pglite');
  try {
    await seedDemo(database.db, { today: localToday() });
    const rows = await selectRows<{ v: string }>(
      database.db,
      sql`select owner_name as v from households where owner_name is not null
          union select owner_phone from households where owner_phone is not null
          union select reporter_name from work_orders where reporter_name is not null
          union select reporter_phone from work_orders where reporter_phone is not null
          union select description from work_orders`,
    );
    return rows.map((r) => r.v);
  } finally {
    await database.close();
  }
}

/** Visible text and attributes of a page, without the markup around them. */
function pageText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ');
}

const PHONE = { width: 390, height: 844 };

describe('public status pages on a phone', () => {
  const app = { url: inject('appUrl') };
  let browser: Browser;
  let page: Page;
  // What must never appear on a public page, read from a seed of its own. Read before any request:
  // seeding blocks this process for seconds, and a keep-alive connection the app closed meanwhile
  // would then fail the next fetch with "other side closed".
  let secrets: string[];

  beforeAll(async () => {
    secrets = await personalData();
    mkdirSync(SHOTS_DIR, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 1 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every unit of 财富星苑 with its stage, and the safety and service figures', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
    const res = await page.goto(`${app.url}/status/caifu-xingyuan`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The stylesheet arrived: the top bar is the app's dark blue, not an unstyled page.
    expect(await page.locator('header.topbar').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(19, 35, 58)',
    );
    expect(await page.getByTestId('unit-link').count()).toBe(24);
    for (const h of ['加装电梯进度', '公共设施状态', '安全情况', '服务情况']) {
      expect(await page.getByRole('heading', { level: 2, name: h }).isVisible(), h).toBe(true);
    }
    // 财富星苑 had no throwing incidents, so only the e-bike chart is drawn, labelled for screen readers.
    expect(await page.getByRole('img', { name: /电动车进电梯拦截/ }).count()).toBe(1);
    expect(await page.getByText('近 12 个月无高空抛物事件记录。').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'public-caifu-phone-zh.png'), fullPage: true });
    expect(scripts).toEqual([]);
    page.removeAllListeners('request');
  });

  it('sends HTML and CSS only: no script on any kind of public page, in either language', async () => {
    const paths = [
      '/status/caifu-xingyuan',
      '/status/jinghu',
      '/status/caifu-xingyuan/6/1',
      '/status/caifu-xingyuan/6/1/poster',
      '/report/caifu-xingyuan',
      '/status/caifu-xingyuan/99/1',
    ];
    for (const locale of ['zh', 'en'] as const) {
      for (const p of paths) {
        const res = await fetch(`${app.url}${p}`, { headers: { cookie: `NEXT_LOCALE=${locale}` } });
        const html = await res.text();
        expect(html, p).not.toMatch(/<script\b/i);
        expect(html, p).toContain(`<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"`);
        expect(res.headers.get('content-security-policy'), p).toMatch(/default-src 'none'/);
        const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
        expect(css.length, p).toBeGreaterThan(0);
        for (const href of css)
          expect((await fetch(`${app.url}${href}`)).headers.get('content-type'), href).toMatch(/text\/css/);
      }
    }
  });

  it('opens the unit under publicity and shows its stage, notice period and how to object', async () => {
    await page.goto(`${app.url}/status/caifu-xingyuan`);
    const publicityUnit = page.locator('li', { has: page.locator('.badge.stage-publicity') }).getByTestId('unit-link');
    await publicityUnit.click();
    await page.waitForURL(/\/status\/caifu-xingyuan\/[^/]+\/\d+$/);
    expect(await page.getByTestId('unit-stage').textContent()).toBe('公示');
    const period = await page.getByTestId('publicity-period').textContent();
    expect(period).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日（20 天）$/);
    expect(await page.getByTestId('publicity-object').textContent()).toMatch(/之前/);
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('公示');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'public-unit-phone-zh.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Publicity notice/ }).waitFor();
    expect(await page.getByTestId('unit-stage').textContent()).toBe('Publicity');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'public-unit-phone-en.png'), fullPage: true });
    await page.goto(`${app.url}/status/caifu-xingyuan`);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'public-caifu-phone-en.png'), fullPage: true });
    await page
      .getByRole('button', { name: '中文' })
      .click()
      .catch(() => undefined);
  });

  it('crawls every community and unit page of all three communities without a name, phone or report text', async () => {
    expect(secrets.length).toBeGreaterThan(1000);
    const urls: string[] = [];
    for (const slug of ['caifu-xingyuan', 'jinghu', 'xingyi-huayuan']) {
      const html = await (await fetch(`${app.url}/status/${slug}`)).text();
      urls.push(`/status/${slug}`);
      for (const m of html.matchAll(/href="(\/status\/[a-z-]+\/[^/"]+\/\d+)"/g)) urls.push(m[1]!, `${m[1]!}/poster`);
    }
    expect(urls.length).toBe(3 + 2 * (24 + 64 + 79));
    for (const url of urls) {
      const res = await fetch(`${app.url}${url}`);
      expect(res.status, url).toBe(200);
      // The whole document, any script included, in case a page ever ships one.
      const html = await res.text();
      for (const s of secrets) if (html.includes(s)) throw new Error(`${url} shows personal data: ${s}`);
      const text = pageText(html);
      // Chinese mobile numbers, whoever they belong to.
      expect(text, url).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    }
  }, 600_000);

  it("answers an address it does not have with a branded 404 in the reader's language, leading on", async () => {
    const res = await fetch(`${app.url}/no-such-page`);
    expect(res.status).toBe(404);
    const context = await browser.newContext({ viewport: PHONE });
    const anon = await context.newPage();
    expect((await anon.goto(`${app.url}/no-such-page`))?.status()).toBe(404);
    expect(await anon.getByRole('heading', { level: 1 }).textContent()).toBe('没有这个页面');
    // Residents are led to their community's public page, staff to the console.
    await anon.getByRole('link', { name: '财富星苑' }).click();
    await anon.waitForURL(/\/status\/caifu-xingyuan$/);
    await context.addCookies([{ name: LOCALE_COOKIE, value: 'en', url: app.url }]);
    expect((await anon.goto(`${app.url}/nothing/here`))?.status()).toBe(404);
    expect(await anon.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await anon.screenshot({ path: path.join(SHOTS_DIR, 'not-found-phone-en.png'), fullPage: true });
    await context.close();
  });

  it('refuses to print a poster whose QR code would lead back to the server itself', async () => {
    // A server without PUBLIC_BASE_URL, reached on 127.0.0.1: its poster would send phones nowhere.
    const bare = await startBuiltApp();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
      const anon = await context.newPage();
      await anon.goto(`${bare.url}/status/caifu-xingyuan/1/1/poster`);
      expect(await anon.getByTestId('poster-refused').textContent()).toContain('PUBLIC_BASE_URL');
      expect(await anon.getByTestId('poster-qr').count()).toBe(0);
      await context.close();
    } finally {
      await bare.stop();
    }
  }, 240_000);

  it('works with JavaScript disabled, and prints a QR poster for the unit', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const anon = await context.newPage();
    await anon.goto(`${app.url}/status/caifu-xingyuan`);
    const href = await anon
      .locator('li', { has: anon.locator('.badge.stage-publicity') })
      .getByTestId('unit-link')
      .getAttribute('href');
    expect(href).toMatch(/^\/status\/caifu-xingyuan\/[^/]+\/\d+$/);
    await anon.goto(`${app.url}${href}`);
    expect(await anon.getByTestId('publicity-period').isVisible()).toBe(true);
    const poster = await anon.goto(`${app.url}${href}/poster`);
    expect(poster?.status()).toBe(200);
    // The QR code encodes the address residents reach (PUBLIC_BASE_URL), not the one the server was reached on.
    const printed = `${inject('publicBaseUrl')}${href}`;
    const qr = anon.getByTestId('poster-qr');
    expect(await qr.getAttribute('data-url')).toBe(printed);
    const expectedSvg = await QRCode.toString(printed, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
      color: { dark: '#000000', light: '#ffffff' },
    });
    const pathOf = (svg: string) =>
      /<path[^>]* d="([^"]+)"[^>]*stroke="#000000"/.exec(svg)?.[1] ?? /d="([^"]+)"/g.exec(svg)?.[1];
    expect(pathOf(await qr.innerHTML())).toBe(pathOf(expectedSvg));
    expect(await anon.getByText(printed).isVisible()).toBe(true);
    // The poster carries the stage, the publicity period and the committee's number to call.
    expect(await anon.getByTestId('poster-stage').textContent()).toMatch(/当前进度：公示[\s\S]*公示期：/);
    expect(await anon.getByTestId('contact-phone').getAttribute('href')).toMatch(/^tel:027\d{8}$/);
    await anon.screenshot({ path: path.join(SHOTS_DIR, 'public-poster-phone.png'), fullPage: true });
    // The language switch is a plain form: it works with JavaScript off too, and comes back to the same page.
    await anon.goto(`${app.url}${href}`);
    await anon.getByRole('button', { name: 'English' }).click();
    await anon.getByRole('heading', { name: /Publicity notice/ }).waitFor();
    expect(new URL(anon.url()).pathname).toBe(href);
    expect(await anon.locator('html').getAttribute('lang')).toBe('en');
    await anon.getByRole('button', { name: '中文' }).click();
    await anon.getByRole('heading', { name: '公示', exact: true }).waitFor();
    // A wrong address says what is wrong and where to go, with a 404.
    expect((await anon.goto(`${app.url}/status/caifu-xingyuan/99/1`))?.status()).toBe(404);
    expect(await anon.getByTestId('not-found').textContent()).toMatch(/没有找到这个单元/);
    await anon.getByRole('link', { name: '查看本社区的全部单元' }).click();
    expect(await anon.getByTestId('unit-link').count()).toBe(24);
    expect((await anon.goto(`${app.url}/status/caifu-xingyuan/1/x`))?.status()).toBe(404);
    expect((await anon.goto(`${app.url}/status/no-such-place`))?.status()).toBe(404);
    expect(await anon.getByTestId('not-found').textContent()).toMatch(/没有找到这个社区/);
    await context.close();
  });

  it('refuses a language switch that would send the reader to another site', async () => {
    for (const back of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await fetch(`${app.url}/locale`, {
        method: 'POST',
        body: new URLSearchParams({ locale: 'en', back }),
        redirect: 'manual',
      });
      expect(res.status, back).toBe(400);
      expect(res.headers.get('set-cookie'), back).toBeNull();
    }
    const ok = await fetch(`${app.url}/locale`, {
      method: 'POST',
      body: new URLSearchParams({ locale: 'en', back: '/status/jinghu' }),
      redirect: 'manual',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/status/jinghu');
    expect(ok.headers.get('set-cookie')).toMatch(/^NEXT_LOCALE=en;/);
  });
});
