// Admins hand out and revoke read-only big-screen links (DESIGN.md §1: screens run unattended).
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { kioskLinks } from '~/db/schema';
import { createKioskLink } from '../kiosk/links';
import { adminProcedure, createTRPCRouter } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

export const kioskRouter = createTRPCRouter({
  /** Returns the secret once; only its hash is kept. Without a slug the link opens the district screen. */
  create: adminProcedure
    .input(z.object({ slug: slugInput.shape.slug.optional(), label: z.string().trim().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const community = input.slug ? await communityBySlug(ctx.db, input.slug) : null;
      const link = await createKioskLink(ctx.db, { communityId: community?.id ?? null, label: input.label, createdBy: ctx.user.id });
      return { id: link.id, path: `/screen/k/${link.secret}`, screen: community ? `/screen/${community.slug}` : '/screen/district' };
    }),

  list: adminProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: kioskLinks.id, communityId: kioskLinks.communityId, label: kioskLinks.label, usedAt: kioskLinks.usedAt, revokedAt: kioskLinks.revokedAt, createdAt: kioskLinks.createdAt })
      .from(kioskLinks)
      .orderBy(desc(kioskLinks.id)),
  ),

  revoke: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    const rows = await ctx.db.update(kioskLinks).set({ revokedAt: new Date() }).where(eq(kioskLinks.id, input.id)).returning({ id: kioskLinks.id });
    return { revoked: rows.length };
  }),
});
