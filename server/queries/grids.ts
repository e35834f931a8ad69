// A community's grids with the buildings each covers, and the buildings to choose from.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, gridBuildings, grids } from '~/db/schema';

export async function gridList(db: Db, communityId: number) {
  const [gridRows, buildingRows] = await Promise.all([
    db.select().from(grids).where(eq(grids.communityId, communityId)).orderBy(asc(grids.id)),
    db
      .select({ id: buildings.id, number: buildings.number, name: buildings.name })
      .from(buildings)
      .where(eq(buildings.communityId, communityId))
      .orderBy(asc(buildings.id)),
  ]);
  const links = gridRows.length
    ? await db
        .select()
        .from(gridBuildings)
        .where(
          inArray(
            gridBuildings.gridId,
            gridRows.map((g) => g.id),
          ),
        )
    : [];
  return {
    grids: gridRows.map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      headName: g.headName,
      headRole: g.headRole,
      buildingIds: links
        .filter((l) => l.gridId === g.id)
        .map((l) => l.buildingId)
        .sort((a, b) => a - b),
    })),
    buildings: buildingRows,
  };
}
