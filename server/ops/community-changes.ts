// The community change trail (community_changes, db/schema/community.ts): every change made to
// a community's buildings, units, households, devices, grids, patrol and retrofit cases, from
// the onboarding wizard, the editing pages or the command line. Counts and fields, never a
// resident's name, phone or age.
import type { Db } from '~/db/client';
import { communityChanges } from '~/db/schema';

export type CommunityChangeInput = {
  communityId: number;
  /** `<subject kind>.<verb>`: "building.update", "households.import", "device.retire". */
  kind: string;
  /** The account's e-mail, or "cli:<os user>" for the command line. */
  actor: string;
  /** "building:12"; omitted for a bulk change. */
  subject?: string | null;
  detail?: Record<string, unknown>;
};

export async function recordChange(db: Db, change: CommunityChangeInput): Promise<void> {
  await db.insert(communityChanges).values({
    communityId: change.communityId,
    kind: change.kind,
    actor: change.actor,
    subject: change.subject ?? null,
    detail: change.detail ?? null,
  });
}

/** The fields of `after` that differ from `before`, each as [before, after]: an update's detail. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, unknown> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value)) diff[key] = [before[key], value];
  }
  return diff;
}
