// Signing in through the real form, shared by the end-to-end tests and the
// twin bench. No `~/` imports: the bench runs this file under tsx.
import type { Page } from 'playwright-core';

/** The demo accounts' password (server/auth/demo-accounts.ts, README). */
const DEMO_PASSWORD = 'linli-demo-2026';

/**
 * Signs `email` in and waits until the app has left the sign-in page for
 * `next`. Form fields are found by name, so this works in either language.
 */
export async function signInAs(
  page: Page,
  appUrl: string,
  email: string,
  next = '/',
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${appUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button.primary[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 60_000 });
}

/**
 * Opens a big-screen link as a wall display does: the link's page, then its one button
 * (a link is redeemed by that POST, never by the GET a chat app's preview sends).
 */
export async function openKioskLink(page: Page, linkUrl: string): Promise<void> {
  await page.goto(linkUrl);
  await page.getByRole('button', { name: '打开大屏 / Open this screen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/screen/k/'), { timeout: 60_000 });
}
