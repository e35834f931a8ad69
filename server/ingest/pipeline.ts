// The one pipeline both doors feed: validated events queue here and are
// written in group commits — whatever arrived while the previous batch was
// being written goes into the next one — and each caller's promise settles
// only after the transaction holding its events has committed. That is what
// lets HTTP answer 2xx and MQTT send PUBACK strictly after the write.
import { sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import type { IngestChanges } from './changes';
import { UNSTORABLE } from './event-schema';
import { writeBatch, type Accepted } from './write';

export type SubmitResult = { stored: number; duplicates: number };

type Submission = { items: Accepted[]; at: number; resolve: (r: SubmitResult) => void; reject: (e: unknown) => void };
type DeadLetterRow = {
  source: 'mqtt' | 'http';
  deviceCode: string | null;
  topic: string | null;
  reason: string;
  excerpt: string;
};

export type PipelineOptions = {
  /** Events per transaction (batches close early when the queue runs dry). */
  maxBatch?: number;
  /** Transactions in flight at once: 1 on PGlite (one connection), a few on PostgreSQL. */
  concurrency?: number;
  /** Receives what each committed batch changed (the runtime frames it). */
  onCommit?: (changes: IngestChanges[]) => void;
};

export class IngestPipeline {
  private readonly queue: Submission[] = [];
  private queued = 0;
  private running = 0;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private deadQueue: DeadLetterRow[] = [];
  private deadFlush: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly opts: PipelineOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 2000;
    this.concurrency = opts.concurrency ?? (database.engine === 'pglite' ? 1 : 3);
  }

  /** Queues validated events of authenticated devices; settles after their commit. */
  submit(items: Accepted[]): Promise<SubmitResult> {
    if (this.closed) return Promise.reject(new Error('ingest is shutting down'));
    if (items.length === 0) return Promise.resolve({ stored: 0, duplicates: 0 });
    return new Promise((resolve, reject) => {
      this.queue.push({ items, at: Date.now(), resolve, reject });
      this.queued += items.length;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const batch: Submission[] = [];
      let size = 0;
      while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0]!.items.length <= this.maxBatch)) {
        const s = this.queue.shift()!;
        batch.push(s);
        size += s.items.length;
      }
      this.queued -= size;
      this.running++;
      void this.write(batch).finally(() => {
        this.running--;
        // The next batch starts after the event loop has read its sockets:
        // PGlite runs a transaction's statements without yielding to I/O, so
        // starting at once left only the 2–3 events that had arrived meanwhile.
        setImmediate(() => this.pump());
      });
    }
  }

  private async write(batch: Submission[]): Promise<void> {
    try {
      const outcome = await writeBatch(
        this.database,
        batch.flatMap((s) => s.items),
        {
          receivedAt: Math.min(...batch.map((s) => s.at)),
        },
      );
      let offset = 0;
      for (const s of batch) {
        let stored = 0;
        for (let i = 0; i < s.items.length; i++) stored += outcome.stored[offset + i]!;
        offset += s.items.length;
        s.resolve({ stored, duplicates: s.items.length - stored });
      }
      if (outcome.changes.length > 0) this.opts.onCommit?.(outcome.changes);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One poisoned submission (a device deleted meanwhile, say) must not
      // fail the others that shared its transaction: retry each on its own.
      for (const s of batch) await this.write([s]);
    }
  }

  /** Records refused input (MQTT cannot answer with an error); batched, best effort. */
  deadLetter(row: DeadLetterRow): Promise<void> {
    this.deadQueue.push({
      ...row,
      reason: storable(row.reason),
      excerpt: storable(row.excerpt),
      topic: row.topic && storable(row.topic),
    });
    this.deadFlush ??= (async () => {
      await Promise.resolve();
      const rows = this.deadQueue;
      this.deadQueue = [];
      this.deadFlush = null;
      try {
        await this.database.db.execute(
          sql`insert into dead_letters (source, device_code, topic, reason, excerpt)
              select s, d, t, r, e from jsonb_to_recordset(${JSON.stringify(rows.map((x) => ({ s: x.source, d: x.deviceCode, t: x.topic, r: x.reason, e: x.excerpt })))}::jsonb)
              as x(s text, d text, t text, r text, e text)`,
        );
      } catch (error) {
        console.error('ingest: could not record dead letters', error);
      }
    })();
    return this.deadFlush;
  }

  /** Events waiting for a transaction. */
  get backlog(): number {
    return this.queued;
  }

  /** Stops taking events and waits for the ones already taken. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running > 0 || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    await this.deadFlush;
  }
}

/** Hostile bytes kept as evidence must still fit a text column (no NUL, no broken characters). */
function storable(text: string): string {
  return text.slice(0, 500).replace(UNSTORABLE, '\uFFFD');
}
