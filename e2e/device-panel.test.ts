// The twin's device panel in Chromium, as staff use it: a smoke detector that
// has reported opens with its readings in Chinese words and units (no raw field
// names), a chart of its last 24 hours, and the actions staff expect; 设为维护
// changes the status the panel shows, and 生成工单 opens a work order for it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { adminClient, signIn } from '~/server/simulator/admin-client';
import { postEvents } from '~/test/standalone';
import { launchChromium } from './app-server';
import { signInAsStaff } from './twin-helpers';

const SLUG = 'caifu-xingyuan';

describe('the device panel in the twin', () => {
  const url = inject('appUrl');
  let browser: Browser;
  let page: Page;
  let device: { id: number; code: string };

  beforeAll(async () => {
    const admin = await signIn(url, 'admin@linli.local', DEMO_PASSWORD);
    const [smoke] = await adminClient(url, admin).ingest.issueTokens.mutate({
      slug: SLUG,
      classes: ['smoke_detector'],
      limit: 1,
    });
    device = { id: smoke!.id, code: smoke!.code };
    // Three readings over the last two hours, as the detector sends them.
    const now = Date.now();
    const res = await postEvents(
      url,
      smoke!.token,
      [120, 60, 1].map((minutes, i) => ({
        id: `e2e-panel-${now}-${i}`,
        kind: 'reading',
        at: now - minutes * 60_000,
        data: { smoke: false, battery: 35 - i, signalDbm: -103, obscurationPctPerM: 0.32 },
      })),
    );
    expect(res.status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsStaff(page, url, DEMO_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the readings in Chinese words with units, and no raw field names', async () => {
    await page.goto(`${url}/twin/${SLUG}?focus=device:${device.id}`);
    const readings = page.getByTestId('device-readings');
    await readings.waitFor({ timeout: 120_000 });
    const text = (await readings.textContent()) ?? '';
    expect(text).toContain('电量');
    expect(text).toContain('33 %');
    expect(text).toContain('烟雾浓度');
    expect(text).toContain('0.32 %/m');
    expect(text).toContain('无烟雾');
    expect(text).toContain('-103 dBm');
    const panel = (await page.getByTestId('device-panel').textContent()) ?? '';
    for (const raw of ['battery', 'signalDbm', 'obscurationPctPerM', 'smoke', 'true', 'false'])
      expect(panel, raw).not.toContain(raw);
  }, 180_000);

  it('draws a chart of the last 24 hours of each numeric reading', async () => {
    const battery = page.locator('[data-testid="device-history-chart"][data-field="battery"]');
    await battery.waitFor({ timeout: 60_000 });
    expect(await battery.locator('figcaption').textContent()).toContain('电量');
    await battery.locator('canvas').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('device-history-chart').count()).toBe(3);
  }, 120_000);

  it('links to the ops desk’s alarms for this device', async () => {
    const link = page.getByTestId('device-actions').getByRole('link', { name: '查看告警' });
    expect(await link.getAttribute('href')).toBe(`/ops/${SLUG}?device=${device.code}`);
  });

  it('puts the device into maintenance and out again, the status shown following', async () => {
    const status = page.getByTestId('device-status');
    const before = await status.textContent();
    expect(before).not.toBe('维护');
    await page.getByRole('button', { name: '设为维护' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('维护');
    await page.getByRole('button', { name: '结束维护' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(before);
    await page.getByRole('button', { name: '设为维护' }).waitFor();
  }, 90_000);

  it('opens a work order for the device, placed where it is', async () => {
    await page.getByTestId('device-actions').getByRole('button', { name: '生成工单' }).click();
    const form = page.getByTestId('device-order');
    await form.waitFor({ timeout: 30_000 });
    expect(await form.locator('select[name="category"]').inputValue()).toBe('烟感报警处置');
    expect(await form.locator('textarea[name="description"]').inputValue()).toContain(device.code);
    await form.getByRole('button', { name: '生成工单' }).click();
    const created = page.getByTestId('device-order-created');
    await created.waitFor({ timeout: 30_000 });
    expect(await created.textContent()).toMatch(/已生成工单 \S+/);
  }, 90_000);
});
