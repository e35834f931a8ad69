// The live subscriptions re-check their caller while they stream: once the context's
// stillAllowed says no, the stream ends with the caller's refusal (kiosk.revoked for a
// screen, auth.signIn for a user), and until then it carries on. End to end over
// HTTP: server/kiosk/http.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '~/db/client';
import { recordingPublisher } from '~/test/callers';
import { createTestDatabase } from '~/test/db';
import { createFixture } from '../ingest/test-fixture';
import { LiveHub } from '../live/hub';
import { createCaller } from '../root';
import type { Context } from '../trpc';

vi.hoisted(() => {
  process.env.LIVE_RECHECK_SECONDS = '0.2';
});

describe('live streams re-check their caller', () => {
  let database: Database;
  let communityId: number;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    ({ communityId } = await createFixture(database.db, 'recheck'));
  });
  afterAll(() => database?.close());

  /** A caller whose access holds until `revoke()`; `asks` counts the re-checks. */
  function callerWithSwitch(who: Pick<Context, 'user' | 'kiosk'>) {
    let allowed = true;
    let asks = 0;
    const hub = new LiveHub();
    const caller = createCaller({
      db: database.db,
      live: recordingPublisher(),
      liveHub: () => Promise.resolve(hub),
      stillAllowed: async () => (asks++, allowed),
      ...who,
    });
    return { caller, revoke: () => (allowed = false), asks: () => asks };
  }

  /** Reads a stream to its end: the messages it gave and the code it ended with. */
  async function drain(stream: AsyncIterable<unknown>, onFirst: () => void) {
    let messages = 0;
    try {
      for await (const _ of stream) if (messages++ === 0) onFirst();
      return { messages, code: 'complete' };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { messages, code: cause?.code ?? String(error) };
    }
  }

  it('ends a screen’s stream with kiosk.revoked once its link is revoked, after carrying on while it stood', async () => {
    const kiosk = { linkId: 1, communityId, slug: 'recheck' };
    const s = callerWithSwitch({ user: null, kiosk });
    const stream = await s.caller.live.community({ slug: 'recheck' });
    const result = await drain(stream, () => {
      // Revoke only after a few re-checks said yes: the stream was still open through them.
      const wait = setInterval(() => {
        if (s.asks() >= 3) {
          clearInterval(wait);
          s.revoke();
        }
      }, 20);
    });
    expect(result).toEqual({ messages: 1, code: 'kiosk.revoked' });
    expect(s.asks()).toBe(4);
  });

  it('ends a user’s district stream with auth.signIn once the session is gone', async () => {
    const user = { id: 'x', name: 'admin', email: 'admin@test.local', role: 'admin' as const };
    const s = callerWithSwitch({ user });
    const stream = await s.caller.live.district({});
    const result = await drain(stream, s.revoke);
    expect(result).toEqual({ messages: 1, code: 'auth.signIn' });
  });
});
