// Device status and alarm rules as pure functions (docs/DOMAIN.md § Devices): what one
// event does to one device. The pipeline reads the device's state under a row
// lock, folds its events through applyEvent, and writes the result; the
// offline sweep uses markOffline. Nothing here touches the database.
import type { AlarmSeverity, AlarmState, DeviceClass, DeviceStatus, Facade } from '~/db/vocab';
import type { IngestEvent } from './event-schema';

/**
 * Conditions a device is in until it says otherwise: raised once, cleared by
 * a later event (or, for device_offline, by any event at all). Incident
 * alarms (throwing, e-bike) are one-off and wait for staff instead.
 */
export const CONDITION_ALARMS = {
  smoke: { severity: 'critical', title: '烟感报警 / Smoke detected' },
  gas_leak: { severity: 'critical', title: '可燃气体报警 / Combustible gas' },
  elevator_trapped: { severity: 'critical', title: '电梯困人 / Passenger trapped' },
  elevator_fault: { severity: 'major', title: '电梯故障 / Elevator fault' },
  fire_water_low_pressure: { severity: 'major', title: '消防水压低 / Low fire-water pressure' },
  arc_fault: { severity: 'major', title: '充电棚电弧故障 / Arc fault at charging shed' },
  manhole_open: { severity: 'major', title: '井盖异常 / Manhole cover open or tilted' },
  water_leak: { severity: 'minor', title: '漏水 / Water leak' },
  device_fault: { severity: 'minor', title: '设备故障 / Device fault' },
  device_offline: { severity: 'warning', title: '设备离线 / Device offline' },
} as const satisfies Record<string, { severity: AlarmSeverity; title: string }>;
export type ConditionKind = keyof typeof CONDITION_ALARMS;

export const INCIDENT_ALARMS = {
  throwing: { severity: 'major', title: '高空抛物 / High-altitude throwing' },
  ebike_elevator: { severity: 'warning', title: '电瓶车进电梯 / E-bike held the elevator door' },
} as const satisfies Record<string, { severity: AlarmSeverity; title: string }>;

/** Conditions that put a device in 'fault' rather than 'alarm'. */
const FAULT_KINDS: ReadonlySet<string> = new Set<ConditionKind>(['device_fault', 'elevator_fault']);
/** Life-safety conditions still raised while a device is in maintenance. */
const RAISED_IN_MAINTENANCE: ReadonlySet<string> = new Set<ConditionKind>(['smoke', 'elevator_trapped', 'gas_leak']);

/** Design values; a site's engineer would tune them per installation. */
export const THRESHOLDS = {
  /** Fire-water main below this pressure (MPa) cannot feed the highest hydrant. */
  fireWaterMinMpa: 0.1,
  /** Combustible gas at or above this share of its lower explosive limit (%LEL). */
  gasLelPercent: 20,
  /** A manhole cover tilted past this (degrees) is treated as open. */
  manholeTiltDegrees: 15,
  /** An e-bike holding the door this long (s) pages staff; shorter ones are only recorded. */
  ebikeAlarmSeconds: 30,
};

