// LIVE_BUS=postgres. Frames are inserted and NOTIFYed from one dedicated
// connection, inside one transaction that first takes an advisory lock: seqs
// are then drawn in commit order across all instances, and PostgreSQL
// delivers notifications in commit order, so every listener sees frames in
// seq order (with a pool, notifications measured here arrived out of order).
// NOTIFY payloads are capped at 8000 bytes: frames are packed several to a
// notification, and a frame too big to travel is sent as its seq and read
// back from the table by each listening instance.
import postgres from 'postgres';
import type { Database } from '~/db/client';
import {
  Delivery,
  FRAME_LOCK,
  INSERT_FRAMES,
  framesJson,
  matchSeqs,
  readFrames,
  toFrame,
  type FrameDraft,
  type LiveBus,
} from './bus-shared';
import type { FramePayload, LiveFrame } from './types';

const CHANNEL = 'linli_live';
const MAX_NOTIFY_BYTES = 7900;

type Item = { s: number; c: number; p?: FramePayload };

/** Packs frames into NOTIFY payloads of at most MAX_NOTIFY_BYTES each. */
export function packNotifications(frames: LiveFrame[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let bytes = 2;
  for (const f of frames) {
    const { type: _t, seq, communityId, ...payload } = f;
    let item = JSON.stringify({ s: seq, c: communityId, p: payload } satisfies Item);
    if (Buffer.byteLength(item) + 2 > MAX_NOTIFY_BYTES)
      item = JSON.stringify({ s: seq, c: communityId } satisfies Item);
    const size = Buffer.byteLength(item) + 1;
    if (current.length > 0 && bytes + size > MAX_NOTIFY_BYTES) {
      out.push(`[${current.join(',')}]`);
      current = [];
      bytes = 2;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(`[${current.join(',')}]`);
  return out;
}

export class PostgresBus implements LiveBus {
  readonly kind = 'postgres' as const;
  private readonly writer: postgres.Sql;
  private readonly listener: postgres.Sql;
  private delivery: Delivery | null = null;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Database,
    url: string,
  ) {
    this.writer = postgres(url, { max: 1, onnotice: () => {} });
    this.listener = postgres(url, { max: 1, onnotice: () => {} });
  }

  async write(drafts: FrameDraft[]): Promise<LiveFrame[]> {
    return this.writer.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${FRAME_LOCK})`;
      const rows = await tx.unsafe<Array<{ seq: string; community_id: number }>>(INSERT_FRAMES, [framesJson(drafts)]);
      const frames = matchSeqs(drafts, rows);
      for (const payload of packNotifications(frames)) await tx`select pg_notify(${CHANNEL}, ${payload})`;
      return frames;
    }) as Promise<LiveFrame[]>;
  }

  async start(onFrame: (frame: LiveFrame) => void): Promise<void> {
    const delivery = new Delivery(this.database, onFrame);
    this.delivery = delivery;
    let first = true;
    const sub = await this.listener.listen(
      CHANNEL,
      (text) => delivery.enqueue(() => this.decode(text)),
      () => {
        // Called on every (re)connection: whatever was sent while the
        // listening connection was down is read back from the table.
        if (!first) delivery.catchUp();
        first = false;
      },
    );
    this.unlisten = sub.unlisten;
    await delivery.init();
  }

  private async decode(text: string): Promise<LiveFrame[]> {
    const items = JSON.parse(text) as Item[];
    const missing = items.filter((i) => !i.p).map((i) => i.s);
    const fetched =
      missing.length > 0 ? await readFrames(this.database.db, { seqs: missing, limit: missing.length }) : [];
    const bySeq = new Map(fetched.map((f) => [f.seq, f]));
    return items.flatMap((i) => (i.p ? [toFrame(i.s, i.c, i.p)] : bySeq.has(i.s) ? [bySeq.get(i.s)!] : []));
  }

  async close(): Promise<void> {
    await this.unlisten?.().catch(() => {});
    await Promise.all([this.writer.end({ timeout: 2 }), this.listener.end({ timeout: 2 })]);
  }
}
