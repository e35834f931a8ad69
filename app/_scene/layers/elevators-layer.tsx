'use client';
// Elevator shafts, one InstancedMesh per look (ghost, scaffold, solid, red):
// at most four draw calls however many units have a lift or a case.
import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  type BufferGeometry,
  type InstancedMesh,
  type Material,
  Matrix4,
  MeshBasicMaterial,
  MeshLambertMaterial,
} from 'three';
import { toWorld } from '../geometry';
import { ELEVATOR_LOOKS, LOOK_COLOR, type ElevatorLook } from '../palette';
import type { TwinPick } from '../runtime';
import type { ShaftSpec } from './elevators';

const m = new Matrix4();

function lookMaterial(look: ElevatorLook): Material {
  switch (look) {
    // Planned: a translucent outline of what would be built.
    case 'ghost':
      return new MeshBasicMaterial({ color: LOOK_COLOR.ghost, transparent: true, opacity: 0.4, depthWrite: false });
    // Under construction: only the frame, like scaffolding.
    case 'scaffold':
      return new MeshBasicMaterial({ color: LOOK_COLOR.scaffold, wireframe: true });
    case 'solid':
      return new MeshLambertMaterial({ color: LOOK_COLOR.solid });
    case 'stalled':
      return new MeshLambertMaterial({ color: LOOK_COLOR.stalled });
    case 'fault':
    case 'alarm':
      return new MeshLambertMaterial({ color: LOOK_COLOR[look], emissive: LOOK_COLOR[look], emissiveIntensity: 0.35 });
  }
}

function LookMesh({
  look,
  specs,
  geometry,
  onPick,
}: {
  look: ElevatorLook;
  specs: ShaftSpec[];
  geometry: BufferGeometry;
  onPick: (p: TwinPick) => void;
}) {
  const ref = useRef<InstancedMesh>(null);
  const material = useMemo(() => lookMaterial(look), [look]);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    specs.forEach((s, k) => {
      const [x, , z] = toWorld(s.x, s.y);
      mesh.setMatrixAt(k, m.makeScale(1, s.height, 1).setPosition(x, 0, z));
    });
    mesh.count = specs.length;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [specs]);
  return (
    <instancedMesh
      ref={ref}
      name={`elevators-${look}`}
      userData={{ unitIds: specs.map((s) => s.unitId) }}
      args={[geometry, material, Math.max(1, specs.length)]}
      visible={specs.length > 0}
      onClick={(e) => {
        e.stopPropagation();
        const s = e.instanceId === undefined ? undefined : specs[e.instanceId];
        if (s) onPick({ kind: 'unit', unitId: s.unitId, buildingId: s.buildingId });
      }}
    />
  );
}

/** `geometry`: a shaft of unit height standing on y = 0 (public/models/elevator-shaft.glb, or a box). */
export function ElevatorsLayer({
  specs,
  geometry,
  onPick,
}: {
  specs: ShaftSpec[];
  geometry: BufferGeometry;
  onPick: (p: TwinPick) => void;
}) {
  const byLook = useMemo(() => ELEVATOR_LOOKS.map((look) => specs.filter((s) => s.look === look)), [specs]);
  return (
    <group name="elevators">
      {ELEVATOR_LOOKS.map((look, k) => (
        <LookMesh key={look} look={look} specs={byLook[k] ?? []} geometry={geometry} onPick={onPick} />
      ))}
    </group>
  );
}
