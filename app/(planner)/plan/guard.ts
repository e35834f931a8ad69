import 'server-only';
import { signedInMember } from '~/app/_trpc/access';
import { holds, reachesAny } from '~/server/domain/access';

/**
 * Sends a visitor to sign in; tells whether the account may plan: in community `slug`,
 * or, without one, in any community.
 */
export async function plannerUser(next: string, slug?: string) {
  const me = await signedInMember(next);
  return { me, allowed: slug ? holds(me.standing, slug, 'planner') : reachesAny(me.standing, 'planner') };
}
