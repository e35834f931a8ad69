// LIVE_BUS=memory: one process, frames go straight from the writer to this
// process's hub.
import { sql } from 'drizzle-orm';
import { selectRows, type Database } from '~/db/client';
import { Delivery, framesJson, matchSeqs, type FrameDraft, type LiveBus } from './bus-shared';
import type { LiveFrame } from './types';

export class MemoryBus implements LiveBus {
  readonly kind = 'memory' as const;
  private delivery: Delivery | null = null;
  constructor(private readonly database: Database) {}

  async write(drafts: FrameDraft[]): Promise<LiveFrame[]> {
    const rows = await selectRows<{ seq: number | string; community_id: number }>(
      this.database.db,
      sql`insert into live_frames (community_id, payload)
          select (e->>'c')::int, e->'p' from jsonb_array_elements(${framesJson(drafts)}::jsonb) with ordinality as r(e, n) order by n
          returning seq, community_id`,
    );
    const frames = matchSeqs(drafts, rows);
    this.delivery?.deliver(frames);
    return frames;
  }

  async start(onFrame: (frame: LiveFrame) => void): Promise<void> {
    this.delivery = new Delivery(this.database, onFrame);
    await this.delivery.init();
  }

  async close(): Promise<void> {}
}
