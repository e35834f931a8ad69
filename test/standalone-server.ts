// A small Node server hosting what the Next app hosts for live data — the
// same tRPC router, the same /api/ingest and /api/auth handlers, the big
// screen's link and tRPC doors and the same MQTT door — without a Next build. The reliability tests start it with tsx
// so they can SIGKILL and restart it in a second; one e2e test checks the
// real Next app too. Settings come from the environment as for the app, plus
// PORT (0: any free port; the chosen one is printed as "listening <port> <mqtt port>").
import { createServer } from 'node:http';
import { installPeerAddressHeader } from '~/server/http/peer-address';
import { getAuth } from '~/server/auth/instance';
import { handleAuthRequest, signInLimiter } from '~/server/auth/sign-in-guard';
import { env } from '~/server/env';
import { handleIngestRequest } from '~/server/ingest/http';
import { handleScreenTrpcRequest, kioskLinkPage, redeemKioskLinkRequest } from '~/server/kiosk/http';
import { startEmbeddedBroker } from '~/server/ingest/mqtt-broker';
import { startExternalIngest } from '~/server/ingest/mqtt-external';
import { handleTrpcRequest } from '~/server/trpc-handler';
import { send, toRequest } from '~/server/runtime/node-http';
import { getRuntime } from '~/server/runtime/app-runtime';

async function main(): Promise<void> {
  // As instrumentation.ts does for the app: per-client limits read the TCP peer.
  installPeerAddressHeader();
  const runtime = await getRuntime();
  const auth = await getAuth();
  if (process.env.STANDALONE_FIXTURE) {
    // Tests: demo accounts and one small community instead of the full demo
    // seed (SEED_DEMO=false), so a fresh database is ready in a second or two.
    // STANDALONE_FIXTURE names its slugs, comma-separated.
    const { seedDemoAccounts } = await import('~/server/auth/demo-accounts');
    const { createFixture } = await import('~/server/ingest/test-fixture');
    const { selectRows } = await import('~/db/client');
    const { sql } = await import('drizzle-orm');
    for (const slug of process.env.STANDALONE_FIXTURE.split(',')) {
      const found = await selectRows(runtime.database.db, sql`select 1 from communities where slug = ${slug}`);
      if (found.length === 0) await createFixture(runtime.database.db, slug);
    }
    // After the communities: the demo accounts that hold a role in every community hold it in these.
    await seedDemoAccounts(runtime.database.db);
  }
  const route = (request: Request, path: string): Promise<Response> => {
    if (path.startsWith('/api/trpc/')) return handleTrpcRequest(request);
    if (path.startsWith('/screen/api/trpc/')) return handleScreenTrpcRequest(request);
    const kioskLink = /^\/screen\/k\/([^/]+)$/.exec(path)?.[1];
    if (kioskLink && request.method === 'GET') return kioskLinkPage(kioskLink);
    if (kioskLink && request.method === 'POST') return redeemKioskLinkRequest(request, kioskLink);
    if (path === '/api/ingest') return handleIngestRequest(request, runtime.ingest);
    if (path.startsWith('/api/auth/')) return handleAuthRequest(auth, runtime.database.db, signInLimiter(), request);
    return Promise.resolve(new Response('not found', { status: 404 }));
  };
  let origin = 'http://127.0.0.1';
  const server = createServer((req, res) => {
    const request = toRequest(req, origin);
    route(request, new URL(request.url).pathname)
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  let mqttPort = 0;
  if (env.MQTT_URL)
    await startExternalIngest(runtime.ingest, { url: env.MQTT_URL, connections: env.MQTT_INGEST_CLIENTS });
  else if (env.MQTT_PORT !== null)
    mqttPort = (await startEmbeddedBroker(runtime.ingest, { port: env.MQTT_PORT, host: '127.0.0.1' })).port;
  console.log(`listening ${port} ${mqttPort}`);
  const stop = () => {
    void runtime.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
