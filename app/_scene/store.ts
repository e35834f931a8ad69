// Per-device state for the scene in typed arrays indexed by device, outside
// React: a status change rewrites one marker's colour with no React render
// (the live feed writes here through the scene runtime, which then asks for
// one frame: frameloop="demand"). Filters re-pack the markers so hidden ones
// cost nothing. Nothing here draws: callers ask their canvas for a frame.
//
// Level of detail: near the camera a device is an instance of its shape's
// InstancedMesh; beyond `lod.near` metres, where a 1 m marker is a pixel or
// two, it is a vertex of one Points cloud. Software WebGL (SwiftShader)
// processes every instance of an instanced draw as a draw of its own, so
// 11,786 instances cost as much as 11,786 meshes (measured: ~4–6 fps either
// way); the cloud is one primitive batch (docs/ARCHITECTURE.md § Targets, § Measured facts).
import { type BufferAttribute, Color, type InstancedMesh, Matrix4, type Points } from 'three';
import { DEVICE_CLASSES, DEVICE_STATUSES, type DeviceStatus } from '~/db/vocab';
import type { TwinDeviceColumns } from '~/server/queries/twin-scene';
import { CLASS_SHAPE, SHAPES, STATUS_COLOR } from './palette';

/** Container index of the far-away Points cloud; 0…SHAPES.length−1 are the shapes' InstancedMeshes. */
export const FAR = SHAPES.length;

export type DeviceStore = {
  /** Markers, replicas included (bench scale). */
  count: number;
  /** Devices from the database; replicas repeat them. */
  baseCount: number;
  id: Int32Array;
  cls: Uint8Array;
  status: Uint8Array;
  shape: Uint8Array;
  building: Int32Array;
  floor: Int16Array;
  pos: Float32Array;
  /** Device index → slot in its container (its shape's mesh, or the cloud); −1 while filtered out. */
  slot: Int32Array;
  /** Device index → container: its shape, or FAR. */
  container: Uint8Array;
  /** Per container: slot → device index. */
  slotDevice: Int32Array[];
  meshes: Array<InstancedMesh | null>;
  points: Points | null;
  /** Camera position the near/far split was made for; null: everything near. */
  lod: { camera: [number, number, number] | null; near: number };
  classVisible: boolean[];
  statusVisible: boolean[];
  /** Isolating a floor hides the building's devices above it. */
  cut: { buildingId: number; floor: number } | null;
  indexById: Map<number, number>;
  /** Devices (base, not bench replicas) in alarm or fault that are shown: each gets a beacon. Alarms first. */
  beacons: number[];
  /** Bumped whenever `beacons` or a beacon's status changes. */
  beaconVersion: number;
};

const ALARM = DEVICE_STATUSES.indexOf('alarm');
const FAULT = DEVICE_STATUSES.indexOf('fault');
const STATUS_COLORS = DEVICE_STATUSES.map((s) => new Color(STATUS_COLOR[s]));
const SHAPE_OF_CLASS = DEVICE_CLASSES.map((c) => SHAPES.indexOf(CLASS_SHAPE[c]));
// Scratch objects: one matrix for every write, never one per instance.
const m = new Matrix4();

/**
 * `scale` > 1 replicates every device with a small offset (the bench's 10×
 * load); replicas live only here, in typed arrays, never as JS objects.
 */
