// The big screen's doors over real HTTP (test/standalone-server.ts, on PostgreSQL):
// a link opens only by a POST from its own page, and a GET (a chat app's preview)
// spends nothing; a caifu-xingyuan screen cannot read jinghu however it dresses its
// input (batches, superjson's meta rewriting the slug after the raw JSON was read,
// writes, district procedures); and an open live stream ends once the screen's link
// is revoked, or its user signs out or is disabled.
import { sql } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '~/db/client';
import { freshPostgres, startStandalone, subscriptionClient, type Standalone } from '~/test/standalone';
import { DEMO_PASSWORD } from '../auth/demo-accounts';
import { adminClient, signIn } from '../simulator/admin-client';

const OWN = 'caifu-xingyuan';
const OTHER = 'jinghu';
/** What only jinghu's data holds: its name and its devices' codes (server/ingest/test-fixture.ts). */
const OTHER_MARKS = ['荆胡', 'JING-'];

describe('big-screen links and streams over HTTP', () => {
  let server: Standalone;
  let pg: Awaited<ReturnType<typeof freshPostgres>>;
  let database: Database;
  let admin: ReturnType<typeof adminClient>;

  beforeAll(async () => {
    pg = await freshPostgres();
    server = await startStandalone({ DATABASE_URL: pg.url, STANDALONE_FIXTURE: `${OWN},${OTHER}` });
    database = await openDatabase({ url: pg.url, poolSize: 1 });
    await database.db.execute(sql`update communities set name = '荆胡智慧社区' where slug = ${OTHER}`);
    await database.db.execute(sql`update communities set name = '财富星苑' where slug = ${OWN}`);
    admin = adminClient(server.url, await signIn(server.url, 'admin@linli.local', DEMO_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    await pg?.drop();
  });

  const usedAt = async (id: number) => (await admin.kiosk.list.query()).find((l) => l.id === id)!.usedAt;
  const open = (path: string, headers: Record<string, string> = { origin: server.url }) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers, redirect: 'manual' });

  /** A screen of `slug`'s link, opened as its page's button would: its cookie. */
  async function screenCookie(slug: string | undefined, label: string) {
    const link = await admin.kiosk.create.mutate({ slug, label });
    const res = await open(link.path);
    expect(res.status).toBe(303);
    return { link, cookie: res.headers.getSetCookie()[0]!.split(';')[0]! };
  }

  describe('opening a link', () => {
    it('shows a page on GET, however often, without spending the link; the POST from it redeems once', async () => {
      const link = await admin.kiosk.create.mutate({ slug: OWN, label: '指挥中心 <1> 号屏' });
      for (let i = 0; i < 2; i++) {
        const page = await fetch(`${server.url}${link.path}`, { redirect: 'manual' });
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain('打开大屏 / Open this screen');
        expect(html).toContain('指挥中心 &lt;1&gt; 号屏');
        expect(html).toMatch(/<form method="post">/);
        expect(page.headers.get('set-cookie')).toBeNull();
      }
      expect(await usedAt(link.id)).toBeNull();

      const first = await open(link.path, { origin: server.url, 'sec-fetch-site': 'same-origin' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe(`/screen/${OWN}`);
      const cookie = first.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^linli_kiosk=[A-Za-z0-9_-]+;/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Path=\/screen/);
      expect(await usedAt(link.id)).toBeInstanceOf(Date);

      // Once only: neither a second POST nor the page opens it again.
      expect((await open(link.path)).status).toBe(403);
      expect((await fetch(`${server.url}${link.path}`)).status).toBe(403);
    });

    it('refuses a POST that does not come from our own page, and the link stays unused', async () => {
      const link = await admin.kiosk.create.mutate({ slug: OWN, label: 'cross-site' });
      expect((await open(link.path, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await open(link.path, { origin: server.url, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await open(link.path, {})).status).toBe(403);
      expect(await usedAt(link.id)).toBeNull();
      expect((await open(link.path)).status).toBe(303);
    });
  });

  describe(`a ${OWN} screen asking for ${OTHER}`, () => {
    let cookie: string;
    beforeAll(async () => {
      ({ cookie } = await screenCookie(OWN, 'attacks'));
    });

    const get = async (paths: string, query: string) => {
      const res = await fetch(`${server.url}/screen/api/trpc/${paths}?${query}`, { headers: { cookie } });
      return { status: res.status, text: await res.text() };
    };
    const one = (path: string, input: unknown) => get(path, `input=${encodeURIComponent(JSON.stringify(input))}`);
    const noLeak = (text: string) => {
      for (const mark of OTHER_MARKS) expect(text).not.toContain(mark);
    };

    it('answers its own community and refuses the other, for the twin and the screen alike', async () => {
      for (const path of ['twin.scene', 'screen.community']) {
        const own = await one(path, { json: { slug: OWN } });
        expect(own.status, path).toBe(200);
        expect(own.text).toContain('财富星苑');
        const other = await one(path, { json: { slug: OTHER } });
        expect(other.status, path).toBe(403);
        noLeak(other.text);
      }
    });

    it('decides each call of a batch on its own: own answered, other refused', async () => {
      const batch = (calls: Array<[string, string]>) =>
        get(
          calls.map(([path]) => path).join(','),
          `batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(calls.map(([, slug], i) => [i, { json: { slug } }]))))}`,
        );
      const alone = await batch([['twin.scene', OTHER]]);
      expect(JSON.parse(alone.text)[0].error.json.data.httpStatus).toBe(403);
      noLeak(alone.text);

      const mixed = await batch([
        ['twin.scene', OWN],
        ['twin.scene', OTHER],
        ['screen.community', OTHER],
        ['screen.community', OWN],
      ]);
      const answers = JSON.parse(mixed.text) as Array<{
        result?: unknown;
        error?: { json: { data: { httpStatus: number } } };
      }>;
      expect(answers.map((a) => (a.result ? 200 : a.error!.json.data.httpStatus))).toEqual([200, 403, 403, 200]);
      noLeak(mixed.text);
    });

    it('reads the slug superjson hands the procedure, not the one the raw JSON shows', async () => {
      // superjson's referential equalities copy `x` over `slug` while deserialising: a check of
      // the raw JSON (as the screen endpoint once made) saw caifu-xingyuan and let jinghu through.
      const rewrite = { json: { slug: OWN, x: OTHER }, meta: { referentialEqualities: { x: ['slug'] } } };
      expect(superjson.deserialize(rewrite)).toMatchObject({ slug: OTHER });
      const tricks: unknown[] = [
        rewrite,
        { json: { slug: OWN, x: { slug: OTHER } }, meta: { referentialEqualities: { x: ['slug'] } } },
        { json: { slug: OWN, x: OTHER }, meta: { values: { x: ['set'] }, referentialEqualities: { x: ['slug'] } } },
        { json: { slug: OTHER }, meta: { values: { slug: ['custom', 'nope'] } } },
        { json: { slug: [OTHER] }, meta: { values: { slug: ['set'] } } },
      ];
      for (const input of tricks) {
        for (const path of ['twin.scene', 'screen.community']) {
          const res = await one(path, input);
          expect([400, 403, 500], `${path} ${JSON.stringify(input)}`).toContain(res.status);
          noLeak(res.text);
        }
      }
      const batched = await get(
        'twin.scene,screen.community',
        `batch=1&input=${encodeURIComponent(JSON.stringify({ 0: rewrite, 1: rewrite }))}`,
      );
      for (const answer of JSON.parse(batched.text)) expect(answer.error.json.data.httpStatus).toBe(403);
      noLeak(batched.text);
    });

    it('changes nothing: writes are refused as read-only', async () => {
      for (const [path, json] of [
        ['kiosk.revoke', { id: 1 }],
        ['kiosk.create', { slug: OTHER, label: 'mine now' }],
        ['alarm.transition', { id: 1, to: 'acknowledged' }],
      ] as const) {
        const res = await fetch(`${server.url}/screen/api/trpc/${path}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ json }),
        });
        expect(res.status, path).toBe(403);
      }
      expect((await admin.kiosk.list.query()).filter((l) => l.label === 'mine now')).toEqual([]);
    });

    it('gets only its own community from the district procedures', async () => {
      for (const path of ['screen.district', 'community.overview']) {
        const res = await one(path, { json: {} });
        expect(res.status, path).toBe(200);
        expect(res.text, path).toContain('财富星苑');
        noLeak(res.text);
      }
    });
  });

  describe('an open live stream', () => {
    /** Subscribes and resolves `started` at the first message and `ended` with the refusal's code. */
    function watch(
      subscribe: (handlers: {
        onData: () => void;
        onError: (e: { data?: { domainError?: { code: string } | null } | null }) => void;
        onComplete: () => void;
      }) => { unsubscribe: () => void },
    ) {
      let started!: () => void;
      const firstMessage = new Promise<void>((r) => (started = r));
      let sub: { unsubscribe: () => void } | undefined;
      const ended = new Promise<string>((resolve) => {
        sub = subscribe({
          onData: () => started(),
          onError: (e) => resolve(e.data?.domainError?.code ?? 'error'),
          onComplete: () => resolve('complete'),
        });
      });
      return { started: firstMessage, ended, stop: () => sub?.unsubscribe() };
    }

    /** Within a few re-check intervals (LIVE_RECHECK_SECONDS, 5 s by default). */
    const within = <T>(p: Promise<T>, ms = 20_000) =>
      Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('stream still open')), ms))]);

    it('ends for a screen once its link is revoked, and the screen is then refused as revoked', async () => {
      const { link, cookie } = await screenCookie(OWN, 'revoked while live');
      const client = subscriptionClient(server.url, cookie, '/screen/api/trpc');
      const stream = watch((h) => client.live.community.subscribe({ slug: OWN }, h));
      await stream.started;
      await admin.kiosk.revoke.mutate({ id: link.id });
      expect(await within(stream.ended)).toBe('kiosk.revoked');
      // Reopening it is refused the same way.
      const again = watch((h) => client.live.community.subscribe({ slug: OWN }, h));
      expect(await within(again.ended)).toBe('kiosk.revoked');
    }, 60_000);

    it('ends for a district screen once its link is revoked', async () => {
      const { link, cookie } = await screenCookie(undefined, 'district revoked while live');
      const client = subscriptionClient(server.url, cookie, '/screen/api/trpc');
      const stream = watch((h) => client.live.district.subscribe({}, h));
      await stream.started;
      await admin.kiosk.revoke.mutate({ id: link.id });
      expect(await within(stream.ended)).toBe('kiosk.revoked');
    }, 60_000);

    it('ends for a user who signs out', async () => {
      const cookie = await signIn(server.url, 'admin@linli.local', DEMO_PASSWORD);
      const stream = watch((h) => subscriptionClient(server.url, cookie).live.community.subscribe({ slug: OWN }, h));
      await stream.started;
      const out = await fetch(`${server.url}/api/auth/sign-out`, {
        method: 'POST',
        headers: { cookie, origin: server.url, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(out.status).toBe(200);
      expect(await within(stream.ended)).toBe('auth.signIn');
    }, 60_000);

    it('ends for a user whose account is disabled, on the console endpoint and the screen one', async () => {
      const cookie = await signIn(server.url, 'viewer@linli.local', DEMO_PASSWORD);
      const streams = [
        watch((h) => subscriptionClient(server.url, cookie).live.district.subscribe({}, h)),
        watch((h) =>
          subscriptionClient(server.url, cookie, '/screen/api/trpc').live.community.subscribe({ slug: OWN }, h),
        ),
      ];
      await Promise.all(streams.map((s) => s.started));
      await database.db.execute(sql`update users set disabled_at = now() where email = 'viewer@linli.local'`);
      for (const s of streams) expect(await within(s.ended)).toBe('auth.signIn');
    }, 60_000);

    it('carries on while the caller may still watch', async () => {
      const { cookie } = await screenCookie(OWN, 'still here');
      const stream = watch((h) =>
        subscriptionClient(server.url, cookie, '/screen/api/trpc').live.community.subscribe({ slug: OWN }, h),
      );
      await stream.started;
      // Past two re-checks, nothing has ended it.
      const state = await Promise.race([stream.ended, new Promise((r) => setTimeout(() => r('open'), 11_000))]);
      expect(state).toBe('open');
      stream.stop();
    }, 30_000);
  });
});
