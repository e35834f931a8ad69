// The device status machine as pure functions (docs/DOMAIN.md): what one
// event does to one device, given the alarm rules of alarm-rules.ts. The
// ingest reads the device's state under a row lock, folds its events through
// applyEvent, and writes the result; the offline sweep uses markOffline.
// Nothing here touches the database.
import type { DeviceClass, DeviceStatus, Facade } from '~/db/vocab';
import {
  alarmSpec,
  CONDITION_ALARMS,
  FAULT_KINDS,
  RAISED_IN_MAINTENANCE,
  readingConditions,
  THRESHOLDS,
  type AlarmSpec,
  type Thresholds,
  type ConditionKind,
} from './alarm-rules';
import type { DeviceEvent } from './device-event';

export type DeviceFacts = {
  id: number;
  class: DeviceClass;
  communityId: number;
  buildingId: number | null;
  unitId: number | null;
  /** The community's alarm thresholds (alarm-rules.ts thresholdsWith); the design values when absent. */
  thresholds?: Thresholds;
};

export type DeviceState = {
  status: DeviceStatus;
  statusSince: Date;
  /** Kinds of this device's alarms that are open, acknowledged or in progress. */
  active: ReadonlySet<string>;
};

export type IncidentSpec =
  | {
      kind: 'throwing';
      occurredAt: Date;
      floor: number | null;
      floorBand: [number, number];
      facade: Facade | null;
      windowColumn: number | null;
      trajectory: Array<{ t: number; x: number; y: number; z: number }>;
      evidence: string[];
    }
  | { kind: 'ebike_elevator'; occurredAt: Date; doorHeldSeconds: number; releasedBy: 'auto' | 'staff' }
  | { kind: 'fire_smoke'; occurredAt: Date };

export type Outcome = {
  state: DeviceState;
  raise: AlarmSpec[];
  clear: string[];
  incident: IncidentSpec | null;
  /** Fields to merge into the device's latest telemetry. */
  telemetry: Record<string, unknown> | null;
};

/** The status a device's conditions imply; maintenance and offline are set, not derived. */
export function derivedStatus(active: ReadonlySet<string>): DeviceStatus {
  let alarm = false;
  for (const kind of active) {
    if (FAULT_KINDS.has(kind)) return 'fault';
    if (kind in CONDITION_ALARMS && kind !== 'device_offline') alarm = true;
  }
  return alarm ? 'alarm' : 'online';
}

/** applyEvent's working state; module-level helpers instead of closures keep the hot path allocation-light. */
type Fold = {
  /** The device's active conditions: the caller's set until the first change, then a copy. */
  active: ReadonlySet<string>;
  copied: boolean;
  raise: AlarmSpec[];
  clear: string[];
  status: DeviceStatus;
  touched: boolean;
  stale: boolean;
  at: Date;
};

function writable(f: Fold): Set<string> {
  if (!f.copied) {
    f.active = new Set(f.active);
    f.copied = true;
  }
  return f.active as Set<string>;
}

function setCondition(f: Fold, kind: ConditionKind, on: boolean): void {
  if (f.stale) return;
  if (on && !f.active.has(kind)) {
    if (f.status === 'maintenance' && !RAISED_IN_MAINTENANCE.has(kind)) return;
    writable(f).add(kind);
    f.raise.push(alarmSpec(kind, f.at));
    f.touched = true;
  } else if (!on && f.active.has(kind)) {
    writable(f).delete(kind);
    f.clear.push(kind);
    f.touched = true;
  }
}

/**
 * One event's effect on one device. `now` (server time) stamps the return
 * from offline, which the sweep stamped in server time too. An event older than
 * the device's last status change is stored but changes no condition: with
 * several broker connections events can arrive out of order, and a stale
 * "all clear" must not hide a newer alarm. The input state is never changed;
 * the outcome's telemetry is the event's own data (merge it into a copy).
 */
