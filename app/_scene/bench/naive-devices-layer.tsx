'use client';
// The bench baseline (?bench=1&naive=1): one Mesh per sensor, as a first attempt
// would draw them — one draw call each. Built imperatively because mounting
// 11,786 React elements would measure React, not rendering.
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Group, Mesh, MeshLambertMaterial } from 'three';
import { DEVICE_STATUSES } from '~/db/vocab';
import { createMarkerGeometry } from '../markers';
import { SHAPES, STATUS_COLOR } from '../palette';
import type { DeviceStore } from '../store';

export function NaiveDevicesLayer({ store }: { store: DeviceStore }) {
  const group = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  const geometries = useMemo(() => SHAPES.map(createMarkerGeometry), []);
  const materials = useMemo(() => DEVICE_STATUSES.map((s) => new MeshLambertMaterial({ color: STATUS_COLOR[s] })), []);
  useEffect(() => {
    const g = group.current;
    if (!g) return;
    for (let i = 0; i < store.count; i++) {
      const mesh = new Mesh(geometries[store.shape[i] as number], materials[store.status[i] as number]);
      mesh.position.set(store.pos[i * 3] as number, store.pos[i * 3 + 1] as number, store.pos[i * 3 + 2] as number);
      mesh.matrixAutoUpdate = false;
      mesh.updateMatrix();
      g.add(mesh);
    }
    invalidate();
    return () => {
      g.clear();
    };
  }, [store, geometries, materials, invalidate]);
  return <group ref={group} name="devices-naive" />;
}
