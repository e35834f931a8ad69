// The scene runtime: the one object the DOM around the canvas talks to. It
// holds what changes faster than React should render (hover, device
// statuses in the device store) and takes camera commands (fly-to, focus,
// the big screen's tour steps).
//
// Lifecycle: created → attached → disposed. A runtime is created with its
// scene data, before the canvas exists; commands given then wait in a queue.
// When the camera rig mounts inside the <Canvas> it attaches, lending the
// runtime its camera moves and R3F's own invalidate for that canvas; the queue
// then runs in order, and later commands run at once. If the rig unmounts the
// runtime queues again until a rig attaches. Once disposed (the page left or
// the scene was replaced) every command is dropped.
import type { DeviceStatus } from '~/db/vocab';
import type { CameraTour } from './controls/tour';
import { type DeviceStore, setFilters, writeDeviceStatus } from './store';

export type Vec3 = [number, number, number];

export type TwinPick =
  | { kind: 'building'; buildingId: number }
  | { kind: 'unit'; unitId: number; buildingId: number }
  | { kind: 'floor'; buildingId: number; floor: number }
  | { kind: 'device'; deviceId: number }
  | { kind: 'patrol'; pointId: number }
  | { kind: 'cell'; buildingId: number; floor: number; column: number; incidentIds: number[] }
  | { kind: 'incident'; incidentId: number };

/** Where a camera rig can look: places in the scene's own geometry. */
export type CameraTarget =
  | { kind: 'home' }
  | { kind: 'building'; buildingId: number }
  | { kind: 'unit'; unitId: number }
  | { kind: 'floor'; buildingId: number; floor: number }
  | { kind: 'point'; x: number; y: number; z: number };

/** What a fly-to command may name: a camera target, or a device (the runtime knows where its marker is). */
export type FlyTarget = CameraTarget | { kind: 'device'; deviceId: number };

/** What the pointer is over: a building or floor box, or a point (device, patrol point). */
export type Hover =
  | { kind: 'box'; min: [number, number, number]; max: [number, number, number] }
  | { kind: 'point'; at: [number, number, number] }
  | null;

/** What a camera rig lends the runtime while it is mounted. */
export type CameraRig = {
  /** Moves the camera to a target (animated). The tour's rig has no free flight and ignores it. */
  flyTo: (target: CameraTarget) => void;
  /** R3F's invalidate for the rig's canvas (`useThree((s) => s.invalidate)`): asks for one frame. */
  invalidate: () => void;
};

export type RuntimeState = 'created' | 'attached' | 'disposed';

type Command = (rig: CameraRig) => void;

export class TwinRuntime {
  readonly devices: DeviceStore;
  /** The big screen's unattended tour: when present, the rig it attaches is the tour's, not mouse controls. */
  readonly tour: CameraTour | null;
  hover: Hover = null;
  /** Bumped on every hover change so the highlight knows to move. */
  hoverVersion = 0;
  /** Where the camera last flew to look (the point it orbits), for the page to expose; null before a flight. */
  cameraTarget: Vec3 | null = null;
  /** Bumped when the beacons or the camera target change (subscribe). */
  version = 0;
  private listeners = new Set<() => void>();
  private rig: CameraRig | null = null;
  private queue: Command[] = [];
  private disposed = false;

  constructor(devices: DeviceStore, tour: CameraTour | null = null) {
    this.devices = devices;
    this.tour = tour;
  }

  get state(): RuntimeState {
    return this.disposed ? 'disposed' : this.rig ? 'attached' : 'created';
  }

  /**
   * Called by the camera rig once it has set its first view: queued commands
   * run now, in the order given. Returns the detach function for the rig's
   * effect cleanup.
   */
  attachRig(rig: CameraRig): () => void {
    if (this.disposed) return () => {};
    this.rig = rig;
    const queued = this.queue;
    this.queue = [];
    for (const command of queued) command(rig);
    rig.invalidate();
    return () => {
      if (this.rig === rig) this.rig = null;
    };
  }

  /** Drops the rig and every queued command; commands given after this do nothing. */
  dispose(): void {
    this.disposed = true;
    this.rig = null;
    this.queue = [];
    this.hover = null;
    this.listeners.clear();
  }

  /** Called when the beacons (alarm and fault devices shown) or the camera's target change; for useSyncExternalStore. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  /** The camera rig says where a flight ends (its orbit point). */
  noteCameraTarget(at: Vec3): void {
    this.cameraTarget = at;
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** Asks the canvas for a frame; nothing to draw before a rig is attached (the canvas draws its first frame anyway). */
  invalidate(): void {
    this.rig?.invalidate();
  }

  /** Flies the camera to a target once the rig is there. */
  flyTo(target: FlyTarget): void {
    this.command((rig) => {
      const place = target.kind === 'device' ? this.devicePoint(target.deviceId) : target;
      if (place) rig.flyTo(place);
    });
  }

  /** Next (+1) or previous (−1) stop of the tour (a key or a presenter remote). */
  tourStep(delta: number): void {
    this.command(() => this.tour?.step(delta));
  }

  /** Pauses or resumes the tour. */
  tourTogglePause(): void {
    this.command(() => this.tour?.togglePause(performance.now()));
  }

  /** A new critical alarm: the tour flies to its device and holds there. */
  tourAlarm(key: string, label: string, at: [number, number, number]): void {
    this.command(() => this.tour?.alarm(key, label, at));
  }

  setHover(hover: Hover): void {
    this.hover = hover;
    this.hoverVersion++;
    this.invalidate();
  }

  /** A live status change: repaints the device's marker. False when the device is not in this scene. */
  setDeviceStatus(deviceId: number, status: DeviceStatus): boolean {
    if (this.disposed) return false;
    const beacons = this.devices.beaconVersion;
    const found = writeDeviceStatus(this.devices, deviceId, status);
    if (found) this.invalidate();
    if (beacons !== this.devices.beaconVersion) this.notify();
    return found;
  }

  /** Shows only the chosen classes and statuses, and hides a cut building's devices above the cut floor. */
  setFilters(filters: Parameters<typeof setFilters>[1]): void {
    if (this.disposed) return;
    const beacons = this.devices.beaconVersion;
    setFilters(this.devices, filters);
    this.invalidate();
    if (beacons !== this.devices.beaconVersion) this.notify();
  }

  /** A device's marker position, where a fly-to or the tour looks. */
  devicePoint(deviceId: number): { kind: 'point'; x: number; y: number; z: number } | null {
    const i = this.devices.indexById.get(deviceId);
    if (i === undefined) return null;
    const p = this.devices.pos;
    return { kind: 'point', x: p[i * 3] as number, y: p[i * 3 + 1] as number, z: p[i * 3 + 2] as number };
  }

  private command(run: Command): void {
    if (this.disposed) return;
    if (!this.rig) {
      this.queue.push(run);
      return;
    }
    run(this.rig);
    this.rig.invalidate();
  }
}
