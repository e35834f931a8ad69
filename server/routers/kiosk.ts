// Admins hand out and revoke read-only big-screen links (docs/DOMAIN.md § Audiences: screens run unattended).
import { z } from 'zod';
import { createScreenLink, revokeScreenLink } from '../ops/screen-links';
import { communityBySlug } from '../queries/communities';
import { screenLinks } from '../queries/screen-links';
import { adminProcedure, createTRPCRouter } from '../trpc';
import { slugInput } from './_inputs';

export const kioskRouter = createTRPCRouter({
  /** Returns the secret once; only its hash is kept. Without a slug the link opens the district screen. */
  create: adminProcedure
    .input(z.object({ slug: slugInput.shape.slug.optional(), label: z.string().trim().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const community = input.slug ? await communityBySlug(ctx.db, input.slug) : null;
      return createScreenLink(ctx.db, { community, label: input.label, createdBy: ctx.user.id });
    }),

  /** Every link, newest first, with the screen it opens and when a screen last used it. */
  list: adminProcedure.query(({ ctx }) => screenLinks(ctx.db)),

  /** Revoking twice changes nothing: the first revocation's time stays. */
  revoke: adminProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => revokeScreenLink(ctx.db, input.id)),
});
