// Grids (网格) of a community, made and edited in the onboarding wizard: a name, its kind, its
// head, and the buildings it covers. Every change is audited (community-changes.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, gridBuildings, grids } from '~/db/schema';
import type { GRID_KINDS } from '~/db/vocab';
import { DomainError } from '../domain/errors';
import { changedFields, recordChange } from './community-changes';

export type GridInput = {
  name: string;
  kind: (typeof GRID_KINDS)[number];
  headName: string;
  headRole: string;
  buildingIds: number[];
};

/** Refuses building ids that are not the community's own. */
async function checkBuildings(db: Db, communityId: number, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, unique)));
  if (found.length !== unique.length) throw new DomainError('place.buildingNotInCommunity');
  return unique;
}

async function gridRow(db: Db, id: number) {
  const [grid] = await db.select().from(grids).where(eq(grids.id, id));
  if (!grid) throw new DomainError('grid.notFound', { id });
  const covered = await db
    .select({ id: gridBuildings.buildingId })
    .from(gridBuildings)
    .where(eq(gridBuildings.gridId, id));
  return { ...grid, buildingIds: covered.map((b) => b.id).sort((a, b) => a - b) };
}

export async function createGrid(db: Db, communityId: number, input: GridInput, actor: string) {
  const ids = await checkBuildings(db, communityId, input.buildingIds);
  return db.transaction(async (tx) => {
    const [grid] = await tx
      .insert(grids)
      .values({ communityId, name: input.name, kind: input.kind, headName: input.headName, headRole: input.headRole })
      .returning();
    if (ids.length) await tx.insert(gridBuildings).values(ids.map((buildingId) => ({ gridId: grid!.id, buildingId })));
    await recordChange(tx, {
      communityId,
      kind: 'grid.create',
      actor,
      subject: `grid:${grid!.id}`,
      detail: { name: grid!.name, kind: grid!.kind, buildings: ids.length },
    });
    return { ...grid!, buildingIds: ids };
  });
}

export async function updateGrid(db: Db, id: number, patch: Partial<GridInput>, actor: string) {
  const before = await gridRow(db, id);
  const ids = patch.buildingIds
    ? (await checkBuildings(db, before.communityId, patch.buildingIds)).sort((a, b) => a - b)
    : undefined;
  const { buildingIds: _ids, ...fields } = patch;
  const diff = changedFields(before, { ...fields, ...(ids ? { buildingIds: ids } : {}) });
  if (Object.keys(diff).length === 0) return before;
  return db.transaction(async (tx) => {
    if (Object.keys(fields).length) await tx.update(grids).set(fields).where(eq(grids.id, id));
    if (ids) {
      await tx.delete(gridBuildings).where(eq(gridBuildings.gridId, id));
      if (ids.length) await tx.insert(gridBuildings).values(ids.map((buildingId) => ({ gridId: id, buildingId })));
    }
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'grid.update',
      actor,
      subject: `grid:${id}`,
      detail: diff,
    });
    return gridRow(tx, id);
  });
}

/** Deletes a grid; its work orders keep their history and lose only the grid (set null). */
export async function deleteGrid(db: Db, id: number, actor: string) {
  const before = await gridRow(db, id);
  await db.transaction(async (tx) => {
    await tx.delete(grids).where(eq(grids.id, id));
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'grid.delete',
      actor,
      subject: `grid:${id}`,
      detail: { name: before.name },
    });
  });
  return { id };
}
