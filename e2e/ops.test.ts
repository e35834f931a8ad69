// The operations desk in real Chromium: two staff consoles see each other's
// acknowledgements live; a resident's report from the public form reaches the
// console's work orders; a flood of reports from one address gets 429.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { adminClient, signIn } from '~/server/simulator/admin-client';
import { signInAs } from './sign-in';
import { postEvents } from '~/test/standalone';
import { launchChromium, SHOTS_DIR } from './app-server';

const SLUG = 'xingyi-huayuan';

async function staffPage(browser: Browser, url: string, locale: 'zh' | 'en' = 'zh'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url }]);
  const page = await context.newPage();
  await signInAs(page, url, 'staff@linli.local', `/ops/${SLUG}`);
  await page.getByTestId('alarm-desk').waitFor({ timeout: 60_000 });
  return { context, page };
}

describe('operations desk', () => {
  const url = inject('appUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows an acknowledgement made in one console in another without reload', async () => {
    // A fresh critical alarm through the device door, as a real smoke detector would raise it.
    const admin = await signIn(url, 'admin@linli.local', DEMO_PASSWORD);
    const [smoke] = await adminClient(url, admin).ingest.issueTokens.mutate({ slug: SLUG, classes: ['smoke_detector'], limit: 1 });
    const a = await staffPage(browser, url);
    const b = await staffPage(browser, url);
    const res = await postEvents(url, smoke!.token, [{ id: `ops-e2e-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } }]);
    expect(res.status).toBe(200);
    // The new alarm reaches both desks live.
    // The pipeline's title is "烟感报警 / Smoke detected"; seeded ones read "…烟雾报警" or "…故障".
    const fresh = a.page.locator('tr[data-state="open"]', { hasText: '烟感报警' }).first();
    await fresh.waitFor({ timeout: 30_000 });
    const testId = await fresh.getAttribute('data-testid');
    // Pinned by id: the list re-sorts as alarms arrive.
    const rowA = a.page.getByTestId(testId!);
    const rowB = b.page.getByTestId(testId!);
    await rowB.and(b.page.locator('[data-state="open"]')).waitFor({ timeout: 30_000 });
    await a.page.screenshot({ path: path.join(SHOTS_DIR, 'ops-desk-zh.png'), fullPage: true });

    await rowA.getByRole('button', { name: '确认', exact: true }).click();
    const ownRow = a.page.getByTestId(testId!).and(a.page.locator('[data-state="acknowledged"]'));
    await ownRow.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      throw new Error(`console A did not acknowledge: ${await a.page.locator('[role="alert"]').allTextContents()} ${String(error)}`);
    });
    await rowB.and(b.page.locator('[data-state="acknowledged"]')).waitFor({ timeout: 15_000 });
    expect(await rowB.getByTestId('alarm-state').textContent()).toBe('已确认');
    await a.context.close();
    await b.context.close();
  });

  it("brings a resident's report from the public form into the console's work orders", async () => {
    const resident = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const form = await resident.newPage();
    await form.goto(`${url}/report/${SLUG}`);
    await form.screenshot({ path: path.join(SHOTS_DIR, 'report-form-zh.png'), fullPage: true });
    await form.locator('select[name="category"]').selectOption('电动车违停');
    await form.locator('select[name="place"]').selectOption('a:garage');
    await form.locator('textarea[name="description"]').fill('14号楼西单元南侧车库入口有电动车充电');
    await form.locator('button.primary[type="submit"]').click();
    const reference = (await form.getByTestId('report-reference').textContent({ timeout: 30_000 }))!.trim();
    expect(reference).toMatch(/^R-[A-Z2-9]{8}$/);
    expect(await form.getByTestId('report-state').textContent()).toBe('待受理');
    // The public status page carries no description or place.
    expect(await form.content()).not.toContain('南侧车库入口');
    await form.screenshot({ path: path.join(SHOTS_DIR, 'report-status-zh.png'), fullPage: true });
    await resident.close();

    const staff = await staffPage(browser, url);
    await staff.page.getByTestId(`wo-${reference}`).waitFor({ timeout: 30_000 });
    await staff.context.close();
  });

  it('refuses a flood of reports from one address with 429 and stays up', async () => {
    const body = () => new URLSearchParams({ category: '噪音', place: 'a:road', description: '深夜施工噪音扰民' });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${url}/report/${SLUG}/submit`, { method: 'POST', body: body(), redirect: 'manual' });
      statuses.push(res.status);
      if (res.status === 429) expect(await res.text()).toMatch(/Too many reports/);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
    expect(statuses.every((s) => s === 303 || s === 429)).toBe(true);
    expect((await fetch(`${url}/report/${SLUG}`)).status).toBe(200);
  });

  it('reads in English too', async () => {
    const en = await staffPage(browser, url, 'en');
    await en.page.screenshot({ path: path.join(SHOTS_DIR, 'ops-desk-en.png'), fullPage: true });
    await en.context.close();
    const resident = await browser.newContext({ viewport: { width: 420, height: 900 } });
    await resident.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url }]);
    const form = await resident.newPage();
    await form.goto(`${url}/report/${SLUG}`);
    expect(await form.locator('h1').textContent()).toMatch(/Report a problem/);
    await form.screenshot({ path: path.join(SHOTS_DIR, 'report-form-en.png'), fullPage: true });
    await resident.close();
  });
});
