'use client';
// Beacons: every device in alarm or fault that is shown gets a translucent
// column standing over its marker, red for an alarm and orange for a fault
// (one palette, lib/status-palette.ts), tall enough to be seen from the whole
// community's view. All columns are one InstancedMesh (one draw call however
// many). The nearest, most severe ones (alarms before faults) are labelled in
// the DOM, at most LABEL_CAP, with the device and its place. The list of
// beacons lives in the device store (store.ts: collectBeacons), so a live
// status change adds or removes a beacon with no React render of the scene.
//
// Pulse: the canvas draws on demand, so the columns breathe only while
// beacons exist, by asking for a frame every PULSE_MS (a few frames a second,
// not a continuous loop); with prefers-reduced-motion they glow steadily.
import { Html } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Color,
  CylinderGeometry,
  InstancedBufferAttribute,
  type InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
} from 'three';
import { DEVICE_STATUSES } from '~/db/vocab';
import { STATUS_COLOR } from '../palette';
import type { DeviceStore } from '../store';
import { useSceneTheme } from '../theme';

/** Labels drawn at most: the rest are columns only. */
export const LABEL_CAP = 8;
/** Milliseconds between pulse frames while beacons exist. */
export const PULSE_MS = 400;
/** Column height above its marker, metres; and its radius. */
const HEIGHT = 34;
const RADIUS = 1.1;
const ALARM = DEVICE_STATUSES.indexOf('alarm');

export type BeaconText = { name: string; place: string };

export type BeaconsLayerProps = {
  store: DeviceStore;
  /** The label's words for a device (by store index). */
  describe: (deviceIndex: number) => BeaconText;
  onPick?: (deviceIndex: number) => void;
  /** False: a steady glow, no pulse frames (prefers-reduced-motion, tests). */
  pulse?: boolean;
};

// Inline: the labels are portalled next to the canvas, wherever the canvas is (console or wall).
const LABEL_STYLE: Record<'light' | 'dark', React.CSSProperties> = {
  light: { background: 'rgba(255,255,255,0.94)', color: '#101828', boxShadow: '0 1px 4px rgba(16,24,40,0.25)' },
  dark: { background: 'rgba(7,13,24,0.88)', color: '#f2f4f7', boxShadow: '0 0 10px rgba(0,0,0,0.6)' },
};
const LABEL_BASE: React.CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'flex-start',
  gap: 1,
  padding: '3px 8px 3px 6px',
  border: 'none',
  borderLeft: '5px solid',
  borderRadius: 4,
  font: '600 12px/1.25 system-ui, sans-serif',
  whiteSpace: 'nowrap',
  cursor: 'pointer',
  transform: 'translateY(-60%)',
};

const m = new Matrix4();
const colour = new Color();

/** Writes a data attribute on the canvas for the page's tests; nothing off the DOM (the scene unit tests). */
export function markCanvas(el: HTMLElement, key: string, value: string | null): void {
  if (!el.dataset) return;
  if (value === null) delete el.dataset[key];
  else el.dataset[key] = value;
}

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

