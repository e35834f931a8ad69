'use client';
// Each unit marked on its building's south wall: the entrance canopy and the
// stairwell strip up the façade, two boxes per unit written into one static
// geometry (one draw call). Not an InstancedMesh: software WebGL (SwiftShader)
// draws every instance like a mesh of its own (store.ts), and a community of
// 1,500 buildings has 3,000 units. A per-triangle table maps a picked face
// back to its unit.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry, BufferAttribute, BufferGeometry, Color, MeshLambertMaterial } from 'three';
import type { TwinBuilding, TwinUnit } from '~/server/queries/twin-scene';
import { buildingHeight, toWorld } from '../geometry';
import { SCENE_COLORS, type SceneColors } from '../palette';
import { useSceneColors } from '../theme';
import type { TwinPick, TwinRuntime } from '../runtime';

// A unit cube standing on y = 0, 12 triangles.
const CUBE = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0).toNonIndexed();
const CUBE_POS = CUBE.getAttribute('position').array as Float32Array;
const CUBE_NORMAL = CUBE.getAttribute('normal').array as Float32Array;
const CUBE_VERTS = CUBE_POS.length / 3;
const CUBE_TRIANGLES = CUBE_VERTS / 3;

export type UnitBox = { size: [number, number, number]; at: [number, number, number]; color: Color };

/** The two boxes that mark a unit: the canopy over its door and its stairwell's windows. */
export function unitBoxes(
  u: Pick<TwinUnit, 'stairX' | 'stairY'>,
  b: Pick<TwinBuilding, 'floors' | 'floorHeight'>,
  colors: SceneColors = SCENE_COLORS.light,
) {
  const [x, , z] = toWorld(u.stairX, u.stairY);
  return [
    // Canopy over the door, 2.6 m wide, standing 1.4 m out.
    { size: [2.6, 0.35, 1.4], at: [x, 2.4, z + 0.7], color: new Color(colors.entrance) },
    // The stairwell's windows, a pale strip up the wall.
    { size: [1.3, buildingHeight(b) - 3.2, 0.12], at: [x, 3.0, z + 0.06], color: new Color(colors.stairwell) },
  ] satisfies UnitBox[];
}

/** Every unit's boxes in one geometry, and the unit index of every triangle. */
export function unitsGeometry(
  units: Array<{ u: TwinUnit; b: TwinBuilding }>,
  colors: SceneColors = SCENE_COLORS.light,
): {
  geometry: BufferGeometry;
  triangleUnit: Int32Array;
} {
  const boxes = units.length * 2;
  const position = new Float32Array(boxes * CUBE_VERTS * 3);
  const normal = new Float32Array(boxes * CUBE_VERTS * 3);
  const color = new Float32Array(boxes * CUBE_VERTS * 3);
  const triangleUnit = new Int32Array(boxes * CUBE_TRIANGLES);
  let v = 0;
  units.forEach(({ u, b }, k) => {
    for (const box of unitBoxes(u, b, colors)) {
      for (let i = 0; i < CUBE_VERTS; i++) {
        for (let a = 0; a < 3; a++) {
          position[v + a] = (CUBE_POS[i * 3 + a] as number) * box.size[a]! + box.at[a]!;
          normal[v + a] = CUBE_NORMAL[i * 3 + a] as number;
        }
        color[v] = box.color.r;
        color[v + 1] = box.color.g;
        color[v + 2] = box.color.b;
        v += 3;
      }
    }
    triangleUnit.fill(k, k * 2 * CUBE_TRIANGLES, (k + 1) * 2 * CUBE_TRIANGLES);
  });
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(position, 3));
  geometry.setAttribute('normal', new BufferAttribute(normal, 3));
  geometry.setAttribute('color', new BufferAttribute(color, 3));
  geometry.computeBoundingSphere();
  return { geometry, triangleUnit };
}

export function UnitsLayer({
  buildings,
  runtime,
  onPick,
}: {
  buildings: TwinBuilding[];
  runtime: TwinRuntime;
  onPick: (p: TwinPick) => void;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const units = useMemo(() => buildings.flatMap((b) => b.units.map((u) => ({ u, b }))), [buildings]);
  const colors = useSceneColors();
  const built = useMemo(() => unitsGeometry(units, colors), [units, colors]);
  const material = useMemo(() => new MeshLambertMaterial({ vertexColors: true }), []);
  useEffect(() => {
    invalidate();
    return () => built.geometry.dispose();
  }, [built, invalidate]);

  const unitOf = (faceIndex: number | null | undefined): { u: TwinUnit; b: TwinBuilding } | undefined =>
    faceIndex == null ? undefined : units[built.triangleUnit[faceIndex] ?? -1];

  if (units.length === 0) return null;
  return (
    <mesh
      name="units"
      geometry={built.geometry}
      material={material}
      onPointerMove={(e) => {
        e.stopPropagation();
        const hit = unitOf(e.faceIndex);
        if (!hit) return;
        const [x, , z] = toWorld(hit.u.stairX, hit.u.stairY);
        runtime.setHover({ kind: 'box', min: [x - 1.5, 0, z - 0.2], max: [x + 1.5, buildingHeight(hit.b), z + 1.5] });
      }}
      onPointerOut={() => runtime.setHover(null)}
      onClick={(e) => {
        e.stopPropagation();
        const hit = unitOf(e.faceIndex);
        if (hit) onPick({ kind: 'unit', unitId: hit.u.id, buildingId: hit.b.id });
      }}
    />
  );
}
