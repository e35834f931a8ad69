// The embedded broker's guards with a real MQTT client: a packet over the
// maximum closes the connection and stores nothing while ordinary events are
// stored, and with a certificate the broker speaks MQTT over TLS only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import mqtt, { type MqttClient } from 'mqtt';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { createTestDatabase } from '~/test/db';
import { startEmbeddedBroker, type EmbeddedBroker } from './mqtt-broker';
import { deviceTopic } from './mqtt-topic';
import { createFixture, startTestIngest, type Fixture, type TestIngest } from './test-fixture';

const MAX = 4096;
const event = (id: string, note = '') =>
  JSON.stringify({ id, kind: 'reading', at: Date.now(), data: { temperatureC: 21, note } });

describe('embedded broker limits', () => {
  let database: Database;
  let runtime: TestIngest;
  let fx: Fixture;
  let plain: EmbeddedBroker;
  let tls: EmbeddedBroker;
  let dir: string;
  let ca: string;
  const events = async () =>
    Number((await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from device_events`))[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    fx = await createFixture(database.db, 'limits');
    runtime = startTestIngest(database);
    plain = await startEmbeddedBroker(runtime.ingest, { port: 0, host: '127.0.0.1', maxPacketBytes: MAX });
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-mqtt-tls-'));
    writeFileSync(path.join(dir, 'cert.pem'), pems.cert);
    writeFileSync(path.join(dir, 'key.pem'), pems.private);
    ca = pems.cert;
    tls = await startEmbeddedBroker(runtime.ingest, {
      port: 0,
      host: '127.0.0.1',
      tls: { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') },
    });
  });
  afterAll(async () => {
    await plain?.close();
    await tls?.close();
    await runtime?.close();
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const closed = (client: MqttClient) => new Promise<void>((resolve) => client.once('close', () => resolve()));

  it('stores an ordinary event and closes the connection on a packet over the maximum', async () => {
    const dev = fx.devices.environment!;
    const topic = deviceTopic(fx.slug, dev.code, 'reading');
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${plain.port}`, {
      username: dev.code,
      password: dev.token,
      reconnectPeriod: 0,
    });
    const before = await events();
    await client.publishAsync(topic, event('small-1'), { qos: 1 });
    expect(await events()).toBe(before + 1);

    const gone = closed(client);
    client.publish(topic, event('huge-1', 'x'.repeat(MAX)), { qos: 1 });
    await gone;
    expect(await events()).toBe(before + 1);
    client.end(true);

    // The broker itself carries on for the next connection.
    const again = await mqtt.connectAsync(`mqtt://127.0.0.1:${plain.port}`, {
      username: dev.code,
      password: dev.token,
      reconnectPeriod: 0,
    });
    await again.publishAsync(topic, event('small-2'), { qos: 1 });
    expect(await events()).toBe(before + 2);
    await again.endAsync();
  });

  it('speaks MQTT over TLS when given a certificate, and nothing in the clear', async () => {
    const dev = fx.devices.environment!;
    const client = await mqtt.connectAsync(`mqtts://127.0.0.1:${tls.port}`, {
      username: dev.code,
      password: dev.token,
      reconnectPeriod: 0,
      ca,
    });
    const before = await events();
    await client.publishAsync(deviceTopic(fx.slug, dev.code, 'reading'), event('tls-1'), { qos: 1 });
    expect(await events()).toBe(before + 1);
    await client.endAsync();

    // In the clear the TLS server sees no handshake and drops the connection; the client never connects.
    const clear = mqtt.connect(`mqtt://127.0.0.1:${tls.port}`, {
      username: dev.code,
      password: dev.token,
      reconnectPeriod: 0,
    });
    let connected = false;
    clear.on('connect', () => (connected = true));
    clear.on('error', () => {});
    await closed(clear);
    expect(connected).toBe(false);
    clear.end(true);
  });
});
