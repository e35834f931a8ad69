// Which labels a community gets: its number on every roof (read from the
// overview) and high on the south wall, and each unit's name over its door.
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, footprintBounds, toWorld } from '../geometry';
import type { LabelSpec } from '../labels';

export function buildingLabelSpecs(buildings: TwinBuilding[], skipBuildingId: number | null): LabelSpec[] {
  const specs: LabelSpec[] = [];
  for (const b of buildings) {
    const r = footprintBounds(b.footprint);
    const h = buildingHeight(b);
    const cx = (r.x0 + r.x1) / 2;
    const width = r.x1 - r.x0;
    if (b.id !== skipBuildingId) {
      specs.push({
        text: b.name,
        style: 'sign',
        facing: 'up',
        center: toWorld(cx, (r.y0 + r.y1) / 2, h + 0.08),
        height: Math.min(9, (r.y1 - r.y0) * 0.7),
        maxWidth: width * 0.8,
      });
      specs.push({
        text: b.name,
        style: 'sign',
        facing: 'south',
        center: toWorld(cx, r.y0 - 0.12, h - b.floorHeight * 0.6),
        height: Math.min(3.4, b.floorHeight * 1.1),
        maxWidth: width * 0.5,
      });
    }
    for (const u of b.units) {
      specs.push({
        text: u.name,
        style: 'unit',
        facing: 'south',
        center: toWorld(u.stairX + 3.2, u.stairY - 0.14, 3.1),
        height: 1.1,
      });
    }
  }
  return specs;
}
