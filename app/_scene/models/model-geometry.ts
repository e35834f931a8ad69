'use client';
// The glTF models made by scripts/make-models.ts are single meshes; the
// scene takes their geometry and draws every copy as one InstancedMesh.
import { useGLTF } from '@react-three/drei';
import { useMemo } from 'react';
import { type BufferGeometry, type Mesh, type Object3D } from 'three';

export const MODEL_URLS = {
  shaft: '/models/elevator-shaft.glb',
  pole: '/models/camera-pole.glb',
  patrol: '/models/patrol-marker.glb',
} as const;

function firstGeometry(root: Object3D): BufferGeometry | null {
  let found: BufferGeometry | null = null;
  root.traverse((o) => {
    if (!found && (o as Mesh).isMesh) found = (o as Mesh).geometry;
  });
  return found;
}

/** Suspends while the model loads (wrap in <Suspense> with a fallback geometry). */
export function useModelGeometry(url: string): BufferGeometry {
  const gltf = useGLTF(url);
  return useMemo(() => {
    const g = firstGeometry(gltf.scene);
    if (!g) throw new Error(`${url} holds no mesh`);
    return g;
  }, [gltf, url]);
}
