// Sign-in for staff, planners and admins: better-auth with its Drizzle
// adapter (scrypt-hashed passwords, sessions in cookies). Accounts are made
// by an admin or the seed; nobody signs themselves up.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import type { Db } from '~/db/client';
import { accounts, sessions, users, verifications } from '~/db/schema';
import { ACCOUNT_ROLES, type AccountRole } from '~/db/vocab';
import { authSecret } from '../startup-checks';

/** The shortest password anyone may set (an admin's one-time passwords are longer). */
export const MIN_PASSWORD_LENGTH = 12;

export function createAuth(db: Db, opts: { secret?: string; baseURL?: string } = {}) {
  return betterAuth({
    secret: authSecret(opts.secret),
    baseURL: opts.baseURL,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    // Off: it keys on X-Forwarded-For, which a client can rotate. Password sign-ins go through
    // server/auth/sign-in-guard.ts instead, per account and per trusted client address.
    rateLimit: { enabled: false },
    user: {
      additionalFields: {
        role: { type: [...ACCOUNT_ROLES], required: true, defaultValue: 'member', input: false },
        disabledAt: { type: 'date', required: false, input: false },
        mustChangePassword: { type: 'boolean', required: true, defaultValue: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The signed-in account; what it may reach in which community comes from its memberships (server/authz/). */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  /** Signed in with an admin's one-time password: nothing but changing it is allowed (server/trpc.ts). */
  mustChangePassword?: boolean;
};

export function isRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);
}

/** The account signed in by these request headers, or null (also for a disabled account). */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, name, email, role, disabledAt, mustChangePassword } = session.user;
  if (!isRole(role) || disabledAt) return null;
  return { id, name, email, role, mustChangePassword };
}
