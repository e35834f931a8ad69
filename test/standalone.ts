// Runs test/standalone-server.ts as a real process for reliability tests:
// started with Node and tsx directly (not the tsx CLI, whose wrapper process
// would survive a SIGKILL meant for the server), on fixed ports so a restart
// comes back where clients left it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { EventSource } from 'eventsource';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '~/server/root';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type Standalone = {
  url: string;
  mqttUrl: string;
  child: ChildProcess;
  log: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function startStandalone(
  env: Record<string, string>,
  ports?: { http: number; mqtt: number },
): Promise<Standalone> {
  const http = ports?.http ?? (await freePort());
  const mqtt = ports?.mqtt ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/standalone-server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      SIMULATE: 'false',
      STANDALONE_FIXTURE: 'relia',
      PORT: String(http),
      MQTT_PORT: String(mqtt),
      LIVE_FRAME_MS: '50',
      OFFLINE_SWEEP_SECONDS: '3600',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const deadline = Date.now() + 90_000;
  while (!/listening \d+/.test(log)) {
    if (child.exitCode !== null) throw new Error(`standalone exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`standalone did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${http}`,
    mqttUrl: `mqtt://127.0.0.1:${mqtt}`,
    child,
    log: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

/** The browser's subscription client (httpSubscriptionLink over SSE), signed in by cookie (the big screen's: `endpoint` /screen/api/trpc). */
export function subscriptionClient(url: string, cookie: string, endpoint = '/api/trpc') {
  return createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${url}${endpoint}`,
        transformer: superjson,
        EventSource,
        eventSourceOptions: () => ({
          fetch: (input: string | URL | Request, init?: RequestInit) =>
            fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
        }),
      }),
    ],
  });
}

export async function postEvents(url: string, token: string, events: unknown[]): Promise<Response> {
  return fetch(`${url}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
}

/** A fresh, empty PostgreSQL database for a process under test (the process migrates it). */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const { openDatabase } = await import('~/db/client');
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `linli_r_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
