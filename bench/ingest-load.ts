// Load generators for the ingest benchmark: a bench community with many
// devices, event payloads as devices send them, and drivers for each door.
import { createServer, type Server } from 'node:http';
import mqtt from 'mqtt';
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../db/client';
import { acceptPayload } from '../server/ingest/accept';
import type { IngestDevice } from '../server/ingest/directory';
import { handleIngestRequest } from '../server/ingest/http';
import { deviceTopic } from '../server/ingest/mqtt-topic';
import { createFixture, type FixtureDevice } from '../server/ingest/test-fixture';
import type { Runtime } from '../server/runtime/runtime';

export type BenchDevices = { ingest: IngestDevice[]; tokens: FixtureDevice[]; slug: string };

export async function benchDevices(db: Db, perClass: number): Promise<BenchDevices> {
  const fx = await createFixture(db, 'bench', perClass);
  // Classes interleaved (smoke detector, camera, …, smoke detector, …), so
  // every stretch of the load is the same mix of classes; in fixture order the
  // first 1,500 devices driven were all smoke detectors raising alarms.
  const byClass = new Map<string, FixtureDevice[]>();
  for (const d of Object.values(fx.devices)) {
    const list = byClass.get(d.class);
    if (list) list.push(d);
    else byClass.set(d.class, [d]);
  }
  const tokens = Array.from({ length: perClass }, (_, n) => [...byClass.values()].map((list) => list[n]!)).flat();
  const ingest = tokens.map((d) => ({
    id: d.id,
    code: d.code,
    class: d.class,
    communityId: fx.communityId,
    communitySlug: fx.slug,
    buildingId: fx.buildingId,
    unitId: null,
    tokenHash: null,
  }));
  return { ingest, tokens, slug: fx.slug };
}

let counter = 0;
/** `n` events of one device, mostly readings; a few smoke readings make the state machine work. */
export function eventsFor(device: { class: string }, n: number, withKind = true): Array<Record<string, unknown>> {
  const run = (counter++).toString(36);
  return Array.from({ length: n }, (_, i) => {
    const data =
      device.class === 'smoke_detector'
        ? { smoke: (counter + i) % 40 === 0, battery: 90 }
        : { temperatureC: 20 + (i % 10) / 10, humidity: 55 };
    return { id: `${run}-${i}`, ...(withKind ? { kind: 'reading' } : {}), at: Date.now(), data };
  });
}

/** Runs `task` up to `concurrency` at a time until `total` units are done; returns wall time in ms. */
export async function drive(
  total: number,
  unit: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next * unit < total) {
        const i = next++;
        await task(i);
        done += unit;
        onProgress?.(done);
      }
    }),
  );
  return performance.now() - started;
}

/**
 * The pipeline fed in process: validate (from JSON text) → dedupe → batch
 * write → state → frames. The first `warmup` events are not timed (JIT,
 * prepared statements, the new tables' first pages), as the other benches
 * take untimed runs first; then ms per 1,000 events for each window of 10,000.
 */
export async function pipelineWindows(
  runtime: Runtime,
  devices: BenchDevices,
  total: number,
  batch: number,
  warmup = 0,
): Promise<number[]> {
  const windows: number[] = [];
  let mark = performance.now();
  let marked = 0;
  await drive(
    warmup + total,
    batch,
    64,
    async (i) => {
      const device = devices.ingest[i % devices.ingest.length]!;
      const text = JSON.stringify(eventsFor(device, batch));
      const r = await acceptPayload(runtime.pipeline, device, text, { maxFutureSeconds: 300 });
      if (!r.ok) throw new Error(r.reason);
    },
    (done) => {
      if (done <= warmup) {
        mark = performance.now();
        marked = done;
      } else if (done - marked >= 10_000) {
        const now = performance.now();
        windows.push(((now - mark) / (done - marked)) * 1000);
        mark = now;
        marked = done;
      }
    },
  );
  return windows;
}

export async function listen(handler: (req: Request) => Promise<Response>): Promise<{ server: Server; url: string }> {
  const { toRequest, send } = await import('../server/runtime/node-http');
  let origin = 'http://127.0.0.1';
  const server = createServer((req, res) => {
    handler(toRequest(req, origin))
      .then((r) => send(res, r))
      .catch(() => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { server, url: origin };
}

/** HTTP batches through /api/ingest, each device with its own token. Returns ms. */
export async function httpLoad(runtime: Runtime, devices: BenchDevices, total: number, batch: number): Promise<number> {
  const { server, url } = await listen((req) => handleIngestRequest(req, runtime.ingest));
  try {
    return await drive(total, batch, 16, async (i) => {
      const d = devices.tokens[i % devices.tokens.length]!;
      const res = await fetch(`${url}/api/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(eventsFor(d, batch)),
      });
      if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    });
  } finally {
    server.close();
  }
}

/** QoS 1 publishers, one connection per device; resolves when every PUBACK has come. Returns ms. */
export async function mqttLoad(url: string, devices: BenchDevices, clients: number, total: number): Promise<number> {
  const chosen = devices.tokens.slice(0, clients);
  const conns = await Promise.all(
    chosen.map((d) =>
      mqtt.connectAsync(url, { username: d.code, password: d.token, clientId: `bench-${d.code}`, reconnectPeriod: 0 }),
    ),
  );
  try {
    const perClient = Math.ceil(total / clients);
    const started = performance.now();
    await Promise.all(
      conns.map(async (c, k) => {
        const d = chosen[k]!;
        const topic = deviceTopic(devices.slug, d.code, 'reading');
        // 100 in flight per device, as a device with a send buffer would.
        await drive(perClient, 1, 100, async () => {
          const [e] = eventsFor(d, 1, false);
          await c.publishAsync(topic, JSON.stringify(e), { qos: 1 });
        });
      }),
    );
    return performance.now() - started;
  } finally {
    await Promise.all(conns.map((c) => c.endAsync()));
  }
}

export async function storedEvents(db: Db): Promise<number> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from device_events`);
  return row?.n ?? 0;
}
