'use client';
// Patrol points and routes (one LineSegments), tinted by the time since each
// point's last check-in; a route leg takes the colour of its staler end,
// because that is where the round went wrong. Points near the camera are
// pins of one InstancedMesh, far ones dots of one Points cloud — the same
// level of detail as the sensors (store.ts explains why).
import { useFrame, useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  type BufferAttribute,
  type BufferGeometry,
  BufferGeometry as Geometry,
  Color,
  Float32BufferAttribute,
  type InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  type Points,
  Vector3,
} from 'three';
import { createPointCloud } from '../markers';
import type { TwinPatrolPoint, TwinPatrolRoute } from '~/server/queries/twin-scene';
import { toWorld } from '../geometry';
import { patrolColor } from '../palette';
import type { TwinPick, TwinRuntime } from '../runtime';

const m = new Matrix4();
const c = new Color();
const NEAR_M = 120;
const v = new Vector3();

type Props = {
  points: TwinPatrolPoint[];
  routes: TwinPatrolRoute[];
  nowMs: number;
  geometry: BufferGeometry;
  runtime: TwinRuntime;
  onPick: (p: TwinPick) => void;
};

export function PatrolLayer({ points, routes, nowMs, geometry, runtime, onPick }: Props) {
  const ref = useRef<InstancedMesh>(null);
  const cloudRef = useRef<Points>(null);
  const invalidate = useThree((s) => s.invalidate);
  const material = useMemo(() => new MeshLambertMaterial(), []);
  const cloud = useMemo(() => createPointCloud(points.length, 4), [points]);
  // Slot → point, per container (pins, dots), for picking.
  const slots = useRef<{ pins: number[]; dots: number[]; at: Vector3 | null }>({ pins: [], dots: [], at: null });
  const lines = useMemo(() => {
    const byId = new Map(points.map((p) => [p.id, p]));
    const pos: number[] = [];
    const col: number[] = [];
    for (const r of routes) {
      for (let k = 1; k < r.pointIds.length; k++) {
        const a = byId.get(r.pointIds[k - 1] as number);
        const b = byId.get(r.pointIds[k] as number);
        if (!a || !b) continue;
        const stale = (a.lastCheckinMs ?? -Infinity) < (b.lastCheckinMs ?? -Infinity) ? a : b;
        c.set(patrolColor(stale.lastCheckinMs, nowMs));
        pos.push(...toWorld(a.x, a.y, a.z + 0.3), ...toWorld(b.x, b.y, b.z + 0.3));
        col.push(c.r, c.g, c.b, c.r, c.g, c.b);
      }
    }
    const g = new Geometry();
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    g.setAttribute('color', new Float32BufferAttribute(col, 3));
    return g;
  }, [points, routes, nowMs]);

  const split = (camera: Vector3) => {
    const mesh = ref.current;
    const dots = cloudRef.current;
    if (!mesh || !dots) return;
    const pins: number[] = [];
    const far: number[] = [];
    const position = dots.geometry.getAttribute('position') as BufferAttribute;
    const colour = dots.geometry.getAttribute('color') as BufferAttribute;
    points.forEach((p, k) => {
      const [x, y, z] = toWorld(p.x, p.y, p.z);
      c.set(patrolColor(p.lastCheckinMs, nowMs));
      if (camera.distanceTo(v.set(x, y, z)) <= NEAR_M) {
        mesh.setMatrixAt(pins.length, m.makeTranslation(x, y, z));
        mesh.setColorAt(pins.length, c);
        pins.push(k);
      } else {
        position.setXYZ(far.length, x, y + 0.4, z);
        colour.setXYZ(far.length, c.r, c.g, c.b);
        far.push(k);
      }
    });
    slots.current = { pins, dots: far, at: camera.clone() };
    mesh.count = pins.length;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
    dots.geometry.setDrawRange(0, far.length);
    position.needsUpdate = true;
    colour.needsUpdate = true;
    dots.geometry.computeBoundingSphere();
    invalidate();
  };
  useLayoutEffect(() => {
    slots.current.at = null; // new data: split again on the next frame
    invalidate();
  }, [points, nowMs, invalidate]);
  useFrame(({ camera }) => {
    const at = slots.current.at;
    if (!at || at.distanceTo(camera.position) > NEAR_M / 10) split(camera.position);
  });

  const pointAt = (list: number[], slot: number | undefined) =>
    slot === undefined ? undefined : points[list[slot] ?? -1];
  if (points.length === 0) return null;
  return (
    <group name="patrol">
      <instancedMesh
        ref={ref}
        name="patrol-points"
        args={[geometry, material, points.length]}
        onPointerMove={(e) => {
          e.stopPropagation();
          const p = pointAt(slots.current.pins, e.instanceId);
          if (p) runtime.setHover({ kind: 'point', at: toWorld(p.x, p.y, p.z + 0.8) });
        }}
        onPointerOut={() => runtime.setHover(null)}
        onClick={(e) => {
          e.stopPropagation();
          const p = pointAt(slots.current.pins, e.instanceId);
          if (p) onPick({ kind: 'patrol', pointId: p.id });
        }}
      />
      <points
        ref={cloudRef}
        name="patrol-far"
        geometry={cloud.geometry}
        material={cloud.material}
        onClick={(e) => {
          e.stopPropagation();
          const p = pointAt(slots.current.dots, e.index);
          if (p) onPick({ kind: 'patrol', pointId: p.id });
        }}
      />
      <lineSegments name="patrol-routes" geometry={lines} raycast={() => null}>
        <lineBasicMaterial vertexColors transparent opacity={0.7} />
      </lineSegments>
    </group>
  );
}
