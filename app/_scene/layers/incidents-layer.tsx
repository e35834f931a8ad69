'use client';
// Throwing incidents on the façades: a heat strip of window cells (one
// InstancedMesh) over the chosen period, and the replay of one incident's
// fall along its recorded trajectory.
import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  BufferGeometry,
  Color,
  DoubleSide,
  Float32BufferAttribute,
  type InstancedMesh,
  Line,
  LineBasicMaterial,
  Matrix4,
  type Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  Quaternion,
  Vector3,
} from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { facadeEdge, floorMid, footprintBounds, toWorld, windowColumns } from '../geometry';
import type { HeatCell } from '../heat';
import { heatColor } from '../palette';
import type { TwinPick } from '../runtime';

const m = new Matrix4();
const q = new Quaternion();
const up = new Vector3(0, 1, 0);
const v = new Vector3();
const s = new Vector3();
const c = new Color();

export function HeatStrip({
  cells,
  buildings,
  onPick,
}: {
  cells: HeatCell[];
  buildings: TwinBuilding[];
  onPick: (p: TwinPick) => void;
}) {
  const ref = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new PlaneGeometry(1, 1), []);
  const material = useMemo(
    () => new MeshBasicMaterial({ transparent: true, opacity: 0.85, side: DoubleSide, depthWrite: false }),
    [],
  );
  const byId = useMemo(() => new Map(buildings.map((b) => [b.id, b])), [buildings]);
  const max = cells.reduce((a, cell) => Math.max(a, cell.count), 1);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    let n = 0;
    for (const cell of cells) {
      const b = byId.get(cell.buildingId);
      if (!b) continue;
      const r = footprintBounds(b.footprint);
      const e = facadeEdge(r, cell.facade);
      const columns = windowColumns(r, cell.facade);
      const along = (cell.column - 0.5) / columns;
      const width = Math.hypot(e.bx - e.ax, e.by - e.ay) / columns;
      v.set(
        ...toWorld(
          e.ax + (e.bx - e.ax) * along + e.nx * 0.25,
          e.ay + (e.by - e.ay) * along + e.ny * 0.25,
          floorMid(b, cell.floor),
        ),
      );
      q.setFromAxisAngle(up, Math.atan2(e.nx, -e.ny));
      mesh.setMatrixAt(n, m.compose(v, q, s.set(width * 0.9, b.floorHeight * 0.85, 1)));
      mesh.setColorAt(n, c.set(heatColor(cell.count, max)));
      n++;
    }
    mesh.count = n;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [cells, byId, max]);

  return (
    <instancedMesh
      ref={ref}
      name="heat-strip"
      userData={{ counts: cells.map((cell) => cell.count) }}
      args={[geometry, material, Math.max(1, cells.length)]}
      visible={cells.length > 0}
      renderOrder={1}
      onClick={(e) => {
        e.stopPropagation();
        const cell = e.instanceId === undefined ? undefined : cells[e.instanceId];
        if (cell)
          onPick({
            kind: 'cell',
            buildingId: cell.buildingId,
            floor: cell.floor,
            column: cell.column,
            incidentIds: cell.incidentIds,
          });
      }}
    />
  );
}

export type TrajectoryPoint = { t: number; x: number; y: number; z: number };

/** Replays a fall at half speed, three times, then leaves the object where it landed. */
export function TrajectoryReplay({ points }: { points: TrajectoryPoint[] }) {
  const ball = useRef<Mesh>(null);
  const started = useRef<number | null>(null);
  const line = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute(
      'position',
      new Float32BufferAttribute(
        points.flatMap((p) => toWorld(p.x, p.y, p.z)),
        3,
      ),
    );
    return new Line(g, new LineBasicMaterial({ color: '#b91c1c' }));
  }, [points]);
  const duration = points.at(-1)?.t ?? 0;
  useFrame(({ clock, invalidate }) => {
    const mesh = ball.current;
    if (!mesh || points.length === 0) return;
    started.current ??= clock.elapsedTime;
    const played = (clock.elapsedTime - started.current) * 0.5;
    const t = played >= duration * 3 ? duration : played % Math.max(duration, 0.001);
    const k = Math.max(
      1,
      points.findIndex((p) => p.t >= t),
    );
    const a = points[k - 1] as TrajectoryPoint;
    const b = points[k] ?? a;
    const f = b.t > a.t ? (t - a.t) / (b.t - a.t) : 1;
    mesh.position.set(...toWorld(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f));
    if (played < duration * 3) invalidate();
  });
  return (
    <group name="trajectory">
      <primitive object={line} />
      <mesh ref={ball} name="trajectory-object">
        <icosahedronGeometry args={[0.45, 0]} />
        <meshBasicMaterial color="#b91c1c" />
      </mesh>
    </group>
  );
}
