// Child process of the ingest benchmark: opens N live subscriptions (SSE, as
// a browser's httpSubscriptionLink does) and records, for every frame, how
// long after its oldest change reached the server it arrived. Prints the
// latencies as JSON when told to stop (SIGTERM) or after the duration.
import { EventSource } from 'eventsource';

const [url, countText, durationText] = process.argv.slice(2);
const count = Number(countText);
const latencies: number[] = [];
let ready = 0;
const sources: EventSource[] = [];
for (let i = 0; i < count; i++) {
  const input = encodeURIComponent(JSON.stringify({ json: { slug: 'bench' } }));
  const es = new EventSource(`${url}/api/trpc/live.community?input=${input}`);
  es.onmessage = (event) => {
    const now = Date.now();
    const message = (JSON.parse(event.data) as { json?: { type?: string; since?: string } }).json;
    if (message?.type === 'snapshot' && ++ready === count) process.stdout.write('ready\n');
    if (message?.type === 'frame' && message.since) latencies.push(now - Date.parse(message.since));
  };
  sources.push(es);
}
const finish = () => {
  for (const es of sources) es.close();
  process.stdout.write(`${JSON.stringify(latencies)}\n`);
  process.exit(0);
};
process.once('SIGTERM', finish);
setTimeout(finish, Number(durationText));
