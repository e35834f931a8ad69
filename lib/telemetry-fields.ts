// What each telemetry field of a device means: its kind (a measurement with a
// unit, a yes/no, one of a few states, a fault code or free text) and which
// device classes report it (docs/DOMAIN.md § Devices). The words — a field's
// label, a unit's pattern, a yes/no's two phrasings, an enum's values — live in
// the `device` messages (app/_i18n/messages/device.{zh,en}.json), keyed by the
// names here. Pure and dependency-free: the device panel reads it in the
// browser, the history query and the tests on the server.
//
// Field names are what devices send. The seeded demo (db/seed/devices.ts) and
// the simulator (server/simulator/traffic.ts) spell a few of them differently
// (`signalDbm`/`signal`, `lelPct`/`lelPercent`, `doorOpen`/`door`): both
// spellings are listed, and lib/telemetry-fields.test.ts fails when either
// sends a field that is not.
import type { DeviceClass } from '~/db/vocab';

/** Units a measurement is shown in; each has a pattern "{value} …" per language (`device.unit.<unit>`). */
export const UNITS = [
  'percent',
  'dbm',
  'pctPerM',
  'mpa',
  'lel',
  'celsius',
  'relHumidity',
  'ugm3',
  'decibel',
  'ntu',
  'mgL',
  'kbps',
  'fps',
  'watt',
  'kilowatt',
  'degree',
  'kg',
  'floor',
  'times',
  'vehicles',
  'ports',
  'events',
] as const;
export type Unit = (typeof UNITS)[number];

export type FieldSpec =
  /** A measurement; `unit: null` for a dimensionless one (pH, a plain count); `digits`: at most this many decimals. */
  | { kind: 'number'; unit: Unit | null; digits: number }
  /** Yes or no, in words of its own (`device.bool.<field>.true|false`): "检测到烟雾" / "无烟雾". */
  | { kind: 'boolean' }
  /** One of a few states (`device.enum.<field>.<value>`). */
  | { kind: 'enum'; values: readonly string[] }
  /** A fault code ("E15"); null, 0, false or "" mean none. */
  | { kind: 'faultCode' }
  /** Shown as sent ("2560x1440"). */
  | { kind: 'text' };

const num = (unit: Unit | null, digits = 1): FieldSpec => ({ kind: 'number', unit, digits });
const bool: FieldSpec = { kind: 'boolean' };

