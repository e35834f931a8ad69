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

/** Objects that id-addressed procedures name, and the table that says their community. */
export const OBJECT_KINDS = {
  alarm: { table: 'alarms', join: null, notFound: 'alarm.notFound' },
  workOrder: { table: 'work_orders', join: null, notFound: 'workOrder.notFound' },
  incident: { table: 'incidents', join: null, notFound: 'incident.notFound' },
  device: { table: 'devices', join: null, notFound: 'device.notFound' },
  scenario: { table: 'plan_scenarios', join: null, notFound: 'scenario.notFound' },
  retrofitCase: { table: 'retrofit_cases', join: 'unit', notFound: 'retrofit.caseNotFound' },
} as const;
export type ObjectKind = keyof typeof OBJECT_KINDS;

/**
 * The community of object `id` of `kind`. A missing object is refused with its kind's
 * not-found code; so is one the caller may not reach (the caller decides that), so that
 * probing ids tells an outsider nothing.
 */
export async function communityIdOf(db: Db, kind: ObjectKind, id: number): Promise<number> {
  const spec = OBJECT_KINDS[kind];
  const [row] = await selectRows<{ community_id: number }>(
    db,
    spec.join === 'unit'
      ? sql`select b.community_id from retrofit_cases r join units u on u.id = r.unit_id
              join buildings b on b.id = u.building_id where r.id = ${id}`
      : sql`select community_id from ${sql.identifier(spec.table)} where id = ${id}`,
  );
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
