// The operations desk in real Chromium: two staff consoles see each other's
// acknowledgements live; a resident's report from the public form reaches the
// console's work orders; a flood of reports from one address gets 429.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REFERENCE_ALPHABET } from '~/lib/report-reference';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { adminClient, signIn } from '~/server/simulator/admin-client';
import { signInAs } from './sign-in';
import { postEvents } from '~/test/standalone';
import { launchChromium, SHOTS_DIR } from './app-server';

const SLUG = 'xingyi-huayuan';
const COMMUNITY_NAME = '星怡花园';

async function staffPage(
  browser: Browser,
  url: string,
  locale: 'zh' | 'en' = 'zh',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url }]);
  const page = await context.newPage();
  await signInAs(page, url, 'staff@linli.local', `/ops/${SLUG}`);
  await page.getByTestId('alarm-desk').waitFor({ timeout: 60_000 });
  // The pointer off the alarm list (it was on the sign-in button): nobody is working in the list yet.
  await page.mouse.move(2, 2);
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
    const [smoke] = await adminClient(url, admin).ingest.issueTokens.mutate({
      slug: SLUG,
      classes: ['smoke_detector'],
      limit: 1,
    });
    const a = await staffPage(browser, url);
    const b = await staffPage(browser, url);
    // Seeded smoke alarms read "烟感报警" too (alarms are named by kind): the new one is the row not there before.
    const smokeRows = a.page.locator('tr[data-state="open"]', { hasText: '烟感报警' });
    await a.page.locator('tr[data-testid^="alarm-"]').first().waitFor({ timeout: 30_000 });
    const existing = new Set(await smokeRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid'))));
    const res = await postEvents(url, smoke!.token, [
      { id: `ops-e2e-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } },
    ]);
    expect(res.status).toBe(200);
    // The new alarm reaches both desks live.
    let testId: string | null | undefined;
    const deadline = Date.now() + 30_000;
    while (!testId && Date.now() < deadline) {
      const ids = await smokeRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
      testId = ids.find((id) => !existing.has(id));
      if (!testId) await a.page.waitForTimeout(200);
    }
    if (!testId) throw new Error('the new smoke alarm did not reach the desk');
    // Pinned by id: the list re-sorts as alarms arrive.
    const rowA = a.page.getByTestId(testId!);
    const rowB = b.page.getByTestId(testId!);
    await rowB.and(b.page.locator('[data-state="open"]')).waitFor({ timeout: 30_000 });
    await a.page.screenshot({ path: path.join(SHOTS_DIR, 'ops-desk-zh.png'), fullPage: true });
    await a.page.screenshot({ path: path.join(SHOTS_DIR, 'ops-desk-zh-1440x900.png') });

    await rowA.getByRole('button', { name: '确认', exact: true }).click();
    const ownRow = a.page.getByTestId(testId!).and(a.page.locator('[data-state="acknowledged"]'));
    await ownRow.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      throw new Error(
        `console A did not acknowledge: ${await a.page.locator('[role="alert"]').allTextContents()} ${String(error)}`,
      );
    });
    await rowB.and(b.page.locator('[data-state="acknowledged"]')).waitFor({ timeout: 15_000 });
    expect(await rowB.getByTestId('alarm-state').textContent()).toBe('已确认');
    await a.context.close();
    await b.context.close();
  });

  it(
    'tells the seed story: a garage fire alarm arrives live, is acknowledged, becomes a work order, is closed, and the rates move',
    { timeout: 240_000 },
    async () => {
      const admin = adminClient(url, await signIn(url, 'admin@linli.local', DEMO_PASSWORD));
      // A detector in the garage row south of 14号楼西单元, where the seed's e-bike fire was (the first test uses detector 1).
      const detectors = await admin.device.list.query({ slug: SLUG, class: 'smoke_detector', limit: 1000 });
      const detector = detectors.items.find((d) => d.name === '14号楼南侧车库烟感3');
      expect(detector).toBeDefined();
      const [token] = await admin.ingest.issueTokens.mutate({ slug: SLUG, codes: [detector!.code] });
      const screenBefore = (await admin.screen.community.query({ slug: SLUG })).panels.workOrders;

      const duty = await staffPage(browser, url);
      const other = await staffPage(browser, url);
      const { page } = duty;
      // 14号楼 is in the second grid (buildings 9–16).
      const gridRow = (p: Page) => p.locator('[data-testid="rates"] tr[data-grid="第二综合网格"]');
      const readRates = async (p: Page) => {
        const row = gridRow(p);
        await row.waitFor({ timeout: 30_000 });
        const cell = async (name: string) => {
          const text = (await row.getByTestId(`rate-${name}`).textContent())!.trim();
          const m = /^(.+)（(\d+)\/(\d+)）$/.exec(text);
          if (!m) throw new Error(`unexpected ${name} cell: ${text}`);
          return { text, n: Number(m[2]), d: Number(m[3]) };
        };
        return {
          completion: await cell('completion'),
          resolution: await cell('resolution'),
          satisfaction: await cell('satisfaction'),
        };
      };
      const pct = new Intl.NumberFormat('zh-CN', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      const shown = (n: number, d: number) => `${pct.format(n / d)}（${n}/${d}）`;
      const waitRate = async (p: Page, name: string, text: string) => {
        await gridRow(p)
          .getByTestId(`rate-${name}`)
          .filter({ hasText: text })
          .waitFor({ timeout: 30_000 })
          .catch(async (error: unknown) => {
            throw new Error(
              `${name} shows ${await gridRow(p).getByTestId(`rate-${name}`).textContent()}, expected ${text}: ${String(error)}`,
            );
          });
      };
      const before = await readRates(page);

      // The fire: clear the detector first (other runs may have left it raised), then smoke.
      const existing = new Set(
        await page
          .locator('tr[data-testid^="alarm-"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid'))),
      );
      expect(
        (
          await postEvents(url, token!.token, [
            { id: `story-clear-${Date.now()}`, kind: 'reading', at: Date.now() - 1000, data: { smoke: false } },
          ])
        ).status,
      ).toBe(200);
      expect(
        (
          await postEvents(url, token!.token, [
            { id: `story-fire-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } },
          ])
        ).status,
      ).toBe(200);
      // The alarm reads its kind, "烟感报警", with the detector's name under it; the new one is the row not there before.
      const arrived = page
        .locator('tr[data-state="open"]')
        .filter({ hasText: '烟感报警' })
        .filter({ hasText: '14号楼南侧车库烟感3' });
      const deadline = Date.now() + 30_000;
      let alarmTestId: string | undefined;
      while (!alarmTestId && Date.now() < deadline) {
        const ids = await arrived.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
        alarmTestId = ids.find((id) => !existing.has(id));
        if (!alarmTestId) await page.waitForTimeout(200);
      }
      if (!alarmTestId) throw new Error('the garage fire alarm did not reach the desk');
      const alarmRow = page.getByTestId(alarmTestId);
      expect(await alarmRow.textContent()).toContain('紧急');

      // The duty officer acknowledges it; the other console sees it without reload.
      await alarmRow.getByRole('button', { name: '确认', exact: true }).click();
      await alarmRow.and(page.locator('[data-state="acknowledged"]')).waitFor({ timeout: 15_000 });
      await other.page
        .getByTestId(alarmTestId)
        .and(other.page.locator('[data-state="acknowledged"]'))
        .waitFor({ timeout: 15_000 });

      // One click opens the work order, shown in the detail panel with the legal moves only.
      await alarmRow.getByRole('button', { name: '生成工单' }).click();
      const detail = page.getByTestId('wo-detail');
      await detail.and(page.locator('[data-state="pending"]')).waitFor({ timeout: 15_000 });
      const code = (await detail.getAttribute('data-code'))!;
      expect(code).toMatch(/^W-[A-Z2-9]{8}$/);
      expect(await detail.textContent()).toContain('烟感报警处置');
      expect(await detail.textContent()).toContain('烟感报警（14号楼南侧车库烟感3）');
      expect(await detail.getByTestId('wo-moves').getByRole('button').allTextContents()).toEqual([
        '受理',
        '退回',
        '转派',
      ]);
      await alarmRow.getByRole('button', { name: `工单 ${code}` }).waitFor({ timeout: 15_000 });
      // Received, not finished: the completion rate drops at once, here and in the other console.
      await waitRate(page, 'completion', shown(before.completion.n, before.completion.d + 1));
      await waitRate(other.page, 'completion', shown(before.completion.n, before.completion.d + 1));
      await other.page.getByTestId(`wo-${code}`).waitFor({ timeout: 15_000 });

      const moveTo = async (label: string, state: string, fill?: () => Promise<void>) => {
        await detail.getByTestId('wo-moves').getByRole('button', { name: label, exact: true }).click();
        await fill?.();
        await detail.getByRole('button', { name: `确认${label}` }).click();
        await detail
          .and(page.locator(`[data-state="${state}"]`))
          .waitFor({ timeout: 15_000 })
          .catch(async (error: unknown) => {
            throw new Error(
              `${label} did not reach ${state}: ${await detail.locator('[role="alert"]').allTextContents()} ${String(error)}`,
            );
          });
      };
      await moveTo('受理', 'accepted', () =>
        detail.locator('input[name="beforePhoto"]').fill('oss://linli/xy/14-garage-before.jpg'),
      );
      await moveTo('办结', 'done', async () => {
        await detail.locator('input[name="afterPhoto"]').fill('oss://linli/xy/14-garage-after.jpg');
        await detail.locator('input[name="note"]').fill('明火已扑灭，涉事电动车已移出车库');
      });
      expect(await detail.getByTestId('photos-before').textContent()).toBe('oss://linli/xy/14-garage-before.jpg');
      expect(await detail.getByTestId('photos-after').textContent()).toBe('oss://linli/xy/14-garage-after.jpg');
      await waitRate(page, 'completion', shown(before.completion.n + 1, before.completion.d + 1));

      // A return visit without the answers is refused with the server's reason, and nothing moves.
      await detail.getByTestId('wo-moves').getByRole('button', { name: '回访', exact: true }).click();
      await detail.getByRole('button', { name: '确认回访' }).click();
      expect(await detail.getByTestId('wo-error').textContent({ timeout: 15_000 })).toBe('回访须记录满意度和是否解决');
      expect(await detail.getAttribute('data-state')).toBe('done');
      await detail.getByLabel('已解决').check();
      await detail.locator('input[name="satisfaction"][value="5"]').check();
      await detail.locator('input[name="note"]').fill('电话回访，住户满意');
      await detail.getByRole('button', { name: '确认回访' }).click();
      await detail.and(page.locator('[data-state="return_visit"]')).waitFor({ timeout: 15_000 });
      await moveTo('关闭', 'closed');
      expect(await detail.getByTestId('wo-moves').getByRole('button').count()).toBe(0);
      expect(await detail.getByTestId('wo-trail').locator('li').count()).toBe(5);

      // What the duty officer sees, and the other console without reload.
      const after = {
        completion: shown(before.completion.n + 1, before.completion.d + 1),
        resolution: shown(before.resolution.n + 1, before.resolution.d + 1),
        satisfaction: shown(before.satisfaction.n + 1, before.satisfaction.d + 1),
      };
      for (const p of [page, other.page]) {
        for (const [name, text] of Object.entries(after)) await waitRate(p, name, text);
      }
      await other.page
        .getByTestId(`wo-${code}`)
        .and(other.page.locator('[data-state="closed"]'))
        .waitFor({ timeout: 15_000 });
      const now = await readRates(page);
      expect([before.completion.text, before.resolution.text, before.satisfaction.text]).not.toEqual([
        now.completion.text,
        now.resolution.text,
        now.satisfaction.text,
      ]);
      await page.getByTestId('wo-detail').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS_DIR, 'ops-story-zh.png') });

      // The big screen's rates read the same table: one more order, one more finished, visited and satisfied.
      const screenAfter = (await admin.screen.community.query({ slug: SLUG })).panels.workOrders;
      expect(screenAfter.total).toBe(screenBefore.total + 1);
      expect(screenAfter.completionRate).not.toBe(screenBefore.completionRate);
      expect(screenAfter.satisfactionRate).not.toBe(screenBefore.satisfactionRate);
      await duty.context.close();
      await other.context.close();
    },
  );

  it(
    'holds a new alarm behind a banner while the list is worked in, opens its detail beside the list, and names people',
    { timeout: 180_000 },
    async () => {
      const admin = adminClient(url, await signIn(url, 'admin@linli.local', DEMO_PASSWORD));
      // A detector the other tests leave alone.
      const detectors = await admin.device.list.query({ slug: SLUG, class: 'smoke_detector', limit: 1000 });
      const detector = detectors.items[10]!;
      const [token] = await admin.ingest.issueTokens.mutate({ slug: SLUG, codes: [detector.code] });
      const cleared = await postEvents(url, token!.token, [
        { id: `banner-clear-${Date.now()}`, kind: 'reading', at: Date.now() - 1000, data: { smoke: false } },
      ]);
      expect(cleared.status).toBe(200);

      const { page, context } = await staffPage(browser, url);
      const rows = page.locator('tr[data-testid^="alarm-"]');
      await rows.nth(2).waitFor({ timeout: 30_000 });
      const ids = () => rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-testid')!));
      // The operator's pointer rests on the second row, about to click it.
      const worked = (await rows.nth(1).getAttribute('data-testid'))!;
      await page.getByTestId(worked).locator('td').nth(2).hover();
      const before = { ids: await ids(), box: await page.getByTestId(worked).boundingBox() };

      const raised = await postEvents(url, token!.token, [
        { id: `banner-fire-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } },
      ]);
      expect(raised.status).toBe(200);
      // Announced in a live region, not inserted: the row under the pointer has not moved.
      const banner = page.getByTestId('alarm-banner');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.textContent()).toMatch(/有 \d+ 条新告警.*查看/);
      expect(await page.locator('[role="status"][aria-live="polite"]', { has: banner }).count()).toBe(1);
      expect(await ids()).toEqual(before.ids);
      expect(await page.getByTestId(worked).boundingBox()).toEqual(before.box);

      // 查看 merges them in and brings the new alarm into view.
      await banner.click();
      const arrived = page.locator('tr[data-state="open"]').filter({ hasText: detector.name });
      await arrived.first().waitFor({ timeout: 15_000 });
      const newId = (await arrived.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-testid')!))).find(
        (id) => !before.ids.includes(id),
      );
      expect(newId).toBeDefined();
      const row = page.getByTestId(newId!);
      expect(await row.isVisible()).toBe(true);
      expect(await banner.count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS_DIR, 'ops-banner-merged-zh.png') });

      // Detail opens beside the list, with focus in it.
      await row.locator('button[aria-controls="alarm-drawer"]').click();
      const drawer = page.getByRole('dialog');
      await drawer.waitFor();
      const list = (await page.getByTestId('alarm-list').boundingBox())!;
      const side = (await drawer.boundingBox())!;
      expect(side.x).toBeGreaterThanOrEqual(list.x + list.width - 1);
      expect(side.y).toBeLessThan(list.y + list.height);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('alarm-drawer-h');
      // Acknowledged here, the alarm is the operator's: shown by name, never an e-mail address.
      await drawer.getByRole('button', { name: '确认', exact: true }).click();
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="drawer-assignee"]')?.textContent ?? '—') !== '—',
        undefined,
        { timeout: 15_000 },
      );
      const name = (await drawer.getByTestId('drawer-assignee').textContent())!;
      expect(name).toBe('演示工作人员');
      expect(await row.getByTestId('alarm-assignee').textContent()).toBe(name);
      await drawer.getByTestId('alarm-trail').locator('li').first().waitFor({ timeout: 15_000 });
      expect(await drawer.getByTestId('alarm-trail').textContent()).toContain(name);
      expect(await page.getByTestId('alarm-desk').textContent()).not.toContain('@');
      expect(await drawer.textContent()).not.toContain('@');
      await page.screenshot({ path: path.join(SHOTS_DIR, 'ops-drawer-zh-1440x900.png') });

      // Escape closes it and focus goes back to the row that opened it.
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-controls') === 'alarm-drawer');
      await context.close();
    },
  );

  it("brings a resident's report from the public form into the console's work orders", async () => {
    const resident = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const form = await resident.newPage();
    await form.goto(`${url}/report/${SLUG}`);
    await form.screenshot({ path: path.join(SHOTS_DIR, 'report-form-zh.png'), fullPage: true });
    // Where first: a building (then its unit) or a shared area, so nobody scrolls a list of every unit.
    await form
      .getByTestId('report-building')
      .locator('select[name="building"] option')
      .nth(1)
      .waitFor({ state: 'attached' });
    await form.getByTestId('report-areas').getByRole('link', { name: '地下车库' }).click();
    await form.getByTestId('report-where').waitFor();
    await form.locator('select[name="category"]').selectOption('电动车违停');
    await form.locator('textarea[name="description"]').fill('14号楼西单元南侧车库入口有电动车充电');
    await form.locator('button.primary[type="submit"]').click();
    const reference = (await form
      .getByTestId('report-reference')
      .textContent({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(
          `no reference after submitting: at ${form.url()}, page says "${(
            await form
              .locator('main')
              .textContent()
              .catch(() => '')
          )?.slice(0, 300)}" (${String(error)})`,
        );
      }))!.trim();
    expect(reference).toMatch(new RegExp(`^R-[${REFERENCE_ALPHABET}]{8}$`));
    expect(await form.getByTestId('report-state').textContent()).toBe('待受理');
    // The thanks name the community that received the report.
    expect(await form.getByRole('status').textContent()).toContain(COMMUNITY_NAME);
    // The public status page carries no description or place.
    expect(await form.content()).not.toContain('南侧车库入口');
    await form.screenshot({ path: path.join(SHOTS_DIR, 'report-status-zh.png'), fullPage: true });

    // Days later, on the community's status page: the reference typed as a resident would finds the report.
    await form.goto(`${url}/status/${SLUG}`);
    const lookup = form.getByTestId('report-lookup');
    await lookup.locator('input[name="ref"]').fill(` ${reference.slice(2).toLowerCase()} `);
    await lookup.getByRole('button').click();
    await form.waitForURL(new RegExp(`/report/${SLUG}/${reference}$`));
    expect(await form.getByTestId('report-reference').textContent()).toBe(reference);
    // A reference that does not exist: a 404 that offers the box again.
    const missing = await form.goto(`${url}/report/${SLUG}/track?ref=R-AAAAAAAA`);
    expect(missing?.status()).toBe(404);
    expect(await form.getByTestId('report-lookup').count()).toBe(1);
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
    await en.page.getByTestId('rates').waitFor();
    // Work-order words are translated, not left in Chinese.
    await en.page.getByTestId('filter-source').selectOption('hotline_12345');
    const first = en.page.locator('[data-testid="work-orders"] tbody tr').first();
    await first.locator('td', { hasText: '12345 hotline' }).waitFor({ timeout: 15_000 });
    expect(await en.page.getByTestId('work-orders').textContent()).not.toMatch(/待受理|已办结|已关闭|12345热线/);
    await first.getByRole('button').click();
    await en.page.getByTestId('wo-detail').waitFor();
    await en.page.screenshot({ path: path.join(SHOTS_DIR, 'ops-desk-en-1440x900.png') });
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
