'use client';
// The onboarding steps' 3D preview (setup/[slug]/buildings and /units): footprints extruded to
// their floors in one merged mesh (the twin's own massing helper), chosen ones in the wall
// colour and the rest faded, and — on the units step — stairwells as markers that can be
// dragged along the ground. A drag is tracked in a ref and reported once, on release.
import { OrbitControls } from '@react-three/drei';
import { Canvas, useThree, type ThreeEvent } from '@react-three/fiber';
import { useMemo, useRef, useState } from 'react';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { footprintBounds, toWorld } from './geometry';
import { massing } from './layers/building-geometry';
import { SCENE_COLORS } from './palette';

export type PreviewBuilding = {
  id: number;
  footprint: { x: number; y: number }[];
  floors: number;
  floorHeight: number;
  /** Drawn faded: a feature not chosen. */
  faded?: boolean;
};

export type PreviewStair = { id: number; x: number; y: number; label: string };

type Props = {
  buildings: PreviewBuilding[];
  stairs?: PreviewStair[];
  /** A stairwell dropped at local metres (x east, y north). */
  onStairMove?: (id: number, x: number, y: number) => void;
  height?: number;
};

function asTwin(b: PreviewBuilding): TwinBuilding {
  // massing() reads only the id, footprint, floors and floor height of a building.
  return { ...b, number: '', name: '', modelUrl: null, units: [] } as unknown as TwinBuilding;
}

function Massing({ buildings, faded }: { buildings: PreviewBuilding[]; faded: boolean }) {
  const geometry = useMemo(() => massing(buildings.map(asTwin), () => false)?.geometry ?? null, [buildings]);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry}>
      <meshLambertMaterial vertexColors transparent={faded} opacity={faded ? 0.25 : 1} />
    </mesh>
  );
}

export function StairMarkers({ stairs, onStairMove }: Required<Pick<Props, 'stairs' | 'onStairMove'>>) {
  const [dragged, setDragged] = useState<{ id: number; x: number; y: number } | null>(null);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  // The orbit controls would turn the view while a stairwell is dragged: they rest meanwhile.
  const get = useThree((s) => s.get);
  const orbit = (on: boolean) => {
    const controls = get().controls as { enabled: boolean } | null;
    if (controls) controls.enabled = on;
  };
  const move = (e: ThreeEvent<PointerEvent>) => {
    if (!drag.current) return;
    drag.current = { ...drag.current, x: Math.round(e.point.x * 10) / 10, y: Math.round(-e.point.z * 10) / 10 };
    setDragged(drag.current);
  };
  const drop = () => {
    const d = drag.current;
    drag.current = null;
    setDragged(null);
    orbit(true);
    if (d) onStairMove(d.id, d.x, d.y);
  };
  return (
    <>
      {/* An invisible ground that catches the pointer while a stairwell is dragged. */}
      <mesh name="stair-ground" rotation-x={-Math.PI / 2} position-y={0.05} onPointerMove={move} onPointerUp={drop}>
        <planeGeometry args={[4000, 4000]} />
        <meshBasicMaterial transparent opacity={0} depthWrite={false} />
      </mesh>
      {stairs.map((s) => {
        const at = dragged?.id === s.id ? dragged : s;
        return (
          <mesh
            key={s.id}
            name={`stair-${s.id}`}
            position={toWorld(at.x, at.y, 1.5)}
            onPointerDown={(e) => {
              e.stopPropagation();
              (e.target as Element | null)?.setPointerCapture?.(e.pointerId);
              orbit(false);
              drag.current = { id: s.id, x: s.x, y: s.y };
              setDragged(drag.current);
            }}
            onPointerUp={drop}
          >
            <cylinderGeometry args={[1.4, 1.4, 3, 16]} />
            <meshLambertMaterial
              color={dragged?.id === s.id ? SCENE_COLORS.light.highlight : SCENE_COLORS.light.entrance}
            />
          </mesh>
        );
      })}
    </>
  );
}

export function SitePreviewCanvas({ buildings, stairs, onStairMove, height = 420 }: Props) {
  const chosen = useMemo(() => buildings.filter((b) => !b.faded && b.footprint.length >= 3), [buildings]);
  const faded = useMemo(() => buildings.filter((b) => b.faded && b.footprint.length >= 3), [buildings]);
  const view = useMemo(() => {
    const all = buildings.flatMap((b) => b.footprint);
    if (all.length === 0) return { cx: 0, cy: 0, span: 100 };
    const r = footprintBounds(all);
    return { cx: (r.x0 + r.x1) / 2, cy: (r.y0 + r.y1) / 2, span: Math.max(40, r.x1 - r.x0, r.y1 - r.y0) };
  }, [buildings]);
  const target = toWorld(view.cx, view.cy, 0);
  return (
    <div style={{ height }} data-testid="site-preview-3d">
      <Canvas
        frameloop="demand"
        camera={{
          // Far enough back that the whole site fits a panel about as wide as it is tall.
          position: [target[0] - view.span * 0.3, view.span * 1.0, target[2] + view.span * 1.2],
          fov: 45,
          near: 1,
          far: view.span * 10,
        }}
      >
        <color attach="background" args={[SCENE_COLORS.light.background]} />
        <hemisphereLight args={['#ffffff', '#b0a898', 1.4]} />
        <directionalLight position={[-200, 400, 300]} intensity={1.2} />
        <mesh rotation-x={-Math.PI / 2} position={[target[0], -0.05, target[2]]}>
          <planeGeometry args={[view.span * 3, view.span * 3]} />
          <meshLambertMaterial color={SCENE_COLORS.light.ground} />
        </mesh>
        <Massing buildings={chosen} faded={false} />
        <Massing buildings={faded} faded />
        {stairs && onStairMove && <StairMarkers stairs={stairs} onStairMove={onStairMove} />}
        <OrbitControls makeDefault target={target} maxPolarAngle={Math.PI / 2.1} />
      </Canvas>
    </div>
  );
}