/** Every known field, in the order a panel lists them. */
export const TELEMETRY_FIELDS = {
  // Elevator controllers (GB/T 24476 names where it has them).
  trapped: bool,
  fault: { kind: 'faultCode' },
  floor: num('floor', 0),
  direction: { kind: 'enum', values: ['up', 'down', 'stop', 'idle'] },
  door: { kind: 'enum', values: ['open', 'closed'] },
  doorOpen: bool,
  load: num('kg', 0),
  loadKg: num('kg', 0),
  mode: { kind: 'enum', values: ['normal', 'inspection'] },
  // Cameras.
  ebikeDetected: bool,
  doorHold: bool,
  recording: bool,
  eventsToday: num('events', 0),
  bitrateKbps: num('kbps', 0),
  fps: num('fps', 0),
  resolution: { kind: 'text' },
  // Fire and gas.
  smoke: bool,
  obscurationPctPerM: num('pctPerM', 2),
  pressureMpa: num('mpa', 3),
  lelPct: num('lel', 1),
  lelPercent: num('lel', 1),
  valveClosed: bool,
  arcFault: bool,
  // Doors and gates.
  heldOpenAlarm: bool,
  opensToday: num('times', 0),
  entriesToday: num('vehicles', 0),
  exitsToday: num('vehicles', 0),
  barrier: { kind: 'enum', values: ['open', 'closed'] },
  occupied: bool,
  // Environment, water and soil.
  temperatureC: num('celsius', 1),
  humidity: num('relHumidity', 0),
  pm25: num('ugm3', 0),
  noiseDb: num('decibel', 1),
  ph: num(null, 2),
  turbidityNtu: num('ntu', 2),
  chlorineMgL: num('mgL', 2),
  moisturePct: num('percent', 0),
  soilTempC: num('celsius', 1),
  valveOpen: bool,
  // Manholes, leaks, door contacts.
  open: bool,
  tiltDeg: num('degree', 1),
  tiltDegrees: num('degree', 1),
  leak: bool,
  contactOpen: bool,
  // E-bike charging sheds.
  ports: num('ports', 0),
  portsInUse: num('ports', 0),
  powerW: num('watt', 0),
  powerKw: num('kilowatt', 1),
  // A count some gateways send with no more said.
  count: num(null, 0),
  // Every battery device's health, from heartbeats and readings.
  battery: num('percent', 0),
  signal: num('dbm', 0),
  signalDbm: num('dbm', 0),
  // Written by a fault event (and cleared by its recovery).
  faultCode: { kind: 'faultCode' },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof TELEMETRY_FIELDS;
export const FIELD_NAMES = Object.keys(TELEMETRY_FIELDS) as FieldName[];

/** Fields any device may carry: a heartbeat's battery and signal, a fault event's code. */
export const COMMON_FIELDS: readonly FieldName[] = ['battery', 'signal', 'faultCode'];

/** The fields each class reports in its readings, both spellings where two are in use. */
export const CLASS_FIELDS: Readonly<Record<DeviceClass, readonly FieldName[]>> = {
  elevator_controller: ['trapped', 'fault', 'floor', 'direction', 'door', 'doorOpen', 'load', 'loadKg', 'mode'],
  elevator_ebike_camera: ['ebikeDetected', 'doorHold', 'fps', 'bitrateKbps'],
  throwing_camera: ['recording', 'eventsToday', 'fps', 'bitrateKbps'],
  surveillance_camera: ['recording', 'bitrateKbps', 'resolution', 'count'],
  smoke_detector: ['smoke', 'obscurationPctPerM', 'battery', 'signalDbm', 'signal'],
  fire_water_pressure: ['pressureMpa', 'battery'],
  combustible_gas: ['lelPct', 'lelPercent', 'valveClosed'],
  access_control: ['doorOpen', 'heldOpenAlarm', 'opensToday', 'count'],
  garage_plate_recognition: ['entriesToday', 'exitsToday', 'barrier', 'count'],
  parking_space: ['occupied', 'battery', 'signalDbm'],
  environment: ['temperatureC', 'humidity', 'pm25', 'noiseDb'],
  water_quality: ['ph', 'turbidityNtu', 'chlorineMgL'],
  irrigation_soil: ['moisturePct', 'soilTempC', 'valveOpen', 'battery'],
  manhole_cover: ['open', 'tiltDeg', 'tiltDegrees', 'battery'],
  water_leak_contact: ['leak', 'contactOpen', 'battery'],
  ebike_charging_shed: ['arcFault', 'temperatureC', 'ports', 'portsInUse', 'powerW', 'powerKw'],
};

/**
 * A second spelling of the same quantity → the one the alarm rules read
 * (server/domain/alarm-rules.ts) and the simulator sends. Telemetry keeps the
 * latest value of every field ever sent, so a device that once sent both would
 * show two 信号 rows with different numbers: where both are present, only the
 * rules' spelling is shown.
 */
export const SAME_AS: Readonly<Partial<Record<FieldName, FieldName>>> = {
  signalDbm: 'signal',
  lelPct: 'lelPercent',
  tiltDeg: 'tiltDegrees',
  doorOpen: 'door',
  loadKg: 'load',
  powerW: 'powerKw',
};

/** The spec of a field name, or null for one the catalog does not know. */
export function fieldSpec(name: string): FieldSpec | null {
  return Object.hasOwn(TELEMETRY_FIELDS, name) ? TELEMETRY_FIELDS[name as FieldName] : null;
}

/** Whether a fault code value means "no fault". */
export function noFault(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === 0 || value === '' || value === '0';
}

export type TelemetryEntry = {
  name: string;
  /** Null: a field the catalog does not know; it is shown under a neutral label. */
  spec: FieldSpec | null;
  value: unknown;
};

/**
 * A device's telemetry in the order a reader wants it: the catalog's known
 * fields in catalog order (alarms and faults first, battery and signal last),
 * then anything else the device sent, by name; of two spellings of one
 * quantity, only the one SAME_AS leads to.
 */
export function telemetryEntries(telemetry: Readonly<Record<string, unknown>>): TelemetryEntry[] {
  const known: TelemetryEntry[] = [];
  const other: TelemetryEntry[] = [];
  for (const name of FIELD_NAMES) {
    const same = SAME_AS[name];
    if (same && Object.hasOwn(telemetry, same)) continue;
    if (Object.hasOwn(telemetry, name)) known.push({ name, spec: TELEMETRY_FIELDS[name], value: telemetry[name] });
  }
  for (const name of Object.keys(telemetry).sort()) {
    if (!fieldSpec(name)) other.push({ name, spec: null, value: telemetry[name] });
  }
  return [...known, ...other];
}
