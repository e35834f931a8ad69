// LIVE_BUS=redis. Redis delivers in publish order, so what must hold is that
// instances publish in seq order: the writer takes a session advisory lock
// on its own connection, inserts (drawing seqs), publishes, and only then
// unlocks. Frames are published whole (Redis has no 8000-byte cap).
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '~/db/client';
import {
  Delivery,
  FRAME_LOCK,
  INSERT_FRAMES,
  framesJson,
  matchSeqs,
  type FrameDraft,
  type LiveBus,
} from './bus-shared';
import type { LiveFrame } from './types';

const CHANNEL = 'linli:live';

export class RedisBus implements LiveBus {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** PostgreSQL: one connection that holds the frame lock; PGlite (one process) needs none. */
  private readonly lockConn: postgres.Sql | null;
  private delivery: Delivery | null = null;

  constructor(
    private readonly database: Database,
    redisUrl: string,
    databaseUrl?: string,
  ) {
    this.pub = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.sub = new Redis(redisUrl, { lazyConnect: false });
    this.lockConn = databaseUrl ? postgres(databaseUrl, { max: 1, onnotice: () => {} }) : null;
  }

  async write(drafts: FrameDraft[]): Promise<LiveFrame[]> {
    const conn = this.lockConn;
    if (!conn) {
      const rows = await selectRows<{ seq: number; community_id: number }>(
        this.database.db,
        sql`insert into live_frames (community_id, payload)
            select (e->>'c')::int, e->'p' from jsonb_array_elements(${framesJson(drafts)}::jsonb) with ordinality as r(e, n) order by n
            returning seq, community_id`,
      );
      const frames = matchSeqs(drafts, rows);
      await this.pub.publish(CHANNEL, JSON.stringify(frames));
      return frames;
    }
    await conn`select pg_advisory_lock(${FRAME_LOCK})`;
    try {
      const rows = await conn.unsafe<Array<{ seq: string; community_id: number }>>(INSERT_FRAMES, [framesJson(drafts)]);
      const frames = matchSeqs(drafts, rows);
      await this.pub.publish(CHANNEL, JSON.stringify(frames));
      return frames;
    } finally {
      await conn`select pg_advisory_unlock(${FRAME_LOCK})`;
    }
  }

  async start(onFrame: (frame: LiveFrame) => void): Promise<void> {
    const delivery = new Delivery(this.database, onFrame);
    this.delivery = delivery;
    this.sub.on('message', (_channel: string, text: string) => {
      delivery.enqueue(() => JSON.parse(text) as LiveFrame[]);
    });
    let first = true;
    // ioredis resubscribes after a reconnect; frames sent meanwhile come from the table.
    this.sub.on('ready', () => {
      if (!first) delivery.catchUp();
      first = false;
    });
    await this.sub.subscribe(CHANNEL);
    first = false;
    await delivery.init();
  }

  async close(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
    await this.lockConn?.end({ timeout: 2 });
  }
}
