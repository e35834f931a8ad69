// axe-core (through @axe-core/playwright) on the pages each audience opens: the console, the
// ops desk, the big screen and the residents' pages, in Chromium, after their data has drawn.
// A serious or critical WCAG 2 A/AA violation fails, listed with the elements it was found on.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './app-server';
import { signInAs } from './sign-in';

const SLUG = 'caifu-xingyuan';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 4 ? ` … ${v.nodes.length} in all` : ''}`,
    );
}

describe('accessibility (axe-core)', () => {
  const url = inject('appUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds no serious or critical violation on the residents' pages", async () => {
    // AxeBuilder opens pages of its own in the page's context: a context made with newContext().
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of [`/status/${SLUG}`, `/status/${SLUG}/1/1`, `/report/${SLUG}`, `/report/${SLUG}?area=garage`]) {
      await page.goto(`${url}${path}`);
      await page.locator('main').waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
    await context.close();
  }, 120_000);

  it('finds no serious or critical violation on the console, the ops desk and the big screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, url, 'staff@linli.local');
    const found: string[] = [];
    for (const [path, ready] of [
      ['/', '[data-testid="community-card"]'],
      [`/ops/${SLUG}`, '[data-testid="alarm-count"]'],
      [`/screen/${SLUG}`, 'canvas'],
    ] as const) {
      await page.goto(`${url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    expect(found).toEqual([]);
    await context.close();
  }, 240_000);
});
