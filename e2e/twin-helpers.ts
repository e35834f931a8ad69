// Shared by the twin's end-to-end test and its bench: sign in as staff, and
// wait for the scene to have drawn in bench mode. Both read window.__linliBench,
// which the twin publishes only in bench mode (?bench=1: app/_scene/bench/).
// No `~/` imports: the bench runs this file under tsx, which does not resolve the alias.
import type { Page } from 'playwright-core';
import { signInAs } from './sign-in';

/** The demo staff account (server/auth/demo-accounts.ts, README). */
export function signInAsStaff(page: Page, appUrl: string, password?: string): Promise<void> {
  return signInAs(page, appUrl, 'staff@linli.local', '/', password);
}

/** Waits until bench mode has rendered a few frames of the whole scene. */
export async function waitForBenchFrames(page: Page, frames = 4, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (n) => (window.__linliBench?.ready ?? false) && (window.__linliBench?.frames ?? 0) >= n,
    frames,
    { timeout, polling: 250 },
  );
}

export type BenchSnapshot = {
  drawCalls: number;
  triangles: number;
  frames: number;
  heapBytes: number | null;
  markers: number;
};

export function readBench(page: Page): Promise<BenchSnapshot> {
  return page.evaluate(() => {
    const b = window.__linliBench;
    if (!b) throw new Error('no bench probe on this page');
    return {
      drawCalls: b.drawCalls,
      triangles: b.triangles,
      frames: b.frames,
      heapBytes: b.heapBytes,
      markers: b.markers,
    };
  });
}
