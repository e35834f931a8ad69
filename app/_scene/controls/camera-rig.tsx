'use client';
// Orbit, zoom and fly-to with camera-controls (drei CameraControls). The
// default view looks north from a little east of south and above, so the
// south façades — unit doors, labels, retrofit shafts — face the viewer.
import { CameraControls } from '@react-three/drei';
import { useEffect, useRef } from 'react';
import { Box3, type PerspectiveCamera, Sphere, Spherical, Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, floorMid, footprintBounds, toWorld } from '../geometry';
import type { FlyTarget, TwinRuntime } from '../runtime';

const HOME_AZIMUTH = 0.32;
const HOME_POLAR = 0.9;

function buildingBox(b: TwinBuilding): Box3 {
  const r = footprintBounds(b.footprint);
  return new Box3(new Vector3(r.x0, 0, -r.y1), new Vector3(r.x1, buildingHeight(b), -r.y0));
}

const sphere = new Sphere();
const centre = new Vector3();
const offset = new Spherical();
const eye = new Vector3();

/** Looks at a box's centre from the given angles, far enough back that its bounding sphere (× zoom) fills the view. */
function lookAtBox(cc: CameraControls, box: Box3, azimuth: number, polar: number, zoom: number, animate: boolean) {
  box.getBoundingSphere(sphere);
  box.getCenter(centre);
  const fov = ((cc.camera as PerspectiveCamera).fov * Math.PI) / 180;
  const distance = (sphere.radius * zoom) / Math.sin(fov / 2);
  eye.setFromSpherical(offset.set(distance, polar, azimuth)).add(centre);
  void cc.setLookAt(eye.x, eye.y, eye.z, centre.x, centre.y * 0.5, centre.z, animate);
}

export function CameraRig({ buildings, runtime }: { buildings: TwinBuilding[]; runtime: TwinRuntime }) {
  const controls = useRef<CameraControls>(null);

  useEffect(() => {
    const cc = controls.current;
    if (!cc) return;
    const byId = new Map(buildings.map((b) => [b.id, b]));
    const units = new Map(buildings.flatMap((b) => b.units.map((u) => [u.id, { u, b }] as const)));
    const home = new Box3();
    for (const b of buildings) home.union(buildingBox(b));
    if (home.isEmpty()) home.set(new Vector3(-50, 0, -50), new Vector3(50, 10, 50));

    const fly = (target: FlyTarget, animate = true) => {
      switch (target.kind) {
        // Not fitToBox: it snaps the view to the nearest axis, flattening it to a side elevation.
        case 'home':
          lookAtBox(cc, home, HOME_AZIMUTH, HOME_POLAR, 0.86, animate);
          break;
        case 'building': {
          const b = byId.get(target.buildingId);
          if (!b) return;
          lookAtBox(cc, buildingBox(b), HOME_AZIMUTH, 1.0, 1.05, animate);
          break;
        }
        case 'unit': {
          const hit = units.get(target.unitId);
          if (!hit) return;
          const [x, , z] = toWorld(hit.u.stairX, hit.u.stairY);
          const h = buildingHeight(hit.b);
          void cc.setLookAt(x + 8, h * 0.55, z + Math.max(28, h * 1.3), x, h * 0.45, z, animate);
          break;
        }
        case 'floor': {
          const b = byId.get(target.buildingId);
          if (!b) return;
          const r = footprintBounds(b.footprint);
          const [x, y, z] = toWorld((r.x0 + r.x1) / 2, r.y0, floorMid(b, target.floor));
          // From above and south, so a cut floor shows its plan.
          void cc.setLookAt(x + 6, y + 26, z + 34, x, y, z - (r.y1 - r.y0) / 2, animate);
          break;
        }
        case 'point':
          void cc.setLookAt(target.x + 10, target.y + 14, target.z + 22, target.x, target.y, target.z, animate);
          break;
      }
    };
    runtime.flyTo = (t) => {
      fly(t);
      runtime.invalidate();
    };
    fly({ kind: 'home' }, false);
    runtime.invalidate();
    return () => {
      runtime.flyTo = () => {};
    };
  }, [buildings, runtime]);

  return <CameraControls ref={controls} makeDefault maxPolarAngle={Math.PI / 2 - 0.05} minDistance={8} maxDistance={2000} />;
}
