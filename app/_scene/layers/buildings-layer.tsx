'use client';
// The generated massing: every building extruded from its footprint with its
// floor lines, unit entrances and labels, each one draw call however many
// buildings there are (1,500 measured: bench/twin-scale.ts). A building being
// cut at a floor is drawn apart, clipped, so the rest stay one mesh.
import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { DoubleSide, MeshLambertMaterial, Plane, Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { footprintBounds } from '../geometry';
import { useSceneColors } from '../theme';
import type { TwinPick, TwinRuntime } from '../runtime';
import { extrudeBuilding, floorLines, massing } from './building-geometry';
import { LabelsLayer } from './labels-layer';
import { UnitsLayer } from './units-layer';

export type Cut = { buildingId: number; floor: number } | null;

type Props = {
  buildings: TwinBuilding[];
  runtime: TwinRuntime;
  /** The building whose floors a click picks (the one already selected). */
  focusBuildingId: number | null;
  cut: Cut;
  onPick: (pick: TwinPick) => void;
};

function floorAt(b: TwinBuilding, y: number): number {
  return Math.min(b.floors, Math.max(1, Math.floor(y / b.floorHeight) + 1));
}

export function BuildingsLayer({ buildings, runtime, focusBuildingId, cut, onPick }: Props) {
  const invalidate = useThree((s) => s.invalidate);
  const colors = useSceneColors();
  const byId = useMemo(() => new Map(buildings.map((b) => [b.id, b])), [buildings]);
  // Buildings with their own glTF are drawn by BuildingModels instead.
  const generated = useMemo(() => buildings.filter((b) => !b.modelUrl), [buildings]);
  const cutBuilding = cut ? byId.get(cut.buildingId) : undefined;
  const rest = useMemo(
    () => massing(generated, (b) => b.id === cut?.buildingId, colors),
    [generated, cut?.buildingId, colors],
  );
  const lines = useMemo(
    () => floorLines(generated, (b) => (cut && b.id === cut.buildingId ? cut.floor : b.floors)),
    [generated, cut],
  );
  useEffect(() => () => lines.dispose(), [lines]);
  const clipped = useMemo(
    () => (cutBuilding && !cutBuilding.modelUrl ? extrudeBuilding(cutBuilding, undefined, colors) : null),
    [cutBuilding, colors],
  );
  const wallMaterial = useMemo(() => new MeshLambertMaterial({ vertexColors: true }), []);
  const clipMaterial = useMemo(
    () =>
      new MeshLambertMaterial({
        vertexColors: true,
        side: DoubleSide,
        clippingPlanes: [new Plane(new Vector3(0, -1, 0), 0)],
      }),
    [],
  );
  useEffect(() => {
    if (cut && cutBuilding)
      clipMaterial.clippingPlanes?.[0]?.set(new Vector3(0, -1, 0), cut.floor * cutBuilding.floorHeight + 0.05);
    invalidate();
  }, [cut, cutBuilding, clipMaterial, invalidate]);
  const hit = (e: ThreeEvent<PointerEvent | MouseEvent>, table: Int32Array | null, fixed?: TwinBuilding) => {
    const b = fixed ?? (e.faceIndex == null || !table ? undefined : byId.get(table[e.faceIndex] ?? -1));
    return b ? { b, floor: floorAt(b, e.point.y) } : null;
  };
  const hover = (e: ThreeEvent<PointerEvent>, table: Int32Array | null, fixed?: TwinBuilding) => {
    e.stopPropagation();
    const h = hit(e, table, fixed);
    if (!h) return;
    const r = footprintBounds(h.b.footprint);
    const focused = h.b.id === focusBuildingId;
    const y0 = focused ? (h.floor - 1) * h.b.floorHeight : 0;
    const y1 = focused ? h.floor * h.b.floorHeight : h.b.floors * h.b.floorHeight;
    runtime.setHover({ kind: 'box', min: [r.x0, y0, -r.y1], max: [r.x1, y1, -r.y0] });
  };
  const click = (e: ThreeEvent<MouseEvent>, table: Int32Array | null, fixed?: TwinBuilding) => {
    e.stopPropagation();
    const h = hit(e, table, fixed);
    if (!h) return;
    // First click picks the building, a click on the picked building picks the floor under the pointer.
    onPick(
      h.b.id === focusBuildingId
        ? { kind: 'floor', buildingId: h.b.id, floor: h.floor }
        : { kind: 'building', buildingId: h.b.id },
    );
  };
  const out = () => runtime.setHover(null);

  return (
    <group name="buildings">
      {rest && (
        <mesh
          name="buildings-massing"
          geometry={rest.geometry}
          material={wallMaterial}
          onPointerMove={(e) => hover(e, rest.triangleBuilding)}
          onPointerOut={out}
          onClick={(e) => click(e, rest.triangleBuilding)}
        />
      )}
      {clipped && cutBuilding && (
        <mesh
          name="buildings-cut"
          geometry={clipped}
          material={clipMaterial}
          onPointerMove={(e) => hover(e, null, cutBuilding)}
          onPointerOut={out}
          onClick={(e) => click(e, null, cutBuilding)}
        />
      )}
      <lineSegments name="buildings-floor-lines" geometry={lines} raycast={() => null}>
        <lineBasicMaterial color={colors.floorLine} />
      </lineSegments>
      <UnitsLayer buildings={buildings} runtime={runtime} onPick={onPick} />
      <LabelsLayer buildings={buildings} skipBuildingId={cut?.buildingId ?? null} />
    </group>
  );
}
