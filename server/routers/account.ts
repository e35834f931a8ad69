// Accounts: one's own standing and password; for admins, the accounts, their memberships
// and the account trail. Every change goes through server/ops/account-ops.ts, which audits it.
import { z } from 'zod';
import { ACCOUNT_ROLES, MEMBERSHIP_ROLES } from '~/db/vocab';
import { ACCOUNT_EVENT_KINDS } from '../auth/audit';
import { MIN_PASSWORD_LENGTH } from '../auth';
import {
  addMembership,
  changePassword,
  createUser,
  removeMembership,
  resetPassword,
  setDisabled,
  setRole,
  type Actor,
  type MembershipPlace,
} from '../ops/account-ops';
import { accountEventList, accountList } from '../queries/accounts';
import { standingOf } from '../queries/access';
import { communityBySlug } from '../queries/communities';
import type { Context } from '../trpc';
import { adminProcedure, createTRPCRouter, signedInProcedure } from '../trpc';
import { idInput, slugInput } from './_inputs';

const userId = z.string().min(1).max(200);

/** A membership as the page names it: a community by slug, or (district) a street. */
const place = z.union([
  z.object({ role: z.enum(MEMBERSHIP_ROLES).exclude(['district']), ...slugInput.shape }),
  z.object({ role: z.literal('district'), street: z.string().trim().min(1).max(100) }),
]);

async function placeOf(ctx: Context, p: z.infer<typeof place>): Promise<MembershipPlace> {
  if (p.role === 'district') return p;
  return { role: p.role, communityId: (await communityBySlug(ctx.db, p.slug)).id };
}

const actor = (ctx: Context & { user: { id: string; email: string } }): Actor => ({
  id: ctx.user.id,
  email: ctx.user.email,
  clientAddress: ctx.clientAddress,
});

export const accountRouter = createTRPCRouter({
  /** The signed-in account, and each community it reaches with the tiers it holds there. */
  me: signedInProcedure.query(async ({ ctx }) => ({ ...ctx.user, standing: await standingOf(ctx.db, ctx.user) })),

  /** One's own password; the one-time password an admin set ends with it. */
  changePassword: signedInProcedure
    .input(z.object({ current: z.string().min(1).max(200), next: z.string().min(MIN_PASSWORD_LENGTH).max(200) }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, actor(ctx), input)),

  /** All accounts with their memberships, state and last sign-in, for the admin. */
  list: adminProcedure.query(({ ctx }) => accountList(ctx.db)),

  /** A new account with a one-time password, answered this once. */
  create: adminProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(100),
        email: z.string().trim().email().max(200),
        role: z.enum(ACCOUNT_ROLES),
        membership: place.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      createUser(ctx.db, actor(ctx), {
        ...input,
        membership: input.membership && (await placeOf(ctx, input.membership)),
      }),
    ),

  addMembership: adminProcedure
    .input(z.object({ userId, membership: place }))
    .mutation(async ({ ctx, input }) =>
      addMembership(ctx.db, actor(ctx), input.userId, await placeOf(ctx, input.membership)),
    ),

  removeMembership: adminProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => removeMembership(ctx.db, actor(ctx), input.id)),

  /** Disabling ends the account's sessions; never one's own account or the last enabled admin. */
  setDisabled: adminProcedure
    .input(z.object({ userId, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setDisabled(ctx.db, actor(ctx), input.userId, input.disabled)),

  setRole: adminProcedure
    .input(z.object({ userId, role: z.enum(ACCOUNT_ROLES) }))
    .mutation(({ ctx, input }) => setRole(ctx.db, actor(ctx), input.userId, input.role)),

  /** A new one-time password, answered this once; the account's sessions end. */
  resetPassword: adminProcedure
    .input(z.object({ userId }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, actor(ctx), input.userId)),

  /** The account trail, newest first. */
  events: adminProcedure
    .input(
      z.object({
        kind: z.enum(ACCOUNT_EVENT_KINDS).optional(),
        email: z.string().trim().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .query(({ ctx, input }) => accountEventList(ctx.db, input)),
});
