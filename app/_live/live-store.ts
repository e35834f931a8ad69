// The browser's copy of live data: device statuses and open alarms, kept in a
// plain mutable store fed by the one live subscription of the page. React
// panels read it through useSyncExternalStore (hooks.ts); the 3D twin wires
// onDeviceStatus() to its scene runtime (useTwinRuntime) and
// so never re-renders React for a status change.
import type { DeviceStatus } from '~/db/vocab';
import type { FrameAlarm, FrameIncident, LiveMessage } from '~/server/live/types';

/**
 * `revoked` (the big screen's link was revoked) and `signedOut` (the session ended: signed out,
 * expired or disabled) are final: the server ended the stream and will refuse it again.
 */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'error' | 'revoked' | 'signedOut';

type StatusListener = (deviceId: number, status: DeviceStatus) => void;
type Listener = () => void;

const ACTIVE = new Set(['open', 'acknowledged', 'in_progress']);
/** The snapshot's own limit (server/live/types.ts: at most 500). */
const MAX_ALARMS = 500;

export class LiveStore {
  readonly statuses = new Map<number, DeviceStatus>();
  readonly alarms = new Map<number, FrameAlarm>();
  recentIncidents: FrameIncident[] = [];
  connection: ConnectionState = 'connecting';
  lastSeq = 0;
  /** Bumped when a frame or snapshot touches alarms: the alarm desk refetches on it. */
  alarmVersion = 0;
  /** Bumped when a frame carries work orders another console opened or moved. */
  workOrderVersion = 0;
  /** Bumped on every change, so React can tell snapshots apart cheaply. */
  version = 0;
  private readonly statusListeners = new Set<StatusListener>();
  private readonly listeners = new Set<Listener>();

  /** Called for every device whose status changes (and for each device of a snapshot). */
  onDeviceStatus(fn: StatusListener): () => void {
    this.statusListeners.add(fn);
    for (const [id, status] of this.statuses) fn(id, status);
    return () => this.statusListeners.delete(fn);
  }

  /** Called after any change (frames, snapshots, connection state). */
  subscribe = (fn: Listener): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    this.changed();
  }

  apply(message: LiveMessage): void {
    if (message.type === 'snapshot') {
      this.statuses.clear();
      this.alarms.clear();
      for (const [status, ids] of Object.entries(message.statuses) as Array<[DeviceStatus, number[]]>) {
        for (const id of ids) this.setStatus(id, status);
      }
      for (const a of message.alarms) this.alarms.set(a.id, a);
      this.alarmVersion++;
    } else {
      if (message.alarms.length > 0) this.alarmVersion++;
      if (message.workOrders?.length) this.workOrderVersion++;
      for (const [id, status] of message.devices) this.setStatus(id, status);
      for (const a of message.alarms) {
        if (ACTIVE.has(a.state)) this.alarms.set(a.id, a);
        else this.alarms.delete(a.id);
      }
      // A page left open for days (the big screen) under an alarm storm must not
      // grow: keep the newest MAX_ALARMS, as the snapshot does (Map order is arrival order).
      for (const id of this.alarms.keys()) {
        if (this.alarms.size <= MAX_ALARMS) break;
        this.alarms.delete(id);
      }
      if (message.incidents.length > 0) {
        // By id: a restarted server re-announces what its predecessor may not have framed (server/live/catch-up.ts).
        const known = new Set(this.recentIncidents.map((i) => i.id));
        const fresh = message.incidents.filter((i) => !known.has(i.id)).reverse();
        this.recentIncidents = [...fresh, ...this.recentIncidents].slice(0, 50);
      }
    }
    this.lastSeq = message.seq;
    this.changed();
  }

  /** Devices per status, for badges and KPIs. */
  counts(): Partial<Record<DeviceStatus, number>> {
    const out: Partial<Record<DeviceStatus, number>> = {};
    for (const s of this.statuses.values()) out[s] = (out[s] ?? 0) + 1;
    return out;
  }

  private setStatus(id: number, status: DeviceStatus): void {
    if (this.statuses.get(id) === status) return;
    this.statuses.set(id, status);
    for (const fn of this.statusListeners) fn(id, status);
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
