// tRPC is initialised once, here. This file exports only the procedure kinds
// Linli allows: one per access tier (DESIGN.md §5). Every procedure is built
// from exactly one of them, and server/routers/access.test.ts calls each one
// as every tier.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db } from '~/db/client';
import type { Role } from '~/db/vocab';
import type { SessionUser } from './auth';
import { transformer } from './transformer';

export type Context = { db: Db; user: SessionUser | null };

export type Tier = 'public' | 'resident' | 'planner' | 'staff' | 'admin';

/** Which signed-in roles each tier admits; 'public' admits anyone, signed in or not. */
export const TIER_ROLES: Record<Exclude<Tier, 'public'>, readonly Role[]> = {
  resident: ['resident', 'planner', 'staff', 'admin'],
  planner: ['planner', 'staff', 'admin'],
  staff: ['staff', 'admin'],
  admin: ['admin'],
};

const t = initTRPC
  .context<Context>()
  .meta<{ tier: Tier }>()
  .create({
    transformer,
    // Live streams (SSE) carry a ping every 10 s when quiet, and a client that hears nothing for 30 s
    // reopens its stream from the last frame it saw: a connection that died silently (a NAT timeout,
    // a pulled cable further away) does not leave a screen showing "live" over stale data.
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
    errorFormatter: ({ shape, error }) => ({
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
      },
    }),
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

function tierProcedure(tier: Exclude<Tier, 'public'>) {
  return t.procedure.meta({ tier }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录 / Please sign in' });
    if (!TIER_ROLES[tier].includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `需要${tier}权限 / Requires the ${tier} tier` });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const publicProcedure = t.procedure.meta({ tier: 'public' });
export const residentProcedure = tierProcedure('resident');
export const plannerProcedure = tierProcedure('planner');
export const staffProcedure = tierProcedure('staff');
export const adminProcedure = tierProcedure('admin');
