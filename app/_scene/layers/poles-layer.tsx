'use client';
// Camera poles, one instance each; their seven cameras are device markers
// stacked down the mast (placement.ts).
import { useLayoutEffect, useMemo, useRef } from 'react';
import { type BufferGeometry, type InstancedMesh, Matrix4, MeshLambertMaterial, Vector3 } from 'three';
import type { TwinPole } from '~/server/queries/twin-scene';
import { facadeEdge, toWorld } from '../geometry';
import { useSceneColors } from '../theme';

const m = new Matrix4();
const scale = new Vector3();

/** `geometry`: a pole of unit height on y = 0 with its arm along −z (public/models/camera-pole.glb). */
export function PolesLayer({ poles, geometry }: { poles: TwinPole[]; geometry: BufferGeometry }) {
  const ref = useRef<InstancedMesh>(null);
  const colors = useSceneColors();
  const material = useMemo(() => new MeshLambertMaterial({ color: colors.pole }), [colors]);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    poles.forEach((p, k) => {
      const [x, , z] = toWorld(p.x, p.y);
      const e = facadeEdge({ x0: 0, y0: 0, x1: 0, y1: 0 }, p.facade);
      // Turn the arm towards the building it watches (local −normal).
      const yaw = Math.atan2(e.nx, -e.ny);
      m.makeRotationY(yaw)
        .scale(scale.set(1, p.heightM, 1))
        .setPosition(x, 0, z);
      mesh.setMatrixAt(k, m);
    });
    mesh.count = poles.length;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [poles]);
  if (poles.length === 0) return null;
  return <instancedMesh ref={ref} name="camera-poles" args={[geometry, material, poles.length]} raycast={() => null} />;
}
