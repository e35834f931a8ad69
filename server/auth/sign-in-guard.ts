// One guard for every password sign-in, whether it comes through the console's form (a server
// action calling better-auth's API directly) or through POST /api/auth/sign-in/email: per
// account, 5 failures lock it for 1 minute, each further lockout twice as long up to an hour;
// per client address (server/http/client-address.ts), 30 failures in 15 minutes lock that
// address for 15 minutes. A locked account is refused even with the right password. The
// counts live in this process's memory (rate-limiter-flexible's memory store): a restart
// forgets them, which only shortens a lockout, and several instances behind a balancer each
// count on their own (its PostgreSQL store wants node-postgres, which Linli does not use).
// better-auth's own limiter is off (server/auth/index.ts): it keys on headers a client chooses.
import { isAPIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Db } from '~/db/client';
import { users } from '~/db/schema';
import { clientAddress } from '../http/client-address';
import { recordAccountEvent } from './audit';
import type { Auth } from './index';

const ACCOUNT_FAILURES = 5;
const FIRST_LOCK_S = 60;
const LONGEST_LOCK_S = 60 * 60;
const ADDRESS_FAILURES = 30;
const ADDRESS_WINDOW_S = 15 * 60;

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

export function createSignInLimiter() {
  // Failures since the account's last success or lockout; and how often it was locked today.
  const failures = new RateLimiterMemory({ keyPrefix: 'account', points: ACCOUNT_FAILURES, duration: LONGEST_LOCK_S });
  const lockouts = new RateLimiterMemory({ keyPrefix: 'lockouts', points: 1_000, duration: 24 * 60 * 60 });
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'address',
    points: ADDRESS_FAILURES,
    duration: ADDRESS_WINDOW_S,
    blockDuration: ADDRESS_WINDOW_S,
  });
  // An unknown address would be everyone's: only the account lockout applies then.
  const known = (address: string) => address !== 'unknown';

  return {
    /** Seconds until `email` may try again from `address`; 0: now. */
    async waitSeconds(email: string, address: string): Promise<number> {
      const [account, from] = await Promise.all([failures.get(email), known(address) ? byAddress.get(address) : null]);
      const wait = (res: typeof account, points: number) =>
        res && res.consumedPoints > points ? Math.ceil(res.msBeforeNext / 1000) : 0;
      return Math.max(wait(account, ACCOUNT_FAILURES), wait(from, ADDRESS_FAILURES));
    },
    async failed(email: string, address: string): Promise<void> {
      const account = await failures.penalty(email);
      if (account.consumedPoints >= ACCOUNT_FAILURES) {
        const times = (await lockouts.penalty(email)).consumedPoints;
        await failures.block(email, Math.min(FIRST_LOCK_S * 2 ** (times - 1), LONGEST_LOCK_S));
      }
      if (known(address) && (await byAddress.penalty(address)).consumedPoints >= ADDRESS_FAILURES)
        await byAddress.block(address, ADDRESS_WINDOW_S);
    },
    async succeeded(email: string): Promise<void> {
      await Promise.all([failures.delete(email), lockouts.delete(email)]);
    },
  };
}

const globalForLimiter = globalThis as unknown as { linliSignInLimiter?: SignInLimiter };

/** The process's limiter: one for the form's action and the HTTP endpoint, whichever bundle asks. */
export function signInLimiter(): SignInLimiter {
  return (globalForLimiter.linliSignInLimiter ??= createSignInLimiter());
}

export type SignInOutcome =
  { ok: true } | { ok: false; reason: 'credentials' } | { ok: false; reason: 'limited'; retryAfterS: number };

/**
 * Runs `attempt` (better-auth checking the password and making the session) unless the
 * account or the address is locked or the account disabled, counts its failure, and records
 * the outcome in the account trail. A disabled account reads as wrong credentials.
 */
export async function guardSignIn(
  db: Db,
  limiter: SignInLimiter,
  who: { email: string; address: string },
  attempt: () => Promise<boolean>,
): Promise<SignInOutcome> {
  const email = who.email.trim().toLowerCase();
  const event = { actor: email, subjectEmail: email, clientAddress: who.address };
  const retryAfterS = await limiter.waitSeconds(email, who.address);
  if (retryAfterS > 0) {
    await recordAccountEvent(db, { ...event, kind: 'sign_in_refused', detail: { reason: 'limited', retryAfterS } });
    return { ok: false, reason: 'limited', retryAfterS };
  }
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email));
  if (user?.disabledAt) {
    await recordAccountEvent(db, {
      ...event,
      kind: 'sign_in_refused',
      subjectUserId: user.id,
      detail: { reason: 'disabled' },
    });
    return { ok: false, reason: 'credentials' };
  }
  if (!(await attempt())) {
    await limiter.failed(email, who.address);
    await recordAccountEvent(db, { ...event, kind: 'sign_in_failed', subjectUserId: user?.id ?? null });
    return { ok: false, reason: 'credentials' };
  }
  await limiter.succeeded(email);
  await recordAccountEvent(db, { ...event, kind: 'sign_in', subjectUserId: user?.id ?? null });
  return { ok: true };
}

/** The console form's sign-in: better-auth's API (its cookies set through nextCookies), guarded. */
export function signInWithPassword(
  auth: Auth,
  db: Db,
  limiter: SignInLimiter,
  form: { email: string; password: string; headers: Headers },
): Promise<SignInOutcome> {
  return guardSignIn(db, limiter, { email: form.email, address: clientAddress(form.headers) }, async () => {
    try {
      await auth.api.signInEmail({ body: { email: form.email, password: form.password }, headers: form.headers });
      return true;
    } catch (error) {
      // isAPIError, not instanceof: the error class can come from a second copy of the module.
      if (isAPIError(error) && error.statusCode < 500) return false;
      throw error;
    }
  });
}

/**
 * better-auth's HTTP endpoints, with the password sign-in guarded like the form's and
 * sign-outs recorded. A locked sign-in answers 429 with Retry-After.
 */
export async function handleAuthRequest(auth: Auth, db: Db, limiter: SignInLimiter, request: Request) {
  const path = new URL(request.url).pathname;
  if (request.method !== 'POST') return auth.handler(request);
  if (path.endsWith('/sign-out')) {
    const session = await auth.api.getSession({ headers: request.headers }).catch(() => null);
    const response = await auth.handler(request);
    if (session && response.ok)
      await recordAccountEvent(db, {
        kind: 'sign_out',
        actor: session.user.email,
        subjectEmail: session.user.email,
        subjectUserId: session.user.id,
        clientAddress: clientAddress(request.headers),
      });
    return response;
  }
  if (!path.endsWith('/sign-in/email')) return auth.handler(request);
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  if (typeof body?.email !== 'string') return auth.handler(request);
  let response: Response | undefined;
  const outcome = await guardSignIn(
    db,
    limiter,
    { email: body.email, address: clientAddress(request.headers) },
    async () => {
      response = await auth.handler(request);
      if (response.status >= 500) throw new Error(`sign-in failed: ${response.status}`);
      return response.ok;
    },
  );
  if (outcome.ok || outcome.reason === 'credentials')
    return response ?? Response.json({ code: 'INVALID_EMAIL_OR_PASSWORD' }, { status: 401 });
  return Response.json(
    { code: 'TOO_MANY_ATTEMPTS', retryAfterS: outcome.retryAfterS },
    { status: 429, headers: { 'retry-after': String(outcome.retryAfterS) } },
  );
}
