// Everything live in one process: the ingest pipeline, the device directory,
// the frame writer, the bus, the hub its subscriptions listen on, and the
// periodic sweeps. The app keeps one on globalThis (next dev re-imports
// modules on every reload); tests and the standalone server make their own.
import type { Database } from '~/db/client';
import { DeviceDirectory } from '../ingest/directory';
import { IngestPipeline } from '../ingest/pipeline';
import { sweepOffline, trimLive } from '../ingest/sweep';
import type { EscalationPolicy } from '../domain/alarm-lifecycle';
import { escalateDue } from '../ops/alarm-ops';
import { createBus, type BusKind, type LiveBus } from './bus';
import { catchUpChanges } from './catch-up';
import { FrameWriter } from './frames';
import { LiveHub } from './hub';

export type LiveOptions = {
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

export type LiveRuntime = {
  database: Database;
  options: LiveOptions;
  hub: LiveHub;
  bus: LiveBus;
  frames: FrameWriter;
  pipeline: IngestPipeline;
  directory: DeviceDirectory;
  /** One round of the offline sweep and trim (the timer calls it too). */
  sweep: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startLiveRuntime(database: Database, options: LiveOptions): Promise<LiveRuntime> {
  const hub = new LiveHub();
  const bus = await createBus(database, {
    kind: options.bus,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
  });
  await bus.start((frame) => hub.emit(frame));
  const frames = new FrameWriter(bus, options.frameMs);
  const pipeline = new IngestPipeline(database, { onCommit: (changes) => frames.add(changes) });
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
    if (changes.length > 0) frames.add(changes);
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
    sweep,
    close: async () => {
      if (timer) clearInterval(timer);
      await pipeline.close();
      await frames.close();
      await bus.close();
    },
  };
}

const globalForLive = globalThis as unknown as { linliLive?: Promise<LiveRuntime> };

/** The app's runtime, started on first use from the app's database and settings. */
export function getLiveRuntime(): Promise<LiveRuntime> {
  globalForLive.linliLive ??= (async () => {
    const [{ getDatabase }, { env }] = await Promise.all([import('../db'), import('../env')]);
    return startLiveRuntime(await getDatabase(), {
      bus: env.LIVE_BUS,
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      frameMs: env.LIVE_FRAME_MS,
      retentionSeconds: env.LIVE_RETENTION_SECONDS,
      maxFutureSeconds: env.INGEST_MAX_FUTURE_SECONDS,
      offlineAfterHeartbeats: env.OFFLINE_AFTER_HEARTBEATS,
      sweepSeconds: env.OFFLINE_SWEEP_SECONDS,
      escalation: {
        criticalAfterMinutes: env.ESCALATE_CRITICAL_AFTER_MINUTES,
        majorAfterMinutes: env.ESCALATE_MAJOR_AFTER_MINUTES ?? null,
      },
    });
  })().catch((error: unknown) => {
    globalForLive.linliLive = undefined;
    throw error;
  });
  return globalForLive.linliLive;
}

/** The runtime if this process has one, without starting one (cache invalidation). */
export async function getLiveRuntimeIfStarted(): Promise<LiveRuntime | null> {
  return globalForLive.linliLive ? globalForLive.linliLive.catch(() => null) : null;
}

/** Installs a runtime as the process's own (tests, the standalone server). */
export function useLiveRuntime(runtime: LiveRuntime | null): void {
  globalForLive.linliLive = runtime ? Promise.resolve(runtime) : undefined;
}
