import { asc } from 'drizzle-orm';
import { users } from '~/db/schema';
import { adminProcedure, createTRPCRouter, residentProcedure } from '../trpc';

export const accountRouter = createTRPCRouter({
  /** The signed-in user. */
  me: residentProcedure.query(({ ctx }) => ctx.user),

  /** All accounts and their roles, for the admin. */
  list: adminProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
      .from(users)
      .orderBy(asc(users.email)),
  ),
});
