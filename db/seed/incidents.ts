// Incidents: objects thrown from windows (with the fall the pole camera saw),
// e-bikes wheeled into elevators, and fire or smoke. Each one raises an alarm.
import { incidents, type TrajectoryPoint } from '../schema';
import type { ReviewState } from '../vocab';
import { addSeconds, type Clock } from './clock';
import type { AlarmDraft } from './alarms';
import type { SeededBuilding } from './community';
import type { SeededDevice } from './devices';
import { facadeEdge } from './geometry';
import { insertIds, type Seeder } from './insert';
import { round, type Rng } from './prng';

export type IncidentRow = typeof incidents.$inferInsert;
/** An incident and the alarm it raises; the alarm learns the incident's id on insert. */
export type IncidentDraft = { row: IncidentRow; alarm: Omit<AlarmDraft, 'incidentId'> };

const G = 9.81;
const WINDOW_PITCH_M = 3.6;

/** A busy hour of the day: throwing and e-bikes follow people's evenings. */
function hourOfDay(rng: Rng): number {
  return Number(
    rng.weighted({
      '7': 3,
      '8': 4,
      '9': 3,
      '10': 3,
      '11': 4,
      '12': 6,
      '13': 4,
      '14': 3,
      '15': 3,
      '16': 4,
      '17': 6,
      '18': 8,
      '19': 9,
      '20': 9,
      '21': 7,
      '22': 4,
      '23': 2,
      '2': 1,
    }),
  );
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** Free fall from a window sill with a small outward push, sampled every ~0.15 s down to the ground. */
export function fall(
  rng: Rng,
  start: { x: number; y: number; z: number },
  out: { nx: number; ny: number },
): TrajectoryPoint[] {
  const v = rng.range(0.4, 2.8);
  const drift = rng.range(-0.3, 0.3);
  const tf = Math.sqrt((2 * start.z) / G);
  const n = Math.max(4, Math.min(14, Math.round(tf / 0.15)));
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (tf * i) / n;
    return {
      t: round(t, 3),
      x: round(start.x + out.nx * v * t + out.ny * drift * t, 2),
      y: round(start.y + out.ny * v * t + out.nx * drift * t, 2),
      z: i === n ? 0 : round(start.z - 0.5 * G * t * t, 2),
    };
  });
}

function review(rng: Rng, clock: Clock, at: Date): ReviewState {
  if (clock.ageDays(at) < 3 && rng.chance(0.6)) return 'pending';
  return rng.weighted({ confirmed: 55, false_alarm: 35, referred_police: 10 });
}

export function throwingIncidents(
  rng: Rng,
  clock: Clock,
  communityId: number,
  buildings: SeededBuilding[],
  cameras: SeededDevice[],
  count: number,
): IncidentDraft[] {
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const out: IncidentDraft[] = [];
  for (let i = 0; i < count; i++) {
    const cam = rng.pick(cameras);
    const b = cam.buildingId === undefined ? undefined : byId.get(cam.buildingId);
    const band = cam.config?.floorBand;
    const facade = cam.config?.facade;
    if (!b || !band || !facade) throw new Error(`throwing camera ${cam.code} lacks its building, band or façade`);
    const occurredAt = clock.at(rng.int(1, clock.historyDays), hourOfDay(rng), rng.int(0, 59), rng.int(0, 59));
    const e = facadeEdge(b.rect, facade);
    const columns = Math.max(1, Math.floor(Math.hypot(e.bx - e.ax, e.by - e.ay) / WINDOW_PITCH_M));
    const windowColumn = rng.int(1, columns);
    const along = (windowColumn - 0.5) / columns;
    // One in ten falls is first seen mid-air: the band is known, not the floor.
    const floorKnown = rng.chance(0.9);
    const floor = rng.int(band[0], band[1]);
    const sill = floorKnown
      ? (floor - 1) * b.floorHeight + 1.1
      : rng.range((band[0] - 1) * b.floorHeight + 1.5, band[1] * b.floorHeight);
    const start = {
      x: e.ax + (e.bx - e.ax) * along + e.nx * 0.3,
      y: e.ay + (e.by - e.ay) * along + e.ny * 0.3,
      z: round(sill, 2),
    };
    const reviewState = review(rng, clock, occurredAt);
    const clip = `clip-${cam.code}-${stamp(occurredAt)}`;
    out.push({
      row: {
        communityId,
        kind: 'throwing',
        deviceId: cam.id,
        buildingId: b.id,
        occurredAt,
        facade,
        floor: floorKnown ? floor : null,
        floorBandFrom: band[0],
        floorBandTo: band[1],
        windowColumn: floorKnown ? windowColumn : null,
        trajectory: fall(rng, start, e),
        evidence: [clip, `${clip}-wide`],
        reviewState,
        sourceEventId: `evt-${cam.code}-${stamp(occurredAt)}`,
      },
      alarm: {
        communityId,
        deviceId: cam.id,
        kind: 'throwing',
        severity: reviewState === 'false_alarm' ? 'minor' : 'major',
        openedAt: addSeconds(occurredAt, 3),
      },
    });
  }
  return out;
}

