// The ingest behind an external broker (MQTT_URL: Mosquitto, EMQX). The
// broker authenticates devices and enforces their ACL (README, Ingest: the
// password and ACL files are generated from the device table); Linli
// subscribes to linli/# with QoS 1 and acknowledges each message only after
// its write commits.
//
// mqtt.js reads a connection's next packet only once the previous message's
// PUBACK is handed to it, so acknowledging after the commit left one message
// per connection per transaction (measured: ~1,100 messages/s on 8
// connections). Here each connection keeps up to RECEIVE_MAXIMUM messages in
// flight: mqtt.js is told at once that a message is handled, its PUBACK is
// held back (the one private hook, `_sendPacket`, mqtt.js 5.16 pinned by the
// lockfile) and sent when the message's write commits, in the order the
// messages arrived, as MQTT requires. A PUBACK whose connection dropped
// meanwhile is never sent: the broker redelivers the message to the
// persistent session, and the duplicate is stored once.
//
// Several connections share one subscription ($share/…): each message goes
// to one of them (and to one app instance, when several run). Sessions are
// persistent (clean: false), so a message whose write never committed is
// redelivered after a restart.
//
// A persistent session stays a member of the shared subscription while it is
// offline, and Mosquitto keeps handing it its share of messages (measured: 8
// leftover sessions beside 32 live ones took 2,000 of 10,000). So a clean
// shutdown — scaling down, fewer MQTT_INGEST_CLIENTS — unsubscribes, waits
// for what it holds to commit and be acknowledged, and ends its sessions;
// only a crash leaves one behind, for the restart to resume.
import os from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import { acceptPayload, type Ingest } from './accept';
import { MAX_BODY_BYTES } from './event-schema';
import { TOPIC_ROOT, topicParts } from './mqtt-topic';

export type ExternalIngest = { clients: MqttClient[]; close: () => Promise<void> };

const SHARE = `$share/linli-ingest/${TOPIC_ROOT}/#`;
/** Unacknowledged messages one connection may hold (MQTT 5 Receive Maximum; the broker may allow fewer: Mosquitto's max_inflight_messages). */
const RECEIVE_MAXIMUM = 1000;

type Packet = { cmd: string; messageId?: number };
type SendPacket = (packet: Packet, cb?: (error?: Error) => void, ...rest: unknown[]) => void;

type DeferredAcks = {
  /** Holds message `messageId`'s PUBACK until `stored` settles: true once committed, false when it must not be acknowledged (shutting down). */
  hold: (messageId: number, stored: Promise<boolean>) => void;
  /** Settles once every held PUBACK has been sent or dropped. */
  drained: () => Promise<void>;
};

function deferAcks(client: MqttClient): DeferredAcks {
  const pending = new Map<number, Promise<boolean>>();
  const send = (client as unknown as { _sendPacket: SendPacket })._sendPacket.bind(client);
  let connection = 0;
  client.on('connect', () => connection++);
  let tail: Promise<void> = Promise.resolve();
  (client as unknown as { _sendPacket: SendPacket })._sendPacket = (packet, cb, ...rest) => {
    const stored =
      packet.cmd === 'puback' && packet.messageId !== undefined ? pending.get(packet.messageId) : undefined;
    if (!stored) return send(packet, cb, ...rest);
    pending.delete(packet.messageId!);
    cb?.(); // mqtt.js may read the next message now
    const on = connection;
    const previous = tail;
    tail = (async () => {
      const ok = await stored;
      await previous;
      try {
        if (ok && on === connection && client.connected) send(packet);
      } catch (error) {
        console.error('mqtt ingest: could not acknowledge', error);
      }
    })();
  };
  return { hold: (messageId, stored) => pending.set(messageId, stored), drained: () => tail };
}

export async function startExternalIngest(
  ingest: Ingest,
  opts: { url: string; connections: number; clientIdPrefix?: string },
): Promise<ExternalIngest> {
  const prefix = opts.clientIdPrefix ?? `linli-ingest-${os.hostname()}`;
  let closing = false;
  let inFlight = 0;

  const handle = async (topic: string, payload: Buffer): Promise<void> => {
    const dead = (reason: string, deviceCode: string | null) =>
      ingest.pipeline.deadLetter({
        source: 'mqtt',
        deviceCode,
        topic: topic.slice(0, 200),
        reason,
        excerpt: payload.subarray(0, 500).toString('utf8'),
      });
    const parts = topicParts(topic);
    if (!parts) return dead(`topic must be ${TOPIC_ROOT}/<community>/<device>/<kind>`, null);
    const device = await ingest.directory.byCode(parts.code);
    if (!device || device.communitySlug !== parts.slug) return dead('no such device in this community', parts.code);
    if (payload.length > MAX_BODY_BYTES) return dead('payload too large', device.code);
    // Retry until stored: acknowledging early would lose the message, and
    // holding the ack holds this connection's stream (backpressure).
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await acceptPayload(ingest.pipeline, device, payload.toString('utf8'), {
          maxFutureSeconds: ingest.maxFutureSeconds,
          kind: parts.kind,
        });
        if (!result.ok) await dead(result.reason, device.code);
        return;
      } catch (error) {
        if (closing) throw error;
        console.error('mqtt ingest: write failed, retrying', error);
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  };

  const acks: DeferredAcks[] = [];
  const clients = await Promise.all(
    Array.from({ length: opts.connections }, (_, i) => {
      // Set as soon as connect() returns, before any message can arrive; the message handler below is
      // created first and reads it later, so it cannot be a const initialised in place.
      // eslint-disable-next-line prefer-const
      let deferred: DeferredAcks | undefined;
      const client = mqtt.connect(opts.url, {
        protocolVersion: 5,
        clientId: `${prefix}-${i}`,
        clean: false,
        properties: { sessionExpiryInterval: 3600, receiveMaximum: RECEIVE_MAXIMUM },
        reconnectPeriod: 1000,
        customHandleAcks: (topic, message, packet, done) => {
          inFlight++;
          const stored = handle(topic, message).then(
            () => true,
            () => false, // only when closing: no PUBACK, the broker keeps it for the next session
          );
          void stored.finally(() => inFlight--);
          if (packet.qos !== 1 || packet.messageId === undefined) {
            // QoS 2 (a QoS 1 subscription is never sent one): PUBREC after the write, one at a time.
            void stored.then((ok) => done(ok ? 0 : new Error('ingest is shutting down')));
            return;
          }
          deferred!.hold(packet.messageId, stored);
          done(0);
        },
      });
      deferred = deferAcks(client);
      acks.push(deferred);
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
      await Promise.race([Promise.all(acks.map((a) => a.drained())), new Promise((r) => setTimeout(r, 5_000))]);
      // Nothing held: end the sessions. Still holding (the database is down):
      // keep them, so the broker redelivers to this client id after a restart.
      const drained = inFlight === 0;
      await Promise.all(
        clients.map((c) => (drained ? c.endAsync(false, { properties: { sessionExpiryInterval: 0 } }) : c.endAsync())),
      );
    },
  };
}