export function BeaconsLayer({ store, describe, onPick, pulse = true }: BeaconsLayerProps) {
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const theme = useSceneTheme();
  const ref = useRef<InstancedMesh>(null);
  const seen = useRef(-1);
  const labelCamera = useRef<[number, number, number] | null>(null);
  const [labels, setLabels] = useState<number[]>([]);
  const [count, setCount] = useState(store.beacons.length);
  const geometry = useMemo(() => new CylinderGeometry(RADIUS, RADIUS, 1, 12, 1, true).translate(0, 0.5, 0), []);
  const material = useMemo(
    () =>
      new MeshBasicMaterial({
        transparent: true,
        // Unlit and strong on a dark wall, where they glow against dark roofs; lighter over the console's pale scene.
        opacity: theme === 'dark' ? 0.8 : 0.6,
        depthWrite: false,
        toneMapped: false,
      }),
    [theme],
  );
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  // Room for every device: a status storm can put them all in alarm.
  const capacity = Math.max(1, store.baseCount);

  useFrame(({ camera, clock }) => {
    const mesh = ref.current;
    if (!mesh) return;
    if (!mesh.instanceColor) mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    const changed = seen.current !== store.beaconVersion;
    const wave = pulse && !reducedMotion() ? (Math.sin(clock.getElapsedTime() * 3.2) + 1) / 2 : 0.5;
    store.beacons.forEach((i, slot) => {
      const x = store.pos[i * 3] as number;
      const y = store.pos[i * 3 + 1] as number;
      const z = store.pos[i * 3 + 2] as number;
      // Alarms stand taller and breathe wider than faults.
      const alarm = store.status[i] === ALARM;
      const r = (alarm ? 1 : 0.75) * (0.8 + 0.5 * wave);
      m.makeScale(r, HEIGHT * (alarm ? 1 : 0.7), r).setPosition(x, y, z);
      mesh.setMatrixAt(slot, m);
      if (changed) mesh.setColorAt(slot, colour.set(STATUS_COLOR[alarm ? 'alarm' : 'fault']));
    });
    mesh.count = store.beacons.length;
    mesh.instanceMatrix.needsUpdate = true;
    if (changed && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    if (changed) {
      mesh.computeBoundingSphere();
      // What the page's tests read (no dataset off the DOM, as in the scene unit tests).
      markCanvas(gl.domElement, 'beacons', String(store.beacons.length));
      setCount(store.beacons.length);
    }
    // Which beacons carry a label: alarms before faults, then nearest; re-chosen when the set changes or the camera moved.
    const c: [number, number, number] = [camera.position.x, camera.position.y, camera.position.z];
    const last = labelCamera.current;
    if (changed || !last || Math.hypot(c[0] - last[0], c[1] - last[1], c[2] - last[2]) > 15) {
      labelCamera.current = c;
      seen.current = store.beaconVersion;
      const chosen = chooseLabels(store, c, LABEL_CAP);
      setLabels((prev) => (prev.length === chosen.length && prev.every((v, k) => v === chosen[k]) ? prev : chosen));
    }
  });

  // Pulse frames only while there is something to pulse.
  useEffect(() => {
    if (!pulse || count === 0 || reducedMotion()) return;
    const timer = setInterval(() => {
      if (!document.hidden) invalidate();
    }, PULSE_MS);
    return () => clearInterval(timer);
  }, [pulse, count, invalidate]);

  return (
    <group name="beacons">
      <instancedMesh
        ref={ref}
        name="beacons-columns"
        args={[geometry, material, capacity]}
        raycast={() => null}
        renderOrder={4}
        frustumCulled={false}
      />
      {/* DOM labels need a document (the scene unit tests have none). */}
      {typeof document !== 'undefined' &&
        labels.map((i, k) => {
          // Labels of devices at one spot (a lift's controller and its e-bike camera) stack instead of overlapping.
          const below = labels
            .slice(0, k)
            .filter(
              (j) =>
                Math.hypot(
                  (store.pos[j * 3] as number) - (store.pos[i * 3] as number),
                  (store.pos[j * 3 + 2] as number) - (store.pos[i * 3 + 2] as number),
                ) < 8,
            ).length;
          const text = describe(i);
          const alarm = store.status[i] === ALARM;
          return (
            <Html
              key={store.id[i]}
              position={[
                store.pos[i * 3] as number,
                (store.pos[i * 3 + 1] as number) + HEIGHT * (alarm ? 1 : 0.7),
                store.pos[i * 3 + 2] as number,
              ]}
              center
              zIndexRange={[20, 10]}
              style={{ pointerEvents: 'auto' }}
            >
              <button
                type="button"
                data-beacon-label={store.id[i]}
                data-beacon-status={alarm ? 'alarm' : 'fault'}
                style={{
                  ...LABEL_BASE,
                  ...LABEL_STYLE[theme],
                  borderLeftColor: STATUS_COLOR[alarm ? 'alarm' : 'fault'],
                  transform: `translateY(calc(-60% - ${below * 110}%))`,
                }}
                onClick={() => onPick?.(i)}
              >
                <span>{text.name}</span>
                <span style={{ fontWeight: 400, opacity: 0.85 }}>{text.place}</span>
              </button>
            </Html>
          );
        })}
    </group>
  );
}

/** Up to `cap` beacons to label: alarms first, then faults, nearest the camera first within each. */
export function chooseLabels(store: DeviceStore, camera: [number, number, number], cap: number): number[] {
  const d2 = (i: number) =>
    ((store.pos[i * 3] as number) - camera[0]) ** 2 +
    ((store.pos[i * 3 + 1] as number) - camera[1]) ** 2 +
    ((store.pos[i * 3 + 2] as number) - camera[2]) ** 2;
  return [...store.beacons]
    .sort((a, b) => Number(store.status[b] === ALARM) - Number(store.status[a] === ALARM) || d2(a) - d2(b))
    .slice(0, cap);
}
