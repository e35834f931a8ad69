import 'server-only';
import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getCaller } from './server';

/** The signed-in account with its standing (communities and tiers), or null when nobody is signed in. */
export const getMe = cache(async () => {
  try {
    return await (await getCaller()).account.me();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
});

/**
 * The signed-in account; a visitor is sent to sign in and brought back to `next`, an account
 * still holding an admin's one-time password to change it first, and a resident (who holds no
 * staff-side tier anywhere) to their own community's public page, where everything for them is.
 */
export async function signedInMember(next: string) {
  const me = await getMe();
  if (!me) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  if (me.mustChangePassword) redirect('/account/password');
  const staffSide = me.standing.admin || me.standing.communities.some((c) => c.tiers.length > 0);
  const home = me.standing.communities.find((c) => c.roles?.includes('resident'));
  if (!staffSide && home) redirect(`/status/${home.slug}`);
  return me;
}
