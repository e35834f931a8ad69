// One subscription's stream, in the order tRPC's next-sse-chat example uses:
// listen to the hub first (buffering), then read what the table holds after
// the client's last id (or a snapshot), then stream the buffer and whatever
// follows — skipping seqs already sent, so the seam has no gap and no
// duplicate.
import { tracked } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { ALARM_ROW_COLUMNS, type AlarmRow } from '~/db/rows';
import type { DeviceStatus } from '~/db/vocab';
import { readFrames } from './bus-shared';
import type { LiveHub } from './hub';
import { toFrameAlarm } from './mappers';
import type { FrameAlarm, LiveFrame, LiveMessage, LiveSnapshot } from './types';

const PAGE = 500;
/** A client this far behind is cut off; it reconnects and reads the table instead of our memory. */
const MAX_BUFFERED = 5_000;

export async function readSnapshot(db: Db, communityIds: number[] | null): Promise<LiveSnapshot> {
  // Seq first: every change committed after this read is in a later frame.
  const [top] = await selectRows<{ seq: number | string | null }>(db, sql`select max(seq) as seq from live_frames`);
  const scope = communityIds ? sql`community_id = any(${`{${communityIds.join(',')}}`}::int[])` : sql`true`;
  const devices = await selectRows<{ id: number; status: DeviceStatus }>(
    db,
    sql`select id, status from devices where ${scope} order by id`,
  );
  const alarms = await selectRows<AlarmRow & { escalation_level: number; assignee: string | null }>(
    db,
    sql`select ${sql.raw(ALARM_ROW_COLUMNS)}, escalation_level, assignee from alarms
        where ${scope} and state in ('open', 'acknowledged', 'in_progress') order by opened_at desc limit 500`,
  );
  const statuses: Partial<Record<DeviceStatus, number[]>> = {};
  for (const d of devices) (statuses[d.status] ??= []).push(d.id);
  let ids = communityIds;
  if (!ids) ids = (await selectRows<{ id: number }>(db, sql`select id from communities order by id`)).map((r) => r.id);
  return {
    type: 'snapshot',
    seq: Number(top?.seq ?? 0),
    communityIds: ids,
    statuses,
    alarms: alarms.map((a): FrameAlarm => ({
      ...toFrameAlarm(a),
      escalationLevel: a.escalation_level,
      assignee: a.assignee,
    })),
  };
}

/** Whether frames after `seq` are still all in the table (none trimmed away). */
async function backlogIntact(db: Db, seq: number): Promise<boolean> {
  const [row] = await selectRows<{ min: number | string | null; max: number | string | null }>(
    db,
    sql`select min(seq) as min, max(seq) as max from live_frames`,
  );
  if (row?.min == null) return seq === 0 || row?.max == null;
  return Number(row.min) <= seq + 1 || Number(row.max) <= seq;
}

export async function* streamLive(opts: {
  db: Db;
  hub: LiveHub;
  communityIds: number[] | null;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}) {
  const buffer: LiveFrame[] = [];
  let wake: (() => void) | null = null;
  let overflow = false;
  const scope = opts.communityIds ? new Set(opts.communityIds) : null;
  const off = opts.hub.subscribe(scope, (frame) => {
    if (buffer.length >= MAX_BUFFERED) overflow = true;
    else buffer.push(frame);
    wake?.();
  });
  const onAbort = () => wake?.();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    let last = opts.lastEventId ? Number(opts.lastEventId) : null;
    if (last === null || !(await backlogIntact(opts.db, last))) {
      const snapshot = await readSnapshot(opts.db, opts.communityIds);
      last = snapshot.seq;
      yield tracked(String(snapshot.seq), snapshot as LiveMessage);
    }
    for (;;) {
      const page = await readFrames(opts.db, { after: last, communityIds: opts.communityIds, limit: PAGE });
      for (const frame of page) {
        last = frame.seq;
        yield tracked(String(frame.seq), frame as LiveMessage);
      }
      if (page.length < PAGE) break;
    }
    while (!opts.signal?.aborted) {
      if (overflow) throw new Error('live: subscriber fell too far behind; reconnect to resume');
      const frame = buffer.shift();
      if (!frame) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (frame.seq <= last) continue;
      last = frame.seq;
      yield tracked(String(frame.seq), frame as LiveMessage);
    }
  } finally {
    off();
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
