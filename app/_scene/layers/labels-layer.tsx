'use client';
// Building and unit labels: one atlas texture and one mesh (labels.ts) for
// the buildings near the camera (near-buildings.ts) — every building of a
// community of up to LABEL_BUDGET. One atlas cell per building of a 1,500-building
// community would outgrow any texture, and those labels would be a pixel high.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildLabels } from '../labels';
import { buildingLabelSpecs, LABEL_BUDGET } from './building-labels';
import { useNearBuildings } from './near-buildings';

export function LabelsLayer({
  buildings,
  skipBuildingId,
  budget = LABEL_BUDGET,
}: {
  buildings: TwinBuilding[];
  skipBuildingId: number | null;
  budget?: number;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const near = useNearBuildings(buildings, budget);
  const labels = useMemo(() => buildLabels(buildingLabelSpecs(near, skipBuildingId)), [near, skipBuildingId]);
  const material = useMemo(
    () =>
      labels
        ? new MeshBasicMaterial({
            map: labels.texture,
            transparent: true,
            alphaTest: 0.05,
            depthWrite: false,
            polygonOffset: true,
            polygonOffsetFactor: -4,
          })
        : null,
    [labels],
  );
  useEffect(() => {
    invalidate();
    return () => {
      labels?.geometry.dispose();
      labels?.texture.dispose();
      material?.dispose();
    };
  }, [labels, material, invalidate]);

  if (!labels || !material) return null;
  return <mesh name="labels" geometry={labels.geometry} material={material} raycast={() => null} renderOrder={2} />;
}
