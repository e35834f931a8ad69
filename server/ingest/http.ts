// The HTTP door: POST /api/ingest with `Authorization: Bearer <device token>`
// and one event or an array of events as JSON. 200 only after the commit;
// 4xx with a reason for anything refused, which then writes nothing.
import { acceptPayload, type Ingest } from './accept';
import { MAX_BODY_BYTES } from './event-schema';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

async function readBody(req: Request): Promise<string | null> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return null;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleIngestRequest(req: Request, ingest: Ingest): Promise<Response> {
  if (req.method !== 'POST') return json(405, { error: 'use POST' });
  const auth = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!match) return json(401, { error: 'missing device token: Authorization: Bearer <token>' });
  const device = await ingest.directory.byToken(match[1]!);
  if (!device) return json(401, { error: 'unknown or revoked device token' });
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return json(415, { error: 'send application/json' });
  const text = await readBody(req);
  if (text === null) return json(413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
  try {
    const result = await acceptPayload(ingest.pipeline, device, text, {
      maxFutureSeconds: ingest.maxFutureSeconds,
    });
    if (!result.ok) return json(result.status, { error: result.reason });
    return json(200, { device: device.code, stored: result.stored, duplicates: result.duplicates });
  } catch (error) {
    console.error('ingest: write failed', error);
    // Nothing acknowledged: the device keeps its events and sends them again.
    return json(503, { error: 'could not store the events now; retry' });
  }
}
