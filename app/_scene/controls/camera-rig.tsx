'use client';
// The camera. On the console: orbit, zoom and fly-to with camera-controls
// (drei CameraControls). On the big screen (runtime.tour set): the tour
// drives the camera itself, frame by frame, with no mouse controls. The
// default view looks north from a little east of south and above, so the
// south façades — unit doors, labels, retrofit shafts — face the viewer.
// Either rig sets that view first and then attaches to the scene runtime,
// which runs the commands given before the canvas was up (runtime.ts).
import { CameraControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Box3, type PerspectiveCamera, Sphere, Spherical, Vector3 } from 'three';
import type { TwinBuilding } from '~/server/queries/twin-scene';
import { buildingHeight, footprintBounds, toWorld, unitWidth } from '../geometry';
import type { CameraTarget, TwinRuntime } from '../runtime';
import { type CameraTour, FRAME_MS, type Orbit, orbitPose, type Pose, TOUR_TIMING, type TourRig } from './tour';

const HOME_AZIMUTH = 0.32;
const HOME_POLAR = 0.9;
const MAX_DISTANCE = 2000;

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

/** The orbit that frames a box as lookAtBox does: same distance, same look point. */
/**
 * The distance at which a sphere of `radius` fills `margin` of the narrower of
 * the view's two angles (a portrait or wide canvas alike): what "fly to" uses
 * so the whole target and a little of its surroundings are in view, never a
 * roof or a label filling the screen.
 */
export function fitDistance(radius: number, fovDeg: number, aspect: number, margin = 1.1): number {
  const v = (fovDeg * Math.PI) / 180;
  const h = 2 * Math.atan(Math.tan(v / 2) * aspect);
  return (radius * margin) / Math.sin(Math.min(v, h) / 2);
}

/** Looks at a box's centre from the given angles, at the distance that frames its bounding sphere. */
function frameBox(
  cc: CameraControls,
  box: Box3,
  azimuth: number,
  polar: number,
  margin: number,
  animate: boolean,
  minEyeY = 0,
): [number, number, number] {
  box.getBoundingSphere(sphere);
  box.getCenter(centre);
  const camera = cc.camera as PerspectiveCamera;
  const distance = fitDistance(sphere.radius, camera.fov, camera.aspect || 1, margin);
  // Steeper when the eye would stand lower than `minEyeY` (inside or behind the building in front).
  const lowest = Math.acos(Math.min(1, Math.max(0, (minEyeY - centre.y) / distance)));
  eye.setFromSpherical(offset.set(distance, Math.min(polar, lowest), azimuth)).add(centre);
  void cc.setLookAt(eye.x, eye.y, eye.z, centre.x, centre.y, centre.z, animate);
  return [centre.x, centre.y, centre.z];
}

function boxOrbit(box: Box3, polar: number, zoom: number, fovDeg: number): Orbit {
  box.getBoundingSphere(sphere);
  box.getCenter(centre);
  const distance = (sphere.radius * zoom) / Math.sin((fovDeg * Math.PI) / 360);
  return { centre: [centre.x, centre.y, centre.z], look: [centre.x, centre.y * 0.5, centre.z], distance, polar };
}

function communityBox(buildings: TwinBuilding[]): Box3 {
  const home = new Box3();
  for (const b of buildings) home.union(buildingBox(b));
  if (home.isEmpty()) home.set(new Vector3(-50, 0, -50), new Vector3(50, 10, 50));
  return home;
}

export function CameraRig({ buildings, runtime }: { buildings: TwinBuilding[]; runtime: TwinRuntime }) {
  return runtime.tour ? (
    <TourCameraRig buildings={buildings} runtime={runtime} tour={runtime.tour} />
  ) : (
    <ControlsRig buildings={buildings} runtime={runtime} />
  );
}

/**
 * The tour's camera: the tour says where to look on each frame and when it
 * wants the next one. Frames are asked for with a timer, never a continuous
 * loop: at most one per FRAME_MS, and after a frame that took long to draw
 * (software WebGL at 4K) at least as long idle again, so the orbit never takes
 * more than half the machine. Nothing here touches React state.
 */
