// A planner signs in, builds a scenario on 财富星苑, sees the stranded-elderly
// count drop, saves the scenario and finds it again after a reload; staff
// see the retrofit pipeline. Real Chromium against the real app on PGlite.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SHOTS_DIR } from './app-server';
import { signInAs } from './sign-in';

const count = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());

describe('retrofit planner and pipeline in Chromium', () => {
  const app = { url: inject('appUrl') };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds, saves and reloads a scenario as a planner, the stranded count dropping', async () => {
    await signInAs(page, app.url, 'planner@linli.local', '/plan/caifu-xingyuan');
    await page.getByTestId('unit-table').waitFor();
    const before = await count(page, 'stranded-before');
    expect(before).toBeGreaterThan(0);
    expect(await count(page, 'stranded-after')).toBe(before);
    let freed = 0;
    for (const unit of ['1号楼2单元', '6号楼2单元', '7号楼1单元']) {
      await page.getByLabel(`选择 ${unit}`).check();
      // The stranded column of the unit's row: what its elevator would free.
      freed += Number(
        await page
          .getByTestId('unit-table')
          .getByRole('row')
          .filter({ hasText: unit })
          .locator('td')
          .nth(7)
          .textContent(),
      );
    }
    expect(freed).toBeGreaterThan(0);
    const after = before - freed;
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="stranded-after"]')?.textContent) === n,
      after,
    );
    await page.getByLabel('方案名称').fill('第一批：表决中的三个单元');
    await page.getByRole('button', { name: /保存方案/ }).click();
    await page.getByTestId('scenario-name').filter({ hasText: '第一批：表决中的三个单元' }).waitFor();
    await page.waitForTimeout(800); // let the charts draw
    await page.screenshot({ path: path.join(SHOTS_DIR, 'plan-caifu-zh.png'), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'plan-caifu-zh-top.png') });

    await page.reload();
    const saved = page.getByTestId('scenario-name').filter({ hasText: '第一批：表决中的三个单元' });
    await saved.waitFor();
    expect(await saved.count()).toBe(1);
    const compare = await page.getByTestId('scenario-compare').textContent();
    expect(compare).toContain(String(after));

    // The printable report of the saved scenario.
    await page.getByRole('link', { name: '报告' }).first().click();
    await page.getByRole('heading', { name: /加梯方案报告：第一批/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: '剩余悬空老人' }).textContent()).toContain(String(after));
    await page.screenshot({ path: path.join(SHOTS_DIR, 'plan-report-zh.png'), fullPage: true });
    await page.goBack();
    await page.getByTestId('unit-table').waitFor();
  });

  it('lets the optimizer choose units within a budget', async () => {
    await page.getByLabel('总预算（万元）').fill('200');
    await page.getByRole('button', { name: '自动选择单元' }).click();
    await page.getByRole('status').filter({ hasText: '已选出' }).waitFor();
    const before = await count(page, 'stranded-before');
    await page.waitForFunction(
      (b) => Number(document.querySelector('[data-testid="stranded-after"]')?.textContent) < b,
      before,
    );
    expect(await page.locator('[data-testid="unit-table"] input:checked:not(:disabled)').count()).toBeGreaterThan(0);
    // The units it chose, each by building · unit with the residents it serves and its cost.
    const chosen = page.getByTestId('optimizer-chosen').locator('tbody tr');
    const ticked = await page.locator('[data-testid="unit-table"] input:checked:not(:disabled)').count();
    expect(await chosen.count()).toBe(ticked);
    expect(await chosen.first().textContent()).toMatch(/号楼 · \d+单元\d+.*¥/);
  });

  it('withdraws the optimizer result when a setting changes, and reckons it again on request', async () => {
    const line = page.getByTestId('optimizer-result');
    const old = (await line.textContent()) ?? '';
    expect(old).toMatch(/可解决 \d+ 位悬空老人/);
    await page.getByLabel('老人年龄').selectOption('80');
    await line.filter({ hasText: '参数已更改，请重新计算' }).waitFor();
    // The old claim is gone: nothing on the page still says it, so it cannot contradict the new figures.
    expect(await line.textContent()).not.toMatch(/可解决 \d+ 位悬空老人/);
    expect(await page.getByTestId('optimizer-chosen').count()).toBe(0);
    await page.getByRole('button', { name: '按新参数重新计算' }).click();
    await line.filter({ hasText: '已选出' }).waitFor();
    expect(await line.textContent()).not.toContain('参数已更改');
    expect(await page.getByTestId('optimizer-chosen').locator('tbody tr').count()).toBeGreaterThan(0);
    // Each household's share on each floor, beside the per-floor chart.
    const shares = page.getByTestId('floor-shares');
    await shares.waitFor();
    expect(await shares.locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await shares.getByTestId('per-household').last().textContent()).toMatch(/¥/);
    await page.getByLabel('老人年龄').selectOption('60');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /elevator retrofit planner/ }).waitFor();
    await page.getByLabel('Pick 2号楼3单元').check();
    await page.waitForTimeout(800); // let the charts draw
    await page.screenshot({ path: path.join(SHOTS_DIR, 'plan-caifu-en.png'), fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: /加装电梯规划/ }).waitFor();
  });

  it('shows staff the pipeline and refuses a move that skips the rules, with the reason', async () => {
    const staff = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signInAs(staff, app.url, 'staff@linli.local', '/retrofit/caifu-xingyuan');
    const table = staff.getByTestId('pipeline-table');
    await table.waitFor();
    expect(await staff.getByTestId('kpi-signed').textContent()).toBe('11');
    const row = table.getByRole('row').filter({ hasText: '6号楼1单元' });
    expect(await row.textContent()).toContain('公示');
    await row.getByRole('button', { name: '详情' }).click();
    await staff.getByTestId('case-detail').waitFor();
    // 详情 opens beside its row: to the right, level with it — not below a table of two dozen rows.
    const rowBox = (await row.boundingBox())!;
    const drawerBox = (await staff.getByTestId('case-detail').boundingBox())!;
    const tableBox = (await table.boundingBox())!;
    expect(drawerBox.x + drawerBox.width).toBeGreaterThan(rowBox.x + rowBox.width / 2);
    expect(drawerBox.x).toBeGreaterThan(rowBox.x);
    expect(drawerBox.y).toBeLessThan(rowBox.y + rowBox.height);
    expect(drawerBox.y + drawerBox.height).toBeGreaterThan(rowBox.y);
    expect(drawerBox.y).toBeLessThan(tableBox.y + tableBox.height);
    await staff.getByRole('button', { name: '确认变更' }).click();
    const error = staff.getByTestId('move-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/公示期至 .* 结束/);
    await staff.waitForTimeout(800);
    await staff.screenshot({ path: path.join(SHOTS_DIR, 'retrofit-caifu-zh.png'), fullPage: true });
    await staff.getByTestId('case-detail').screenshot({ path: path.join(SHOTS_DIR, 'retrofit-caifu-zh-case.png') });
    await staff.evaluate(() => window.scrollTo(0, 0));
    await staff.screenshot({ path: path.join(SHOTS_DIR, 'retrofit-caifu-zh-top.png') });
    await staff.keyboard.press('Escape');
    expect(await staff.getByTestId('case-detail').count()).toBe(0);

    // Stage filters, and 卡住: every case shown under a filter is in that stage, or stuck.
    const filters = staff.getByTestId('stage-filters');
    await filters.getByRole('button', { name: /^表决/ }).click();
    const shown = table.locator('tbody tr');
    expect(await shown.count()).toBeGreaterThan(0);
    for (const text of await shown.allTextContents()) expect(text).toContain('表决');
    const stuck = Number(await staff.getByTestId('kpi-stuck').textContent());
    await filters.getByRole('button', { name: /^卡住/ }).click();
    if (stuck > 0) {
      expect(await shown.count()).toBe(stuck);
      expect(await table.getByTestId('stuck-badge').count()).toBe(stuck);
    } else {
      await staff.getByText('没有符合此筛选的案件。').waitFor();
    }
    expect(await staff.getByTestId('stuck-rule').textContent()).toMatch(/表决 90 天/);
    await filters.getByRole('button', { name: /^全部/ }).click();

    await staff.getByRole('button', { name: 'English' }).click();
    await staff.getByRole('heading', { name: /elevator retrofit pipeline/ }).waitFor();
    await staff.waitForTimeout(800);
    await staff.screenshot({ path: path.join(SHOTS_DIR, 'retrofit-caifu-en.png'), fullPage: true });
    await staff.close();
  });
});
