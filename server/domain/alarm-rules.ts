// Which device conditions raise which alarms, and how loudly: pure rules the
// ingest applies to every event (server/domain/device-status.ts folds them
// into a device's status). An alarm is stored as its kind; its words live in
// the messages (`alarmKind.<kind>`), not here.
import type { AlarmKind, AlarmSeverity, DeviceClass, DeviceStatus } from '~/db/vocab';
import type { DeviceEvent } from './device-event';

/**
 * Conditions a device is in until it says otherwise: raised once, cleared by
 * a later event (or, for device_offline, by any event at all). Incident
 * alarms (throwing, e-bike) are one-off and wait for staff instead.
 */
export const CONDITION_ALARMS = {
  smoke: { severity: 'critical' },
  gas_leak: { severity: 'critical' },
  elevator_trapped: { severity: 'critical' },
  elevator_fault: { severity: 'major' },
  fire_water_low_pressure: { severity: 'major' },
  arc_fault: { severity: 'major' },
  manhole_open: { severity: 'major' },
  water_leak: { severity: 'minor' },
  device_fault: { severity: 'minor' },
  device_offline: { severity: 'warning' },
} as const satisfies Partial<Record<AlarmKind, { severity: AlarmSeverity }>>;
export type ConditionKind = keyof typeof CONDITION_ALARMS;

export const INCIDENT_ALARMS = {
  throwing: { severity: 'major' },
  ebike_elevator: { severity: 'warning' },
} as const satisfies Partial<Record<AlarmKind, { severity: AlarmSeverity }>>;
export type IncidentAlarmKind = keyof typeof INCIDENT_ALARMS;

/** Conditions that put a device in 'fault' rather than 'alarm'. */
export const FAULT_KINDS: ReadonlySet<string> = new Set<ConditionKind>(['device_fault', 'elevator_fault']);
/** Life-safety conditions still raised while a device is in maintenance. */
export const RAISED_IN_MAINTENANCE: ReadonlySet<string> = new Set<ConditionKind>([
  'smoke',
  'elevator_trapped',
  'gas_leak',
]);

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

export type Thresholds = Record<keyof typeof THRESHOLDS, number>;
export type ThresholdKey = keyof Thresholds;
export const THRESHOLD_KEYS = Object.keys(THRESHOLDS) as ThresholdKey[];

/**
 * What a community's engineer may set each threshold to (communities.thresholds), its unit, and
 * the device class it applies to: outside these bounds a value would silence or flood the alarm.
 */
export const THRESHOLD_BOUNDS: Readonly<
  Record<ThresholdKey, { min: number; max: number; step: number; unit: string; deviceClass: DeviceClass }>
> = {
  fireWaterMinMpa: { min: 0.05, max: 1, step: 0.01, unit: 'MPa', deviceClass: 'fire_water_pressure' },
  gasLelPercent: { min: 5, max: 50, step: 1, unit: '%LEL', deviceClass: 'combustible_gas' },
  manholeTiltDegrees: { min: 5, max: 60, step: 1, unit: '°', deviceClass: 'manhole_cover' },
  ebikeAlarmSeconds: { min: 5, max: 300, step: 1, unit: 's', deviceClass: 'elevator_ebike_camera' },
};

/**
 * The thresholds in force for a community: its own overrides (communities.thresholds) over the
 * design values; an override that is not a number within bounds is ignored.
 */
export function thresholdsWith(overrides: Readonly<Record<string, unknown>> | null | undefined): Thresholds {
  const out: Thresholds = { ...THRESHOLDS };
  for (const key of THRESHOLD_KEYS) {
    const v = overrides?.[key];
    const b = THRESHOLD_BOUNDS[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= b.min && v <= b.max) out[key] = v;
  }
  return out;
}

export type AlarmSpec = {
  kind: ConditionKind | IncidentAlarmKind;
  severity: AlarmSeverity;
  openedAt: Date;
  withIncident: boolean;
};

export function alarmSpec(kind: ConditionKind | IncidentAlarmKind, openedAt: Date, withIncident = false): AlarmSpec {
  const def =
    kind in CONDITION_ALARMS ? CONDITION_ALARMS[kind as ConditionKind] : INCIDENT_ALARMS[kind as IncidentAlarmKind];
  return { kind, severity: def.severity, openedAt, withIncident };
}

export type Condition = { kind: ConditionKind; on: boolean };

const bool = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'boolean' ? (data[key] as boolean) : undefined;
const num = (data: Record<string, unknown>, key: string) =>
  typeof data[key] === 'number' ? (data[key] as number) : undefined;
const NONE: readonly Condition[] = [];

/** The conditions a reading speaks to, by device class and the community's thresholds; fields it does not carry say nothing. */
export function readingConditions(
  cls: DeviceClass,
  data: Record<string, unknown>,
  thresholds: Thresholds = THRESHOLDS,
): readonly Condition[] {
  switch (cls) {
    case 'smoke_detector': {
      const smoke = bool(data, 'smoke');
      return smoke === undefined ? NONE : [{ kind: 'smoke', on: smoke }];
    }
    case 'fire_water_pressure': {
      const mpa = num(data, 'pressureMpa');
      return mpa === undefined ? NONE : [{ kind: 'fire_water_low_pressure', on: mpa < thresholds.fireWaterMinMpa }];
    }
    case 'combustible_gas': {
      const lel = num(data, 'lelPercent');
      return lel === undefined ? NONE : [{ kind: 'gas_leak', on: lel >= thresholds.gasLelPercent }];
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
        { kind: 'manhole_open', on: open === true || (tilt !== undefined && tilt > thresholds.manholeTiltDegrees) },
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
export function touchesConditions(cls: DeviceClass, status: DeviceStatus, event: DeviceEvent): boolean {
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

/** Each threshold as the settings page shows it: the value in force, the design value, bounds and unit. */
export function thresholdTable(overrides: Readonly<Record<string, unknown>> | null | undefined) {
  const inForce = thresholdsWith(overrides);
  return THRESHOLD_KEYS.map((key) => ({
    key,
    value: inForce[key],
    design: THRESHOLDS[key],
    overridden: typeof overrides?.[key] === 'number' && inForce[key] === overrides[key],
    ...THRESHOLD_BOUNDS[key],
  }));
}