function TourCameraRig({
  buildings,
  runtime,
  tour,
}: {
  buildings: TwinBuilding[];
  runtime: TwinRuntime;
  tour: CameraTour;
}) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const look = useRef<Pose['target']>([0, 0, 0]);

  const rig = useMemo<TourRig & { apply: (p: Pose) => void }>(() => {
    const byId = new Map(buildings.map((b) => [b.id, b]));
    const home = boxOrbit(communityBox(buildings), HOME_POLAR, 0.86, camera.fov);
    return {
      orbitOf: (target: CameraTarget) => {
        if (target.kind === 'home') return home;
        if (target.kind !== 'building') return null;
        const b = byId.get(target.buildingId);
        return b ? boxOrbit(buildingBox(b), 1.0, 1.05, camera.fov) : null;
      },
      current: () => ({ eye: [camera.position.x, camera.position.y, camera.position.z], target: look.current }),
      apply: (p: Pose) => {
        camera.position.set(p.eye[0], p.eye[1], p.eye[2]);
        camera.lookAt(p.target[0], p.target[1], p.target[2]);
        look.current = p.target;
      },
    };
  }, [buildings, camera]);

  useEffect(() => {
    rig.apply(orbitPose(rig.orbitOf({ kind: 'home' })!, TOUR_TIMING.centreAzimuth));
    // No free flight on the tour: it goes where its stops and alarms say.
    const detach = runtime.attachRig({ flyTo: () => {}, invalidate });
    return () => {
      detach();
      clearTimeout(timer.current);
    };
  }, [rig, invalidate, runtime]);

  // A command (pause, step, alarm) asks for a frame at once; this frame's timer then replaces the one pending.
  useFrame(({ camera: frameCamera }) => {
    // A large community's home orbit stands kilometres back: keep it inside the far plane.
    const far = rig.orbitOf({ kind: 'home' })!.distance * 3;
    if ((frameCamera as PerspectiveCamera).far < far) {
      (frameCamera as PerspectiveCamera).far = far;
      (frameCamera as PerspectiveCamera).updateProjectionMatrix();
    }
    const started = performance.now();
    const { pose, nextInMs } = tour.frame(started, rig);
    if (pose) rig.apply(pose);
    clearTimeout(timer.current);
    if (nextInMs === null) return;
    // A zero timeout runs after this frame is drawn; it sees what the frame cost.
    timer.current = setTimeout(() => {
      const cost = performance.now() - started;
      timer.current = setTimeout(() => invalidate(), Math.max(nextInMs, FRAME_MS - cost, cost));
    }, 0);
  });

  return null;
}

function ControlsRig({ buildings, runtime }: { buildings: TwinBuilding[]; runtime: TwinRuntime }) {
  const controls = useRef<CameraControls>(null);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    const cc = controls.current;
    if (!cc) return;
    const byId = new Map(buildings.map((b) => [b.id, b]));
    const units = new Map(buildings.flatMap((b) => b.units.map((u) => [u.id, { u, b }] as const)));
    const home = communityBox(buildings);
    // A community kilometres across (1,500 buildings) must fit its home view: zoom-out and the far plane follow its size.
    const camera = cc.camera as PerspectiveCamera;
    const homeDistance = (home.getBoundingSphere(sphere).radius * 0.86) / Math.sin((camera.fov * Math.PI) / 360);
    cc.maxDistance = Math.max(MAX_DISTANCE, homeDistance * 1.5);
    camera.far = Math.max(camera.far, homeDistance * 3);
    camera.updateProjectionMatrix();

    // Close-ups look over the roofs, not through the building in front.
    const overRoofs = Math.max(0, ...buildings.map(buildingHeight)) + 4;
    const fly = (target: CameraTarget, animate = true) => {
      const at = ((): [number, number, number] | null => {
        switch (target.kind) {
          // Not fitToBox: it snaps the view to the nearest axis, flattening it to a side elevation.
          case 'home':
            lookAtBox(cc, home, HOME_AZIMUTH, HOME_POLAR, 0.86, animate);
            return [centre.x, centre.y * 0.5, centre.z];
          case 'building': {
            const b = byId.get(target.buildingId);
            if (!b) return null;
            return frameBox(cc, buildingBox(b), HOME_AZIMUTH, 1.0, 1.1, animate);
          }
          case 'unit': {
            // The unit's share of the south façade, ground to roof, from the south.
            const hit = units.get(target.unitId);
            if (!hit) return null;
            const [x, , z] = toWorld(hit.u.stairX, hit.u.stairY);
            const w = Math.max(unitWidth(hit.b) / 2, 6);
            const box = new Box3(new Vector3(x - w, 0, z - 6), new Vector3(x + w, buildingHeight(hit.b), z + 2));
            return frameBox(cc, box, 0.12, 1.25, 1.1, animate, overRoofs);
          }
          case 'floor': {
            // The floor's slab and a storey either side, from above and south, so a cut floor shows its plan.
            const b = byId.get(target.buildingId);
            if (!b) return null;
            const r = footprintBounds(b.footprint);
            const y0 = Math.max(0, (target.floor - 2) * b.floorHeight);
            const box = new Box3(
              new Vector3(r.x0, y0, -r.y1),
              new Vector3(r.x1, (target.floor + 1) * b.floorHeight, -r.y0),
            );
            return frameBox(cc, box, HOME_AZIMUTH * 0.5, 0.85, 1.0, animate, overRoofs);
          }
          case 'point': {
            // A device: its flat and the neighbouring ones, about 20 m across, seen steeply from the south (34° off
            // the vertical): low enough to see a façade, high enough that the building in front does not hide it.
            const box = new Box3(
              new Vector3(target.x - 10, Math.max(0, target.y - 6), target.z - 8),
              new Vector3(target.x + 10, target.y + 6, target.z + 8),
            );
            frameBox(cc, box, HOME_AZIMUTH * 0.5, 0.65, 1.1, animate);
            return [target.x, target.y, target.z];
          }
        }
      })();
      if (at) runtime.noteCameraTarget(at);
    };
    fly({ kind: 'home' }, false);
    return runtime.attachRig({ flyTo: (target) => fly(target), invalidate });
  }, [buildings, runtime, invalidate]);

  return (
    <CameraControls
      ref={controls}
      makeDefault
      maxPolarAngle={Math.PI / 2 - 0.05}
      minDistance={8}
      maxDistance={MAX_DISTANCE}
    />
  );
}
