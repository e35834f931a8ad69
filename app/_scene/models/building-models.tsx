'use client';
// Buildings that name their own glTF (buildings.model_url) load it in place
// of the generated massing, scaled to the footprint's box and the building's
// height, so a surveyed model drops in without hand placement.
import { useGLTF } from '@react-three/drei';
import { Suspense, useMemo } from 'react';
import { Box3, Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, footprintBounds } from '../geometry';
import type { TwinPick } from '../runtime';

/** model_url names a file under /models/ or a full path. */
export function modelHref(modelUrl: string): string {
  return modelUrl.startsWith('/') || /^https?:\/\//.test(modelUrl) ? modelUrl : `/models/${modelUrl}`;
}

function BuildingModel({ building, onPick }: { building: TwinBuilding; onPick: (p: TwinPick) => void }) {
  const gltf = useGLTF(modelHref(building.modelUrl ?? ''));
  const placed = useMemo(() => {
    const scene = gltf.scene.clone(true);
    const size = new Box3().setFromObject(scene).getSize(new Vector3());
    const r = footprintBounds(building.footprint);
    scene.scale.set(
      (r.x1 - r.x0) / (size.x || 1),
      buildingHeight(building) / (size.y || 1),
      (r.y1 - r.y0) / (size.z || 1),
    );
    scene.position.set((r.x0 + r.x1) / 2, 0, -(r.y0 + r.y1) / 2);
    return scene;
  }, [gltf, building]);
  return (
    <primitive
      object={placed}
      name={`building-model-${building.number}`}
      onClick={(e: { stopPropagation: () => void }) => {
        e.stopPropagation();
        onPick({ kind: 'building', buildingId: building.id });
      }}
    />
  );
}

export function BuildingModels({ buildings, onPick }: { buildings: TwinBuilding[]; onPick: (p: TwinPick) => void }) {
  return (
    <group name="building-models">
      {buildings
        .filter((b) => b.modelUrl)
        .map((b) => (
          <Suspense key={b.id} fallback={null}>
            <BuildingModel building={b} onPick={onPick} />
          </Suspense>
        ))}
    </group>
  );
}
