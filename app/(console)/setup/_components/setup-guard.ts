import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';

/**
 * A setup step's check: signed in (else to sign-in and back to `path`), staff of this community,
 * and the community exists (else a 404). The community's record, or null when the caller holds
 * no staff role there (the page then shows NoRoleHere).
 */
export async function setupCommunity(slug: string, path: string) {
  const me = await signedInMember(path);
  if (!holds(me.standing, slug, 'staff')) return null;
  try {
    return await (await getCaller()).onboard.settings({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

/** The same check where the page needs only a yes or no. */
export async function staffOf(slug: string, path: string): Promise<boolean> {
  return (await setupCommunity(slug, path)) !== null;
}
