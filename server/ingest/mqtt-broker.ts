// The embedded MQTT door: an aedes broker inside the app process. Devices
// connect with username = device code, password = token, and publish QoS 1.
//
// aedes writes a QoS 1 PUBACK right after authorizePublish calls back, and
// only then runs broker.publish ('publish' events, the `published` hook), so
// authorizePublish is the one hook that runs before the acknowledgement: the
// write happens there, and the callback comes after the commit.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { acceptPayload, type Ingest } from './accept';
import type { IngestDevice } from './directory';
import { MAX_BODY_BYTES } from './event-schema';
import { limitPacketSize } from './mqtt-packet-limit';
import { checkTopic } from './mqtt-topic';

export type EmbeddedBroker = { port: number; close: () => Promise<void> };

/**
 * host: the interface to listen on (README § Security: loopback unless devices on the network must reach it).
 * maxPacketBytes: larger packets close the connection. tls: PEM file paths; set, the broker speaks only MQTT over TLS.
 */
export type BrokerOptions = {
  port: number;
  host?: string;
  maxPacketBytes?: number;
  tls?: { certFile: string; keyFile: string };
};

/** Ample for an event (a few hundred bytes) and its topic; MQTT_MAX_PACKET_BYTES changes it. */
export const DEFAULT_MAX_PACKET_BYTES = 64 * 1024;

function authError(message: string, returnCode: 4 | 5): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export async function startEmbeddedBroker(ingest: Ingest, opts: BrokerOptions): Promise<EmbeddedBroker> {
  const who = new WeakMap<Client, IngestDevice>();
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      ingest.directory
        .byCredentials(username ?? '', password ? password.toString('utf8') : '')
        .then((device) => {
          if (!device) return done(authError('bad device code or token', 4), false);
          who.set(client, device);
          done(null, true);
        })
        .catch((error: unknown) => {
          console.error('mqtt: authentication failed', error);
          done(authError('server unavailable', 5), false);
        });
    },
    authorizeSubscribe: (client, sub, done) => {
      // Devices may listen under their own topic (commands), nowhere else.
      const device = who.get(client);
      const own = device ? `linli/${device.communitySlug}/${device.code}/` : null;
      done(own && sub.topic.startsWith(own) ? null : new Error('subscription not allowed'), sub);
    },
    authorizePublish: (client, packet, done) => {
      const device = client ? who.get(client) : undefined;
      if (!client || !device) return done(new Error('not authenticated'));
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      const excerpt = () => payload.subarray(0, 500).toString('utf8');
      const topic = checkTopic(packet.topic, device);
      if (!topic.ok) {
        // Writing another device's topic: record it, then drop the connection
        // (MQTT 3.1.1 has no negative PUBACK; MQTT-3.3.5-2).
        void ingest.pipeline.deadLetter({
          source: 'mqtt',
          deviceCode: device.code,
          topic: packet.topic.slice(0, 200),
          reason: topic.reason,
          excerpt: excerpt(),
        });
        return done(new Error(topic.reason));
      }
      if (payload.length > MAX_BODY_BYTES) {
        void ingest.pipeline.deadLetter({
          source: 'mqtt',
          deviceCode: device.code,
          topic: packet.topic,
          reason: 'payload too large',
          excerpt: excerpt(),
        });
        return done(null);
      }
      acceptPayload(ingest.pipeline, device, payload.toString('utf8'), {
        maxFutureSeconds: ingest.maxFutureSeconds,
        kind: topic.kind,
      })
        .then(async (result) => {
          // Refused input is acknowledged once it is dead-lettered: sending it
          // again would only be refused again.
          if (!result.ok)
            await ingest.pipeline.deadLetter({
              source: 'mqtt',
              deviceCode: device.code,
              topic: packet.topic,
              reason: result.reason,
              excerpt: excerpt(),
            });
          done(null);
        })
        .catch((error: unknown) => {
          // Not stored, so not acknowledged: the device sends it again after reconnecting.
          console.error('mqtt: write failed', error);
          done(error instanceof Error ? error : new Error('write failed'));
        });
    },
  });
  broker.on('clientError', () => {}); // refused publishes and dropped sockets are routine here

  const maxPacketBytes = opts.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES;
  const connect = (socket: Socket) => {
    broker.handle(socket);
    limitPacketSize(socket, maxPacketBytes);
  };
  const server: Server = opts.tls
    ? createTlsServer({ cert: readFileSync(opts.tls.certFile), key: readFileSync(opts.tls.keyFile) }, connect)
    : createServer(connect);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}
