// The ingest behind an external broker (MQTT_URL: Mosquitto, EMQX). The
// broker authenticates devices and enforces their ACL (README, Ingest: the
// password and ACL files are generated from the device table); Linli
// subscribes to linli/# with QoS 1 and acknowledges each message only after
// its write commits (mqtt.js customHandleAcks, MQTT 5).
//
// mqtt.js handles one incoming message at a time per connection, so a single
// connection would commit one message per transaction. Several connections
// share one subscription ($share/…): each message goes to one of them (and to
// one app instance, when several run), and their messages meet in the
// pipeline's group commits. Sessions are persistent (clean: false), so a
// message whose write never committed is redelivered after a restart.
//
// A persistent session stays a member of the shared subscription while it is
// offline, and Mosquitto keeps handing it its share of messages (measured: 8
// leftover sessions beside 32 live ones took 2,000 of 10,000). So a clean
// shutdown — scaling down, fewer MQTT_INGEST_CLIENTS — unsubscribes, waits
// for what it holds to commit, and ends its sessions; only a crash leaves one
// behind, for the restart to resume.
import os from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import type { LiveRuntime } from '../live/runtime';
import { acceptPayload } from './accept';
import { MAX_BODY_BYTES } from './event-schema';
import { TOPIC_ROOT, topicParts } from './mqtt-topic';

export type ExternalIngest = { clients: MqttClient[]; close: () => Promise<void> };

const SHARE = `$share/linli-ingest/${TOPIC_ROOT}/#`;

export async function startExternalIngest(runtime: LiveRuntime, opts: { url: string; connections: number; clientIdPrefix?: string }): Promise<ExternalIngest> {
  const prefix = opts.clientIdPrefix ?? `linli-ingest-${os.hostname()}`;
  let closing = false;
  let inFlight = 0;

  const handle = async (topic: string, payload: Buffer): Promise<void> => {
    const dead = (reason: string, deviceCode: string | null) =>
      runtime.pipeline.deadLetter({ source: 'mqtt', deviceCode, topic: topic.slice(0, 200), reason, excerpt: payload.subarray(0, 500).toString('utf8') });
    const parts = topicParts(topic);
    if (!parts) return dead(`topic must be ${TOPIC_ROOT}/<community>/<device>/<kind>`, null);
    const device = await runtime.directory.byCode(parts.code);
    if (!device || device.communitySlug !== parts.slug) return dead('no such device in this community', parts.code);
    if (payload.length > MAX_BODY_BYTES) return dead('payload too large', device.code);
    // Retry until stored: acknowledging early would lose the message, and
    // holding the ack holds this connection's stream (backpressure).
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await acceptPayload(runtime.pipeline, device, payload.toString('utf8'), { maxFutureSeconds: runtime.options.maxFutureSeconds, kind: parts.kind });
        if (!result.ok) await dead(result.reason, device.code);
        return;
      } catch (error) {
        if (closing) throw error;
        console.error('mqtt ingest: write failed, retrying', error);
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  };

  const clients = await Promise.all(
    Array.from({ length: opts.connections }, (_, i) => {
      const client = mqtt.connect(opts.url, {
        protocolVersion: 5,
        clientId: `${prefix}-${i}`,
        clean: false,
        properties: { sessionExpiryInterval: 3600 },
        reconnectPeriod: 1000,
        customHandleAcks: (topic, message, _packet, done) => {
          inFlight++;
          handle(topic, message).finally(() => inFlight--).then(
            () => done(0),
            // Only when closing: no PUBACK, the broker keeps it for the next session.
            (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
          );
        },
      });
      client.on('error', (error) => console.error('mqtt ingest:', error.message));
      return new Promise<MqttClient>((resolve, reject) => {
        client.once('connect', () => {
          client.subscribe(SHARE, { qos: 1 }, (error) => (error ? reject(error) : resolve(client)));
        });
        client.once('error', reject);
      });
    }),
  );
  return {
    clients,
    close: async () => {
      await Promise.all(clients.map((c) => c.unsubscribeAsync(SHARE).catch(() => undefined)));
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      closing = true;
      // Nothing held: end the sessions. Still holding (the database is down):
      // keep them, so the broker redelivers to this client id after a restart.
      const drained = inFlight === 0;
      await Promise.all(clients.map((c) => (drained ? c.endAsync(false, { properties: { sessionExpiryInterval: 0 } }) : c.endAsync())));
    },
  };
}
