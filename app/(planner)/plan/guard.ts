import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSessionUser } from '~/server/auth/instance';
import { TIER_ROLES } from '~/server/trpc';

/** Sends a visitor to sign in; tells whether the user may use the planner (planner tier). */
export async function plannerUser(next: string) {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return { user, allowed: TIER_ROLES.planner.includes(user.role) };
}
