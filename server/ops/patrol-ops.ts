// Patrol points, routes and plans of a community, made and edited in the onboarding wizard.
// Every change is audited (community-changes.ts); patrol times are never public (DESIGN privacy),
// so they stay in the console and the trail.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, patrolPlans, patrolPoints, patrolRoutePoints, patrolRoutes } from '~/db/schema';
import type { PatrolFrequency } from '~/db/vocab';
import { DomainError } from '../domain/errors';
import { changedFields, recordChange } from './community-changes';

export type PointInput = { code: string; name: string; buildingId: number | null; x: number; y: number };
export type RouteStop = { pointId: number; dueMinutes: number; windowMinutes: number };
export type PlanInput = {
  /** An existing plan of the route to keep (its check-ins stay linked); absent for a new one. */
  id?: number;
  frequency: PatrolFrequency;
  weekdays: number[];
  startTime: string;
  anchorDate: string | null;
  shift: string | null;
};

async function pointRow(db: Db, id: number) {
  const [point] = await db.select().from(patrolPoints).where(eq(patrolPoints.id, id));
  if (!point) throw new DomainError('patrolPoint.notFound', { id });
  return point;
}

async function routeRow(db: Db, id: number) {
  const [route] = await db.select().from(patrolRoutes).where(eq(patrolRoutes.id, id));
  if (!route) throw new DomainError('patrolRoute.notFound', { id });
  return route;
}

async function checkPoint(db: Db, communityId: number, p: Partial<PointInput>, self?: number) {
  if (p.code !== undefined) {
    const [taken] = await db
      .select({ id: patrolPoints.id })
      .from(patrolPoints)
      .where(self ? and(eq(patrolPoints.code, p.code), ne(patrolPoints.id, self)) : eq(patrolPoints.code, p.code));
    if (taken) throw new DomainError('patrolPoint.codeTaken', { code: p.code });
  }
  if (p.buildingId) {
    const [b] = await db
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.id, p.buildingId), eq(buildings.communityId, communityId)));
    if (!b) throw new DomainError('place.buildingNotInCommunity');
  }
}

export async function createPatrolPoint(db: Db, communityId: number, input: PointInput, actor: string) {
  await checkPoint(db, communityId, input);
  return db.transaction(async (tx) => {
    const [point] = await tx
      .insert(patrolPoints)
      .values({ communityId, ...input })
      .onConflictDoNothing()
      .returning();
    if (!point) throw new DomainError('patrolPoint.codeTaken', { code: input.code });
    await recordChange(tx, {
      communityId,
      kind: 'patrolPoint.create',
      actor,
      subject: `patrolPoint:${point.id}`,
      detail: { code: point.code, name: point.name },
    });
    return point;
  });
}

export async function updatePatrolPoint(db: Db, id: number, patch: Partial<PointInput>, actor: string) {
  const before = await pointRow(db, id);
  await checkPoint(db, before.communityId, patch, id);
  const diff = changedFields(before, patch);
  if (Object.keys(diff).length === 0) return before;
  return db.transaction(async (tx) => {
    const [after] = await tx.update(patrolPoints).set(patch).where(eq(patrolPoints.id, id)).returning();
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'patrolPoint.update',
      actor,
      subject: `patrolPoint:${id}`,
      detail: diff,
    });
    return after!;
  });
}

/** Deletes a point, its check-ins, and its stops on routes. */
export async function deletePatrolPoint(db: Db, id: number, actor: string) {
  const before = await pointRow(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(patrolPoints).where(eq(patrolPoints.id, id));
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'patrolPoint.delete',
      actor,
      subject: `patrolPoint:${id}`,
      detail: { code: before.code, name: before.name },
    });
  });
  return { id };
}

async function checkStops(db: Db, communityId: number, stops: readonly RouteStop[]) {
  const ids = [...new Set(stops.map((s) => s.pointId))];
  if (ids.length === 0) return;
  const found = await db
    .select({ id: patrolPoints.id })
    .from(patrolPoints)
    .where(and(eq(patrolPoints.communityId, communityId), inArray(patrolPoints.id, ids)));
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing !== undefined) throw new DomainError('patrolRoute.pointNotInCommunity', { id: missing });
}

