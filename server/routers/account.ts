import { accountList } from '../queries/accounts';
import { adminProcedure, createTRPCRouter, residentProcedure } from '../trpc';

export const accountRouter = createTRPCRouter({
  /** The signed-in user. */
  me: residentProcedure.query(({ ctx }) => ctx.user),

  /** All accounts and their roles, for the admin. */
  list: adminProcedure.query(({ ctx }) => accountList(ctx.db)),
});
