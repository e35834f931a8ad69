// The reads authorization needs (server/trpc.ts decides): a member's grants, and the
// community an object of an id-addressed procedure belongs to, each one query.
import { and, eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { communities, memberships } from '~/db/schema';
import type { MembershipRole } from '~/db/vocab';
import { tiersOf, type Grant, type Reach, type Standing } from '../domain/access';
import { DomainError } from '../domain/errors';

/** Joins a membership to each community it covers: its own, or every one of a district membership's street. */
export const membershipCovers = or(
  eq(communities.id, memberships.communityId),
  and(eq(memberships.role, 'district'), eq(communities.street, memberships.street)),
)!;

/** A member's grants: community memberships as they are, district ones over their street's communities. */
export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  return db
    .select({ role: memberships.role, communityId: communities.id })
    .from(memberships)
    .innerJoin(communities, membershipCovers)
    .where(eq(memberships.userId, userId));
}

/**
 * Objects that id-addressed procedures name: the SQL from the object's id to its community's
 * id, and the code that refuses a missing one.
 */
export const OBJECT_KINDS = {
  alarm: {
    community: (id: number) => sql`select community_id from alarms where id = ${id}`,
    notFound: 'alarm.notFound',
  },
  workOrder: {
    community: (id: number) => sql`select community_id from work_orders where id = ${id}`,
    notFound: 'workOrder.notFound',
  },
  incident: {
    community: (id: number) => sql`select community_id from incidents where id = ${id}`,
    notFound: 'incident.notFound',
  },
  device: {
    community: (id: number) => sql`select community_id from devices where id = ${id}`,
    notFound: 'device.notFound',
  },
  scenario: {
    community: (id: number) => sql`select community_id from plan_scenarios where id = ${id}`,
    notFound: 'scenario.notFound',
  },
  retrofitCase: {
    community: (id: number) => sql`select b.community_id from retrofit_cases r join units u on u.id = r.unit_id
      join buildings b on b.id = u.building_id where r.id = ${id}`,
    notFound: 'retrofit.caseNotFound',
  },
  building: {
    community: (id: number) => sql`select community_id from buildings where id = ${id}`,
    notFound: 'building.notFound',
  },
  unit: {
    community: (id: number) => sql`select b.community_id from units u join buildings b on b.id = u.building_id
      where u.id = ${id}`,
    notFound: 'unit.idNotFound',
  },
  household: {
    community: (id: number) => sql`select b.community_id from households h join units u on u.id = h.unit_id
      join buildings b on b.id = u.building_id where h.id = ${id}`,
    notFound: 'household.notFound',
  },
  grid: { community: (id: number) => sql`select community_id from grids where id = ${id}`, notFound: 'grid.notFound' },
  patrolPoint: {
    community: (id: number) => sql`select community_id from patrol_points where id = ${id}`,
    notFound: 'patrolPoint.notFound',
  },
  patrolRoute: {
    community: (id: number) => sql`select community_id from patrol_routes where id = ${id}`,
    notFound: 'patrolRoute.notFound',
  },
} as const;
export type ObjectKind = keyof typeof OBJECT_KINDS;

/**
 * The community of object `id` of `kind`. A missing object is refused with its kind's
 * not-found code; so is one the caller may not reach (the caller decides that), so that
 * probing ids tells an outsider nothing.
 */
export async function communityIdOf(db: Db, kind: ObjectKind, id: number): Promise<number> {
  const [row] = await selectRows<{ community_id: number }>(db, OBJECT_KINDS[kind].community(id));
  if (!row) throw notFound(kind, id);
  return Number(row.community_id);
}

export function notFound(kind: ObjectKind, id: number): DomainError {
  if (kind === 'device') return new DomainError('device.notFound', { device: String(id) });
  return new DomainError(OBJECT_KINDS[kind].notFound, { id });
}

/** A SQL condition: `column` is one of the communities in `reach`. */
export function inReach(column: SQL | AnyColumn, reach: Reach): SQL {
  return reach === 'all' ? sql`true` : sql`${column} = any(${`{${reach.join(',')}}`}::int[])`;
}

export async function communityById(db: Db, id: number) {
  const [row] = await db.select().from(communities).where(eq(communities.id, id));
  return row ?? null;
}

/** An account's standing: for an admin every community at every tier, else what its memberships grant. */
export async function standingOf(db: Db, user: { id: string; role: 'admin' | 'member' }): Promise<Standing> {
  if (user.role === 'admin') {
    const all = await db
      .select({ slug: communities.slug, name: communities.name, nameEn: communities.nameEn })
      .from(communities)
      .orderBy(communities.id);
    return { admin: true, communities: all.map((c) => ({ ...c, tiers: ['viewer', 'planner', 'staff'] as const })) };
  }
  const rows = await db
    .select({ slug: communities.slug, name: communities.name, nameEn: communities.nameEn, role: memberships.role })
    .from(memberships)
    .innerJoin(communities, membershipCovers)
    .where(eq(memberships.userId, user.id))
    .orderBy(communities.id);
  const bySlug = new Map<string, { slug: string; name: string; nameEn: string; roles: MembershipRole[] }>();
  for (const { role, ...c } of rows) {
    const entry = bySlug.get(c.slug) ?? { ...c, roles: [] };
    entry.roles.push(role);
    bySlug.set(c.slug, entry);
  }
  return {
    admin: false,
    communities: [...bySlug.values()].map(({ roles, ...c }) => ({ ...c, roles, tiers: tiersOf(roles) })),
  };
}

/** Whether the account holds the district role of `street` (it may found communities there). */
export async function holdsStreet(db: Db, userId: string, street: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'district'), eq(memberships.street, street)))
    .limit(1);
  return !!row;
}
