// Grids (网格) and the buildings each one covers.
import { gridBuildings, grids } from '../schema';
import type { GRID_KINDS } from '../vocab';
import type { SeededCommunity } from './community';
import { insertAll, insertIds, type Seeder } from './insert';
import { personName } from './names';
import type { Rng } from './prng';

export type GridSpec = {
  name: string;
  kind: (typeof GRID_KINDS)[number];
  headRole: string;
  /** Building numbers. */
  buildings: string[];
};

export type Grids = {
  byName: Map<string, number>;
  /** The grid that answers for a building: where its work orders go. */
  byBuilding: Map<number, number>;
};

export async function insertGrids(
  seeder: Seeder,
  community: SeededCommunity,
  rng: Rng,
  specs: GridSpec[],
): Promise<Grids> {
  const ids = await insertIds(
    seeder,
    grids,
    specs.map((s) => ({
      communityId: community.id,
      name: s.name,
      kind: s.kind,
      headName: personName(rng),
      headRole: s.headRole,
    })),
  );
  const buildingId = new Map(community.buildings.map((b) => [b.number, b.id]));
  const byBuilding = new Map<number, number>();
  const links = specs.flatMap((s, i) =>
    s.buildings.map((n) => {
      const id = buildingId.get(n);
      if (id === undefined) throw new Error(`${community.info.name} has no building ${n} for ${s.name}`);
      if (!byBuilding.has(id)) byBuilding.set(id, ids[i] as number);
      return { gridId: ids[i] as number, buildingId: id };
    }),
  );
  await insertAll(seeder, gridBuildings, links);
  return { byName: new Map(specs.map((s, i) => [s.name, ids[i] as number])), byBuilding };
}
