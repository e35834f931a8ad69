// The big screen left running: one hour of events at 10× the simulator's
// normal 5 events/s (180,000 events), compressed into ~2.5 minutes of ingest
// through the real app, while a 1920×1080 community screen watches. Reports
// JS heap (after gc), event listeners and DOM nodes at start and end; the
// screen must not grow (target: heap ≤ +10 %). "Start" is taken after a
// 30-second warm-up under the same load: the first minute of any page
// allocates once (compiled code, the first refetch, ECharts' first update
// paths), which is not growth; the cold figure is reported beside it.
import type { CDPSession, Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './types';

const NORMAL_RATE = 5;
const EVENTS = NORMAL_RATE * 10 * 3600;
const DRIVE_MS = 150_000;
const BATCH = 250;

type Sample = { heapMb: number; listeners: number; nodes: number };

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
  await page.waitForTimeout(500);
  await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? Number.NaN;
  return { heapMb: m('JSHeapUsedSize') / 1_048_576, listeners: m('JSEventListeners'), nodes: m('Nodes') };
}

export async function screenSoakBench(ctx: BenchContext): Promise<BenchRow[]> {
  const { launchChromium, startApp } = await import('../e2e/app-server');
  const { openKioskLink } = await import('../e2e/sign-in');
  const { adminClient, signIn } = await import('../server/simulator/admin-client');
  const { DEMO_PASSWORD } = await import('../server/auth/demo-accounts');
  const { postEvents } = await import('../test/standalone');
  const { eventsFor } = await import('./ingest-load');
  const app = await startApp();
  const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  try {
    const admin = adminClient(app.url, await signIn(app.url, 'admin@linli.local', DEMO_PASSWORD));
    const link = await admin.kiosk.create.mutate({ slug: 'jinghu', label: 'soak bench' });
    const devices = await admin.ingest.issueTokens.mutate({
      slug: 'jinghu',
      classes: ['smoke_detector', 'environment'],
      perClass: 100,
      limit: 200,
    });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openKioskLink(page, `${app.url}${link.path}`);
    await page.getByTestId('screen-connection').and(page.locator('[data-state="live"]')).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(5000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cold = await sample(page, cdp);
    const perMs = EVENTS / DRIVE_MS;
    let batchNo = 0;
    // Sends `total` events at the soak rate; two senders keep the ingest busy without outrunning 2 cores.
    const driveFor = async (total: number) => {
      const t0 = Date.now();
      let sent = 0;
      const sender = async () => {
        while (sent < total) {
          const device = devices[batchNo++ % devices.length]!;
          sent += BATCH;
          const res = await postEvents(app.url, device.token, eventsFor(device, BATCH));
          if (!res.ok) throw new Error(`ingest refused a batch: ${res.status}`);
          const ahead = sent / perMs - (Date.now() - t0);
          if (ahead > 0) await new Promise((r) => setTimeout(r, ahead));
        }
      };
      await Promise.all([sender(), sender()]);
      return sent;
    };
    await driveFor(perMs * 30_000);
    const start = await sample(page, cdp);
    ctx.log(`  soak cold: ${JSON.stringify(cold)}; after warm-up: ${JSON.stringify(start)}`);
    const frames = () =>
      page.evaluate(() =>
        Number((document.querySelector('[data-testid="screen-twin"]') as HTMLElement | null)?.dataset.tourFrames ?? 0),
      );
    const framesAtStart = await frames();
    const started = Date.now();
    // The hour in five slices, sampling between them, so a trend shows apart from noise.
    const trend: number[] = [];
    let sent = 0;
    for (let slice = 0; slice < 5; slice++) {
      sent += await driveFor(EVENTS / 5);
      trend.push((await sample(page, cdp)).heapMb);
    }
    const driveS = (Date.now() - started) / 1000;
    // The camera tour orbits all the while; its frames are timer-paced (≤ 15 fps), so this says what the orbit costs.
    const tourFps = ((await frames()) - framesAtStart) / driveS;
    await page.waitForTimeout(5000);
    const end = await sample(page, cdp);
    ctx.log(`  soak end after ${sent} events in ${driveS.toFixed(0)} s: ${JSON.stringify(end)}`);
    const note = `${sent} events in ${driveS.toFixed(0)} s (1 h at 10×); cold ${cold.heapMb.toFixed(1)} MB; per fifth ${trend.map((h) => h.toFixed(1)).join(' ')}; tour ${tourFps.toFixed(1)} frames/s`;
    return [
      {
        name: 'screen soak: JS heap end/start',
        engine: 'chromium',
        n: 1,
        p50Ms: end.heapMb / start.heapMb,
        p95Ms: end.heapMb / start.heapMb,
        targetMs: 1.1,
        unit: '×',
        note: `${start.heapMb.toFixed(1)} → ${end.heapMb.toFixed(1)} MB; ${note}`,
      },
      {
        name: 'screen soak: event listeners end − start',
        engine: 'chromium',
        n: 1,
        p50Ms: end.listeners - start.listeners,
        p95Ms: end.listeners - start.listeners,
        targetMs: 0,
        unit: 'listeners',
        note: `${start.listeners} → ${end.listeners}`,
      },
      {
        name: 'screen soak: DOM nodes end − start',
        engine: 'chromium',
        n: 1,
        p50Ms: end.nodes - start.nodes,
        p95Ms: end.nodes - start.nodes,
        targetMs: 0,
        unit: 'nodes',
        note: `${start.nodes} → ${end.nodes}`,
      },
    ];
  } finally {
    await browser.close();
    await app.stop();
  }
}
