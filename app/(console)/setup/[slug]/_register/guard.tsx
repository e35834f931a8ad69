import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { signedInMember } from '~/app/_trpc/access';
import { getCaller } from '~/app/_trpc/server';
import { holds } from '~/server/domain/access';

/** The register pages' check: signed in, staff of this community, and the community exists. */
export async function staffOf(slug: string, path: string): Promise<boolean> {
  const me = await signedInMember(path);
  if (!holds(me.standing, slug, 'staff')) return false;
  try {
    await (await getCaller()).community.bySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  return true;
}
