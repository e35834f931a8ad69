'use client';
// Each unit marked on its building's south wall: the entrance canopy and the
// stairwell strip up the façade, two instances per unit in one InstancedMesh.
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Color, type InstancedMesh, Matrix4, MeshLambertMaterial } from 'three';
import type { TwinBuilding, TwinUnit } from '~/server/queries/twin-scene';
import { buildingHeight, toWorld } from '../geometry';
import { SCENE_COLORS } from '../palette';
import type { TwinPick, TwinRuntime } from '../runtime';

const m = new Matrix4();
const ENTRANCE = new Color(SCENE_COLORS.entrance);
const STAIR = new Color(SCENE_COLORS.stairwell);

export function UnitsLayer({
  buildings,
  runtime,
  onPick,
}: {
  buildings: TwinBuilding[];
  runtime: TwinRuntime;
  onPick: (p: TwinPick) => void;
}) {
  const ref = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const units = useMemo(() => buildings.flatMap((b) => b.units.map((u) => ({ u, b }))), [buildings]);
  const geometry = useMemo(() => new BoxGeometry(1, 1, 1).translate(0, 0.5, 0), []);
  const material = useMemo(() => new MeshLambertMaterial(), []);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    units.forEach(({ u, b }, k) => {
      const [x, , z] = toWorld(u.stairX, u.stairY);
      // Canopy over the door, 2.6 m wide, standing 1.4 m out.
      m.makeScale(2.6, 0.35, 1.4).setPosition(x, 2.4, z + 0.7);
      mesh.setMatrixAt(2 * k, m);
      mesh.setColorAt(2 * k, ENTRANCE);
      // The stairwell's windows, a pale strip up the wall.
      m.makeScale(1.3, buildingHeight(b) - 3.2, 0.12).setPosition(x, 3.0, z + 0.06);
      mesh.setMatrixAt(2 * k + 1, m);
      mesh.setColorAt(2 * k + 1, STAIR);
    });
    mesh.count = units.length * 2;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
    invalidate();
  }, [units, invalidate]);

  const unitOf = (instanceId: number | undefined): { u: TwinUnit; b: TwinBuilding } | undefined =>
    instanceId === undefined ? undefined : units[Math.floor(instanceId / 2)];

  return (
    <instancedMesh
      ref={ref}
      name="units"
      args={[geometry, material, Math.max(1, units.length * 2)]}
      onPointerMove={(e) => {
        e.stopPropagation();
        const hit = unitOf(e.instanceId);
        if (!hit) return;
        const [x, , z] = toWorld(hit.u.stairX, hit.u.stairY);
        runtime.setHover({ kind: 'box', min: [x - 1.5, 0, z - 0.2], max: [x + 1.5, buildingHeight(hit.b), z + 1.5] });
      }}
      onPointerOut={() => runtime.setHover(null)}
      onClick={(e) => {
        e.stopPropagation();
        const hit = unitOf(e.instanceId);
        if (hit) onPick({ kind: 'unit', unitId: hit.u.id, buildingId: hit.b.id });
      }}
    />
  );
}
