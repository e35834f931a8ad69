'use client';
// Bench mode (?bench=1): publishes what the renderer did on the last frame
// as window.__linliBench for `npm run bench`. gl.info resets at the start of
// every render() call, so read before the next render it holds exactly one
// frame's draw calls and triangles.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, footprintBounds, toWorld } from '../geometry';

export type LinliBench = {
  ready: boolean;
  drawCalls: number;
  triangles: number;
  frames: number;
  /** Frames per second over the last ~2 s. */
  fps: number;
  heapBytes: number | null;
  markers: number;
  mode: 'instanced' | 'naive';
};

/** Where things are on screen, so browser tests can click a building the way a person would. */
export type LinliProbe = { roofOf: (buildingNumber: string) => [number, number] | null };

declare global {
  interface Window {
    __linliBench?: LinliBench;
    __linliProbe?: LinliProbe;
  }
}

export function BenchProbe({
  markers,
  mode,
  buildings,
}: {
  markers: number;
  mode: LinliBench['mode'];
  buildings: TwinBuilding[];
}) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    window.__linliProbe = {
      roofOf: (n) => {
        const b = buildings.find((x) => x.number === n);
        if (!b) return null;
        const r = footprintBounds(b.footprint);
        const p = new Vector3(...toWorld((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, buildingHeight(b))).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return [rect.left + ((p.x + 1) / 2) * rect.width, rect.top + ((1 - p.y) / 2) * rect.height];
      },
    };
    return () => {
      delete window.__linliProbe;
    };
  }, [buildings, camera, gl]);
  const frames = useRef(0);
  const window0 = useRef({ at: 0, frames: 0, fps: 0 });
  useFrame(() => {
    frames.current++;
    const now = performance.now();
    const w = window0.current;
    if (w.at === 0) Object.assign(w, { at: now, frames: frames.current });
    else if (now - w.at >= 2000)
      Object.assign(w, { fps: ((frames.current - w.frames) * 1000) / (now - w.at), at: now, frames: frames.current });
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    window.__linliBench = {
      // The first two frames compile shaders and upload buffers.
      ready: frames.current > 2,
      drawCalls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      frames: frames.current,
      fps: w.fps,
      heapBytes: memory?.usedJSHeapSize ?? null,
      markers,
      mode,
    };
  });
  return null;
}
