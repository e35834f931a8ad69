// Geometry of the generated massing, built once per scene: every building in
// one merged mesh and every floor line in one LineSegments, so 28 or 1,500
// buildings cost two draw calls. A per-triangle table maps a picked face back
// to its building.
import { BufferAttribute, BufferGeometry, Color, ExtrudeGeometry, Shape, ShapeUtils, Vector2 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight } from '../geometry';
import { SCENE_COLORS, type SceneColors } from '../palette';

/** Wall and roof vertex colours of a theme's palette. */
function shades(colors: SceneColors) {
  return { WALL: new Color(colors.wall), ROOF: new Color(colors.roof) };
}

/** One building's extruded footprint in world space, walls and roof coloured per vertex. */
export function extrudeBuilding(
  b: TwinBuilding,
  height = buildingHeight(b),
  palette: SceneColors = SCENE_COLORS.light,
): BufferGeometry {
  const { WALL, ROOF } = shades(palette);
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

type Ring = Array<{ x: number; y: number }>;

/** The footprint as a counter-clockwise ring without a repeated closing point. */
function ring(b: TwinBuilding): Ring {
  const pts = b.footprint.slice();
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length > 1 && first && last && first.x === last.x && first.y === last.y) pts.pop();
  let area = 0;
  pts.forEach((p, i) => {
    const q = pts[(i + 1) % pts.length] as (typeof pts)[number];
    area += p.x * q.y - q.x * p.y;
  });
  return area < 0 ? pts.reverse() : pts;
}

/**
 * All buildings but those `skip`s in one geometry, with the building id of
 * every triangle. Written straight into typed arrays (walls as quads, roofs
 * triangulated; no floor, which nobody sees): ExtrudeGeometry per building and
 * mergeGeometries took ~0.3–1.2 s for 1,500 buildings, this a few tens of ms.
 * The look is ExtrudeGeometry's: flat-shaded walls and roof, coloured per vertex.
 */
export function massing(
  buildings: TwinBuilding[],
  skip: (b: TwinBuilding) => boolean,
  palette: SceneColors = SCENE_COLORS.light,
): Massing | null {
  const { WALL, ROOF } = shades(palette);
  const rings: Array<{ b: TwinBuilding; pts: Ring; roof: number[][] }> = [];
  let triangles = 0;
  for (const b of buildings) {
    if (skip(b) || b.footprint.length < 3) continue;
    const pts = ring(b);
    if (pts.length < 3) continue;
    const roof = ShapeUtils.triangulateShape(
      pts.map((p) => new Vector2(p.x, p.y)),
      [],
    );
    rings.push({ b, pts, roof });
    triangles += pts.length * 2 + roof.length;
  }
  if (rings.length === 0) return null;
  const position = new Float32Array(triangles * 9);
  const normal = new Float32Array(triangles * 9);
  const color = new Float32Array(triangles * 9);
  const triangleBuilding = new Int32Array(triangles);
  let v = 0;
  let t = 0;
  const put = (x: number, y: number, z: number, nx: number, ny: number, nz: number, c: Color) => {
    position[v] = x;
    position[v + 1] = y;
    position[v + 2] = z;
    normal[v] = nx;
    normal[v + 1] = ny;
    normal[v + 2] = nz;
    color[v] = c.r;
    color[v + 1] = c.g;
    color[v + 2] = c.b;
    v += 3;
  };
  for (const { b, pts, roof } of rings) {
    const h = buildingHeight(b);
    // Walls: counter-clockwise footprint, so the outward normal is on the right of each edge.
    pts.forEach((p, i) => {
      const q = pts[(i + 1) % pts.length] as (typeof pts)[number];
      const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const nx = (q.y - p.y) / len;
      const nz = (q.x - p.x) / len; // world z = −north: the local normal (dy, −dx) becomes (dy, 0, dx)
      put(p.x, 0, -p.y, nx, 0, nz, WALL);
      put(q.x, 0, -q.y, nx, 0, nz, WALL);
      put(q.x, h, -q.y, nx, 0, nz, WALL);
      put(p.x, 0, -p.y, nx, 0, nz, WALL);
      put(q.x, h, -q.y, nx, 0, nz, WALL);
      put(p.x, h, -p.y, nx, 0, nz, WALL);
    });
    for (const tri of roof) {
      const a = pts[tri[0] as number] as Ring[number];
      let c1 = pts[tri[1] as number] as Ring[number];
      let c2 = pts[tri[2] as number] as Ring[number];
      // Counter-clockwise seen from above, whatever order the triangulator gave.
      if ((c1.x - a.x) * (c2.y - a.y) - (c2.x - a.x) * (c1.y - a.y) < 0) [c1, c2] = [c2, c1];
      for (const p of [a, c1, c2]) put(p.x, h, -p.y, 0, 1, 0, ROOF);
    }
    triangleBuilding.fill(b.id, t, t + pts.length * 2 + roof.length);
    t += pts.length * 2 + roof.length;
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(position, 3));
  geometry.setAttribute('normal', new BufferAttribute(normal, 3));
  geometry.setAttribute('color', new BufferAttribute(color, 3));
  geometry.computeBoundingSphere();
  return { geometry, triangleBuilding };
}

/** Floor lines round every storey and the corners, for the given buildings (one typed array, counted first). */
export function floorLines(
  buildings: TwinBuilding[],
  topOf: (b: TwinBuilding) => number = (b) => b.floors,
): BufferGeometry {
  let segments = 0;
  for (const b of buildings) segments += b.footprint.length * (Math.max(0, topOf(b)) + 1);
  const v = new Float32Array(segments * 6);
  let k = 0;
  for (const b of buildings) {
    const pts = b.footprint;
    const top = topOf(b);
    for (let f = 1; f <= top; f++) {
      const h = f * b.floorHeight + 0.02;
      pts.forEach((p, i) => {
        const q = pts[(i + 1) % pts.length] as (typeof pts)[number];
        v.set([p.x, h, -p.y, q.x, h, -q.y], k);
        k += 6;
      });
    }
    for (const p of pts) {
      v.set([p.x, 0, -p.y, p.x, top * b.floorHeight, -p.y], k);
      k += 6;
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(v.subarray(0, k), 3));
  return g;
}
