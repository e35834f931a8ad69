// Admins hand out and revoke read-only big-screen links (DESIGN.md §1: screens run unattended).
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communities, kioskLinks } from '~/db/schema';
import { createKioskLink } from '../kiosk/links';
import { adminProcedure, createTRPCRouter } from '../trpc';
import { communityBySlug } from '../queries/communities';
import { slugInput } from './_inputs';

export const kioskRouter = createTRPCRouter({
  /** Returns the secret once; only its hash is kept. Without a slug the link opens the district screen. */
  create: adminProcedure
    .input(z.object({ slug: slugInput.shape.slug.optional(), label: z.string().trim().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const community = input.slug ? await communityBySlug(ctx.db, input.slug) : null;
      const link = await createKioskLink(ctx.db, {
        communityId: community?.id ?? null,
        label: input.label,
        createdBy: ctx.user.id,
      });
      return {
        id: link.id,
        path: `/screen/k/${link.secret}`,
        screen: community ? `/screen/${community.slug}` : '/screen/district',
      };
    }),

  /**
   * Every link, newest first, with the screen it opens. `lastSeenAt`: the last
   * time a screen used it (refreshed every few minutes while one does); null
   * before it was first opened.
   */
  list: adminProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        id: kioskLinks.id,
        communityId: kioskLinks.communityId,
        slug: communities.slug,
        communityName: communities.name,
        communityNameEn: communities.nameEn,
        label: kioskLinks.label,
        createdBy: kioskLinks.createdBy,
        usedAt: kioskLinks.usedAt,
        revokedAt: kioskLinks.revokedAt,
        createdAt: kioskLinks.createdAt,
        updatedAt: kioskLinks.updatedAt,
      })
      .from(kioskLinks)
      .leftJoin(communities, eq(communities.id, kioskLinks.communityId))
      .orderBy(desc(kioskLinks.id));
    return rows.map(({ updatedAt, ...r }) => ({ ...r, lastSeenAt: r.usedAt ? updatedAt : null }));
  }),

  /** Revoking twice changes nothing: the first revocation's time stays. updated_at (last seen) is left as it was. */
  revoke: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    const rows = await ctx.db
      .update(kioskLinks)
      .set({ revokedAt: new Date(), updatedAt: sql`${kioskLinks.updatedAt}` })
      .where(and(eq(kioskLinks.id, input.id), isNull(kioskLinks.revokedAt)))
      .returning({ id: kioskLinks.id });
    return { revoked: rows.length };
  }),
});
