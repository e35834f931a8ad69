'use client';
// The picked floor, shown in 3D: a translucent band round its building at
// that storey's height with its outline, so a floor chosen in the side panel
// is found in the scene at a glance. Two draw calls, only while a floor is picked.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry, EdgesGeometry } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { footprintBounds } from '../geometry';
import { markCanvas } from '../layers/beacons-layer';
import { useSceneColors } from '../theme';

const PAD = 0.6;
const unitBox = new BoxGeometry(1, 1, 1);
const unitEdges = new EdgesGeometry(unitBox);

export function FloorBand({
  buildings,
  floor,
}: {
  buildings: TwinBuilding[];
  floor: { buildingId: number; floor: number } | null;
}) {
  const colors = useSceneColors();
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const b = floor ? buildings.find((x) => x.id === floor.buildingId) : undefined;
  const place = useMemo(() => {
    if (!b || !floor) return null;
    const r = footprintBounds(b.footprint);
    return {
      position: [(r.x0 + r.x1) / 2, (floor.floor - 0.5) * b.floorHeight, -(r.y0 + r.y1) / 2] as const,
      scale: [r.x1 - r.x0 + PAD * 2, b.floorHeight + 0.1, r.y1 - r.y0 + PAD * 2] as const,
    };
  }, [b, floor]);
  // What the page's tests read: the floor the scene highlights ("<building id>:<floor>").
  useEffect(() => {
    markCanvas(gl.domElement, 'floorHighlight', place && floor ? `${floor.buildingId}:${floor.floor}` : null);
    invalidate();
  }, [place, floor, gl, invalidate]);
  if (!place) return null;
  return (
    <group name="floor-band" position={[...place.position]} scale={[...place.scale]}>
      <mesh geometry={unitBox} raycast={() => null} renderOrder={3}>
        <meshBasicMaterial color={colors.floorBand} transparent opacity={0.38} depthWrite={false} toneMapped={false} />
      </mesh>
      <lineSegments geometry={unitEdges} raycast={() => null} renderOrder={3}>
        <lineBasicMaterial color={colors.floorBand} toneMapped={false} />
      </lineSegments>
    </group>
  );
}
