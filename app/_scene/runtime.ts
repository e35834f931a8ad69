// The bridge between the DOM around the canvas and the scene inside it:
// plain mutable values (hover, the fly-to command) that change faster than
// React should render, plus the device store.
import type { CameraTour } from './controls/tour';
import type { DeviceStore } from './store';

export type TwinPick =
  | { kind: 'building'; buildingId: number }
  | { kind: 'unit'; unitId: number; buildingId: number }
  | { kind: 'floor'; buildingId: number; floor: number }
  | { kind: 'device'; deviceId: number }
  | { kind: 'patrol'; pointId: number }
  | { kind: 'cell'; buildingId: number; floor: number; column: number; incidentIds: number[] }
  | { kind: 'incident'; incidentId: number };

export type FlyTarget =
  | { kind: 'home' }
  | { kind: 'building'; buildingId: number }
  | { kind: 'unit'; unitId: number }
  | { kind: 'floor'; buildingId: number; floor: number }
  | { kind: 'point'; x: number; y: number; z: number };

/** What the pointer is over: a building or floor box, or a point (device, patrol point). */
export type Hover =
  | { kind: 'box'; min: [number, number, number]; max: [number, number, number] }
  | { kind: 'point'; at: [number, number, number] }
  | null;

export type TwinRuntime = {
  devices: DeviceStore;
  hover: Hover;
  /** Bumped on every hover change so the highlight knows to move. */
  hoverVersion: number;
  flyTo: (target: FlyTarget) => void;
  invalidate: () => void;
  /** The big screen's unattended tour: when set before the canvas mounts, it drives the camera instead of mouse controls. */
  tour?: CameraTour;
};

export function createRuntime(devices: DeviceStore): TwinRuntime {
  const runtime: TwinRuntime = {
    devices,
    hover: null,
    hoverVersion: 0,
    flyTo: () => {},
    invalidate: () => {},
  };
  devices.invalidate = () => runtime.invalidate();
  return runtime;
}

export function setHover(runtime: TwinRuntime, hover: Hover): void {
  runtime.hover = hover;
  runtime.hoverVersion++;
  runtime.invalidate();
}
