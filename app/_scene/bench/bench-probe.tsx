'use client';
// What `npm run bench` and the twin's end-to-end test read, published only in
// bench mode (?bench=1, the bench canvas): window.__linliBench holds the
// renderer's figures for the last frame and a projection to click a building
// by. A debug handle rather than data attributes, because the figures change
// on every frame of a continuous loop, the very loop being measured, and the
// projection is a question the test asks, not a value. gl.info resets at the
// start of every render() call, so read before the next render it holds
// exactly one frame's draw calls and triangles.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, footprintBounds, toWorld } from '../geometry';

export type BenchMode = 'instanced' | 'naive';

export type LinliBench = {
  ready: boolean;
  drawCalls: number;
  triangles: number;
  frames: number;
  /** Frames per second over the last ~2 s. */
  fps: number;
  heapBytes: number | null;
  markers: number;
  mode: BenchMode;
  /** When the first frame had been drawn, in ms since the page's navigation began (performance.now()). */
  firstFrameMs: number | null;
  /** Where a building's roof centre is on screen, so a browser test can click it the way a person would. */
  roofOf: (buildingNumber: string) => [number, number] | null;
};

declare global {
  interface Window {
    __linliBench?: LinliBench;
  }
}

export function BenchProbe({
  markers,
  mode,
  buildings,
}: {
  markers: number;
  mode: BenchMode;
  buildings: TwinBuilding[];
}) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const frames = useRef(0);
  const window0 = useRef({ at: 0, frames: 0, fps: 0 });
  useEffect(() => {
    const roofOf = (n: string): [number, number] | null => {
      const b = buildings.find((x) => x.number === n);
      if (!b) return null;
      const r = footprintBounds(b.footprint);
      const p = new Vector3(...toWorld((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, buildingHeight(b))).project(camera);
      const rect = gl.domElement.getBoundingClientRect();
      return [rect.left + ((p.x + 1) / 2) * rect.width, rect.top + ((1 - p.y) / 2) * rect.height];
    };
    window.__linliBench = {
      ready: false,
      drawCalls: 0,
      triangles: 0,
      frames: 0,
      fps: 0,
      heapBytes: null,
      markers,
      mode,
      firstFrameMs: null,
      roofOf,
    };
    return () => {
      delete window.__linliBench;
    };
  }, [buildings, camera, gl, markers, mode]);
  useFrame(() => {
    const bench = window.__linliBench;
    if (!bench) return;
    frames.current++;
    const now = performance.now();
    // useFrame runs before the frame is drawn; a zero timeout runs once this one is on screen.
    if (frames.current === 1)
      setTimeout(() => {
        if (window.__linliBench) window.__linliBench.firstFrameMs = performance.now();
      }, 0);
    const w = window0.current;
    if (w.at === 0) Object.assign(w, { at: now, frames: frames.current });
    else if (now - w.at >= 2000)
      Object.assign(w, { fps: ((frames.current - w.frames) * 1000) / (now - w.at), at: now, frames: frames.current });
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    // The first two frames compile shaders and upload buffers.
    bench.ready = frames.current > 2;
    bench.drawCalls = gl.info.render.calls;
    bench.triangles = gl.info.render.triangles;
    bench.frames = frames.current;
    bench.fps = w.fps;
    bench.heapBytes = memory?.usedJSHeapSize ?? null;
  });
  return null;
}
