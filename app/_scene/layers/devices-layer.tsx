'use client';
// Every sensor as one InstancedMesh per marker shape near the camera and one
// Points cloud for those far away: five draw calls for 11,786 devices or ten
// times as many. Colours, visibility and the near/far split live in the
// device store; this component mounts the meshes and hands them over.
import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useMemo } from 'react';
import {
  InstancedBufferAttribute,
  type InstancedMesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  type Points,
} from 'three';
import { createMarkerGeometry, createPointCloud } from '../markers';
import { SHAPES } from '../palette';
import { useSceneTheme } from '../theme';
import { attachMesh, attachPoints, FAR, shapeCapacity, updateLod, type DeviceStore } from '../store';

export type DevicesLayerProps = {
  store: DeviceStore;
  onHover?: (deviceIndex: number | null) => void;
  onPick?: (deviceIndex: number) => void;
};

export function DevicesLayer({ store, onHover, onPick }: DevicesLayerProps) {
  const invalidate = useThree((s) => s.invalidate);
  const geometries = useMemo(() => SHAPES.map(createMarkerGeometry), []);
  const theme = useSceneTheme();
  // On a dark wall markers are unlit: they keep their full status colour (they glow) however far or shaded.
  const material = useMemo(
    () => (theme === 'dark' ? new MeshBasicMaterial({ toneMapped: false }) : new MeshLambertMaterial()),
    [theme],
  );
  // Stable ref callbacks: a new function each render would detach and re-attach the meshes.
  const refs = useMemo(
    () =>
      SHAPES.map((_, shape) => (mesh: InstancedMesh | null) => {
        if (mesh && !mesh.instanceColor) {
          // Allocated before the first frame so the shader is built with instance colours.
          mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(mesh.instanceMatrix.count * 3), 3);
        }
        attachMesh(store, shape, mesh);
        invalidate();
      }),
    [store, invalidate],
  );
  // Far devices are dots of a few pixels; larger on a dark wall, read from metres away.
  const cloud = useMemo(() => createPointCloud(store.count, theme === 'dark' ? 4 : 2.5), [store, theme]);
  const pointsRef = useMemo(
    () => (points: Points | null) => {
      attachPoints(store, points);
      invalidate();
    },
    [store, invalidate],
  );
  useFrame(({ camera }) => {
    // One more frame after a re-split, as the camera may still be settling.
    if (updateLod(store, [camera.position.x, camera.position.y, camera.position.z])) invalidate();
  });
  const deviceAt = (container: number, e: ThreeEvent<PointerEvent | MouseEvent>) => {
    const slot = container === FAR ? e.index : e.instanceId;
    return slot === undefined ? null : (store.slotDevice[container]?.[slot] ?? null);
  };

  return (
    <group name="devices">
      {SHAPES.map((shape, k) => (
        <instancedMesh
          key={`${shape}-${store.count}-${theme}`}
          name={`devices-${shape}`}
          ref={refs[k]}
          args={[geometries[k], material, Math.max(1, shapeCapacity(store, k))]}
          onPointerMove={(e) => {
            e.stopPropagation();
            onHover?.(deviceAt(k, e));
          }}
          onPointerOut={() => onHover?.(null)}
          onClick={(e) => {
            e.stopPropagation();
            const i = deviceAt(k, e);
            if (i !== null) onPick?.(i);
          }}
        />
      ))}
      <points
        key={`far-${store.count}-${theme}`}
        name="devices-far"
        ref={pointsRef}
        geometry={cloud.geometry}
        material={cloud.material}
        onPointerMove={(e) => {
          e.stopPropagation();
          onHover?.(deviceAt(FAR, e));
        }}
        onPointerOut={() => onHover?.(null)}
        onClick={(e) => {
          e.stopPropagation();
          const i = deviceAt(FAR, e);
          if (i !== null) onPick?.(i);
        }}
      />
    </group>
  );
}
