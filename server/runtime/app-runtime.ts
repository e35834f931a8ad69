// The app's own runtime: one per server process, started on first use from
// the app's database and settings, kept on globalThis because `next dev`
// re-imports modules on every reload. Request handlers reach it through
// here; the tRPC context gets its publisher (appLive).
import type { LivePublisher } from '../live/publisher';
import type { Runtime } from './runtime';

const globalForRuntime = globalThis as unknown as { linliLive?: Promise<Runtime> };

/** The app's runtime, started on first use. */
export function getRuntime(): Promise<Runtime> {
  globalForRuntime.linliLive ??= (async () => {
    // Loaded on first use: request handlers import this file for appLive alone.
    const [{ getDatabase }, { env }, { startRuntime }] = await Promise.all([
      import('../db'),
      import('../env'),
      import('./runtime'),
    ]);
    return startRuntime(await getDatabase(), {
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
    globalForRuntime.linliLive = undefined;
    throw error;
  });
  return globalForRuntime.linliLive;
}

/** The runtime if this process has one, without starting one (cache invalidation). */
export async function getRuntimeIfStarted(): Promise<Runtime | null> {
  return globalForRuntime.linliLive ? globalForRuntime.linliLive.catch(() => null) : null;
}

/**
 * The tRPC context's publisher: staff changes go to the app's runtime once it
 * runs; before it does (it starts with the first request or at boot) no
 * console is subscribed, so there is no one to tell.
 */
export const appLive: LivePublisher = {
  publish(changes) {
    const started = globalForRuntime.linliLive;
    if (!started || changes.length === 0) return;
    started.then(
      (runtime) => runtime.live.publish(changes),
      () => {},
    );
  },
};
