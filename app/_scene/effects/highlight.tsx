'use client';
// The hover highlight: a box outline round a building, floor or unit, or a
// ring over a point. Moved in useFrame from the runtime's mutable hover, so
// pointer movement never renders React.
import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { BoxGeometry, EdgesGeometry, type LineSegments, type Mesh } from 'three';
import { useSceneColors } from '../theme';
import type { TwinRuntime } from '../runtime';

export function Highlight({ runtime }: { runtime: TwinRuntime }) {
  const box = useRef<LineSegments>(null);
  const ring = useRef<Mesh>(null);
  const seen = useRef(-1);
  const colors = useSceneColors();
  const edges = useMemo(() => new EdgesGeometry(new BoxGeometry(1, 1, 1)), []);
  useFrame(() => {
    if (seen.current === runtime.hoverVersion || !box.current || !ring.current) return;
    seen.current = runtime.hoverVersion;
    const h = runtime.hover;
    box.current.visible = h?.kind === 'box';
    ring.current.visible = h?.kind === 'point';
    if (h?.kind === 'box') {
      const pad = 0.3;
      box.current.position.set((h.min[0] + h.max[0]) / 2, (h.min[1] + h.max[1]) / 2, (h.min[2] + h.max[2]) / 2);
      box.current.scale.set(h.max[0] - h.min[0] + pad, h.max[1] - h.min[1] + pad, h.max[2] - h.min[2] + pad);
    } else if (h?.kind === 'point') {
      ring.current.position.set(...h.at);
    }
  });
  return (
    <group name="highlight">
      <lineSegments ref={box} geometry={edges} visible={false} raycast={() => null} renderOrder={3}>
        <lineBasicMaterial color={colors.highlight} depthTest={false} transparent />
      </lineSegments>
      <mesh ref={ring} visible={false} raycast={() => null} rotation={[-Math.PI / 2, 0, 0]} renderOrder={3}>
        <ringGeometry args={[0.9, 1.3, 12]} />
        <meshBasicMaterial color={colors.highlight} depthTest={false} transparent />
      </mesh>
    </group>
  );
}
