// What every live bus shares: the bus's contract, the frame table's SQL and
// the delivery that keeps frames in seq order. A bus stores frames (the
// database sequence gives each its `seq`) and delivers every frame any
// instance stored to this instance, in seq order. Subscriptions read the same
// table for their backlog, so what a client missed while away is exactly what
// the table holds after its last id.
import { sql } from 'drizzle-orm';
import { selectRows, type Database, type Db } from '~/db/client';
import type { FramePayload, LiveFrame } from './types';

export type BusKind = 'memory' | 'postgres' | 'redis';
export type FrameDraft = { communityId: number; payload: FramePayload };

export interface LiveBus {
  readonly kind: BusKind;
  /** Stores the frames and publishes them; resolves with their seqs once committed. */
  write(drafts: FrameDraft[]): Promise<LiveFrame[]>;
  /** Starts delivering frames (this instance's and others') to `onFrame`, in seq order. */
  start(onFrame: (frame: LiveFrame) => void): Promise<void>;
  close(): Promise<void>;
}

export const toFrame = (seq: number | string, communityId: number, payload: FramePayload): LiveFrame => ({
  type: 'frame',
  seq: Number(seq),
  communityId,
  ...payload,
});

/** The frames' rows as one JSON parameter, in the order their seqs are drawn. */
export function framesJson(drafts: FrameDraft[]): string {
  return JSON.stringify(drafts.map((d) => ({ c: d.communityId, p: d.payload })));
}

/** Advisory lock key shared by every instance's frame writer (postgres and redis buses). */
export const FRAME_LOCK = 730_601;

export const INSERT_FRAMES = `insert into live_frames (community_id, payload)
  -- $1 is sent as text: postgres.js would JSON-encode a string param typed jsonb a second time.
  select (e->>'c')::int, e->'p' from jsonb_array_elements($1::text::jsonb) with ordinality as r(e, n) order by n
  returning seq, community_id`;

/** Matches inserted rows to drafts: one frame per community per write, so community_id is a key. */
export function matchSeqs(
  drafts: FrameDraft[],
  rows: Array<{ seq: number | string; community_id: number }>,
): LiveFrame[] {
  const byCommunity = new Map(drafts.map((d) => [d.communityId, d.payload]));
  return rows
    .map((r) => toFrame(r.seq, r.community_id, byCommunity.get(r.community_id)!))
    .sort((a, b) => a.seq - b.seq);
}

/**
 * Orders delivery and fills holes: frames at or below the last delivered seq
 * are dropped (a catch-up read and a notification may both carry one), and
 * after a bus reconnect catchUp() reads what was published while deaf.
 */
export class Delivery {
  private chain: Promise<void> = Promise.resolve();
  lastSeq = 0;

  constructor(
    private readonly database: Database,
    private readonly onFrame: (frame: LiveFrame) => void,
  ) {}

  /** Runs `step` after every earlier step, so frames leave in arrival order. */
  enqueue(step: () => Promise<LiveFrame[]> | LiveFrame[]): void {
    this.chain = this.chain
      .then(async () => this.deliver(await step()))
      .catch((error: unknown) => console.error('live bus: delivery failed', error));
  }

  deliver(frames: LiveFrame[]): void {
    for (const frame of frames) {
      if (frame.seq <= this.lastSeq) continue;
      this.lastSeq = frame.seq;
      this.onFrame(frame);
    }
  }

  async init(): Promise<void> {
    const [row] = await selectRows<{ seq: number | string | null }>(
      this.database.db,
      sql`select max(seq) as seq from live_frames`,
    );
    this.lastSeq = Number(row?.seq ?? 0);
  }

  catchUp(): void {
    this.enqueue(() => readFrames(this.database.db, { after: this.lastSeq, limit: 10_000 }));
  }
}

export async function readFrames(
  db: Db,
  q: { after?: number; seqs?: number[]; communityIds?: number[] | null; limit: number },
): Promise<LiveFrame[]> {
  const where = [sql`true`];
  if (q.after !== undefined) where.push(sql`seq > ${q.after}`);
  if (q.seqs) where.push(sql`seq = any(${`{${q.seqs.join(',')}}`}::bigint[])`);
  if (q.communityIds) where.push(sql`community_id = any(${`{${q.communityIds.join(',')}}`}::int[])`);
  const rows = await selectRows<{ seq: number | string; community_id: number; payload: FramePayload }>(
    db,
    sql`select seq, community_id, payload from live_frames where ${sql.join(where, sql` and `)} order by seq limit ${q.limit}`,
  );
  return rows.map((r) => toFrame(r.seq, r.community_id, r.payload));
}
