// Accounts administration through the router, with real sign-ins (better-auth over
// the guarded HTTP handler, in process): an admin creates an account, which signs in
// with its one-time password, must change it before anything else, reaches exactly what
// its memberships grant as they are added and removed, loses access when disabled, and
// gets a new one-time password on reset. Every change leaves its row in account_events.
import { PEER_ADDRESS_HEADER } from '~/server/http/peer-address';
import type { TRPCError } from '@trpc/server';
import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { accountEvents, users } from '~/db/schema';
import { callerAs, createSeededDatabase, recordingPublisher, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';
import { createAuth, sessionUser, type Auth, type SessionUser } from '../auth';
import { createSignInLimiter, handleAuthRequest } from '../auth/sign-in-guard';
import { LiveHub } from '../live/hub';
import { createCaller } from '../root';

const BASE = 'http://linli.test';

describe.each(testEngines)('accounts administration on %s', (engine) => {
  let database: Database;
  let auth: Auth;
  let admin: Caller;
  const limiter = createSignInLimiter();

  beforeAll(async () => {
    database = await createSeededDatabase(engine);
    auth = createAuth(database.db, { baseURL: BASE });
    admin = await callerAs(database.db, 'admin', { email: 'boss@test.local' });
  }, 180_000);
  afterAll(() => database?.close());

  /** POST /api/auth/sign-in/email; the session cookie when it succeeds. */
  async function signIn(email: string, password: string): Promise<string | null> {
    const response = await handleAuthRequest(
      auth,
      database.db,
      limiter,
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, [PEER_ADDRESS_HEADER]: '192.0.2.7' },
        body: JSON.stringify({ email, password }),
      }),
    );
    return response.ok
      ? response.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ')
      : null;
  }

  /** The router as the session behind `cookie` (anonymous when it has ended), as a new request would see it. */
  async function callerFor(cookie: string): Promise<Caller> {
    return callerAsUser(await sessionUser(auth, new Headers({ cookie })));
  }

  function callerAsUser(user: SessionUser | null): Caller {
    return createCaller({
      db: database.db,
      user,
      live: recordingPublisher(),
      liveHub: () => Promise.resolve(new LiveHub()),
    });
  }

  const code = (error: unknown) => (error as TRPCError).code;
  const domainCode = (error: unknown) => ((error as TRPCError).cause as { code?: string } | undefined)?.code ?? null;
  const slugs = async (cookie: string) =>
    (await (await callerFor(cookie)).community.overview()).map((o) => o.slug).sort();

  it('takes an account from creation through its first sign-in, memberships, disabling and a reset', async () => {
    const email = 'new.staff@test.local';
    const created = await admin.account.create({
      name: '新同事',
      email: 'New.Staff@test.local',
      role: 'member',
      membership: { role: 'staff', slug: 'xingyi-huayuan' },
    });
    expect(created.password.length).toBeGreaterThanOrEqual(16);

    // The one-time password signs in, and nothing but changing it is allowed.
    const first = (await signIn(email, created.password))!;
    expect(first).toBeTruthy();
    const forced = await callerFor(first);
    expect((await forced.account.me()).mustChangePassword).toBe(true);
    const refused = await forced.community.overview().catch((e: unknown) => e);
    expect([code(refused), domainCode(refused)]).toEqual(['FORBIDDEN', 'account.mustChangePassword']);
    await expect(
      forced.account.changePassword({ current: created.password, next: created.password }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(forced.account.changePassword({ current: created.password, next: 'too-short' })).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    );
    await expect(
      forced.account.changePassword({ current: 'not-the-password', next: 'a-new-password-2026' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await forced.account.changePassword({ current: created.password, next: 'a-new-password-2026' });

    expect((await (await callerFor(first)).account.me()).mustChangePassword).toBe(false);
    expect(await slugs(first)).toEqual(['xingyi-huayuan']);
    expect(await signIn(email, created.password)).toBeNull();

    // Memberships added and removed change what it reaches at once.
    await admin.account.addMembership({ userId: created.id, membership: { role: 'staff', slug: 'jinghu' } });
    expect(await slugs(first)).toEqual(['jinghu', 'xingyi-huayuan']);
    const listed = (await admin.account.list()).find((a) => a.id === created.id)!;
    const xingyi = listed.memberships.find((m) => m.slug === 'xingyi-huayuan')!;
    await admin.account.removeMembership({ id: xingyi.id });
    expect(await slugs(first)).toEqual(['jinghu']);
    await expect((await callerFor(first)).alarm.list({ slug: 'xingyi-huayuan' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // Disabling ends its session and its sign-ins; enabling and a reset give a new one-time password.
    await admin.account.setDisabled({ userId: created.id, disabled: true });
    await expect((await callerFor(first)).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await signIn(email, 'a-new-password-2026')).toBeNull();
    await admin.account.setDisabled({ userId: created.id, disabled: false });
    const second = (await signIn(email, 'a-new-password-2026'))!;
    const { password } = await admin.account.resetPassword({ userId: created.id });
    await expect((await callerFor(second)).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await signIn(email, 'a-new-password-2026')).toBeNull();
    const third = (await signIn(email, password))!;
    expect((await (await callerFor(third)).account.me()).mustChangePassword).toBe(true);

    const trail = await database.db
      .select({ kind: accountEvents.kind, actor: accountEvents.actor, address: accountEvents.clientAddress })
      .from(accountEvents)
      .where(eq(accountEvents.subjectEmail, email))
      .orderBy(asc(accountEvents.id));
    expect(trail.map((e) => e.kind)).toEqual([
      'user_created',
      'membership_added',
      'sign_in',
      'password_changed',
      'sign_in_failed',
      'membership_added',
      'membership_removed',
      'user_disabled',
      'sign_in_refused',
      'user_enabled',
      'sign_in',
      'password_reset',
      'sign_in_failed',
      'sign_in',
    ]);
    expect(trail[0]).toMatchObject({ actor: 'boss@test.local' });
    expect(trail[2]).toMatchObject({ actor: email, address: '192.0.2.7' });
    const events = await admin.account.events({ kind: 'membership_removed', email: 'new.staff' });
    expect(events.map((e) => e.subjectEmail)).toEqual([email]);
  }, 120_000);

  it('refuses a taken e-mail, an admin disabling itself, and losing the last enabled admin', async () => {
    await expect(
      admin.account.create({ name: 'again', email: 'new.staff@test.local', role: 'member' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const me = (await admin.account.me()).id;
    const self = await admin.account.setDisabled({ userId: me, disabled: true }).catch((e: unknown) => e);
    expect([code(self), domainCode(self)]).toEqual(['CONFLICT', 'account.self']);

    const other = await admin.account.create({ name: 'second admin', email: 'second@test.local', role: 'admin' });
    await database.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(and(eq(users.role, 'admin'), ne(users.id, me), ne(users.id, other.id)));
    const second = callerAsUser({ id: other.id, name: 'second admin', email: 'second@test.local', role: 'admin' });
    // Two enabled admins: one may demote the other, and is then the last, which it may not demote.
    await second.account.setRole({ userId: me, role: 'member' });
    const last = await second.account.setRole({ userId: other.id, role: 'member' }).catch((e: unknown) => e);
    expect([code(last), domainCode(last)]).toEqual(['CONFLICT', 'account.lastAdmin']);
    expect((await second.account.list()).find((a) => a.id === other.id)).toMatchObject({
      role: 'admin',
      disabledAt: null,
    });
  });
});
