// Realistic device traffic for the demo and the load tools: heartbeats on
// each device's own interval, readings by class, throwing incidents by floor
// band, e-bikes holding elevator doors, and faults and alarms that recover a
// little later. Pure: it only produces events; senders deliver them.
import type { DeviceClass } from '~/db/vocab';
import type { EventKind } from '../ingest/event-schema';

export type SimDevice = {
  code: string;
  class: DeviceClass;
  token: string;
  slug: string;
  heartbeatSeconds: number;
  floorBand: [number, number] | null;
  buildingFloors: number | null;
};

export type SimEvent = { device: SimDevice; kind: EventKind; id: string; at: number; data: Record<string, unknown> };

type Rng = () => number;
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

export class Traffic {
  private seq = 0;
  private readonly nextHeartbeat = new Map<string, number>();
  private readonly followUps: SimEvent[] = [];
  private carry = 0;

  constructor(
    private readonly devices: SimDevice[],
    private readonly opts: {
      rate: number;
      rng?: Rng;
      runId?: string;
      heartbeatScale?: number;
      /** Share of activity that is a device fault, recovered 20–60 s later (default 0.002, as in the field). */
      faultShare?: number;
    },
  ) {
    const rng = opts.rng ?? Math.random;
    // Spread first heartbeats over one interval so they do not all land at once.
    for (const d of devices) this.nextHeartbeat.set(d.code, Date.now() + rng() * this.heartbeatMs(d));
  }

  private get rng(): Rng {
    return this.opts.rng ?? Math.random;
  }

  /** Twice per interval, so one lost heartbeat does not take a device offline. */
  private heartbeatMs(d: SimDevice): number {
    return (d.heartbeatSeconds * 1000 * (this.opts.heartbeatScale ?? 1)) / 2;
  }

  private event(device: SimDevice, kind: EventKind, data: Record<string, unknown>, at = Date.now()): SimEvent {
    return { device, kind, id: `${this.opts.runId ?? 'sim'}-${(this.seq++).toString(36)}`, at, data };
  }

  /** Events due over the next `ms` milliseconds. */
  tick(ms: number, now = Date.now()): SimEvent[] {
    const out: SimEvent[] = [];
    for (const d of this.devices) {
      const due = this.nextHeartbeat.get(d.code) ?? now;
      if (due <= now) {
        out.push(this.event(d, 'heartbeat', { battery: round(60 + this.rng() * 40, 0) }));
        this.nextHeartbeat.set(d.code, now + this.heartbeatMs(d));
      }
    }
    for (let i = this.followUps.length - 1; i >= 0; i--) {
      const f = this.followUps[i]!;
      if (f.at <= now) {
        out.push({ ...f, at: now });
        this.followUps.splice(i, 1);
      }
    }
    this.carry += (this.opts.rate * ms) / 1000;
    const n = Math.floor(this.carry);
    this.carry -= n;
    for (let i = 0; i < n && this.devices.length > 0; i++) {
      const d = this.devices[Math.floor(this.rng() * this.devices.length)]!;
      out.push(this.activity(d, now));
    }
    return out;
  }

  private later(seconds: number, device: SimDevice, kind: EventKind, data: Record<string, unknown>): void {
    this.followUps.push(this.event(device, kind, data, Date.now() + seconds * 1000));
  }

