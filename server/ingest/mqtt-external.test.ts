// The ingest behind a real Mosquitto whose password and ACL files come from
// the device table (mosquitto-files.ts): a device publishes under its own
// topic and the event is stored; under another device's topic the broker
// drops it; a wrong token cannot connect. One connection holds many messages
// at once and acknowledges each only after its write: a crash loses nothing
// and stores nothing twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { createTestDatabase, testEngines } from '~/test/db';
import { freePort } from '~/test/standalone';
import type { IngestPipeline } from './pipeline';
import { writeMosquittoFiles } from './mosquitto-files';
import { startExternalIngest, type ExternalIngest } from './mqtt-external';
import { createFixture, startTestIngest, type Fixture, type TestIngest } from './test-fixture';

describe.each(testEngines)('ingest behind Mosquitto on %s', (engine) => {
  let database: Database;
  let runtime: TestIngest;
  let fx: Fixture;
  let broker: ChildProcess;
  let ingest: ExternalIngest;
  let port: number;
  let dir: string;
  let tokens: Map<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    fx = await createFixture(database.db, 'mosq');
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-mosq-'));
    chmodSync(dir, 0o755);
    await writeMosquittoFiles(database.db, {
      community: 'mosq',
      out: dir,
      ingestUser: 'linli-ingest',
      ingestPassword: 'ingest-secret',
    });
    tokens = new Map(
      readFileSync(path.join(dir, 'tokens-mosq.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',') as [string, string]),
    );
    port = await freePort();
    writeFileSync(
      path.join(dir, 'mosquitto.conf'),
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous false',
        `password_file ${dir}/passwd`,
        `acl_file ${dir}/acl`,
        'max_inflight_messages 1000',
        'max_queued_messages 200000',
        'persistence false',
        'user root',
        '',
      ].join('\n'),
    );
    broker = spawn('/usr/sbin/mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 400));
    runtime = startTestIngest(database);
    ingest = await startExternalIngest(runtime.ingest, {
      url: `mqtt://linli-ingest:ingest-secret@127.0.0.1:${port}`,
      connections: 2,
      clientIdPrefix: `test-${engine}-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await ingest?.close();
    await runtime?.close();
    broker?.kill('SIGTERM');
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async (id: string) =>
    Number(
      (
        await selectRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from device_events where event_id = ${id}`,
        )
      )[0]?.n,
    );

  it('stores what a device publishes under its own topic, and only that', async () => {
    const env = fx.devices.environment!;
    const smoke = fx.devices.smoke_detector!;
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      username: env.code,
      password: tokens.get(env.code),
      reconnectPeriod: 0,
    });
    await client.publishAsync(
      `linli/mosq/${env.code}/reading`,
      JSON.stringify({ id: 'own-1', at: Date.now(), data: { temperatureC: 22 } }),
      { qos: 1 },
    );
    // Another device's topic: Mosquitto's ACL drops it before Linli sees it.
    await client.publishAsync(
      `linli/mosq/${smoke.code}/reading`,
      JSON.stringify({ id: 'theirs-1', at: Date.now(), data: { smoke: true } }),
      { qos: 1 },
    );
    await client.publishAsync(
      `linli/mosq/${env.code}/reading`,
      JSON.stringify({ id: 'own-2', at: Date.now(), data: { temperatureC: { celsius: 22 } } }),
      { qos: 1 },
    );
    const deadline = Date.now() + 10_000;
    while ((await stored('own-1')) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored('own-1')).toBe(1);
    expect(await stored('theirs-1')).toBe(0);
    expect(await stored('own-2')).toBe(0);
    const [dead] = await selectRows<{ reason: string }>(
      database.db,
      sql`select reason from dead_letters where device_code = ${env.code}`,
    );
    expect(dead?.reason).toMatch(/temperatureC/);
    await client.endAsync();
    await expect(
      mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: env.code, password: 'wrong', reconnectPeriod: 0 }),
    ).rejects.toThrow();
  });

  it('leaves no session behind on a clean shutdown to swallow a share of later messages', async () => {
    // A second instance joins the shared subscription, then shuts down cleanly (scale-down).
    const other = await startExternalIngest(runtime.ingest, {
      url: `mqtt://linli-ingest:ingest-secret@127.0.0.1:${port}`,
      connections: 3,
      clientIdPrefix: `gone-${engine}-${Date.now()}`,
    });
    await other.close();
    const env = fx.devices.environment!;
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      username: env.code,
      password: tokens.get(env.code),
      reconnectPeriod: 0,
    });
    const ids = Array.from({ length: 30 }, (_, i) => `after-${i}`);
    for (const id of ids)
      await client.publishAsync(
        `linli/mosq/${env.code}/reading`,
        JSON.stringify({ id, at: Date.now(), data: { temperatureC: 21 } }),
        { qos: 1 },
      );
    await client.endAsync();
    const count = async () =>
      Number(
        (
          await selectRows<{ n: number }>(
            database.db,
            sql`select count(*)::int as n from device_events where device_id = ${env.id} and event_id like 'after-%'`,
          )
        )[0]?.n,
      );
    const deadline = Date.now() + 10_000;
    while ((await count()) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(ids.length);
  });

  it('holds many messages per connection, acknowledging each only once stored: a crash loses none', async () => {
    // An instance whose writes wait at a gate, so what it holds is in plain view.
    const held: Array<{ release: () => void }> = [];
    const gated = {
      ...runtime.ingest,
      pipeline: {
        submit: (items) =>
          new Promise<void>((release) => held.push({ release })).then(() => runtime.pipeline.submit(items)),
        deadLetter: (row) => runtime.pipeline.deadLetter(row),
      } as Pick<IngestPipeline, 'submit' | 'deadLetter'> as IngestPipeline,
    };
    const prefix = `crash-${engine}-${Date.now()}`;
    const doomed = await startExternalIngest(gated, {
      url: `mqtt://linli-ingest:ingest-secret@127.0.0.1:${port}`,
      connections: 1,
      clientIdPrefix: prefix,
    });
    const env = fx.devices.environment!;
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      username: env.code,
      password: tokens.get(env.code),
      reconnectPeriod: 0,
    });
    const ids = Array.from({ length: 300 }, (_, i) => `crash-${i}`);
    await Promise.all(
      ids.map((id) =>
        client.publishAsync(
          `linli/mosq/${env.code}/reading`,
          JSON.stringify({ id, at: Date.now(), data: { temperatureC: 20 } }),
          { qos: 1 },
        ),
      ),
    );
    await client.endAsync();
    const deadline = Date.now() + 10_000;
    while (held.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // One connection, many messages in flight (mqtt.js alone would stop at one).
    expect(held.length).toBeGreaterThanOrEqual(20);

    // The process dies: its socket drops without a DISCONNECT. Half of what it
    // held had committed just before (stored, never acknowledged); the rest never will.
    for (const c of doomed.clients) {
      c.options.reconnectPeriod = 0;
      c.stream.destroy();
    }
    for (const h of held.slice(0, held.length >> 1)) h.release();
    await new Promise((r) => setTimeout(r, 300));
    for (const c of doomed.clients) c.end(true);

    // Restarted under the same client id, it resumes the session: the broker redelivers.
    const restarted = await startExternalIngest(runtime.ingest, {
      url: `mqtt://linli-ingest:ingest-secret@127.0.0.1:${port}`,
      connections: 1,
      clientIdPrefix: prefix,
    });
    try {
      const rows = async () =>
        selectRows<{ event_id: string; n: number }>(
          database.db,
          sql`select event_id, count(*)::int as n from device_events where device_id = ${env.id} and event_id like 'crash-%' group by event_id`,
        );
      const until = Date.now() + 15_000;
      while ((await rows()).length < ids.length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      const stored = await rows();
      expect(stored.map((r) => r.event_id).sort()).toEqual([...ids].sort());
      expect(stored.every((r) => r.n === 1)).toBe(true);
    } finally {
      await restarted.close();
    }
  });
});
