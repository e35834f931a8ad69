// One device's recent numeric readings for the device panel's small charts.
// Readings and heartbeats of the last 24 hours are averaged per field over
// 10-minute buckets in the database, so the answer is bounded however chatty
// the device (at most 144 buckets × 32 fields, the ingest's cap on fields per
// reading) and the scan uses the (device_id, at) index of device_events.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';

export const HISTORY_HOURS = 24;
export const HISTORY_BUCKET_MINUTES = 10;
/** Buckets × fields: the most rows one answer carries. */
const MAX_ROWS = ((HISTORY_HOURS * 60) / HISTORY_BUCKET_MINUTES) * 32;

export type HistorySeries = {
  /** The field as the device sends it (lib/telemetry-fields.ts names it). */
  field: string;
  /** [bucket start (epoch ms), mean value], oldest first. */
  points: Array<[number, number]>;
  min: number;
  max: number;
};

export type DeviceHistory = {
  from: Date;
  to: Date;
  bucketMinutes: number;
  /** Readings and heartbeats the device sent in the window. */
  events: number;
  series: HistorySeries[];
};

export async function deviceHistory(db: Db, deviceId: number, now = new Date()): Promise<DeviceHistory> {
  const from = new Date(now.getTime() - HISTORY_HOURS * 3_600_000);
  const bucket = `${HISTORY_BUCKET_MINUTES} minutes`;
  const [rows, counted] = await Promise.all([
    selectRows<{ field: string; t: number; v: number; lo: number; hi: number }>(
      db,
      sql`select f.key as field,
            (extract(epoch from date_bin(${bucket}::interval, e.at, timestamptz '2000-01-01 00:00:00+00')) * 1000)::float8 as t,
            avg((f.value)::float8)::float8 as v,
            min((f.value)::float8)::float8 as lo,
            max((f.value)::float8)::float8 as hi
          from device_events e cross join lateral jsonb_each(e.data) f
          where e.device_id = ${deviceId}
            and e.kind in ('reading', 'heartbeat')
            and e.at >= ${from.toISOString()}::timestamptz and e.at <= ${now.toISOString()}::timestamptz
            and jsonb_typeof(f.value) = 'number'
          group by 1, 2
          order by 1, 2
          limit ${MAX_ROWS}`,
    ),
    selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from device_events e
          where e.device_id = ${deviceId} and e.kind in ('reading', 'heartbeat')
            and e.at >= ${from.toISOString()}::timestamptz and e.at <= ${now.toISOString()}::timestamptz`,
    ),
  ]);
  const byField = new Map<string, HistorySeries>();
  for (const r of rows) {
    let s = byField.get(r.field);
    if (!s) byField.set(r.field, (s = { field: r.field, points: [], min: r.lo, max: r.hi }));
    s.points.push([Number(r.t), Number(r.v)]);
    s.min = Math.min(s.min, Number(r.lo));
    s.max = Math.max(s.max, Number(r.hi));
  }
  return {
    from,
    to: now,
    bucketMinutes: HISTORY_BUCKET_MINUTES,
    events: Number(counted[0]?.n ?? 0),
    series: [...byField.values()],
  };
}
