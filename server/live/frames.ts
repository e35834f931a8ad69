// Coalesces changes into frames: the first change after a quiet spell opens
// a window of LIVE_FRAME_MS (≤ 100 ms); when it closes, each community with
// changes gets one frame. One SSE message per event saturated a Next process
// near 10,000 deliveries/s (docs/ARCHITECTURE.md § Measured facts); one per window does not.
import type { BusKind, FrameDraft, LiveBus } from './bus-shared';
import type { FrameAlarm, FrameIncident, FrameWorkOrder, LiveChanges } from './types';
import type { DeviceStatus } from '~/db/vocab';

type Pending = {
  since: number;
  events: number;
  devices: Map<number, DeviceStatus>;
  alarms: Map<number, FrameAlarm>;
  incidents: FrameIncident[];
  workOrders: Map<number, FrameWorkOrder>;
};

/** Frames are small by design; a storm of incidents is cut, not sent whole. */
const MAX_INCIDENTS_PER_FRAME = 200;

export class FrameWriter {
  private pending = new Map<number, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly bus: LiveBus,
    private readonly windowMs: number,
  ) {}

  get busKind(): BusKind {
    return this.bus.kind;
  }

  add(changes: LiveChanges[]): void {
    if (this.closed) return;
    for (const c of changes) {
      let p = this.pending.get(c.communityId);
      if (!p)
        this.pending.set(
          c.communityId,
          (p = {
            since: c.receivedAt,
            events: 0,
            devices: new Map(),
            alarms: new Map(),
            incidents: [],
            workOrders: new Map(),
          }),
        );
      p.since = Math.min(p.since, c.receivedAt);
      p.events += c.events;
      // Later changes win: a frame carries where each device and alarm ended up.
      for (const [id, status] of c.devices) p.devices.set(id, status);
      for (const a of c.alarms) p.alarms.set(a.id, a);
      for (const i of c.incidents) if (p.incidents.length < MAX_INCIDENTS_PER_FRAME) p.incidents.push(i);
      for (const w of c.workOrders ?? []) p.workOrders.set(w.id, w);
    }
    this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
  }

  /** Writes the pending frames now (the timer calls it; tests and shutdown may too). */
  async flush(): Promise<void> {
    // One write at a time, so this instance's frames keep their order.
    while (this.writing) await this.writing;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const at = new Date().toISOString();
    const drafts: FrameDraft[] = [...this.pending].map(([communityId, p]) => ({
      communityId,
      payload: {
        at,
        since: new Date(p.since).toISOString(),
        events: p.events,
        devices: [...p.devices],
        alarms: [...p.alarms.values()],
        incidents: p.incidents,
        ...(p.workOrders.size > 0 ? { workOrders: [...p.workOrders.values()] } : {}),
      },
    }));
    this.pending = new Map();
    this.writing = this.bus
      .write(drafts)
      .then(() => undefined)
      .catch((error: unknown) => {
        // The state is committed; only its live echo is lost. Clients still
        // converge through their next snapshot.
        console.error('live: could not write frames', error);
      })
      .finally(() => {
        this.writing = null;
      });
    await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
