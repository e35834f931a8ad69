// Live data through the real Next app: a device posts to /api/ingest with its
// own token and the change arrives over the tRPC SSE subscription; the console
// shows its live connection badge.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import type { LiveMessage } from '~/server/live/types';
import { adminClient, signIn } from '~/server/simulator/admin-client';
import { postEvents, subscriptionClient } from '~/test/standalone';
import { launchChromium } from './app-server';
import { signInAs } from './sign-in';

describe('live data in the Next app', () => {
  const url = inject('appUrl');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a device without a valid token', async () => {
    const res = await postEvents(url, 'ldt_not-a-real-token-at-all', [
      { id: 'x', kind: 'heartbeat', at: Date.now(), data: {} },
    ]);
    expect(res.status).toBe(401);
  });

  it('delivers an ingested smoke alarm to a subscriber over SSE', { timeout: 120_000 }, async () => {
    const admin = await signIn(url, 'admin@linli.local', DEMO_PASSWORD);
    const [smoke] = await adminClient(url, admin).ingest.issueTokens.mutate({
      slug: 'jinghu',
      classes: ['smoke_detector'],
      limit: 1,
    });
    const staff = await signIn(url, 'staff@linli.local', DEMO_PASSWORD);
    const received: LiveMessage[] = [];
    const sub = subscriptionClient(url, staff).live.community.subscribe(
      { slug: 'jinghu' },
      { onData: (m) => received.push(m.data) },
    );
    try {
      // Separate waits: on a busy machine the 11,786-device snapshot alone can take a while.
      const snapshotDeadline = Date.now() + 60_000;
      while (!received.some((m) => m.type === 'snapshot') && Date.now() < snapshotDeadline)
        await new Promise((r) => setTimeout(r, 50));
      const snapshot = received.find((m) => m.type === 'snapshot');
      expect(snapshot?.type === 'snapshot' && Object.values(snapshot.statuses).flat().length).toBe(11_786);
      // Other end-to-end files share this server and may have left this detector
      // in alarm already; clear it first so raising it is a change a frame carries.
      const clear = await postEvents(url, smoke!.token, [
        { id: `e2e-clear-${Date.now()}`, kind: 'reading', at: Date.now() - 1000, data: { smoke: false } },
      ]);
      expect(clear.status).toBe(200);
      const res = await postEvents(url, smoke!.token, [
        { id: `e2e-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } },
      ]);
      expect(res.status).toBe(200);
      const seen = () =>
        received.some((m) => m.type === 'frame' && m.devices.some(([id, s]) => id === smoke!.id && s === 'alarm'));
      const deadline = Date.now() + 30_000;
      while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(seen()).toBe(true);
    } finally {
      sub.unsubscribe();
    }
  });

  it('shows staff a live connection badge on the console', async () => {
    const page = await browser.newPage();
    await signInAs(page, url, 'staff@linli.local');
    const badge = page.getByTestId('live-badge');
    await badge.and(page.locator('[data-state="live"]')).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('live-alarm').textContent()).toMatch(/告警 \d+/);
    await page.close();
  });
});
