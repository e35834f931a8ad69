// Bringing your own community (README § Your own community), as a clerk does it in the
// browser on an installation without the demo: the first admin (npm run admin:create) founds
// 桂园小区 from the sample footprint export, imports the sample household register and device
// list, adds a staff account for it; that colleague signs in, sees the twin, and watches the
// duty desk receive an alarm from a device speaking with one of the issued tokens.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '~/test/standalone';
import { launchChromium, SHOTS_DIR, startApp, type AppServer } from './app-server';
import { signInAs } from './sign-in';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const ADMIN = 'chair@guiyuan.example.cn';
const STAFF = 'clerk@guiyuan.example.cn';

/** Signs in with a one-time password and chooses one's own, as the product insists. */
async function firstSignIn(page: Page, url: string, email: string, oneTime: string, own: string) {
  await signInAs(page, url, email, '/', oneTime);
  await page.waitForURL(/\/account\/password/);
  const form = page.getByTestId('password-form');
  await form.getByLabel('当前密码').fill(oneTime);
  await form.getByLabel(/^新密码/).fill(own);
  await form.getByLabel('再次输入新密码').fill(own);
  await form.getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/account/password'), { timeout: 60_000 });
}

describe('a community of its own, from an empty database', () => {
  let app: AppServer;
  let browser: Browser;
  let adminPassword = '';
  let tokens: Map<string, string>;
  let staffPassword = '';

  beforeAll(async () => {
    app = await startApp({
      reuseBuild: true,
      env: { SEED_DEMO: 'false' },
      prepare: (dataDir) => {
        const made = spawnSync(
          path.join(ROOT, 'node_modules/.bin/tsx'),
          ['scripts/admin-create.ts', '--email', ADMIN, '--name', '桂园居委会主任'],
          { cwd: ROOT, env: { ...process.env, DATABASE_URL: undefined, PGLITE_DIR: dataDir }, encoding: 'utf8' },
        );
        adminPassword = /one-time password \(shown only now\): (\S+)/.exec(made.stdout)?.[1] ?? '';
        if (!adminPassword) throw new Error(`admin:create failed: ${made.stdout}\n${made.stderr}`);
      },
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('founds the community, imports its buildings, households and devices, and adds its staff', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await firstSignIn(page, app.url, ADMIN, adminPassword, 'guiyuan-chair-2026');

    // The empty console leads to founding a community.
    await page.goto(`${app.url}/setup/new`);
    const form = page.getByTestId('setup-new-form');
    await form.locator('input[name="name"]').fill('桂园小区');
    await form.locator('input[name="nameEn"]').fill('Guiyuan');
    await form.locator('input[name="slug"]').fill('guiyuan');
    await form.locator('input[name="street"]').fill('示范街道');
    await form.locator('input[name="district"]').fill('洪山区');
    await form.locator('input[name="contactPhone"]').fill('027-8765 4321');
    await form.locator('input[name="lng"]').fill('114.3620');
    await form.locator('input[name="lat"]').fill('30.5280');
    await form.getByRole('button', { name: '新建社区' }).click();
    await page.waitForURL(/\/setup\/guiyuan\/buildings$/, { timeout: 60_000 });

    // Buildings: the OSM-style export is previewed, its noise listed with reasons, then written.
    await page.locator('input[type="file"]').setInputFiles(path.join(SAMPLES, 'guiyuan-footprints.geojson'));
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page.getByTestId('preview-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('skipped-list').locator('li').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'onboarding-buildings-preview.png'), fullPage: true });
    await page.getByRole('button', { name: '写入所选 8 栋' }).click();
    await page.getByText(/已写入 8 栋/).waitFor({ timeout: 60_000 });

    // Households: checked first, then imported; the register's units come with it.
    await page.goto(`${app.url}/setup/guiyuan/households`);
    await page.locator('input[type="file"]').setInputFiles(path.join(SAMPLES, 'guiyuan-households.xlsx'));
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByText(/检查通过/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/已导入：新增 \d+ 户/).waitFor({ timeout: 60_000 });

    // Devices: imported, their tokens offered once as tokens.csv.
    await page.goto(`${app.url}/setup/guiyuan/devices`);
    await page.locator('input[type="file"]').setInputFiles(path.join(SAMPLES, 'guiyuan-devices.csv'));
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByText(/检查通过/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 tokens.csv' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    tokens = new Map(
      csv
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(',') as [string, string]),
    );
    expect(tokens.size).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'onboarding-devices-tokens.png'), fullPage: true });

    // A staff account for the community, with a one-time password.
    await page.goto(`${app.url}/accounts`);
    const create = page.getByTestId('account-create');
    await create.getByLabel('姓名').fill('桂园社区网格员');
    await create.getByLabel('邮箱').fill(STAFF);
    await create.locator('select[name="membershipRole"]').selectOption('staff');
    await create.locator('select[name="place"]').selectOption('c:guiyuan');
    await create.getByRole('button', { name: '创建账号' }).click();
    staffPassword = await page.getByTestId('one-time-password').locator('input').inputValue();
    expect(staffPassword.length).toBeGreaterThan(12);
    await context.close();
  }, 300_000);

  it('lets its staff sign in, see the twin, and receive a device alarm live on the duty desk', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await firstSignIn(page, app.url, STAFF, staffPassword, 'guiyuan-clerk-2026');

    await page.goto(`${app.url}/twin/guiyuan`);
    await page.locator('canvas').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'onboarding-twin.png') });

    await page.goto(`${app.url}/ops/guiyuan`);
    await page.getByTestId('alarm-desk').waitFor({ timeout: 60_000 });
    const token = tokens.get('GY-SMK-001');
    expect(token).toBeTruthy();
    const res = await postEvents(app.url, token!, [
      { id: `onboarding-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } },
    ]);
    expect(res.status).toBe(200);
    // Live: the alarm appears on the open desk without a reload.
    await page.locator('tr[data-state="open"]', { hasText: '烟感报警' }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'onboarding-ops-alarm.png') });
    await context.close();
  }, 300_000);
});
