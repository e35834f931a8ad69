import 'server-only';
import { signedInMember } from '~/app/_trpc/access';
import { mayOpen, mayOpenIn } from '~/server/domain/pages';

/**
 * Sends a visitor to sign in; tells whether the account may plan: in community `slug`,
 * or, without one, in any community (server/domain/pages.ts, the table the navigation reads too).
 */
export async function plannerUser(next: string, slug?: string) {
  const me = await signedInMember(next);
  return { me, allowed: slug ? mayOpenIn(me.standing, slug, 'plan') : mayOpen(me.standing, '/plan') };
}