export function ebikeIncidents(
  rng: Rng,
  clock: Clock,
  communityId: number,
  cameras: SeededDevice[],
  count: number,
): IncidentDraft[] {
  const out: IncidentDraft[] = [];
  for (let i = 0; i < count; i++) {
    const cam = rng.pick(cameras);
    const days = Math.min(clock.historyDays, (cam.installedDaysAgo ?? Infinity) - 1);
    const occurredAt = clock.at(rng.int(1, days), hourOfDay(rng), rng.int(0, 59), rng.int(0, 59));
    // Most riders back out after the voice warning; the stubborn ones wait for staff.
    const byStaff = rng.chance(0.15);
    const doorHeldSeconds = byStaff ? rng.int(120, 480) : rng.int(8, 90);
    out.push({
      row: {
        communityId,
        kind: 'ebike_elevator',
        deviceId: cam.id,
        buildingId: cam.buildingId ?? null,
        unitId: cam.unitId ?? null,
        occurredAt,
        evidence: [`clip-${cam.code}-${stamp(occurredAt)}`],
        reviewState:
          clock.ageDays(occurredAt) < 2 && rng.chance(0.5)
            ? 'pending'
            : rng.weighted({ confirmed: 92, false_alarm: 8 }),
        doorHeldSeconds,
        releasedBy: byStaff ? 'staff' : 'auto',
        sourceEventId: `evt-${cam.code}-${stamp(occurredAt)}`,
      },
      alarm: {
        communityId,
        deviceId: cam.id,
        kind: 'ebike_elevator',
        severity: byStaff ? 'minor' : 'warning',
        openedAt: addSeconds(occurredAt, 2),
        // The door stays open until the bike is out: that is the alarm's life.
        script: [rng.range(0.2, 1), 0.2, doorHeldSeconds / 60],
      },
    });
  }
  return out;
}

export type FireScript = {
  device: SeededDevice;
  occurredAt: Date;
  reviewState: ReviewState;
  evidence: string[];
  /** Minutes to acknowledge, to start, and to put out. */
  response: [number, number, number];
};

export function fireIncident(communityId: number, f: FireScript): IncidentDraft {
  return {
    row: {
      communityId,
      kind: 'fire_smoke',
      deviceId: f.device.id,
      buildingId: f.device.buildingId ?? null,
      unitId: f.device.unitId ?? null,
      floor: f.device.floor ?? null,
      occurredAt: f.occurredAt,
      evidence: f.evidence,
      reviewState: f.reviewState,
      sourceEventId: `evt-${f.device.code}-${stamp(f.occurredAt)}`,
    },
    alarm: {
      communityId,
      deviceId: f.device.id,
      kind: 'fire_smoke',
      severity: f.reviewState === 'false_alarm' ? 'major' : 'critical',
      openedAt: addSeconds(f.occurredAt, 5),
      script: f.response,
    },
  };
}

/** Inserts incidents in time order; returns the alarms they raise, now linked. */
export async function insertIncidents(seeder: Seeder, drafts: IncidentDraft[]): Promise<AlarmDraft[]> {
  const sorted = drafts.slice().sort((a, b) => a.row.occurredAt.getTime() - b.row.occurredAt.getTime());
  const ids = await insertIds(
    seeder,
    incidents,
    sorted.map((d) => ({ ...d.row, createdAt: d.row.occurredAt, updatedAt: d.row.occurredAt })),
  );
  return sorted.map((d, i) => ({ ...d.alarm, incidentId: ids[i] as number }));
}
