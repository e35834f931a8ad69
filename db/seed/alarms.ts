// Alarms and their lifecycle. Each alarm is given a full timeline (opened →
// acknowledged → in progress → resolved → closed) and its state is wherever
// that timeline stands at the seed's clock, so every timestamp present is in
// order and in the past, and only recent alarms are still open.
import { alarms } from '../schema';
import type { AlarmKind, AlarmSeverity, AlarmState, DeviceClass } from '../vocab';
import { addMinutes, type Clock } from './clock';
import type { SeededDevice } from './devices';
import { insertAll, type Seeder } from './insert';
import type { Rng } from './prng';

export type AlarmRow = typeof alarms.$inferInsert;

export type AlarmDraft = {
  communityId: number;
  kind: AlarmKind;
  severity: AlarmSeverity;
  openedAt: Date;
  deviceId?: number;
  incidentId?: number;
  /** A device still in this condition: its alarm cannot be resolved yet. */
  ongoing?: boolean;
  /** Fixed response times in minutes (ack, start, resolve), for a scripted event. */
  script?: [number, number, number];
};

// Minutes: [ack min, ack max], [work starts after ack], [resolution takes].
const RESPONSE: Record<AlarmSeverity, [number, number][]> = {
  critical: [
    [0.3, 3],
    [1, 5],
    [8, 40],
  ],
  major: [
    [1, 15],
    [3, 30],
    [20, 240],
  ],
  minor: [
    [5, 60],
    [10, 120],
    [30, 600],
  ],
  warning: [
    [10, 240],
    [10, 240],
    [30, 1440],
  ],
};

export function completeAlarm(rng: Rng, clock: Clock, staff: string[], d: AlarmDraft): AlarmRow {
  const [ack, start, fix] = RESPONSE[d.severity];
  const span = (r: [number, number] | undefined) => (r ? rng.range(r[0], r[1]) : 5);
  const steps = d.script ?? [span(ack), span(start), span(fix)];
  const acknowledgedAt = addMinutes(d.openedAt, steps[0]);
  const startedAt = addMinutes(acknowledgedAt, steps[1]);
  const resolvedAt = addMinutes(startedAt, steps[2]);
  const closedAt = addMinutes(resolvedAt, rng.range(30, 1440));
  const timeline: [AlarmState, Date][] = [
    ['acknowledged', acknowledgedAt],
    ['in_progress', startedAt],
    ['resolved', resolvedAt],
    ['closed', closedAt],
  ];
  // Staff are slower with the last day's minor alarms: some stop short.
  const cap = d.ongoing ? 2 : clock.ageDays(d.openedAt) < 2 && rng.chance(0.3) ? rng.int(0, 3) : 4;
  let state: AlarmState = 'open';
  const row: AlarmRow = {
    communityId: d.communityId,
    deviceId: d.deviceId ?? null,
    incidentId: d.incidentId ?? null,
    kind: d.kind,
    severity: d.severity,
    state,
    assignee: null,
    openedAt: d.openedAt,
    createdAt: d.openedAt,
    updatedAt: d.openedAt,
  };
  for (const [next, at] of timeline.slice(0, cap)) {
    if (at >= clock.now) break;
    state = next;
    row.updatedAt = at;
    if (next === 'acknowledged') row.acknowledgedAt = at;
    if (next === 'in_progress') row.startedAt = at;
    if (next === 'resolved') row.resolvedAt = at;
    if (next === 'closed') row.closedAt = at;
  }
  row.state = state;
  if (state !== 'open') row.assignee = rng.pick(staff);
  return row;
}

/** What a device in 'alarm' status is alarming about, and how loudly. */
const CONDITION: Record<DeviceClass, [AlarmKind, AlarmSeverity]> = {
  elevator_controller: ['elevator_trapped', 'critical'],
  elevator_ebike_camera: ['ebike_elevator', 'minor'],
  throwing_camera: ['throwing', 'major'],
  surveillance_camera: ['intrusion', 'minor'],
  smoke_detector: ['smoke', 'critical'],
  fire_water_pressure: ['low_pressure', 'major'],
  combustible_gas: ['gas_leak', 'critical'],
  access_control: ['door_held', 'warning'],
  garage_plate_recognition: ['barrier_fault', 'minor'],
  parking_space: ['parking_overstay', 'warning'],
  environment: ['air_quality', 'warning'],
  water_quality: ['water_quality', 'major'],
  irrigation_soil: ['soil_dry', 'warning'],
  manhole_cover: ['manhole_open', 'major'],
  water_leak_contact: ['water_leak', 'major'],
  ebike_charging_shed: ['arc_fault', 'critical'],
};

export function conditionOf(cls: DeviceClass): { kind: AlarmKind; severity: AlarmSeverity } {
  const [kind, severity] = CONDITION[cls];
  return { kind, severity };
}

/**
 * Alarms for devices now offline, faulty or alarming (still open), plus a
 * history of past device alarms, all closed or nearly so.
 */
export function deviceAlarms(
  rng: Rng,
  clock: Clock,
  communityId: number,
  devices: SeededDevice[],
  pastCount: number,
): AlarmDraft[] {
  const drafts: AlarmDraft[] = [];
  for (const d of devices) {
    if (d.status === 'offline') {
      drafts.push({
        communityId,
        deviceId: d.id,
        kind: 'device_offline',
        severity: 'warning',
        openedAt: d.statusSince,
        ongoing: true,
      });
    } else if (d.status === 'fault') {
      drafts.push({
        communityId,
        deviceId: d.id,
        kind: 'device_fault',
        severity: 'minor',
        openedAt: d.statusSince,
        ongoing: true,
      });
    } else if (d.status === 'alarm') {
      const c = conditionOf(d.class);
      drafts.push({
        communityId,
        deviceId: d.id,
        kind: c.kind,
        severity: c.severity,
        openedAt: d.statusSince,
        ongoing: true,
      });
    }
  }
  // Pole cameras report through incidents instead of bare device alarms.
  const candidates = devices.filter((d) => d.class !== 'throwing_camera' && d.class !== 'elevator_ebike_camera');
  for (let i = 0; i < pastCount && candidates.length > 0; i++) {
    const d = rng.pick(candidates);
    const openedAt = clock.at(
      rng.int(1, Math.min(clock.historyDays, d.installedDaysAgo ?? Infinity)),
      rng.int(0, 23),
      rng.int(0, 59),
      rng.int(0, 59),
    );
    if (rng.chance(0.35)) {
      drafts.push({
        communityId,
        deviceId: d.id,
        kind: 'device_offline',
        severity: 'warning',
        openedAt,
      });
    } else {
      const c = conditionOf(d.class);
      drafts.push({
        communityId,
        deviceId: d.id,
        kind: c.kind,
        severity: c.severity,
        openedAt,
      });
    }
  }
  return drafts;
}

export async function insertAlarms(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  staff: string[],
  drafts: AlarmDraft[],
): Promise<void> {
  const rows = drafts
    .slice()
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
    .map((d) => completeAlarm(rng, clock, staff, d));
  await insertAll(seeder, alarms, rows);
}
