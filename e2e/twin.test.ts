// The 3D twin in real Chromium (software WebGL): it draws the community,
// beacons and counts its alarmed and faulty devices and flies to them, a click
// on a building opens that building's panel, a picked floor is highlighted,
// a class filter takes its markers off the screen, and without WebGL the page says so.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { launchChromium, SHOTS_DIR } from './app-server';
import { readBench, signInAsStaff, waitForBenchFrames } from './twin-helpers';

/** Distinct colours in a PNG and the share of pixels unlike its top-left (background) pixel, decoded in the page. */
async function pixelStats(page: Page, png: Buffer): Promise<{ colours: number; foreground: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set<number>();
    let foreground = 0;
    for (let i = 0; i < d.length; i += 4) {
      const c = ((d[i] as number) << 16) | ((d[i + 1] as number) << 8) | (d[i + 2] as number);
      colours.add(c);
      if (
        Math.abs((d[i] as number) - (d[0] as number)) +
          Math.abs((d[i + 1] as number) - (d[1] as number)) +
          Math.abs((d[i + 2] as number) - (d[2] as number)) >
        24
      )
        foreground++;
    }
    return { colours: colours.size, foreground: foreground / (d.length / 4) };
  }, png.toString('base64'));
}

describe('3D twin in Chromium', () => {
  const app = { url: inject('appUrl') };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInAsStaff(page, app.url, DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('links each community card to its twin', async () => {
    await page.goto(`${app.url}/`);
    await page.getByTestId('community-card').first().waitFor();
    const href = await page
      .getByTestId('community-card')
      .filter({ hasText: '荆胡智慧社区' })
      .getByRole('link', { name: '三维孪生' })
      .getAttribute('href');
    expect(href).toBe('/twin/jinghu');
  });

  it('draws 荆胡 with its buildings, sensors and legend', async () => {
    await page.goto(`${app.url}/twin/jinghu`);
    const canvas = page.locator('canvas').first();
    await canvas.waitFor({ timeout: 90_000 });
    await page.getByTestId('twin-legend').waitFor();
    // Demand frameloop: a few seconds for the models to load and the last frame to land.
    await page.waitForTimeout(5000);
    const stats = await pixelStats(page, await canvas.screenshot());
    expect(stats.colours).toBeGreaterThan(200);
    expect(stats.foreground).toBeGreaterThan(0.3);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('11,786');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'twin-jinghu.png') });
  }, 120_000);

  it('draws 财富星苑 with its retrofit elevators', async () => {
    await page.goto(`${app.url}/twin/caifu-xingyuan`);
    const canvas = page.locator('canvas').first();
    await canvas.waitFor({ timeout: 90_000 });
    await page.waitForTimeout(4000);
    const stats = await pixelStats(page, await canvas.screenshot());
    expect(stats.colours).toBeGreaterThan(200);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'twin-caifu-xingyuan.png') });
  }, 120_000);

  it('counts devices in alarm and fault in the toolbar, beacons each, and flies to the next one', async () => {
    await page.goto(`${app.url}/twin/caifu-xingyuan`);
    const canvas = page.locator('canvas').first();
    await canvas.waitFor({ timeout: 90_000 });
    const count = page.getByTestId('twin-beacon-count');
    await count.waitFor();
    // The count (React) and the beacons drawn (the scene) agree, live statuses and all.
    const read = () =>
      page.evaluate(() => {
        const b = document.querySelector('[data-testid="twin-beacon-count"]') as HTMLElement;
        const c = document.querySelector('canvas') as HTMLCanvasElement;
        return {
          alarm: Number(b.dataset.alarm),
          fault: Number(b.dataset.fault),
          beacons: c.dataset.beacons === undefined ? -1 : Number(c.dataset.beacons),
        };
      });
    await expect
      .poll(
        async () => {
          const r = await read();
          return r.alarm + r.fault === r.beacons;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const { alarm, fault } = await read();
    // The demo community has devices in alarm and in fault.
    expect(alarm + fault).toBeGreaterThan(0);
    expect(await count.textContent()).toContain(`告警 ${alarm}`);
    expect(await count.getAttribute('aria-label')).toContain(`故障 ${fault} 台`);
    // The most severe beacons are labelled with the device and its place.
    const labels = page.locator('[data-beacon-label]');
    await expect.poll(() => labels.count(), { timeout: 15_000 }).toBe(Math.min(8, alarm + fault));
    expect(await labels.first().textContent()).toMatch(/号楼/);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'twin-beacons.png') });

    const stage = page.getByTestId('twin-stage');
    const before = await stage.getAttribute('data-camera-target');
    await count.click();
    await expect.poll(() => stage.getAttribute('data-camera-target'), { timeout: 15_000 }).not.toBe(before);
    const first = await stage.getAttribute('data-camera-target');
    // The device it flew to is picked; alarms come before faults.
    await expect
      .poll(() => page.getByTestId('twin-panel').textContent(), { timeout: 15_000 })
      .toContain(alarm > 0 ? '报警' : '故障');
    if (alarm + fault > 1) {
      await count.click();
      await expect.poll(() => stage.getAttribute('data-camera-target'), { timeout: 15_000 }).not.toBe(first);
    }
    expect(await page.getByRole('checkbox', { name: '跟随紧急告警' }).isChecked()).toBe(true);
  }, 120_000);

  it('opens a building’s panel when the building is clicked', async () => {
    // lod=0: every sensor a shaped marker, so a filter shows in the triangle count.
    await page.goto(`${app.url}/twin/jinghu?bench=1&lod=0`);
    await waitForBenchFrames(page);
    const at = await page.evaluate(() => window.__linliBench?.roofOf('12') ?? null);
    expect(at).not.toBeNull();
    await page.mouse.click(at![0], at![1]);
    await expect.poll(() => page.getByTestId('panel-title').textContent(), { timeout: 15_000 }).toBe('12栋');
    expect(await page.getByTestId('twin-panel').textContent()).toContain('1单元');
  }, 180_000);

  it('highlights a picked floor in 3D and names where its devices are', async () => {
    const panel = page.getByTestId('twin-panel');
    await panel.locator('select').first().selectOption('3');
    await expect.poll(() => page.getByTestId('panel-title').textContent(), { timeout: 15_000 }).toBe('12栋 3 层');
    await expect
      .poll(() => page.locator('canvas').first().getAttribute('data-floor-highlight'), { timeout: 15_000 })
      .toMatch(/^\d+:3$/);
    // Each device on the floor is named with its place (unit and floor), not only its code.
    const first = panel.locator('li').first();
    expect(await first.textContent()).toMatch(/单元 · 3层/);
    await page.getByRole('button', { name: '关闭' }).click();
    await expect
      .poll(() => page.locator('canvas').first().getAttribute('data-floor-highlight'), { timeout: 15_000 })
      .toBeNull();
  }, 60_000);

  it('takes a device class off the screen when it is filtered out', async () => {
    const before = await readBench(page);
    await page.locator('input[data-class="smoke_detector"]').click();
    await page.waitForFunction((f) => (window.__linliBench?.frames ?? 0) > f + 2, before.frames, { timeout: 60_000 });
    const after = await readBench(page);
    // 荆胡 has thousands of smoke detectors, 8 triangles each.
    expect(before.triangles - after.triangles).toBeGreaterThan(8 * 2000);
    expect(after.drawCalls).toBeLessThanOrEqual(before.drawCalls);
  }, 120_000);

  it('says clearly when the browser has no WebGL', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      storageState: await page.context().storageState(),
    });
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
        return id.startsWith('webgl') || id === 'experimental-webgl'
          ? null
          : (original as (...a: unknown[]) => unknown).call(this, id, ...rest);
      } as typeof original;
    });
    const noGl = await context.newPage();
    await noGl.goto(`${app.url}/twin/jinghu`);
    const message = noGl.getByTestId('twin-no-webgl');
    await message.waitFor({ timeout: 60_000 });
    expect(await message.textContent()).toContain('WebGL');
    expect(await noGl.locator('canvas').count()).toBe(0);
    await noGl.screenshot({ path: path.join(SHOTS_DIR, 'twin-no-webgl.png') });
    await context.close();
  }, 120_000);
});
