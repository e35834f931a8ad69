// Deliver simulated events through the real doors: each device over its own
// MQTT connection (QoS 1, its own credentials) or HTTP batches with its own
// bearer token. Nothing here touches the database.
import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic } from '../ingest/mqtt-topic';
import type { SimDevice, SimEvent } from './traffic';

export type Sender = {
  send: (events: SimEvent[]) => Promise<void>;
  stats: { sent: number; acked: number; failed: number };
  close: () => Promise<void>;
};

export async function mqttSender(url: string, devices: SimDevice[]): Promise<Sender> {
  const stats = { sent: 0, acked: 0, failed: 0 };
  const clients = new Map<string, MqttClient>();
  await Promise.all(
    devices.map(
      (d) =>
        new Promise<void>((resolve, reject) => {
          const client = mqtt.connect(url, {
            username: d.code,
            password: d.token,
            clientId: `sim-${d.code}`,
            reconnectPeriod: 2000,
            connectTimeout: 10_000,
          });
          client.once('connect', () => resolve());
          client.once('error', reject);
          client.on('error', () => {});
          clients.set(d.code, client);
        }),
    ),
  );
  return {
    stats,
    send: async (events) => {
      await Promise.all(
        events.map(
          (e) =>
            new Promise<void>((resolve) => {
              const client = clients.get(e.device.code);
              if (!client) return resolve();
              stats.sent++;
              const body = JSON.stringify({ id: e.id, at: e.at, data: e.data });
              client.publish(deviceTopic(e.device.slug, e.device.code, e.kind), body, { qos: 1 }, (error) => {
                if (error) stats.failed++;
                else stats.acked++;
                resolve();
              });
            }),
        ),
      );
    },
    close: async () => {
      await Promise.all([...clients.values()].map((c) => c.endAsync().catch(() => {})));
    },
  };
}

export function httpSender(baseUrl: string): Sender {
  const stats = { sent: 0, acked: 0, failed: 0 };
  return {
    stats,
    send: async (events) => {
      const byDevice = new Map<string, SimEvent[]>();
      for (const e of events) byDevice.set(e.device.code, [...(byDevice.get(e.device.code) ?? []), e]);
      await Promise.all(
        [...byDevice.values()].map(async (batch) => {
          const device = batch[0]!.device;
          stats.sent += batch.length;
          try {
            const res = await fetch(`${baseUrl}/api/ingest`, {
              method: 'POST',
              headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
              body: JSON.stringify(batch.map((e) => ({ id: e.id, kind: e.kind, at: e.at, data: e.data }))),
            });
            await res.arrayBuffer();
            if (res.ok) stats.acked += batch.length;
            else stats.failed += batch.length;
          } catch {
            stats.failed += batch.length;
          }
        }),
      );
    },
    close: async () => {},
  };
}
