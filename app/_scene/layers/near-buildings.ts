'use client';
// Which buildings get the detail that only reads up close (labels) in a
// large community: the `budget` buildings nearest the point the
// camera looks at (where its line of sight meets the ground), chosen again at
// most every LOOK_CHECK_MS once that point has moved, so a community of 1,500
// buildings pays for `budget` of them. Read in useFrame: a camera move renders no
// React unless the chosen set changes. A community of no more than `budget`
// buildings gets all of them, once.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingCentres, nearestBuildings } from './building-labels';

const LOOK_CHECK_MS = 300;
const dir = new Vector3();

/** Where the camera's line of sight meets the ground, in local metres (x east, y north); its own foot when it looks up. */
export function lookPoint(eye: Vector3, forward: Vector3): { x: number; y: number } {
  if (forward.y < -1e-3) {
    const t = -eye.y / forward.y;
    return { x: eye.x + forward.x * t, y: -(eye.z + forward.z * t) };
  }
  return { x: eye.x, y: -eye.z };
}

type Check = { at: number; x: number; y: number; key: string; timer: ReturnType<typeof setTimeout> | undefined };

/** The buildings to draw in detail, in scene order: all of them, or the `budget` nearest the camera's look point. */
export function useNearBuildings(buildings: TwinBuilding[], budget: number): TwinBuilding[] {
  const invalidate = useThree((s) => s.invalidate);
  const centres = useMemo(() => buildingCentres(buildings), [buildings]);
  const everything = buildings.length <= budget;
  const [chosen, setChosen] = useState<{ of: TwinBuilding[]; list: TwinBuilding[] } | null>(null);
  const last = useRef<Check>({ at: -Infinity, x: NaN, y: NaN, key: '', timer: undefined });
  useEffect(() => {
    const l = last.current;
    Object.assign(l, { at: -Infinity, x: NaN, y: NaN, key: '' });
    return () => clearTimeout(l.timer);
  }, [buildings, budget]);

  useFrame(({ camera }) => {
    if (everything) return;
    const now = performance.now();
    const l = last.current;
    if (now - l.at < LOOK_CHECK_MS) {
      // This frame may be the last before the camera rests: ask for one more when a check is due.
      l.timer ??= setTimeout(() => {
        l.timer = undefined;
        invalidate();
      }, LOOK_CHECK_MS);
      return;
    }
    l.at = now;
    camera.getWorldDirection(dir);
    const p = lookPoint(camera.position, dir);
    // Chosen again only when the look point has moved a few metres (more when the camera is high).
    if (Math.hypot(p.x - l.x, p.y - l.y) < Math.max(8, camera.position.y * 0.05)) return;
    l.x = p.x;
    l.y = p.y;
    const next = nearestBuildings(centres, p.x, p.y, budget);
    const key = next.join(',');
    if (key === l.key) return;
    l.key = key;
    setChosen({ of: buildings, list: next.map((i) => buildings[i] as TwinBuilding) });
  });

  if (everything) return buildings;
  // Before the first check (the first frame) a large community draws no detail: it comes a frame later.
  return chosen && chosen.of === buildings ? chosen.list : NONE;
}

const NONE: TwinBuilding[] = [];
