// Starts an app process's runtime once: the runtime (bus, frames,
// sweeps), the MQTT door (embedded broker, or the ingest behind MQTT_URL) and,
// when SIMULATE is on, a gentle in-process simulator that goes through the
// same MQTT or HTTP door as a real device. Called from instrumentation.ts.
import { issueDeviceTokens } from '../ingest/tokens';
import { startEmbeddedBroker } from '../ingest/mqtt-broker';
import { startExternalIngest } from '../ingest/mqtt-external';
import { env } from '../env';
import { httpSender, mqttSender, type Sender } from '../simulator/senders';
import { Traffic, type SimDevice } from '../simulator/traffic';
import { getRuntime } from './app-runtime';
import type { Runtime } from './runtime';
import { selectRows } from '~/db/client';
import { sql } from 'drizzle-orm';

const globalForBoot = globalThis as unknown as { linliBoot?: Promise<void> };

export function bootRuntime(): Promise<void> {
  globalForBoot.linliBoot ??= boot().catch((error: unknown) => {
    // The app still serves pages; live data and MQTT stay down until restart.
    console.error('live: could not start', error);
  });
  return globalForBoot.linliBoot;
}

async function boot(): Promise<void> {
  const runtime = await getRuntime();
  let mqttUrl: string | null = null;
  if (env.MQTT_URL) {
    await startExternalIngest(runtime.ingest, { url: env.MQTT_URL, connections: env.MQTT_INGEST_CLIENTS });
    console.log(`live: ingesting linli/# from ${new URL(env.MQTT_URL).host}`);
  } else if (env.MQTT_PORT !== null) {
    try {
      const tls =
        env.MQTT_TLS_CERT && env.MQTT_TLS_KEY ? { certFile: env.MQTT_TLS_CERT, keyFile: env.MQTT_TLS_KEY } : undefined;
      const broker = await startEmbeddedBroker(runtime.ingest, {
        port: env.MQTT_PORT,
        host: env.MQTT_HOST,
        maxPacketBytes: env.MQTT_MAX_PACKET_BYTES,
        tls,
      });
      // The simulator speaks plain MQTT; beside a TLS broker it sends over HTTP instead.
      if (!tls) mqttUrl = `mqtt://${dialable(env.MQTT_HOST)}:${broker.port}`;
      console.log(`live: MQTT${tls ? ' over TLS' : ''} broker on ${env.MQTT_HOST}:${broker.port}`);
    } catch (error) {
      // Another app on this machine may hold the port: run without the MQTT door.
      console.warn(
        `live: MQTT broker not started on port ${env.MQTT_PORT}: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  if (env.SIMULATE) await startSimulator(runtime, mqttUrl);
}

/** An address to connect to for a listening address: a wildcard (every interface) is reached on loopback. */
function dialable(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** ~SIMULATE_RATE events/s from a few devices of each demo community. */
async function startSimulator(runtime: Runtime, mqttUrl: string | null): Promise<void> {
  const db = runtime.database.db;
  const communities = await selectRows<{ id: number; slug: string }>(
    db,
    sql`select id, slug from communities order by id`,
  );
  const devices: SimDevice[] = [];
  for (const c of communities) {
    // The same code path as the admin procedure ingest.issueTokens.
    const issued = await issueDeviceTokens(db, { communityId: c.id, perClass: 2, limit: 40 });
    devices.push(...issued.map((t) => ({ ...t, slug: c.slug })));
  }
  if (devices.length === 0) return;
  const port = process.env.PORT ?? '3000';
  const sender: Sender = mqttUrl ? await mqttSender(mqttUrl, devices) : httpSender(`http://127.0.0.1:${port}`);
  // A demo is watched for a minute, not a month: faults (each recovered 20–60 s
  // later) are 50× as common as in the field, so the twin visibly changes.
  const traffic = new Traffic(devices, {
    rate: env.SIMULATE_RATE,
    runId: `dev${Date.now().toString(36)}`,
    faultShare: 0.1,
  });
  console.log(
    `live: simulating ${devices.length} devices at ${env.SIMULATE_RATE} events/s over ${mqttUrl ? 'MQTT' : 'HTTP'} (SIMULATE=false turns it off)`,
  );
  const timer = setInterval(() => void sender.send(traffic.tick(250)).catch(() => {}), 250);
  timer.unref();
}
