// Geometry of the generated massing, built once per scene: every building in
// one merged mesh and every floor line in one LineSegments, so 28 or 33
// buildings cost two draw calls, not sixty. A per-triangle table maps a
// picked face back to its building.
import { BufferAttribute, BufferGeometry, Color, ExtrudeGeometry, Float32BufferAttribute, Shape, Vector2 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight } from '../geometry';
import { SCENE_COLORS } from '../palette';

const WALL = new Color(SCENE_COLORS.wall);
const ROOF = new Color(SCENE_COLORS.roof);

/** One building's extruded footprint in world space, walls and roof coloured per vertex. */
export function extrudeBuilding(b: TwinBuilding, height = buildingHeight(b)): BufferGeometry {
  const shape = new Shape(b.footprint.map((p) => new Vector2(p.x, p.y)));
  const g = new ExtrudeGeometry(shape, { depth: height, bevelEnabled: false, steps: 1 });
  // Shape (x east, y north) extruded along +z becomes (x, up, −north).
  g.rotateX(-Math.PI / 2);
  const normals = g.getAttribute('normal');
  const colors = new Float32Array(normals.count * 3);
  for (let v = 0; v < normals.count; v++) {
    const c = normals.getY(v) > 0.5 ? ROOF : WALL;
    colors.set([c.r, c.g, c.b], v * 3);
  }
  g.setAttribute('color', new BufferAttribute(colors, 3));
  g.deleteAttribute('uv');
  g.clearGroups();
  return g;
}

export type Massing = { geometry: BufferGeometry; triangleBuilding: Int32Array };

/** All buildings but those `skip`s in one geometry, with the building id of every triangle. */
export function massing(buildings: TwinBuilding[], skip: (b: TwinBuilding) => boolean): Massing | null {
  const parts: BufferGeometry[] = [];
  const owners: number[] = [];
  for (const b of buildings) {
    if (skip(b)) continue;
    const g = extrudeBuilding(b);
    parts.push(g);
    owners.push(b.id, g.getAttribute('position').count / 3);
  }
  if (parts.length === 0) return null;
  const geometry = mergeGeometries(parts, false);
  parts.forEach((p) => p.dispose());
  const triangleBuilding = new Int32Array(geometry.getAttribute('position').count / 3);
  let t = 0;
  for (let k = 0; k < owners.length; k += 2) {
    triangleBuilding.fill(owners[k] as number, t, t + (owners[k + 1] as number));
    t += owners[k + 1] as number;
  }
  return { geometry, triangleBuilding };
}

/** Floor lines round every storey and the corners, for the given buildings. */
export function floorLines(
  buildings: TwinBuilding[],
  topOf: (b: TwinBuilding) => number = (b) => b.floors,
): BufferGeometry {
  const v: number[] = [];
  for (const b of buildings) {
    const pts = b.footprint;
    const top = topOf(b);
    for (let k = 1; k <= top; k++) {
      const h = k * b.floorHeight + 0.02;
      pts.forEach((p, i) => {
        const q = pts[(i + 1) % pts.length] as (typeof pts)[number];
        v.push(p.x, h, -p.y, q.x, h, -q.y);
      });
    }
    for (const p of pts) v.push(p.x, 0, -p.y, p.x, top * b.floorHeight, -p.y);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(v, 3));
  return g;
}
