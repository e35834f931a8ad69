// Devices: where each one is comes from the community files; what it last
// said, how often it reports and whether it is healthy is decided here, per
// class, so all three communities' sensors behave alike.
import { devices, type DeviceConfig } from '../schema';
import { DEFAULT_HEARTBEAT_SECONDS, type DeviceClass, type DeviceStatus } from '../vocab';
import { addSeconds, type Clock } from './clock';
import { insertIds, type Seeder } from './insert';
import { round, type Rng } from './prng';

/** Short class codes used in device codes: "JH-SMK-00042". */
export const CLASS_CODE: Record<DeviceClass, string> = {
  elevator_controller: 'ELV',
  elevator_ebike_camera: 'EBC',
  throwing_camera: 'THR',
  surveillance_camera: 'CAM',
  smoke_detector: 'SMK',
  fire_water_pressure: 'FWP',
  combustible_gas: 'GAS',
  access_control: 'ACS',
  garage_plate_recognition: 'LPR',
  parking_space: 'PKS',
  environment: 'ENV',
  water_quality: 'WQM',
  irrigation_soil: 'SOI',
  manhole_cover: 'MHC',
  water_leak_contact: 'WLC',
  ebike_charging_shed: 'CHG',
};

export type DeviceDraft = {
  code: string;
  class: DeviceClass;
  name: string;
  buildingId?: number;
  unitId?: number;
  floor?: number;
  x?: number;
  y?: number;
  z?: number;
  poleId?: number;
  config?: DeviceConfig;
  /** Floors of the building, for elevator readings. */
  floors?: number;
  /** Installed this many days ago (a retrofit elevator): nothing about it is older. */
  installedDaysAgo?: number;
};

export type SeededDevice = DeviceDraft & {
  id: number;
  status: DeviceStatus;
  statusSince: Date;
  lastSeenAt: Date;
  heartbeatSeconds: number;
};

/** Numbers device codes per class within one community. */
export class Codes {
  private readonly next = new Map<string, number>();
  constructor(private readonly prefix: string) {}

  take(cls: DeviceClass | string, width = 5): string {
    const key = cls in CLASS_CODE ? CLASS_CODE[cls as DeviceClass] : cls;
    const n = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, n);
    return `${this.prefix}-${key}-${String(n).padStart(width, '0')}`;
  }
}

/** Mean outdoor temperature in central China for the day of year (Jan ≈ 4 °C, Jul ≈ 29 °C). */
export function seasonalTemperature(clock: Clock): number {
  const start = Date.UTC(Number(clock.today.slice(0, 4)), 0, 1);
  const doy = (Date.parse(`${clock.today}T00:00:00Z`) - start) / 86_400_000;
  return 16.5 - 12.5 * Math.cos((2 * Math.PI * (doy - 15)) / 365);
}

function telemetry(rng: Rng, d: DeviceDraft, status: DeviceStatus, outdoorC: number): Record<string, unknown> {
  const battery = rng.int(status === 'fault' ? 3 : 55, 100);
  const signalDbm = rng.int(-105, -65);
  const alarm = status === 'alarm';
  switch (d.class) {
    case 'elevator_controller': {
      const moving = rng.chance(0.3);
      const loadKg = moving ? rng.int(60, 600) : rng.chance(0.2) ? rng.int(60, 160) : 0;
      return {
        floor: rng.int(1, d.floors ?? 6),
        direction: moving ? rng.pick(['up', 'down']) : 'stop',
        doorOpen: !moving && rng.chance(0.15),
        loadKg,
        fault: status === 'fault' ? rng.pick(['E15', 'E30', 'E42']) : null,
        trapped: alarm,
        mode: status === 'maintenance' ? 'inspection' : 'normal',
      };
    }
    case 'elevator_ebike_camera':
      return { ebikeDetected: alarm, doorHold: alarm, fps: 15 };
    case 'throwing_camera':
      return { recording: status !== 'offline', fps: 25, eventsToday: alarm ? 1 : 0 };
    case 'surveillance_camera':
      return { recording: status !== 'offline', bitrateKbps: rng.int(2048, 4096), resolution: '2560x1440' };
    case 'smoke_detector':
      return {
        battery,
        signalDbm,
        smoke: alarm,
        obscurationPctPerM: alarm ? round(rng.range(8, 20), 1) : round(rng.range(0, 1), 2),
      };
    case 'fire_water_pressure':
      return { pressureMpa: alarm ? round(rng.range(0.02, 0.09), 3) : round(rng.range(0.22, 0.45), 3), battery };
    case 'combustible_gas':
      return { lelPct: alarm ? rng.int(20, 40) : round(rng.range(0, 2), 1), valveClosed: alarm };
    case 'access_control':
      return { doorOpen: alarm, opensToday: rng.int(5, 240), heldOpenAlarm: alarm };
    case 'garage_plate_recognition':
      return { entriesToday: rng.int(40, 400), exitsToday: rng.int(40, 400), barrier: 'closed' };
    case 'parking_space':
      return { occupied: rng.chance(0.62), battery, signalDbm };
    case 'environment':
      return {
        temperatureC: round(rng.normal(outdoorC, 2), 1),
        humidity: rng.int(45, 92),
        pm25: rng.int(alarm ? 115 : 12, alarm ? 180 : 75),
        noiseDb: round(rng.range(38, alarm ? 78 : 58), 1),
      };
    case 'water_quality':
      return {
        ph: round(rng.range(6.8, 8.2), 2),
        turbidityNtu: round(rng.range(0.1, alarm ? 2.5 : 0.8), 2),
        chlorineMgL: round(rng.range(alarm ? 0.02 : 0.15, 0.6), 2),
      };
    case 'irrigation_soil':
      return {
        moisturePct: rng.int(alarm ? 8 : 18, 42),
        soilTempC: round(rng.normal(outdoorC - 1, 1.5), 1),
        valveOpen: rng.chance(0.05),
        battery,
      };
    case 'manhole_cover':
      return { tiltDeg: alarm ? round(rng.range(15, 60), 1) : round(rng.range(0, 2), 1), open: alarm, battery };
    case 'water_leak_contact':
      // One class, two sensors: door contacts are the ones named 门磁.
      return d.name.includes('门磁') ? { contactOpen: alarm, battery } : { leak: alarm, battery };
    case 'ebike_charging_shed': {
      const ports = 20;
      const portsInUse = rng.int(0, ports);
      return {
        ports,
        portsInUse,
        powerW: portsInUse * rng.int(120, 260),
        arcFault: alarm,
        temperatureC: round(rng.normal(outdoorC + 4, 2), 1),
      };
    }
  }
}

