// The process's composition root: the ingest pipeline, the device directory,
// the frame writer, the bus, the hub its subscriptions listen on, the
// publisher staff actions use, and the periodic sweeps (offline, escalation,
// trim). Subsystems get what they need from here and reach for no global;
// this is the one place that wires the ingest's plain results into live
// frames. The app keeps one per process (app-runtime.ts); tests and the
// standalone server make their own.
import type { Database } from '~/db/client';
import type { EscalationPolicy } from '../domain/alarm-lifecycle';
import type { Ingest } from '../ingest/accept';
import type { IngestChanges } from '../ingest/changes';
import { DeviceDirectory } from '../ingest/directory';
import { IngestPipeline } from '../ingest/pipeline';
import { sweepOffline, trimLive } from '../ingest/sweep';
import { createBus } from '../live/bus';
import type { BusKind, LiveBus } from '../live/bus-shared';
import { catchUpChanges } from '../live/catch-up';
import { FrameWriter } from '../live/frames';
import { LiveHub } from '../live/hub';
import { toFrameAlarm, toFrameIncident } from '../live/mappers';
import type { LivePublisher } from '../live/publisher';
import type { LiveChanges } from '../live/types';
import { escalateDue } from '../ops/alarm-ops';

export type RuntimeOptions = {
  bus: BusKind;
  databaseUrl?: string;
  redisUrl?: string;
  frameMs: number;
  retentionSeconds: number;
  maxFutureSeconds: number;
  offlineAfterHeartbeats: number;
  /** 0 turns the sweeps off (tests drive them by hand). */
  sweepSeconds: number;
  /** Unacknowledged-alarm escalation, run with each sweep; absent turns it off. */
  escalation?: EscalationPolicy;
};

export type Runtime = {
  database: Database;
  options: RuntimeOptions;
  hub: LiveHub;
  bus: LiveBus;
  frames: FrameWriter;
  pipeline: IngestPipeline;
  directory: DeviceDirectory;
  /** What the doors (HTTP, MQTT) need. */
  ingest: Ingest;
  /** What staff actions publish through (the tRPC context's `live`). */
  live: LivePublisher;
  /** One round of the offline sweep and trim (the timer calls it too). */
  sweep: () => Promise<void>;
  close: () => Promise<void>;
};

/** The ingest's plain rows as frame changes. */
export function liveChanges(changes: readonly IngestChanges[]): LiveChanges[] {
  return changes.map((c) => ({
    ...c,
    alarms: c.alarms.map(toFrameAlarm),
    incidents: c.incidents.map(toFrameIncident),
  }));
}

export async function startRuntime(database: Database, options: RuntimeOptions): Promise<Runtime> {
  const hub = new LiveHub();
  const bus = await createBus(database, {
    kind: options.bus,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
  });
  await bus.start((frame) => hub.emit(frame));
  const frames = new FrameWriter(bus, options.frameMs);
  const live: LivePublisher = { publish: (changes) => frames.add(changes) };
  const pipeline = new IngestPipeline(database, { onCommit: (changes) => frames.add(liveChanges(changes)) });
  const directory = new DeviceDirectory(database.db);
  // What a predecessor committed but died before framing (catch-up.ts).
  const missed = await catchUpChanges(database.db);
  if (missed.length > 0) {
    frames.add(missed);
    await frames.flush();
  }

  let lastTrim = 0;
  const sweep = async () => {
    const changes = await sweepOffline(database.db, { afterHeartbeats: options.offlineAfterHeartbeats });
    if (changes.length > 0) frames.add(liveChanges(changes));
    if (options.escalation) {
      const escalated = await escalateDue(database.db, new Date(), options.escalation);
      if (escalated.length > 0) frames.add(escalated);
    }
    if (Date.now() - lastTrim > 60_000) {
      lastTrim = Date.now();
      await trimLive(database.db, options.retentionSeconds);
    }
  };
  let sweeping = false;
  const timer =
    options.sweepSeconds > 0
      ? setInterval(() => {
          if (sweeping) return;
          sweeping = true;
          sweep()
            .catch((error: unknown) => console.error('live: sweep failed', error))
            .finally(() => (sweeping = false));
        }, options.sweepSeconds * 1000)
      : null;
  timer?.unref();

  return {
    database,
    options,
    hub,
    bus,
    frames,
    pipeline,
    directory,
    ingest: { directory, pipeline, maxFutureSeconds: options.maxFutureSeconds },
    live,
    sweep,
    close: async () => {
      if (timer) clearInterval(timer);
      await pipeline.close();
      await frames.close();
      await bus.close();
    },
  };
}
