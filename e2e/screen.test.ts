// The big screen (一屏统管) and the district map in real Chromium, opened the
// way a wall display opens them: through an admin's one-time kiosk link.
import { mkdirSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '~/server/auth/demo-accounts';
import { adminClient, signIn } from '~/server/simulator/admin-client';
import { postEvents } from '~/test/standalone';
import { launchChromium, SHOTS_DIR } from './app-server';
import { openKioskLink } from './sign-in';

/**
 * A TCP relay to the app. cut() drops every open connection and refuses new ones until restore(), as a
 * dropped network or a server going away would. hold() goes silent instead, as a link that died without a
 * word (a NAT timeout, a cable pulled further away): open connections stay open but carry nothing, and new
 * ones are accepted and left hanging; release() then resets them all, as the first packet through would.
 */
async function tcpRelay(target: URL): Promise<{
  url: string;
  cut: () => void;
  restore: () => void;
  hold: () => void;
  release: () => void;
  close: () => Promise<void>;
}> {
  const open = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let down = false;
  let held = false;
  const silence = ([client, upstream]: [Socket, Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const server = createServer((client) => {
    if (down) return void client.destroy();
    client.on('error', () => {});
    open.add(client);
    client.on('close', () => open.delete(client));
    if (held) return;
    const upstream = connect(Number(target.port), target.hostname);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    open.add(upstream);
    upstream.on('error', () => {});
    for (const s of pair) {
      s.on('close', () => {
        pairs.delete(pair);
        open.delete(client);
        open.delete(upstream);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => {
    for (const s of open) s.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: () => {
      down = true;
      dropAll();
    },
    restore: () => {
      down = false;
    },
    hold: () => {
      held = true;
      for (const pair of pairs) silence(pair);
    },
    release: () => {
      held = false;
      dropAll();
    },
    close: () => {
      dropAll();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

// 荆胡 has no elevator retrofit case: its screen leaves that tile out rather than drawing it empty.
const PANELS = ['urgent', 'devices', 'throwing', 'ebike', 'patrol', 'work-orders', 'ticker'];
const WITH_RETROFIT = [...PANELS, 'retrofit'];

describe('big screen and district map', () => {
  const url = inject('appUrl');
  let browser: Browser;
  let admin: ReturnType<typeof adminClient>;
  beforeAll(async () => {
    browser = await launchChromium();
    admin = adminClient(url, await signIn(url, 'admin@linli.local', DEMO_PASSWORD));
    mkdirSync(SHOTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a kiosk link as a wall display does: the link's page, then its one button. */
  async function openLink(page: Page, origin: string, link: { path: string; screen: string }): Promise<void> {
    await openKioskLink(page, `${origin}${link.path}`);
    expect(page.url()).toBe(`${origin}${link.screen}`);
  }

  async function kioskPage(slug: string | undefined, width: number, height: number): Promise<Page> {
    const link = await admin.kiosk.create.mutate({ slug, label: `e2e ${width}` });
    const page = await browser.newPage({ viewport: { width, height } });
    await openLink(page, url, link);
    return page;
  }

  async function assertLayout(page: Page, width: number, height: number, panels = PANELS) {
    for (const id of panels) await page.getByTestId(`panel-${id}`).waitFor({ timeout: 60_000 });
    // Charts draw into canvases once ECharts has loaded.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="panel-"] canvas').length >= 1, null, {
      timeout: 30_000,
    });
    const boxes = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const el = document.querySelector(`[data-testid="panel-${id}"]`) as HTMLElement;
          const r = el.getBoundingClientRect();
          return {
            id,
            x: r.x,
            y: r.y,
            right: r.right,
            bottom: r.bottom,
            w: r.width,
            h: r.height,
            sw: el.scrollWidth,
            cw: el.clientWidth,
            text: el.innerText.length,
          };
        }),
      panels,
    );
    for (const b of boxes) {
      expect(b.x, b.id).toBeGreaterThanOrEqual(0);
      expect(b.y, b.id).toBeGreaterThanOrEqual(0);
      expect(b.right, b.id).toBeLessThanOrEqual(width + 0.5);
      expect(b.bottom, b.id).toBeLessThanOrEqual(height + 0.5);
      expect(b.h, b.id).toBeGreaterThan(height * 0.05);
      expect(b.sw, b.id).toBeLessThanOrEqual(b.cw);
      expect(b.text, b.id).toBeGreaterThan(3);
    }
    // The screen fills the viewport and leaves the middle to the twin or the map.
    const fill = await page.evaluate(() => {
      const screen = document.querySelector('[data-testid="screen"]')!.getBoundingClientRect();
      const centre = document.querySelector('[data-testid="screen-centre"]')!.getBoundingClientRect();
      return { w: screen.width, h: screen.height, centreW: centre.width, centreH: centre.height };
    });
    expect(fill.w).toBeGreaterThanOrEqual(width - 1);
    expect(fill.h).toBeGreaterThanOrEqual(height - 1);
    expect(fill.centreW).toBeGreaterThan(width * 0.4);
    expect(fill.centreH).toBeGreaterThan(height * 0.6);
    const doc = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      sh: document.documentElement.scrollHeight,
    }));
    expect(doc.sw).toBeLessThanOrEqual(width);
    expect(doc.sh).toBeLessThanOrEqual(height);
  }

  /** Share of an element's screenshot that is not its most common colour: something was drawn. */
  async function drawnShare(page: Page, testId: string): Promise<number> {
    const png = (await page.getByTestId(testId).screenshot()).toString('base64');
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < d.length; i += 16) {
        const k = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const top = Math.max(...counts.values());
      const total = d.length / 16;
      return (total - top) / total;
    }, png);
  }

  type Sizes = { title: number; ticker: number; figure: number; heading: number };
  /** Computed font sizes, in px, of a panel title, a ticker line, a KPI figure and the screen's heading. */
  const fontSizes = (page: Page): Promise<Sizes> =>
    page.evaluate(() => {
      const px = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) throw new Error(`no ${sel}`);
        return parseFloat(getComputedStyle(el).fontSize);
      };
      return {
        title: px('[data-testid="panel-urgent"] h2'),
        ticker: px('[data-testid="ticker"] li'),
        figure: px('[data-testid="urgent-critical"] b'),
        heading: px('[data-testid="screen"] h1'),
      };
    });
  const double = (s: Sizes): Sizes => ({
    title: s.title * 2,
    ticker: s.ticker * 2,
    figure: s.figure * 2,
    heading: s.heading * 2,
  });
  let fontsAt1080: Sizes | undefined;

  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`fills every panel without overflow at ${width}×${height}`, async () => {
      const page = await kioskPage('jinghu', width, height);
      await assertLayout(page, width, height);
      await page.getByTestId('screen-connection').and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="screen-twin"] canvas'), null, {
        timeout: 60_000,
      });
      // 4K: the twin's drawing buffer stays within 4096×4096 (DPR 1).
      const canvas = await page.evaluate(() => {
        const c = document.querySelector('[data-testid="screen-twin"] canvas') as HTMLCanvasElement;
        return { w: c.width, h: c.height };
      });
      expect(canvas.w).toBeLessThanOrEqual(4096);
      expect(canvas.h).toBeLessThanOrEqual(4096);
      await page.waitForTimeout(1500);
      expect(await drawnShare(page, 'screen')).toBeGreaterThan(0.1);
      // Readable from five metres: titles and ticker at least 28 px at 1080p, and exactly twice that at 4K.
      const scale = width / 1920;
      const sizes = await fontSizes(page);
      expect(sizes.title).toBeGreaterThanOrEqual(28 * scale);
      expect(sizes.ticker).toBeGreaterThanOrEqual(28 * scale);
      expect(sizes.figure).toBeGreaterThan(sizes.title);
      if (width === 1920) fontsAt1080 = sizes;
      else expect(sizes).toEqual(double(fontsAt1080!));
      // 紧急/重要 have their own tile, in numbers; jinghu has no retrofit case, so no retrofit tile.
      await expect.poll(() => page.getByTestId('urgent-critical').innerText()).toMatch(/^\d+\s*紧急$/);
      await expect.poll(() => page.getByTestId('urgent-major').innerText()).toMatch(/^\d+\s*重要$/);
      expect(await page.getByTestId('panel-retrofit').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS_DIR, `screen-jinghu-${width}.png`) });
      await page.close();
    }, 240_000);
  }

  /** Raises a fresh smoke alarm in `slug` through the ingest API, from a detector with no open alarm (an open alarm is raised only once). */
  /**
   * Waits until a screen is live with everything loaded (the twin's models, the charts' scripts), as on a
   * screen that has been running: a script or model cut off mid-download is the error page's business, not
   * the connection tests'. Marks the page so a test can tell it was not reloaded; returns the banner.
   */
  async function screenRunning(page: Page) {
    const banner = page.getByTestId('screen-connection');
    await banner.and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
    await page.getByTestId('screen-twin').locator('canvas').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="panel-"] canvas').length >= 1, null, {
      timeout: 30_000,
    });
    await page.waitForTimeout(2_000);
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    return banner;
  }

  /** Waits until the banner says the live connection is down (reconnecting, or given up for now). */
  async function connectionLost(page: Page, timeout: number): Promise<void> {
    await page.waitForFunction(
      () =>
        ['reconnecting', 'error'].includes(
          document.querySelector('[data-testid="screen-connection"]')?.getAttribute('data-state') ?? '',
        ),
      null,
      { timeout },
    );
  }

  async function raiseSmoke(slug: string): Promise<void> {
    const open = new Set((await admin.alarm.list.query({ slug, limit: 500 })).map((a) => a.deviceId));
    const tokens = await admin.ingest.issueTokens.mutate({ slug, classes: ['smoke_detector'], limit: 200 });
    const smoke = tokens.find((d) => !open.has(d.id));
    const res = await postEvents(url, smoke!.token, [
      { id: `screen-e2e-${Date.now()}`, kind: 'reading', at: Date.now(), data: { smoke: true } },
    ]);
    expect(res.status).toBe(200);
  }

  /** Waits until the ticker shows a new smoke alarm (its list differs from `before`); the issue allows 5 s. */
  async function waitForSmokeInTicker(page: Page, before: string[]) {
    await page.waitForFunction(
      (n) => {
        const items = [...document.querySelectorAll('[data-testid="ticker"] li[data-event^="a"]')].map(
          (li) => li.textContent ?? '',
        );
        return items.some((t) => t.includes('烟感')) && items.join('|') !== n;
      },
      before.join('|'),
      { timeout: 5_000 },
    );
  }

  type Probe = {
    target: string;
    phase: string;
    azimuth: number;
    camera: number[];
    centre: number[];
    paused: string;
    label: string;
  };
  const probe = (page: Page): Promise<Probe> =>
    page.evaluate(() => {
      const el = document.querySelector('[data-testid="screen-twin"]') as HTMLElement;
      const nums = (s: string | undefined) => (s ? s.split(',').map(Number) : []);
      return {
        target: el.dataset.tourTarget ?? '',
        phase: el.dataset.tourPhase ?? '',
        azimuth: Number(el.dataset.tourAzimuth),
        camera: nums(el.dataset.tourCamera),
        centre: nums(el.dataset.tourCentre),
        paused: el.dataset.tourPaused ?? '',
        label: document.querySelector('[data-testid="tour-state"]')?.textContent ?? '',
      };
    });
  /**
   * Waits until the twin box's data attributes show `want` (a target prefix, a phase, paused or not).
   * A function, not an expression string: the page's policy forbids evaluating strings.
   */
  const waitForTour = (page: Page, want: { target?: string; phase?: string; paused?: 'true' | 'false' }) =>
    page.waitForFunction(
      (w) => {
        const d = document.querySelector<HTMLElement>('[data-testid="screen-twin"]')?.dataset ?? {};
        return (
          (w.target === undefined || (d.tourTarget ?? '').startsWith(w.target)) &&
          (w.phase === undefined || d.tourPhase === w.phase) &&
          (w.paused === undefined || d.tourPaused === w.paused)
        );
      },
      want,
      { timeout: 30_000 },
    );
  const flat = (p: Probe) => Math.hypot(p.camera[0]! - p.centre[0]!, p.camera[2]! - p.centre[2]!);
  const moved = (a: Probe, b: Probe) =>
    Math.hypot(a.camera[0]! - b.camera[0]!, a.camera[1]! - b.camera[1]!, a.camera[2]! - b.camera[2]!);

  it('orbits each building slowly, obeys the remote, and flies to an ingested critical alarm shown in the ticker within 5 s', async () => {
    const page = await kioskPage('jinghu', 1920, 1080);
    await page.getByTestId('screen-connection').and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
    await page.getByTestId('screen-twin').locator('canvas').waitFor({ timeout: 60_000 });

    // The tour opens on the whole community, flies in, and orbits: same centre and distance, the angle moving on.
    await waitForTour(page, { phase: 'orbit' });
    const a = await probe(page);
    expect(a.target).toBe('home');
    expect(a.label).toContain('巡览中');
    await page.waitForTimeout(3_000);
    const b = await probe(page);
    expect(b.phase).toBe('orbit');
    expect(b.centre).toEqual(a.centre);
    expect(b.azimuth - a.azimuth).toBeGreaterThan(4);
    expect(b.azimuth - a.azimuth).toBeLessThan(30);
    expect(moved(a, b)).toBeGreaterThan(5);
    expect(Math.abs(flat(b) - flat(a)) / flat(a)).toBeLessThan(0.01);

    // PageDown (a presenter remote's "next"): on to the first building, which the camera then orbits.
    await page.keyboard.press('PageDown');
    await waitForTour(page, { target: 'building:', phase: 'orbit' });
    const c = await probe(page);
    expect(c.centre).not.toEqual(a.centre);
    // The building's orbit is much tighter than the whole community's.
    expect(flat(c)).toBeLessThan(flat(a) / 2);
    await page.waitForTimeout(2_000);
    const d = await probe(page);
    expect(d.target).toBe(c.target);
    expect(d.azimuth - c.azimuth).toBeGreaterThan(3);
    expect(Math.abs(flat(d) - flat(c)) / flat(c)).toBeLessThan(0.01);

    // Space pauses: the camera stays put and the screen says so; space again carries on.
    await page.keyboard.press(' ');
    await waitForTour(page, { paused: 'true', phase: 'paused' });
    const paused = await probe(page);
    expect(paused.label).toContain('已暂停');
    await page.waitForTimeout(1_500);
    expect((await probe(page)).camera).toEqual(paused.camera);
    await page.keyboard.press(' ');
    await waitForTour(page, { paused: 'false' });
    await page.waitForTimeout(1_500);
    const resumed = await probe(page);
    expect(resumed.target).toBe(c.target);
    expect(moved(paused, resumed)).toBeGreaterThan(1);

    // A critical alarm through the ingest API: in the ticker within 5 s, and the camera flies to it and holds.
    const before = await page.getByTestId('ticker').locator('li').allInnerTexts();
    await raiseSmoke('jinghu');
    const sent = Date.now();
    await waitForSmokeInTicker(page, before);
    expect(Date.now() - sent).toBeLessThan(5_000);
    await waitForTour(page, { target: 'alarm:' });
    await waitForTour(page, { phase: 'hold' });
    const held = await probe(page);
    expect(held.label).toContain('紧急告警');
    expect(moved(resumed, held)).toBeGreaterThan(10);
    await page.waitForTimeout(1_500);
    expect((await probe(page)).camera).toEqual(held.camera);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'screen-jinghu-alarm-1920.png') });
    // "Next" ends the hold and the tour carries on.
    await page.keyboard.press('ArrowRight');
    await waitForTour(page, { target: 'building:', phase: 'orbit' });
    await page.close();
  }, 240_000);

  it('says so on screen when the live connection drops, and carries on without a reload once it is back', async () => {
    // The screen reaches the app through a TCP relay the test can cut, as a dropped network or a server going away would.
    const relay = await tcpRelay(new URL(url));
    try {
      const link = await admin.kiosk.create.mutate({ slug: 'caifu-xingyuan', label: 'e2e network loss' });
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await openLink(page, relay.url, link);
      const banner = await screenRunning(page);
      relay.cut();
      await connectionLost(page, 30_000);
      expect(await banner.innerText()).toMatch(/连接中断|已断开/);
      await page.screenshot({ path: path.join(SHOTS_DIR, 'screen-reconnecting-1920.png') });
      // Down for a while: the screen keeps saying so, and keeps trying.
      await page.waitForTimeout(5_000);
      expect(await banner.getAttribute('data-state')).not.toBe('live');
      relay.restore();
      await banner.and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
      // Still the same page (no reload), and live events reach it again.
      expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
      const before = await page.getByTestId('ticker').locator('li').allInnerTexts();
      await raiseSmoke('caifu-xingyuan');
      await waitForSmokeInTicker(page, before);
      await page.close();
    } finally {
      await relay.close();
    }
  }, 180_000);

  it('notices a live connection that went silent, says so, and reconnects without a reload', async () => {
    // No reset, nothing arriving: without the server's pings and tRPC's inactivity timeout the screen
    // would show "live" over stale data for as long as the dead connection stayed open.
    const relay = await tcpRelay(new URL(url));
    try {
      const link = await admin.kiosk.create.mutate({ slug: 'jinghu', label: 'e2e silent link' });
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await openLink(page, relay.url, link);
      const banner = await screenRunning(page);
      relay.hold();
      // Pings every 10 s; a client that hears nothing for 30 s reopens its stream (server/trpc.ts).
      await connectionLost(page, 50_000);
      expect(await banner.innerText()).toMatch(/连接中断|已断开/);
      relay.release();
      await banner.and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
      await page.close();
    } finally {
      await relay.close();
    }
  }, 180_000);

  it('draws the district map offline with MapLibre and opens a community screen on click', async () => {
    const page = await kioskPage(undefined, 1920, 1080);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await assertLayout(page, 1920, 1080, WITH_RETROFIT);
    // The whole district's ticker names the community on every line.
    const communities = ['财富星苑', '荆胡智慧社区', '星怡花园'];
    await page.getByTestId('ticker').locator('li[data-event]').first().waitFor({ timeout: 30_000 });
    const lines = await page.getByTestId('ticker').locator('li[data-event]').allInnerTexts();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(
        communities.some((c) => line.includes(c)),
        line,
      ).toBe(true);
    // 街道 or 区级, said once and the same in the title and the ticker's heading.
    const heading = await page.locator('[data-testid="screen"] h1').innerText();
    const tickerHeading = await page.getByTestId('panel-ticker').locator('h2').innerText();
    expect(heading).toMatch(/街道一屏统管|区级一屏统管/);
    expect(tickerHeading).toContain(heading.includes('街道一屏统管') ? '全街道' : '全区');
    await page.getByTestId('district-map').locator('canvas').waitFor({ timeout: 60_000 });
    const label = page.getByTestId('map-community-jinghu');
    await label.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2000);
    expect(errors).toEqual([]);
    // Extruded buildings: pixels other than the background, with the HTML labels hidden so only the canvas counts.
    await page.addStyleTag({ content: '.map-label { visibility: hidden }' });
    expect(await drawnShare(page, 'district-map')).toBeGreaterThan(0.002);
    await page.addStyleTag({ content: '.map-label { visibility: visible }' });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'screen-district-1920.png') });
    await label.click();
    await page.waitForURL(`${url}/screen/jinghu`);
    await page.close();
  }, 180_000);

  it('says so on an open screen, within seconds, when its link is revoked', async () => {
    const link = await admin.kiosk.create.mutate({ slug: 'caifu-xingyuan', label: 'e2e revoked while shown' });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openLink(page, url, link);
    const banner = await screenRunning(page);
    await admin.kiosk.revoke.mutate({ id: link.id });
    await banner.and(page.locator('[data-state="revoked"]')).waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('此大屏链接已撤销');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'screen-revoked-1920.png') });
    await page.close();
  }, 180_000);

  it('redeems a kiosk link once, keeps its secret out of the URL, and refuses it once revoked', async () => {
    const link = await admin.kiosk.create.mutate({ slug: 'caifu-xingyuan', label: 'e2e kiosk' });
    // Looking at the link (a chat app's preview) spends nothing; the POST from its page redeems it.
    expect((await fetch(`${url}${link.path}`)).status).toBe(200);
    const redeem = () => fetch(`${url}${link.path}`, { method: 'POST', headers: { origin: url }, redirect: 'manual' });
    const first = await redeem();
    expect(first.status).toBe(303);
    const location = first.headers.get('location') ?? '';
    expect(new URL(location, url).pathname).toBe('/screen/caifu-xingyuan');
    const secret = link.path.split('/').at(-1)!;
    expect(location).not.toContain(secret);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/screen/);
    const cookie = setCookie.split(';')[0]!;
    expect((await redeem()).status).toBe(403);
    expect((await fetch(`${url}/screen/caifu-xingyuan`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    // The kiosk is read-only: a mutation through the screen endpoint is refused.
    const write = await fetch(`${url}/screen/api/trpc/kiosk.revoke`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"json":{"id":1}}',
    });
    expect(write.status).toBe(403);
    // A community's link reads its own community, not another's.
    const read = (slug: string) =>
      fetch(`${url}/screen/api/trpc/screen.community?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`, {
        headers: { cookie },
      });
    expect((await read('caifu-xingyuan')).status).toBe(200);
    expect((await read('jinghu')).status).toBe(403);
    // The district's procedure answers it with its own community only.
    const district = await fetch(`${url}/screen/api/trpc/screen.district?input=${encodeURIComponent('{"json":{}}')}`, {
      headers: { cookie },
    });
    expect(district.status).toBe(200);
    const body = await district.text();
    expect(body).toContain('财富星苑');
    expect(body).not.toContain('荆胡');
    await admin.kiosk.revoke.mutate({ id: link.id });
    const after = await fetch(`${url}/screen/caifu-xingyuan`, { headers: { cookie }, redirect: 'manual' });
    expect(after.status).toBeGreaterThanOrEqual(300);
    expect(after.status).toBeLessThan(400);
    expect(after.headers.get('location')).toContain('/sign-in');
    const revoked = await admin.kiosk.create.mutate({ slug: 'jinghu', label: 'revoked before use' });
    await admin.kiosk.revoke.mutate({ id: revoked.id });
    expect((await fetch(`${url}${revoked.path}`, { redirect: 'manual' })).status).toBe(403);
  }, 60_000);
});
