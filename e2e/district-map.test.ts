// The district map (/map) in Chromium, offline: the demo street's boundary, each community's
// boundary and building footprints are drawn (counted from the map's own rendered features),
// a marker opens the community, and a wrong boundary file is refused with its reason.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SHOTS_DIR } from './app-server';
import { signInAs } from './sign-in';

/** The demo's footprints: 财富星苑 8, 荆胡 28, 星怡花园 33. */
const DEMO_FOOTPRINTS = 69;

describe('district map in Chromium', () => {
  const app = { url: inject('appUrl') };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAs(page, app.url, 'jianzhong@linli.local', '/map');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the street's boundary and every community's boundary and footprints", async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/map`);
    const map = page.getByTestId('district-map');
    await map.locator('canvas').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('[data-testid="district-map"]')?.dataset.drawnFootprints) > 0,
      undefined,
      { timeout: 60_000 },
    );
    const drawn = await map.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    expect(drawn).toMatchObject({ communities: '3', drawnBoundaries: '3', drawnStreets: '1' });
    expect(Number(drawn.drawnFootprints)).toBe(DEMO_FOOTPRINTS);
    // One street: its name and district head the legend; a scale bar says how far is far.
    expect(await map.innerText()).toContain('临江区 建中街街道');
    expect(await map.locator('.maplibregl-ctrl-scale').innerText()).toMatch(/\d+\s*(m|km)/);
    // Each community's marker names its counts, and none names a person.
    for (const slug of ['caifu-xingyuan', 'jinghu', 'xingyi-huayuan']) {
      await expect(page.getByTestId(`map-community-${slug}`).innerText()).resolves.toMatch(
        /告警 \d+ · 故障 \d+ · 离线 \d+/,
      );
    }
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'district-map-1440.png') });
  }, 180_000);

  it('refuses a boundary file that is not a polygon, saying why', async () => {
    await page.getByRole('button', { name: '导入街道边界' }).click();
    const form = page.getByTestId('boundary-import');
    await form.locator('input[type="file"]').setInputFiles({
      name: 'line.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'LineString',
          coordinates: [
            [114.27, 30.59],
            [114.28, 30.6],
          ],
        }),
      ),
    });
    await form.getByRole('button', { name: '导入', exact: true }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain('LineString');
    expect(await alert.innerText()).toContain('原边界不变');
    await form.getByRole('button', { name: '取消' }).click();
  }, 120_000);

  it("opens a community's twin from its marker", async () => {
    await page.getByTestId('map-community-jinghu').click();
    await page.waitForURL(`${app.url}/twin/jinghu`, { timeout: 60_000 });
  }, 120_000);
});