export function createDeviceStore(columns: TwinDeviceColumns, positions: Float32Array, scale = 1): DeviceStore {
  const baseCount = columns.id.length;
  const count = baseCount * scale;
  const s: DeviceStore = {
    count,
    baseCount,
    id: new Int32Array(count),
    cls: new Uint8Array(count),
    status: new Uint8Array(count),
    shape: new Uint8Array(count),
    building: new Int32Array(count),
    floor: new Int16Array(count),
    pos: new Float32Array(count * 3),
    slot: new Int32Array(count).fill(-1),
    container: new Uint8Array(count),
    slotDevice: [],
    meshes: SHAPES.map(() => null),
    points: null,
    lod: { camera: null, near: 90 },
    classVisible: DEVICE_CLASSES.map(() => true),
    statusVisible: DEVICE_STATUSES.map(() => true),
    cut: null,
    indexById: new Map(),
    beacons: [],
    beaconVersion: 0,
  };
  const perShape = SHAPES.map(() => 0);
  for (let r = 0; r < scale; r++) {
    for (let j = 0; j < baseCount; j++) {
      const i = r * baseCount + j;
      s.id[i] = columns.id[j] ?? 0;
      s.cls[i] = columns.cls[j] ?? 0;
      s.status[i] = columns.status[j] ?? 0;
      s.shape[i] = SHAPE_OF_CLASS[s.cls[i] as number] ?? 0;
      s.building[i] = columns.buildingId[j] ?? -1;
      s.floor[i] = columns.floor[j] ?? -1;
      // Replicas step out on a small spiral so they do not z-fight their original.
      const a = r * 2.4;
      s.pos[i * 3] = (positions[j * 3] ?? 0) + (r ? Math.cos(a) * 0.7 * r : 0);
      s.pos[i * 3 + 1] = (positions[j * 3 + 1] ?? 0) + r * 0.15;
      s.pos[i * 3 + 2] = (positions[j * 3 + 2] ?? 0) + (r ? Math.sin(a) * 0.7 * r : 0);
      perShape[s.shape[i] as number]! += 1;
      if (r === 0) s.indexById.set(s.id[i] as number, i);
    }
  }
  s.slotDevice = [...perShape.map((n) => new Int32Array(n)), new Int32Array(count)];
  return s;
}

/** Instances each shape's mesh must hold: all of its devices. */
export function shapeCapacity(s: DeviceStore, shape: number): number {
  return s.slotDevice[shape]?.length ?? 0;
}

function isNear(s: DeviceStore, i: number): boolean {
  const c = s.lod.camera;
  if (!c || !Number.isFinite(s.lod.near)) return true;
  const dx = (s.pos[i * 3] as number) - c[0];
  const dy = (s.pos[i * 3 + 1] as number) - c[1];
  const dz = (s.pos[i * 3 + 2] as number) - c[2];
  return dx * dx + dy * dy + dz * dz <= s.lod.near * s.lod.near;
}

function visible(s: DeviceStore, i: number): boolean {
  if (!s.classVisible[s.cls[i] as number] || !s.statusVisible[s.status[i] as number]) return false;
  return !(s.cut && s.building[i] === s.cut.buildingId && (s.floor[i] as number) > s.cut.floor);
}

function writeColour(s: DeviceStore, i: number): void {
  const slot = s.slot[i] as number;
  const colour = STATUS_COLORS[s.status[i] as number] as Color;
  if (s.container[i] === FAR) {
    (s.points?.geometry.getAttribute('color') as BufferAttribute | undefined)?.setXYZ(
      slot,
      colour.r,
      colour.g,
      colour.b,
    );
  } else {
    s.meshes[s.container[i] as number]?.setColorAt(slot, colour);
  }
}

function markDirty(s: DeviceStore): void {
  for (const mesh of s.meshes) {
    if (!mesh) continue;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  }
  if (s.points) {
    s.points.geometry.getAttribute('position').needsUpdate = true;
    s.points.geometry.getAttribute('color').needsUpdate = true;
  }
}

/** Packs every visible device into the front of its container (near: its shape's mesh; far: the cloud) and draws only those. */
export function relayout(s: DeviceStore): void {
  const counts = s.slotDevice.map(() => 0);
  const cloud = s.points?.geometry.getAttribute('position') as BufferAttribute | undefined;
  for (let i = 0; i < s.count; i++) {
    if (!visible(s, i)) {
      s.slot[i] = -1;
      continue;
    }
    const container = isNear(s, i) ? (s.shape[i] as number) : FAR;
    const slot = counts[container] as number;
    counts[container] = slot + 1;
    s.container[i] = container;
    s.slot[i] = slot;
    (s.slotDevice[container] as Int32Array)[slot] = i;
    const x = s.pos[i * 3] as number,
      y = s.pos[i * 3 + 1] as number,
      z = s.pos[i * 3 + 2] as number;
    if (container === FAR) cloud?.setXYZ(slot, x, y, z);
    else s.meshes[container]?.setMatrixAt(slot, m.makeTranslation(x, y, z));
    writeColour(s, i);
  }
  s.meshes.forEach((mesh, k) => {
    if (!mesh) return;
    mesh.count = counts[k] as number;
    // Instances moved: cached bounds would cull or miss-pick them.
    mesh.computeBoundingSphere();
  });
  if (s.points) {
    s.points.geometry.setDrawRange(0, counts[FAR] as number);
    s.points.geometry.computeBoundingSphere();
  }
  markDirty(s);
  collectBeacons(s);
}

