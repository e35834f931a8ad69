// Ingest targets (docs/ARCHITECTURE.md § Targets). Rows report ms per 1,000 events (so ≥ 50,000
// events/s on PostgreSQL is ≤ 20 ms, ≥ 20,000/s on PGlite ≤ 50 ms), over
// windows of 10,000 events fed in process through the whole pipeline
// (validate → dedupe → batch write → device state → frames), after 10,000
// untimed events of warm-up. The same load through HTTP batches, the embedded
// MQTT broker and Mosquitto is reported beside it, with no target. Last,
// event → subscriber latency at 5,000 events/s with 100 SSE subscribers in a
// separate process (p99 ≤ 250 ms).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Database, Engine } from '../db/client';
import { acceptPayload } from '../server/ingest/accept';
import { startEmbeddedBroker } from '../server/ingest/mqtt-broker';
import { startExternalIngest } from '../server/ingest/mqtt-external';
import { startRuntime, type Runtime } from '../server/runtime/runtime';
import { appRouter } from '../server/root';
import { openBenchDatabase } from './databases';
import {
  benchDevices,
  eventsFor,
  httpLoad,
  listen,
  mqttLoad,
  pipelineWindows,
  storedEvents,
  type BenchDevices,
} from './ingest-load';
import { percentile } from './measure';
import type { BenchContext, BenchRow } from './types';

const TARGET_MS_PER_1000: Record<Engine, number> = { postgres: 20, pglite: 50 };
const HTTP_EVENTS = 40_000;
/** Fed through the pipeline untimed before its windows are timed. */
const WARMUP_EVENTS = 10_000;
const PIPELINE_EVENTS: Record<Engine, number> = { postgres: 200_000, pglite: 100_000 };

async function withRuntime<T>(
  engine: Engine,
  name: string,
  fn: (runtime: Runtime, devices: BenchDevices, database: Database) => Promise<T>,
): Promise<T> {
  const database = await openBenchDatabase(engine, name);
  const devices = await benchDevices(database.db, 1500);
  const runtime = await startRuntime(database, {
    bus: 'memory',
    frameMs: 100,
    retentionSeconds: 3600,
    maxFutureSeconds: 300,
    offlineAfterHeartbeats: 2,
    sweepSeconds: 0,
  });
  try {
    return await fn(runtime, devices, database);
  } finally {
    await runtime.close();
    await database.close();
  }
}

const perThousand = (ms: number, events: number) => (ms / events) * 1000;
const rate = (msPer1000: number) => `${Math.round(1_000_000 / msPer1000).toLocaleString('en')} events/s`;

async function doors(engine: Engine, ctx: BenchContext): Promise<BenchRow[]> {
  return withRuntime(engine, `ingest_${engine}`, async (runtime, devices, database) => {
    const rows: BenchRow[] = [];
    ctx.log(`  ${engine}: pipeline in process…`);
    const windows = (await pipelineWindows(runtime, devices, PIPELINE_EVENTS[engine], 100, WARMUP_EVENTS)).sort(
      (a, b) => a - b,
    );
    const p50 = percentile(windows, 0.5);
    rows.push({
      name: 'ingest pipeline, in process (ms / 1,000 events)',
      engine,
      n: windows.length,
      p50Ms: p50,
      p95Ms: percentile(windows, 0.95),
      targetMs: TARGET_MS_PER_1000[engine],
      note: `${rate(p50)} median window; batches of 100 from ${devices.ingest.length} devices, after ${WARMUP_EVENTS.toLocaleString('en')} untimed`,
    });

    ctx.log(`  ${engine}: HTTP batches…`);
    const httpMs = await httpLoad(runtime, devices, HTTP_EVENTS, 200);
    rows.push({
      name: 'ingest via HTTP batches of 200 (ms / 1,000)',
      engine,
      n: 1,
      p50Ms: perThousand(httpMs, HTTP_EVENTS),
      p95Ms: perThousand(httpMs, HTTP_EVENTS),
      note: rate(perThousand(httpMs, HTTP_EVENTS)),
    });

    ctx.log(`  ${engine}: embedded MQTT…`);
    const broker = await startEmbeddedBroker(runtime.ingest, { port: 0, host: '127.0.0.1' });
    try {
      const mqttMs = await mqttLoad(`mqtt://127.0.0.1:${broker.port}`, devices, 50, 40_000);
      rows.push({
        name: 'ingest via embedded MQTT, QoS 1, 1 event/msg (ms / 1,000)',
        engine,
        n: 1,
        p50Ms: perThousand(mqttMs, 40_000),
        p95Ms: perThousand(mqttMs, 40_000),
        note: `${rate(perThousand(mqttMs, 40_000))}, PUBACK after commit, 50 devices`,
      });
    } finally {
      await broker.close();
    }

    if (engine === 'postgres') rows.push(await mosquittoRow(runtime, devices, database, ctx));
    return rows;
  });
}

