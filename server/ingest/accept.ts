// What both doors share after transport: parse and validate a payload from
// an authenticated device, refuse events that name another device, and hand
// the rest to the pipeline.
import type { DeviceDirectory, IngestDevice } from './directory';
import { parseEvents, parseJson } from './event-schema';
import type { IngestPipeline, SubmitResult } from './pipeline';

/** What a door needs to take events in; the process runtime (server/runtime/) makes one. */
export type Ingest = {
  /** Whose credential this is. */
  directory: DeviceDirectory;
  pipeline: IngestPipeline;
  /** Events stamped further ahead than this are refused (device clock skew). */
  maxFutureSeconds: number;
};

export type AcceptResult = ({ ok: true } & SubmitResult) | { ok: false; status: 400 | 403; reason: string };

export async function acceptPayload(
  pipeline: IngestPipeline,
  device: IngestDevice,
  text: string,
  opts: { maxFutureSeconds: number; kind?: string },
): Promise<AcceptResult> {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, status: 400, reason: json.reason };
  const parsed = parseEvents(json.value, { maxFutureMs: opts.maxFutureSeconds * 1000, kind: opts.kind });
  if (!parsed.ok) return { ok: false, status: 400, reason: parsed.reason };
  // A credential speaks for one device only (docs/DOMAIN.md § Readings and events).
  const other = parsed.events.find((e) => e.device !== undefined && e.device !== device.code);
  if (other)
    return {
      ok: false,
      status: 403,
      reason: `this credential belongs to ${device.code}, not ${String(other.device).slice(0, 64)}`,
    };
  const result = await pipeline.submit(parsed.events.map((event) => ({ device, event })));
  return { ok: true, ...result };
}
