// A staff member signs in, sees the three communities, and opens a public
// status page — in real Chromium against the real app on embedded PGlite.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { launchChromium, SHOTS_DIR } from './app-server';
import { signInAs } from './sign-in';

describe('console and public page in Chromium', () => {
  const app = { url: inject('appUrl') };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    // Sent from a page that needs an account, the visitor is told why they are here.
    await page.goto(`${app.url}/ops/jinghu`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(await page.getByTestId('sign-in-reason').textContent()).toContain('/ops/jinghu');
    // From the console's home, nothing to explain: the page says what it is.
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: '登录邻里控制台' }).isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('sign-in-reason').count()).toBe(0);
  });

  it("sends a resident who opens a staff page to their community's public page", async () => {
    const context = await browser.newContext();
    const resident = await context.newPage();
    await signInAs(resident, app.url, 'resident@linli.local', '/ops/caifu-xingyuan');
    await resident.waitForURL(/\/status\/[a-z-]+$/);
    expect(await resident.getByRole('heading', { level: 1 }).textContent()).toMatch(/财富星苑/);
    await context.close();
  });

  it('refuses a wrong password with a message, and keeps the visitor out', async () => {
    await page.getByLabel('邮箱').fill('staff@linli.local');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    // Next's route announcer is also an alert region, so find ours by its words.
    const alert = page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' });
    await alert.waitFor();
    expect(await alert.isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/sign-in/);
  });

  it('signs staff in and shows the three demo communities with their figures', async () => {
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('community-card').first().waitFor();
    const cards = page.getByTestId('community-card');
    expect(await cards.count()).toBe(3);
    const text = (await cards.allTextContents()).join('\n');
    for (const name of ['财富星苑', '荆胡智慧社区', '星怡花园']) expect(text).toContain(name);
    const caifu = cards.filter({ hasText: '财富星苑' });
    expect(await caifu.textContent()).toContain('296');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'console-communities.png'), fullPage: true });
  });

  it('opens the public status page of 财富星苑 with community figures only', async () => {
    await page
      .getByTestId('community-card')
      .filter({ hasText: '财富星苑' })
      .getByRole('link', { name: '公开状态页' })
      .click();
    await page.waitForURL(/\/status\/caifu-xingyuan/);
    expect(await page.getByTestId('kpi-buildings').textContent()).toBe('8');
    expect(await page.getByTestId('kpi-households').textContent()).toBe('296');
    expect(await page.getByTestId('kpi-elevators').textContent()).toBe('3');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'status-caifu-zh.png'), fullPage: true });
  });

  it('switches the public page to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Caifu Xingyuan/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'status-caifu-en.png'), fullPage: true });
  });

  it('serves the public page to a visitor with no session and no JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const anon = await context.newPage();
    await anon.goto(`${app.url}/status/jinghu`);
    expect(await anon.getByRole('heading', { level: 1 }).textContent()).toContain('荆胡智慧社区');
    expect(await anon.getByText('11,786').first().isVisible()).toBe(true);
    const missing = await anon.goto(`${app.url}/status/no-such-place`);
    expect(missing?.status()).toBe(404);
    await context.close();
  });
  it('shows each role only the pages it may open, in the navigation and on the home page', async () => {
    const STAFF_ONLY = ['/setup', '/screens', '/accounts'];
    /** The hrefs of the main navigation and of every link on the page, for `email` on `path`. */
    const linksOf = async (email: string, path: string) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const p = await context.newPage();
      await signInAs(p, app.url, email, path);
      await p.getByTestId('main-nav').waitFor();
      const hrefs = async (sel: string) =>
        p.locator(sel).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const out = { nav: await hrefs('[data-testid="main-nav"] a'), page: await hrefs('a[href]') };
      const navText = await p.getByTestId('main-nav').textContent();
      await context.close();
      return { ...out, navText: navText ?? '' };
    };

    const admin = await linksOf('admin@linli.local', '/');
    expect(admin.nav).toEqual(['/', '/plan', '/map', '/screen/district', '/setup', '/screens', '/accounts']);
    expect(admin.page.some((h) => h.startsWith('/ops/'))).toBe(true);

    // A planner: no 值班台 (ops), no accounts, no big-screen links, no setup — anywhere on the page.
    const planner = await linksOf('planner@linli.local', '/');
    expect(planner.nav).toEqual(['/', '/plan', '/map', '/screen/district']);
    expect(planner.navText).not.toMatch(/值班台|账号管理|大屏链接|设置/);
    for (const h of planner.page) {
      expect(h).not.toMatch(/^\/(ops|twin|setup)\//);
      expect(STAFF_ONLY).not.toContain(h);
    }
    expect(planner.page).toContain('/retrofit/caifu-xingyuan');

    // A viewer: no setup, no planner, no pipeline.
    const viewer = await linksOf('viewer@linli.local', '/');
    expect(viewer.nav).toEqual(['/', '/map', '/screen/district']);
    for (const h of viewer.page) {
      expect(h).not.toMatch(/^\/(ops|twin|setup|plan|retrofit)(\/|$)/);
      expect(STAFF_ONLY).not.toContain(h);
    }

    // A resident (on their own account page, the one signed-in page they have): their community, no staff link.
    const resident = await linksOf('resident@linli.local', '/account/password');
    expect(resident.nav).toHaveLength(1);
    expect(resident.nav[0]).toMatch(/^\/status\/[a-z-]+$/);
    for (const h of resident.page)
      expect(h).not.toMatch(/^\/(ops|twin|setup|plan|retrofit|map|screens|accounts)(\/|$)/);
  });
});
