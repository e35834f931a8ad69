// The admin's page for big-screen links in real Chromium: an admin creates a
// link (shown once, with a QR code), a fresh browser opens it (the link's page,
// then its button) and lands on the screen with no secret in its address, the
// admin revokes it and the screen's browser is shut out. Staff and planners
// neither see nor reach it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SHOTS_DIR } from './app-server';
import { openKioskLink, signInAs } from './sign-in';

const SLUG = 'caifu-xingyuan';

describe('screen links (kiosk admin page)', () => {
  const url = inject('appUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(email: string, locale: 'zh' | 'en' = 'zh'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url }]);
    const page = await context.newPage();
    await signInAs(page, url, email, '/screens');
    return { context, page };
  }

  it('creates a link shown once with a QR code, opens it in a fresh browser, then revokes it', async () => {
    const admin = await signedIn('admin@linli.local');
    const page = admin.page;
    await page.getByRole('link', { name: '大屏链接' }).waitFor();
    await page.getByRole('heading', { level: 1, name: '大屏链接' }).waitFor();
    const label = `会议室大屏 ${Date.now()}`;
    await page.locator('select[name="slug"]').selectOption(SLUG);
    await page.locator('input[name="label"]').fill(label);
    await page.getByRole('button', { name: '生成链接' }).click();
    const created = page.getByTestId('kiosk-created');
    await created.waitFor({ timeout: 30_000 });
    expect(await created.innerText()).toContain('只显示这一次');
    const link = await page.getByTestId('kiosk-url').inputValue();
    expect(link).toMatch(new RegExp(`^${url}/screen/k/[A-Za-z0-9_-]{16,64}$`));
    const secret = link.split('/').at(-1)!;
    // The QR code is an SVG drawn on the server.
    expect(await created.locator('svg path').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '复制链接' }).click();
    await page.getByRole('button', { name: '已复制' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'kiosk-admin-zh.png'), fullPage: true });

    // The screen's own browser: no session, no cookie, just the link.
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await wall.newPage();
    // The link's page: nothing is spent until its button is pressed.
    await openKioskLink(screen, link);
    expect(screen.url()).toBe(`${url}/screen/${SLUG}`);
    expect(screen.url()).not.toContain(secret);
    await screen.getByTestId('panel-devices').waitFor({ timeout: 60_000 });

    // The admin's list shows the link in use; reloading the page does not show the secret again.
    await page.reload();
    expect(await page.getByTestId('kiosk-created').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    const row = page.locator('tr', { hasText: label });
    await expect.poll(() => row.getAttribute('data-state')).toBe('active');
    expect(await row.innerText()).toContain('使用中');
    // Revoking asks first; then the row says revoked.
    await row.getByText('撤销…').click();
    expect(await row.innerText()).toContain(`确认撤销“${label}”？`);
    await row.getByRole('button', { name: '确认撤销' }).click();
    await expect
      .poll(() => page.locator('tr', { hasText: label }).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('revoked');

    // The screen's browser is shut out on its next load, and the link itself opens nothing.
    await screen.reload();
    await screen.waitForURL((u) => u.pathname.startsWith('/sign-in'), { timeout: 30_000 });
    const again = await (await browser.newContext()).newPage();
    const res = await again.goto(link);
    expect(res?.status()).toBe(403);
    await wall.close();
    await admin.context.close();
  }, 180_000);

  it('shows the page in English too', async () => {
    const { context, page } = await signedIn('admin@linli.local', 'en');
    await page.getByRole('heading', { level: 1, name: 'Screen links' }).waitFor();
    await page.locator('input[name="label"]').fill('Lobby screen (district)');
    await page.getByRole('button', { name: 'Create link' }).click();
    await page.getByTestId('kiosk-created').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('kiosk-created').innerText()).toContain('shown this once only');
    expect(await page.getByTestId('kiosk-created').innerText()).toContain('/screen/district');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'kiosk-admin-en.png'), fullPage: true });
    await context.close();
  }, 120_000);

  for (const email of ['staff@linli.local', 'planner@linli.local']) {
    it(`keeps ${email.split('@')[0]} out: not in the menu, and the page refuses`, async () => {
      const { context, page } = await signedIn(email);
      await page.getByTestId('kiosk-forbidden').waitFor();
      expect(await page.getByRole('link', { name: '大屏链接' }).count()).toBe(0);
      expect(await page.getByTestId('kiosk-create').count()).toBe(0);
      // Posting to the procedure directly is refused as well.
      const res = await page.request.post(`${url}/api/trpc/kiosk.create`, { data: { json: { label: 'sneaky' } } });
      expect(res.status()).toBe(403);
      await context.close();
    }, 120_000);
  }
});