export function applyEvent(device: DeviceFacts, state: DeviceState, event: DeviceEvent, now: Date): Outcome {
  const f: Fold = {
    active: state.active,
    copied: false,
    raise: [],
    clear: [],
    status: state.status,
    touched: false,
    stale: event.at.getTime() < state.statusSince.getTime(),
    at: event.at,
  };
  let incident: IncidentSpec | null = null;
  let telemetry: Record<string, unknown> | null = null;
  // Stamped with the event's own time, so the stale check above compares one
  // device clock with itself; the sweep stamps offline with server time.
  const changedAt = state.status === 'offline' ? now : event.at;

  // Any word from a device ends its offline condition.
  if (f.active.has('device_offline')) {
    writable(f).delete('device_offline');
    f.clear.push('device_offline');
    f.touched = true;
  }
  if (f.status === 'offline') f.touched = true;

  switch (event.kind) {
    case 'heartbeat':
      if (Object.keys(event.data).length > 0) telemetry = event.data;
      break;
    case 'reading':
      telemetry = event.data;
      for (const c of readingConditions(device.class, event.data, device.thresholds)) setCondition(f, c.kind, c.on);
      break;
    case 'fault':
      telemetry = { faultCode: event.data.code };
      setCondition(f, device.class === 'elevator_controller' ? 'elevator_fault' : 'device_fault', true);
      break;
    case 'recovered':
      telemetry = { faultCode: null };
      setCondition(f, 'elevator_fault', false);
      setCondition(f, 'device_fault', false);
      break;
    case 'maintenance':
      if (!f.stale && event.data.on !== (f.status === 'maintenance')) {
        f.status = event.data.on ? 'maintenance' : derivedStatus(f.active);
        return outcome(f, state, changedAt, incident, telemetry); // already decided
      }
      break;
    case 'throwing': {
      const d = event.data;
      incident = {
        kind: 'throwing',
        occurredAt: event.at,
        floor: d.floor ?? null,
        floorBand: d.floorBand,
        facade: d.facade ?? null,
        windowColumn: d.windowColumn ?? null,
        trajectory: d.trajectory,
        evidence: d.evidence,
      };
      f.raise.push(alarmSpec('throwing', event.at, true));
      break;
    }
    case 'ebike_blocked':
      incident = {
        kind: 'ebike_elevator',
        occurredAt: event.at,
        doorHeldSeconds: event.data.doorHeldSeconds,
        releasedBy: event.data.releasedBy,
      };
      if (
        event.data.doorHeldSeconds >= (device.thresholds ?? THRESHOLDS).ebikeAlarmSeconds ||
        event.data.releasedBy === 'staff'
      ) {
        f.raise.push(alarmSpec('ebike_elevator', event.at, true));
      }
      break;
  }
  // A smoke alarm is also a fire incident, kept with its evidence trail.
  for (const a of f.raise) {
    if (a.kind !== 'smoke') continue;
    incident = { kind: 'fire_smoke', occurredAt: event.at };
    a.withIncident = true;
  }
  if (f.touched && f.status !== 'maintenance') f.status = derivedStatus(f.active);
  return outcome(f, state, changedAt, incident, telemetry);
}

function outcome(
  f: Fold,
  state: DeviceState,
  changedAt: Date,
  incident: IncidentSpec | null,
  telemetry: Record<string, unknown> | null,
): Outcome {
  const changed = f.status !== state.status;
  return {
    state: { status: f.status, statusSince: changed ? changedAt : state.statusSince, active: f.active },
    raise: f.raise,
    clear: f.clear,
    incident,
    telemetry,
  };
}

/** The sweep's verdict on a device that has been silent past its heartbeat. */
export function markOffline(state: DeviceState, now: Date): Outcome {
  if (state.status === 'offline' || state.status === 'maintenance') {
    return { state, raise: [], clear: [], incident: null, telemetry: null };
  }
  const active = new Set(state.active);
  const raise = active.has('device_offline') ? [] : [alarmSpec('device_offline', now)];
  active.add('device_offline');
  return { state: { status: 'offline', statusSince: now, active }, raise, clear: [], incident: null, telemetry: null };
}
