// Periodic housekeeping: devices silent past their heartbeat go offline (and
// raise a device_offline alarm), old live frames and dead letters are
// trimmed. Safe to run from every instance at once: rows are claimed with
// FOR UPDATE SKIP LOCKED and the conditions are re-checked under the lock.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { ALARM_ROW_COLUMNS, type AlarmRow } from '~/db/rows';
import type { AlarmSeverity, DeviceStatus } from '~/db/vocab';
import { ACTIVE_ALARM_STATES } from '../domain/alarm-lifecycle';
import { markOffline } from '../domain/device-status';
import { changesFor, type IngestChanges } from './changes';

/** Devices taken per sweep; the next sweep takes the rest. */
const SWEEP_LIMIT = 5000;

/**
 * Marks silent devices offline. Only devices with a credential are swept: a
 * device that was never provisioned cannot report through the ingest at all,
 * and its seeded status is all Linli knows of it.
 */
export async function sweepOffline(db: Db, opts: { afterHeartbeats: number }): Promise<IngestChanges[]> {
  const now = new Date();
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const stale = await selectRows<{
      id: number;
      community_id: number;
      status: DeviceStatus;
      status_since: string | Date;
    }>(
      tx,
      sql`select id, community_id, status, status_since from devices
          where token_hash is not null and status not in ('offline', 'maintenance')
            and coalesce(last_seen_at, status_since) < now() - make_interval(secs => heartbeat_seconds * ${opts.afterHeartbeats}::float8)
          order by id limit ${SWEEP_LIMIT} for update skip locked`,
    );
    if (stale.length === 0) return [];
    const ids = `{${stale.map((d) => d.id).join(',')}}`;
    const already = new Set(
      (
        await selectRows<{ device_id: number }>(
          tx,
          sql`select device_id from alarms where device_id = any(${ids}::int[]) and kind = 'device_offline'
              and state = any(${`{${ACTIVE_ALARM_STATES.join(',')}}`}::text[])`,
        )
      ).map((r) => r.device_id),
    );
    const raises: Array<{ c: number; d: number; s: AlarmSeverity; o: string }> = [];
    const byCommunity = new Map<number, IngestChanges>();
    for (const d of stale) {
      const out = markOffline(
        {
          status: d.status,
          statusSince: new Date(d.status_since),
          active: already.has(d.id) ? new Set(['device_offline']) : new Set(),
        },
        now,
      );
      const c = changesFor(byCommunity, d.community_id, now.getTime());
      c.devices.push([d.id, out.state.status]);
      for (const a of out.raise)
        raises.push({ c: d.community_id, d: d.id, s: a.severity, o: a.openedAt.toISOString() });
    }
    await tx.execute(sql`update devices set status = 'offline', status_since = ${now.toISOString()}::timestamptz, updated_at = now()
                         where id = any(${ids}::int[])`);
    if (raises.length > 0) {
      const created = await selectRows<AlarmRow & { community_id: number }>(
        tx,
        sql`insert into alarms (community_id, device_id, kind, severity, state, opened_at)
            select c, d, 'device_offline', s, 'open', o from jsonb_to_recordset(${JSON.stringify(raises)}::jsonb)
              as r(c int, d int, s text, o timestamptz)
            returning community_id, ${sql.raw(ALARM_ROW_COLUMNS)}`,
      );
      for (const { community_id, ...alarm } of created) byCommunity.get(community_id)?.alarms.push(alarm);
    }
    return [...byCommunity.values()];
  });
}

/** Drops frames older than the retention and dead letters older than 30 days. */
export async function trimLive(db: Db, retentionSeconds: number): Promise<void> {
  await db.execute(
    sql`delete from live_frames where created_at < now() - make_interval(secs => ${retentionSeconds}::float8)`,
  );
  await db.execute(sql`delete from dead_letters where received_at < now() - interval '30 days'`);
}