  private activity(d: SimDevice, now: number): SimEvent {
    const r = this.rng();
    if (r < (this.opts.faultShare ?? 0.002)) {
      this.later(20 + this.rng() * 40, d, 'recovered', {});
      return this.event(d, 'fault', { code: `E${Math.floor(this.rng() * 90 + 10)}` }, now);
    }
    switch (d.class) {
      case 'throwing_camera':
        return r < 0.05
          ? this.throwing(d, now)
          : this.event(d, 'reading', { bitrateKbps: round(1800 + this.rng() * 600, 0) }, now);
      case 'elevator_ebike_camera':
        return r < 0.05
          ? this.event(
              d,
              'ebike_blocked',
              { doorHeldSeconds: round(5 + this.rng() * 90, 0), releasedBy: this.rng() < 0.85 ? 'auto' : 'staff' },
              now,
            )
          : this.event(d, 'reading', { bitrateKbps: round(1500 + this.rng() * 500, 0) }, now);
      case 'elevator_controller': {
        const floors = d.buildingFloors ?? 6;
        if (r < 0.004) {
          this.later(30 + this.rng() * 60, d, 'reading', { trapped: false });
          return this.event(d, 'reading', { trapped: true, door: 'closed', load: round(this.rng() * 400, 0) }, now);
        }
        return this.event(
          d,
          'reading',
          {
            floor: 1 + Math.floor(this.rng() * floors),
            direction: ['up', 'down', 'idle'][Math.floor(this.rng() * 3)]!,
            door: this.rng() < 0.3 ? 'open' : 'closed',
            load: round(this.rng() * 800, 0),
            trapped: false,
            fault: 0,
          },
          now,
        );
      }
      case 'smoke_detector':
        if (r < 0.003) {
          this.later(40, d, 'reading', { smoke: false });
          return this.event(d, 'reading', { smoke: true, battery: 80 }, now);
        }
        return this.event(
          d,
          'reading',
          { smoke: false, battery: round(60 + this.rng() * 40, 0), signal: round(-110 + this.rng() * 40, 0) },
          now,
        );
      case 'fire_water_pressure':
        if (r < 0.01) {
          this.later(60, d, 'reading', { pressureMpa: 0.32 });
          return this.event(d, 'reading', { pressureMpa: 0.06 }, now);
        }
        return this.event(d, 'reading', { pressureMpa: round(0.25 + this.rng() * 0.2, 3) }, now);
      case 'combustible_gas':
        return this.event(d, 'reading', { lelPercent: round(this.rng() * 3, 1) }, now);
      case 'environment':
        return this.event(
          d,
          'reading',
          {
            temperatureC: round(12 + this.rng() * 14),
            humidity: round(40 + this.rng() * 40, 0),
            pm25: round(10 + this.rng() * 60, 0),
            noiseDb: round(38 + this.rng() * 25, 0),
          },
          now,
        );
      case 'water_quality':
        return this.event(
          d,
          'reading',
          {
            ph: round(6.8 + this.rng() * 0.8, 2),
            turbidityNtu: round(this.rng() * 0.8, 2),
            chlorineMgL: round(0.2 + this.rng() * 0.4, 2),
          },
          now,
        );
      case 'irrigation_soil':
        return this.event(
          d,
          'reading',
          { moisturePct: round(18 + this.rng() * 25, 0), valveOpen: this.rng() < 0.2 },
          now,
        );
      case 'manhole_cover':
        return this.event(d, 'reading', { open: false, tiltDegrees: round(this.rng() * 3) }, now);
      case 'water_leak_contact':
        return this.event(d, 'reading', { leak: false }, now);
      case 'ebike_charging_shed':
        return this.event(d, 'reading', { powerKw: round(this.rng() * 12), arcFault: false }, now);
      case 'parking_space':
        return this.event(d, 'reading', { occupied: this.rng() < 0.7 }, now);
      default:
        return this.event(d, 'reading', { count: Math.floor(this.rng() * 20) }, now);
    }
  }

  /** A fall seen by a pole camera: from a window in its band, accelerating to the ground. */
  private throwing(d: SimDevice, now: number): SimEvent {
    const [lo, hi] = d.floorBand ?? [2, 6];
    const floor = lo + Math.floor(this.rng() * (hi - lo + 1));
    const x = round(this.rng() * 30 - 15);
    const z0 = floor * 2.9;
    const fall = Math.sqrt((2 * z0) / 9.81);
    const trajectory = Array.from({ length: 6 }, (_, i) => {
      const t = (fall * i) / 5;
      return { t: round(t, 2), x, y: round(i * 0.2, 2), z: round(Math.max(0, z0 - 0.5 * 9.81 * t * t), 2) };
    });
    return this.event(
      d,
      'throwing',
      {
        ...(this.rng() < 0.7 ? { floor } : {}),
        floorBand: [lo, hi],
        windowColumn: 1 + Math.floor(this.rng() * 4),
        trajectory,
        evidence: [`clip-${now.toString(36)}`],
      },
      now,
    );
  }
}
