// Where a community stands in onboarding (docs/ONBOARDING.md): what each step has made so far,
// so the wizard can show done / to do and resume where the clerk left off.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';

export type OnboardingProgress = {
  buildings: number;
  units: number;
  households: number;
  devices: number;
  devicesWithToken: number;
  grids: number;
  patrolPoints: number;
  patrolRoutes: number;
  retrofitCases: number;
};

export async function onboardingProgress(db: Db, communityId: number): Promise<OnboardingProgress> {
  const [row] = await selectRows<OnboardingProgress>(
    db,
    sql`select
      (select count(*)::int from buildings where community_id = ${communityId}) as buildings,
      (select count(*)::int from units u join buildings b on b.id = u.building_id
        where b.community_id = ${communityId}) as units,
      (select count(*)::int from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
        where b.community_id = ${communityId}) as households,
      (select count(*)::int from devices where community_id = ${communityId}) as devices,
      (select count(*)::int from devices where community_id = ${communityId} and token_hash is not null)
        as "devicesWithToken",
      (select count(*)::int from grids where community_id = ${communityId}) as grids,
      (select count(*)::int from patrol_points where community_id = ${communityId}) as "patrolPoints",
      (select count(*)::int from patrol_routes where community_id = ${communityId}) as "patrolRoutes",
      (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
        where b.community_id = ${communityId}) as "retrofitCases"`,
  );
  return row!;
}

/** The community's change trail, newest first. */
export function communityChangeLog(db: Db, communityId: number, limit = 100) {
  return selectRows<{ id: number; kind: string; actor: string; subject: string | null; detail: unknown; at: Date }>(
    db,
    sql`select id, kind, actor, subject, detail, at from community_changes
        where community_id = ${communityId} order by at desc, id desc limit ${limit}`,
  );
}
