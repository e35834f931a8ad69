import { accountList } from '../queries/accounts';
import { standingOf } from '../queries/access';
import { adminProcedure, createTRPCRouter, signedInProcedure } from '../trpc';

export const accountRouter = createTRPCRouter({
  /** The signed-in account, and each community it reaches with the tiers it holds there. */
  me: signedInProcedure.query(async ({ ctx }) => ({ ...ctx.user, standing: await standingOf(ctx.db, ctx.user) })),

  /** All accounts and their roles, for the admin. */
  list: adminProcedure.query(({ ctx }) => accountList(ctx.db)),
});