/**
 * Re-lists the beacons: shown devices in alarm, then in fault. True (and the
 * version bumped) when the list changed, or always with `force` (a beacon
 * changed between alarm and fault).
 */
export function collectBeacons(s: DeviceStore, force = false): boolean {
  const alarms: number[] = [];
  const faults: number[] = [];
  for (let i = 0; i < s.baseCount; i++) {
    const st = s.status[i];
    if ((st === ALARM || st === FAULT) && visible(s, i)) (st === ALARM ? alarms : faults).push(i);
  }
  const next = alarms.concat(faults);
  if (!force && next.length === s.beacons.length && next.every((v, k) => v === s.beacons[k])) return false;
  s.beacons = next;
  s.beaconVersion++;
  return true;
}

/** How many shown devices are in alarm and in fault (the toolbar's count). */
export function beaconCounts(s: DeviceStore): { alarm: number; fault: number } {
  let alarm = 0;
  for (const i of s.beacons) if (s.status[i] === ALARM) alarm++;
  return { alarm, fault: s.beacons.length - alarm };
}

export function attachMesh(s: DeviceStore, shape: number, mesh: InstancedMesh | null): void {
  s.meshes[shape] = mesh;
  if (mesh) relayout(s);
}

export function attachPoints(s: DeviceStore, points: Points | null): void {
  s.points = points;
  if (points) relayout(s);
}

/** The camera moved: re-split near and far when it has gone a tenth of the near distance. */
export function updateLod(s: DeviceStore, camera: [number, number, number]): boolean {
  const c = s.lod.camera;
  const step = s.lod.near / 10;
  if (c && Math.hypot(c[0] - camera[0], c[1] - camera[1], c[2] - camera[2]) < step) return false;
  s.lod.camera = camera;
  relayout(s);
  return true;
}

export function setFilters(
  s: DeviceStore,
  f: { classVisible?: boolean[]; statusVisible?: boolean[]; cut?: DeviceStore['cut'] },
): void {
  if (f.classVisible) s.classVisible = [...f.classVisible];
  if (f.statusVisible) s.statusVisible = [...f.statusVisible];
  if (f.cut !== undefined) s.cut = f.cut;
  relayout(s);
}

/**
 * A device's status changed (the live feed): repaint its marker, or re-pack
 * when a status filter makes it appear or disappear. False when the device is
 * not in this store.
 */
export function writeDeviceStatus(s: DeviceStore, id: number, status: DeviceStatus): boolean {
  const i = s.indexById.get(id);
  if (i === undefined) return false;
  const before = visible(s, i);
  const was = s.status[i];
  s.status[i] = DEVICE_STATUSES.indexOf(status);
  const beacon = (st: number | undefined) => st === ALARM || st === FAULT;
  if (was !== s.status[i] && (beacon(was) || beacon(s.status[i]))) collectBeacons(s, true);
  if (before !== visible(s, i)) {
    relayout(s);
  } else if ((s.slot[i] as number) >= 0) {
    writeColour(s, i);
    // Upload this one marker's colour, not the container's whole buffer.
    const k = s.container[i] as number;
    const colours =
      k === FAR
        ? (s.points?.geometry.getAttribute('color') as BufferAttribute | undefined)
        : s.meshes[k]?.instanceColor;
    if (colours) {
      colours.addUpdateRange((s.slot[i] as number) * 3, 3);
      colours.needsUpdate = true;
    }
  }
  return true;
}
