// `npm run simulate -- --community jinghu --rate 2000`: drives a running
// Linli through its real doors. Signs in as an admin over HTTP, issues tokens
// for the devices it will play (rotating theirs), then sends their traffic
// over MQTT (one connection per device) or HTTP batches.
//
//   --community <slug>   jinghu (default), caifu-xingyuan, xingyi-huayuan
//   --rate <n>           activity events per second (heartbeats come on top)
//   --devices <n>        devices to play, spread over the classes (default 400)
//   --door mqtt|http     (default mqtt)
//   --url <app>          default http://localhost:3000
//   --mqtt <url>         default mqtt://127.0.0.1:1884 (the embedded broker)
//   --duration <s>       stop after this long (default: run until Ctrl-C)
//   --email/--password   admin account (default: the demo admin)
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../auth/demo-accounts';
import { adminClient, signIn } from './admin-client';
import { httpSender, mqttSender, type Sender } from './senders';
import { Traffic, type SimDevice } from './traffic';

const { values } = parseArgs({
  options: {
    community: { type: 'string', default: 'jinghu' },
    rate: { type: 'string', default: '200' },
    devices: { type: 'string', default: '400' },
    door: { type: 'string', default: 'mqtt' },
    url: { type: 'string', default: 'http://localhost:3000' },
    mqtt: { type: 'string', default: 'mqtt://127.0.0.1:1884' },
    duration: { type: 'string' },
    email: { type: 'string', default: 'admin@linli.local' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});

const TICK_MS = 100;

async function main(): Promise<void> {
  const rate = Number(values.rate);
  const count = Number(values.devices);
  if (!(rate > 0) || !(count > 0)) throw new Error('--rate and --devices must be positive numbers');
  if (values.door !== 'mqtt' && values.door !== 'http') throw new Error('--door is mqtt or http');

  const cookie = await signIn(values.url, values.email, values.password);
  const issued = await adminClient(values.url, cookie).ingest.issueTokens.mutate({
    slug: values.community,
    perClass: Math.max(1, Math.ceil(count / 16)),
    limit: count,
  });
  const devices: SimDevice[] = issued.map((t) => ({ ...t, slug: values.community }));
  console.log(`simulate: ${devices.length} devices of ${values.community} over ${values.door}, ${rate} events/s`);

  const sender: Sender = values.door === 'mqtt' ? await mqttSender(values.mqtt, devices) : httpSender(values.url);
  const traffic = new Traffic(devices, { rate, runId: `cli${Date.now().toString(36)}` });
  const started = Date.now();
  const stopAt = values.duration ? started + Number(values.duration) * 1000 : Infinity;
  let stopping = false;
  process.once('SIGINT', () => (stopping = true));
  const report = setInterval(() => {
    const s = sender.stats;
    console.log(
      `simulate: sent ${s.sent}, acknowledged ${s.acked}, failed ${s.failed} (${(s.acked / ((Date.now() - started) / 1000)).toFixed(0)}/s)`,
    );
  }, 5000);
  // Bound what is in flight, as a sliding window of ticks: a slow server slows
  // the simulator, not its memory. (Waiting for a whole wave of ticks to be
  // acknowledged left the server idle but for each wave's slowest devices.)
  const inflight = new Set<Promise<void>>();
  while (!stopping && Date.now() < stopAt) {
    const tickStart = Date.now();
    const sent: Promise<void> = sender.send(traffic.tick(TICK_MS)).finally(() => inflight.delete(sent));
    inflight.add(sent);
    while (inflight.size > 20) await Promise.race(inflight);
    await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - tickStart))));
  }
  await Promise.all(inflight);
  clearInterval(report);
  await sender.close();
  console.log(`simulate: done; ${sender.stats.acked} acknowledged, ${sender.stats.failed} failed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