export type DeviceFacts = {
  id: number;
  class: DeviceClass;
  communityId: number;
  buildingId: number | null;
  unitId: number | null;
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

export type AlarmSpec = { kind: string; severity: AlarmSeverity; title: string; openedAt: Date; withIncident: boolean };

export type Outcome = {
  state: DeviceState;
  raise: AlarmSpec[];
  clear: string[];
  incident: IncidentSpec | null;
  /** Fields to merge into the device's latest telemetry. */
  telemetry: Record<string, unknown> | null;
};

type Condition = { kind: ConditionKind; on: boolean };

const bool = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'boolean' ? (data[key] as boolean) : undefined;
const num = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'number' ? (data[key] as number) : undefined;
const NONE: readonly Condition[] = [];

/** The conditions a reading speaks to, by device class; fields it does not carry say nothing. */
export function readingConditions(cls: DeviceClass, data: Record<string, unknown>): readonly Condition[] {
  switch (cls) {
    case 'smoke_detector': {
      const smoke = bool(data, 'smoke');
      return smoke === undefined ? NONE : [{ kind: 'smoke', on: smoke }];
    }
    case 'fire_water_pressure': {
      const mpa = num(data, 'pressureMpa');
      return mpa === undefined ? NONE : [{ kind: 'fire_water_low_pressure', on: mpa < THRESHOLDS.fireWaterMinMpa }];
    }
    case 'combustible_gas': {
      const lel = num(data, 'lelPercent');
      return lel === undefined ? NONE : [{ kind: 'gas_leak', on: lel >= THRESHOLDS.gasLelPercent }];
    }
    case 'elevator_controller': {
      // GB/T 24476 elevator IoT fields: a trapped passenger and a fault code.
      const out: Condition[] = [];
      const trapped = bool(data, 'trapped');
      if (trapped !== undefined) out.push({ kind: 'elevator_trapped', on: trapped });
      if ('fault' in data) {
        const f = data.fault;
        out.push({ kind: 'elevator_fault', on: !(f === null || f === false || f === 0 || f === '' || f === '0') });
      }
      return out;
    }
    case 'ebike_charging_shed': {
      const arc = bool(data, 'arcFault');
      return arc === undefined ? NONE : [{ kind: 'arc_fault', on: arc }];
    }
    case 'manhole_cover': {
      const open = bool(data, 'open');
      const tilt = num(data, 'tiltDegrees');
      if (open === undefined && tilt === undefined) return NONE;
      return [
        { kind: 'manhole_open', on: open === true || (tilt !== undefined && tilt > THRESHOLDS.manholeTiltDegrees) },
      ];
    }
    case 'water_leak_contact': {
      const leak = bool(data, 'leak');
      return leak === undefined ? NONE : [{ kind: 'water_leak', on: leak }];
    }
    default:
      return NONE;
  }
}

/** Whether this event could raise or clear a condition: only then does the pipeline read the device's alarms. */
export function touchesConditions(cls: DeviceClass, status: DeviceStatus, event: IngestEvent): boolean {
  if (status === 'offline' || status === 'maintenance') return true;
  switch (event.kind) {
    case 'fault':
    case 'recovered':
    case 'maintenance':
      return true;
    case 'reading':
      return readingConditions(cls, event.data).length > 0;
    default:
      return false;
  }
}

/** The status a device's conditions imply; maintenance and offline are set, not derived. */
export function derivedStatus(active: ReadonlySet<string>): DeviceStatus {
  let alarm = false;
  for (const kind of active) {
    if (FAULT_KINDS.has(kind)) return 'fault';
    if (kind in CONDITION_ALARMS && kind !== 'device_offline') alarm = true;
  }
  return alarm ? 'alarm' : 'online';
}

function alarmSpec(
  kind: ConditionKind | keyof typeof INCIDENT_ALARMS,
  openedAt: Date,
  withIncident = false,
): AlarmSpec {
  const def =
    kind in CONDITION_ALARMS
      ? CONDITION_ALARMS[kind as ConditionKind]
      : INCIDENT_ALARMS[kind as keyof typeof INCIDENT_ALARMS];
  return { kind, severity: def.severity, title: def.title, openedAt, withIncident };
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
export function applyEvent(device: DeviceFacts, state: DeviceState, event: IngestEvent, now: Date): Outcome {
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
      for (const c of readingConditions(device.class, event.data)) setCondition(f, c.kind, c.on);
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
      if (event.data.doorHeldSeconds >= THRESHOLDS.ebikeAlarmSeconds || event.data.releasedBy === 'staff') {
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

/**
 * The alarm lifecycle of docs/DOMAIN.md § Alarms, forward only: open → acknowledged →
 * in progress → resolved → closed. A device clearing its condition resolves
 * the alarm from any earlier state; staff close it. Moving to the state it is
 * already in is allowed and changes nothing, so retries are harmless.
 */
const ORDER: readonly AlarmState[] = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'];
export function canAdvanceAlarm(from: AlarmState, to: AlarmState): boolean {
  return ORDER.indexOf(to) >= ORDER.indexOf(from);
}