async function writeStops(db: Db, routeId: number, stops: readonly RouteStop[]) {
  await db.delete(patrolRoutePoints).where(eq(patrolRoutePoints.routeId, routeId));
  if (stops.length) await db.insert(patrolRoutePoints).values(stops.map((s, i) => ({ routeId, seq: i + 1, ...s })));
}

export async function createPatrolRoute(
  db: Db,
  communityId: number,
  input: { name: string; stops: RouteStop[] },
  actor: string,
) {
  await checkStops(db, communityId, input.stops);
  return db.transaction(async (tx) => {
    const [route] = await tx.insert(patrolRoutes).values({ communityId, name: input.name }).returning();
    await writeStops(tx, route!.id, input.stops);
    await recordChange(tx, {
      communityId,
      kind: 'patrolRoute.create',
      actor,
      subject: `patrolRoute:${route!.id}`,
      detail: { name: route!.name, points: input.stops.length },
    });
    return route!;
  });
}

export async function updatePatrolRoute(
  db: Db,
  id: number,
  patch: { name?: string; stops?: RouteStop[] },
  actor: string,
) {
  const before = await routeRow(db, id);
  if (patch.stops) await checkStops(db, before.communityId, patch.stops);
  const oldStops = await db
    .select({
      pointId: patrolRoutePoints.pointId,
      dueMinutes: patrolRoutePoints.dueMinutes,
      windowMinutes: patrolRoutePoints.windowMinutes,
    })
    .from(patrolRoutePoints)
    .where(eq(patrolRoutePoints.routeId, id))
    .orderBy(patrolRoutePoints.seq);
  const diff = changedFields({ name: before.name, stops: oldStops }, patch);
  if (Object.keys(diff).length === 0) return before;
  return db.transaction(async (tx) => {
    if (patch.name !== undefined)
      await tx.update(patrolRoutes).set({ name: patch.name }).where(eq(patrolRoutes.id, id));
    if (patch.stops) await writeStops(tx, id, patch.stops);
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'patrolRoute.update',
      actor,
      subject: `patrolRoute:${id}`,
      // The stops' times are on record as a count only: the trail is shown beside the setup pages.
      detail: {
        ...(diff.name ? { name: diff.name } : {}),
        ...(patch.stops ? { points: [oldStops.length, patch.stops.length] } : {}),
      },
    });
    return routeRow(tx, id);
  });
}

/** Deletes a route with its stops and plans; check-ins stay with their points. */
export async function deletePatrolRoute(db: Db, id: number, actor: string) {
  const before = await routeRow(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(patrolRoutes).where(eq(patrolRoutes.id, id));
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'patrolRoute.delete',
      actor,
      subject: `patrolRoute:${id}`,
      detail: { name: before.name },
    });
  });
  return { id };
}

/**
 * Sets a route's plans: those named by id are changed in place (their check-ins stay linked), new
 * ones are added, and the route's plans not named are deleted.
 */
export async function setPatrolPlans(db: Db, routeId: number, plans: readonly PlanInput[], actor: string) {
  const route = await routeRow(db, routeId);
  const existing = await db.select().from(patrolPlans).where(eq(patrolPlans.routeId, routeId));
  for (const p of plans)
    if (p.id !== undefined && !existing.some((e) => e.id === p.id))
      throw new DomainError('patrolPlan.notFound', { id: p.id });
  const kept = new Set(plans.map((p) => p.id).filter((id): id is number => id !== undefined));
  return db.transaction(async (tx) => {
    const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (gone.length) await tx.delete(patrolPlans).where(inArray(patrolPlans.id, gone));
    for (const { id, ...fields } of plans) {
      const row = { ...fields, weekdays: fields.frequency === 'weekly' ? [...fields.weekdays].sort() : [] };
      if (id !== undefined) await tx.update(patrolPlans).set(row).where(eq(patrolPlans.id, id));
      else await tx.insert(patrolPlans).values({ routeId, ...row });
    }
    await recordChange(tx, {
      communityId: route.communityId,
      kind: 'patrolPlan.set',
      actor,
      subject: `patrolRoute:${routeId}`,
      detail: { plans: [existing.length, plans.length] },
    });
    return tx.select().from(patrolPlans).where(eq(patrolPlans.routeId, routeId)).orderBy(patrolPlans.id);
  });
}
