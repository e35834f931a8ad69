// Password guessing is refused the same way through the console form's code path
// (signInWithPassword, what its server action calls) and through the HTTP endpoint
// (the guarded handler in process, and a real server over the network): rotating
// X-Forwarded-For does not reset an account's lockout, a locked account is refused even
// with its right password, the lockout leaves other accounts alone, and one address
// guessing across many accounts is stopped by the per-address limit.
import { PEER_ADDRESS_HEADER } from '~/server/http/peer-address';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { accountEvents } from '~/db/schema';
import { createTestDatabase, testEngines } from '~/test/db';
import { startStandalone } from '~/test/standalone';
import { DEMO_PASSWORD, createAccount } from './demo-accounts';
import { createAuth, type Auth } from './index';
import { createSignInLimiter, handleAuthRequest, signInWithPassword } from './sign-in-guard';

const BASE = 'http://linli.test';
const PASSWORD = 'correct-horse-2026';
const rotating = (i: number) => `203.0.113.${i}`;

describe.each(testEngines)('sign-in guard on %s', (engine) => {
  let database: Database;
  let auth: Auth;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    auth = createAuth(database.db, { baseURL: BASE });
    for (const name of ['form', 'http', 'bystander', 'target'])
      await createAccount(database.db, { email: `${name}@test.local`, name, role: 'member', password: PASSWORD });
  }, 120_000);
  afterAll(() => database?.close());

  const kinds = async (email: string) =>
    (
      await database.db
        .select({ kind: accountEvents.kind })
        .from(accountEvents)
        .where(eq(accountEvents.subjectEmail, email))
        .orderBy(asc(accountEvents.id))
    ).map((e) => e.kind);

  it('locks an account after five wrong passwords through the form, whatever address it claims', async () => {
    const limiter = createSignInLimiter();
    const form = (email: string, password: string, address: string) =>
      signInWithPassword(auth, database.db, limiter, {
        email,
        password,
        headers: new Headers({ [PEER_ADDRESS_HEADER]: address }),
      });
    for (let i = 0; i < 5; i++)
      expect(await form('form@test.local', 'wrong-password', rotating(i))).toEqual({
        ok: false,
        reason: 'credentials',
      });
    const locked = await form('FORM@test.local', PASSWORD, rotating(9));
    expect(locked).toMatchObject({ ok: false, reason: 'limited' });
    expect((locked as { retryAfterS: number }).retryAfterS).toBeGreaterThan(0);
    expect(await form('bystander@test.local', PASSWORD, rotating(9))).toEqual({ ok: true });
    expect(await kinds('form@test.local')).toEqual([...Array(5).fill('sign_in_failed'), 'sign_in_refused']);
    expect(await kinds('bystander@test.local')).toEqual(['sign_in']);
  });

  it('locks an account after five wrong passwords over HTTP, answering 429', async () => {
    const limiter = createSignInLimiter();
    const post = (email: string, password: string, address: string) =>
      handleAuthRequest(
        auth,
        database.db,
        limiter,
        new Request(`${BASE}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BASE, 'x-forwarded-for': address },
          body: JSON.stringify({ email, password }),
        }),
      );
    for (let i = 0; i < 5; i++) expect((await post('http@test.local', 'wrong-password', rotating(i))).status).toBe(401);
    const locked = await post('http@test.local', PASSWORD, rotating(7));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.getSetCookie()).toEqual([]);
    expect((await post('bystander@test.local', PASSWORD, rotating(7))).status).toBe(200);
  });

  it('stops one address guessing across many accounts, and only that address', async () => {
    const limiter = createSignInLimiter();
    const form = (email: string, password: string, address: string) =>
      signInWithPassword(auth, database.db, limiter, {
        email,
        password,
        headers: new Headers({ [PEER_ADDRESS_HEADER]: address }),
      });
    for (let i = 0; i < 30; i++) await form(`guess-${i}@test.local`, 'wrong-password', '198.51.100.9');
    expect(await form('target@test.local', PASSWORD, '198.51.100.9')).toMatchObject({ ok: false, reason: 'limited' });
    expect(await form('target@test.local', PASSWORD, '198.51.100.10')).toEqual({ ok: true });
  });
});

describe('sign-in guard over the network', () => {
  it('refuses the right password after five wrong ones with rotating X-Forwarded-For', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-guard-'));
    const server = await startStandalone({ PGLITE_DIR: dir });
    try {
      const post = (email: string, password: string, address: string) =>
        fetch(`${server.url}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': address },
          body: JSON.stringify({ email, password }),
        });
      for (let i = 0; i < 5; i++)
        expect((await post('staff@linli.local', 'wrong-password', rotating(i))).status).toBe(401);
      expect((await post('staff@linli.local', DEMO_PASSWORD, rotating(8))).status).toBe(429);
      expect((await post('planner@linli.local', DEMO_PASSWORD, rotating(8))).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