/** Mosquitto on its own port with QoS 1 limits raised (its defaults drop messages under load). */
async function mosquittoRow(
  runtime: Runtime,
  devices: BenchDevices,
  database: Database,
  ctx: BenchContext,
): Promise<BenchRow> {
  ctx.log('  postgres: through Mosquitto…');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-mosq-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'max_inflight_messages 1000',
      'max_queued_messages 200000',
      'persistence false',
      'user root',
      '',
    ].join('\n'),
  );
  const broker = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const total = 10_000;
  try {
    const ingest = await startExternalIngest(runtime.ingest, {
      url: `mqtt://127.0.0.1:${port}`,
      connections: 8,
      clientIdPrefix: `bench-ingest-${Date.now()}`,
    });
    const before = await storedEvents(database.db);
    const started = performance.now();
    await mqttLoad(`mqtt://127.0.0.1:${port}`, devices, 50, total);
    while ((await storedEvents(database.db)) < before + total && performance.now() - started < 120_000)
      await new Promise((r) => setTimeout(r, 50));
    const ms = performance.now() - started;
    const stored = (await storedEvents(database.db)) - before;
    await ingest.close();
    return {
      name: 'ingest via Mosquitto QoS 1, 8 shared subs (ms / 1,000)',
      engine: 'postgres',
      n: 1,
      p50Ms: perThousand(ms, total),
      p95Ms: perThousand(ms, total),
      note: `${rate(perThousand(ms, total))}, ${stored}/${total} stored`,
    };
  } finally {
    broker.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 5,000 events/s into the pipeline for 10 s, 100 SSE subscribers in another process. */
async function latency(engine: Engine, ctx: BenchContext): Promise<BenchRow> {
  return withRuntime(engine, `live_${engine}`, async (runtime, devices, database) => {
    const user = { id: 'bench', name: 'bench', email: 'bench@linli.local', role: 'admin' as const };
    const { server, url } = await listen((req) =>
      fetchRequestHandler({
        endpoint: '/api/trpc',
        req,
        router: appRouter,
        createContext: () => ({
          db: database.db,
          user,
          live: runtime.live,
          liveHub: () => Promise.resolve(runtime.hub),
        }),
      }),
    );
    ctx.log(`  ${engine}: 100 subscribers, 5,000 events/s…`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'live-subscribers.ts'), url, '100', '60000'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout! });
    const it = lines[Symbol.asyncIterator]();
    await it.next(); // "ready": every subscriber has its snapshot
    const seconds = 10;
    const started = Date.now();
    let tick = 0;
    // 50 batches of 5 events every 50 ms: 5,000 events/s across every class (smoke
    // detectors among them raise and clear alarms, so frames carry real changes).
    while (Date.now() - started < seconds * 1000) {
      const due = started + tick * 50;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      for (let k = 0; k < 50; k++) {
        const d = devices.ingest[(tick * 50 + k) % devices.ingest.length]!;
        void acceptPayload(runtime.pipeline, d, JSON.stringify(eventsFor(d, 5)), { maxFutureSeconds: 300 });
      }
      tick++;
    }
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGTERM');
    const result = await it.next();
    server.close();
    const samples = (JSON.parse(String(result.value ?? '[]')) as number[]).sort((a, b) => a - b);
    if (samples.length === 0) throw new Error('no frames reached the subscribers');
    return {
      name: 'event to subscriber, 5,000 events/s, 100 SSE subscribers (p95 col = p99)',
      engine,
      n: samples.length,
      p50Ms: percentile(samples, 0.5),
      p95Ms: percentile(samples, 0.99),
      targetMs: 250,
      note: `frames at ${Math.round(samples.length / 100 / seconds)}/s per subscriber; oldest change in each frame`,
    };
  });
}

export async function ingestBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of ctx.engines) rows.push(...(await doors(engine, ctx)));
  rows.push(await latency(ctx.engines.includes('postgres') ? 'postgres' : 'pglite', ctx));
  return rows;
}
