// An admin creates a staff account for 星怡花园 in the browser and reads its one-time
// password off the page; the new colleague signs in with it, is kept on the password
// change until choosing their own, and then sees only 星怡花园 in the console.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './app-server';
import { signInAs } from './sign-in';

const SHOTS = process.env.ACCOUNTS_SHOTS_DIR ?? '/tmp/shots-accounts';
const EMAIL = 'xingyi.new@linli.local';

describe('accounts administration in Chromium', () => {
  const app = { url: inject('appUrl') };
  let browser: Browser;
  let page: Page;
  let oneTime = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin create a staff account for 星怡花园 and shows its one-time password once', async () => {
    await signInAs(page, app.url, 'admin@linli.local', '/accounts');
    await page.waitForURL(/\/accounts/);
    const form = page.getByTestId('account-create');
    await form.getByLabel('姓名').fill('星怡新同事');
    await form.getByLabel('邮箱').fill(EMAIL);
    await form.locator('select[name="membershipRole"]').selectOption('staff');
    await form.locator('select[name="place"]').selectOption('c:xingyi-huayuan');
    await form.getByRole('button', { name: '创建账号' }).click();
    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    oneTime = await shown.locator('input').inputValue();
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    const row = page.getByTestId(`account-${EMAIL}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('星怡花园 · 工作人员');
    await page.screenshot({ path: path.join(SHOTS, 'accounts-1440.png') });
    await page.screenshot({ path: path.join(SHOTS, 'accounts-1440-full.png'), fullPage: true });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in/);
  });

  it('keeps the new colleague on the password change until they choose their own', async () => {
    await signInAs(page, app.url, EMAIL, '/', oneTime);
    await page.waitForURL(/\/account\/password/);
    await page.goto(`${app.url}/ops/xingyi-huayuan`);
    await page.waitForURL(/\/account\/password/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('password-forced').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'password-390.png') });
    const form = page.getByTestId('password-form');
    await form.getByLabel('当前密码').fill(oneTime);
    await form.getByLabel(/^新密码/).fill('xingyi-own-password');
    await form.getByLabel('再次输入新密码').fill('xingyi-own-password');
    await form.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the new colleague only 星怡花园 in the console', async () => {
    await page.getByTestId('community-card').first().waitFor();
    const cards = page.getByTestId('community-card');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain('星怡花园');
  });
});