// A smoke, gas or arc alarm is an emergency handled within the hour: at any
// moment almost none are sounding. Flats' leak and door sensors rarely trip;
// outdoor conditions (a tilted manhole, low pressure) linger longer.
const EMERGENCY: ReadonlySet<DeviceClass> = new Set([
  'smoke_detector',
  'combustible_gas',
  'ebike_charging_shed',
  'elevator_controller',
]);
const ALARM_PER_MILLE: Partial<Record<DeviceClass, number>> = { water_leak_contact: 1, parking_space: 2 };

function health(
  rng: Rng,
  clock: Clock,
  d: DeviceDraft,
  heartbeat: number,
): Pick<SeededDevice, 'status' | 'statusSince' | 'lastSeenAt'> {
  const emergency = EMERGENCY.has(d.class);
  const alarm = emergency ? 0.2 : (ALARM_PER_MILLE[d.class] ?? 6);
  const status = rng.weighted({ online: 950, offline: 24, fault: 10, alarm, maintenance: 10 });
  const now = clock.now;
  switch (status) {
    case 'online': {
      const days = Math.min(60, d.installedDaysAgo ?? 60);
      return {
        status,
        lastSeenAt: addSeconds(now, -rng.int(1, heartbeat)),
        statusSince: addSeconds(now, -rng.int(3600, days * 86_400)),
      };
    }
    case 'offline': {
      // Offline means stale past three heartbeats; keep it within the last day and a half.
      const lastSeenAt = addSeconds(now, -rng.int(3 * heartbeat + 60, Math.max(3 * heartbeat + 120, 36 * 3600)));
      return { status, lastSeenAt, statusSince: addSeconds(lastSeenAt, 3 * heartbeat) };
    }
    case 'maintenance':
      return {
        status,
        lastSeenAt: addSeconds(now, -rng.int(60, 3 * 86_400)),
        statusSince: addSeconds(now, -rng.int(3 * 86_400, 5 * 86_400)),
      };
    default:
      return {
        status,
        lastSeenAt: addSeconds(now, -rng.int(1, heartbeat)),
        statusSince: addSeconds(now, -rng.int(300, (emergency ? 1 : 30) * 3600)),
      };
  }
}

export async function insertDevices(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  communityId: number,
  drafts: DeviceDraft[],
): Promise<SeededDevice[]> {
  const outdoorC = seasonalTemperature(clock);
  const finished = drafts.map((d) => {
    const heartbeatSeconds = DEFAULT_HEARTBEAT_SECONDS[d.class];
    const h = health(rng, clock, d, heartbeatSeconds);
    return { ...d, ...h, heartbeatSeconds, telemetry: telemetry(rng, d, h.status, outdoorC) };
  });
  const ids = await insertIds(
    seeder,
    devices,
    finished.map((d) => ({
      communityId,
      code: d.code,
      class: d.class,
      name: d.name,
      buildingId: d.buildingId ?? null,
      unitId: d.unitId ?? null,
      floor: d.floor ?? null,
      x: d.x ?? null,
      y: d.y ?? null,
      z: d.z ?? null,
      poleId: d.poleId ?? null,
      config: d.config ?? {},
      heartbeatSeconds: d.heartbeatSeconds,
      status: d.status,
      statusSince: d.statusSince,
      lastSeenAt: d.lastSeenAt,
      telemetry: d.telemetry,
    })),
  );
  return finished.map((d, i) => ({ ...d, id: ids[i] as number }));
}
