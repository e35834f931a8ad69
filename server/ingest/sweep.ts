// Periodic housekeeping: devices silent past their heartbeat go offline (and
// raise a device_offline alarm), old live frames and dead letters are
// trimmed. Safe to run from every instance at once: rows are claimed with
// FOR UPDATE SKIP LOCKED and the conditions are re-checked under the lock.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { AlarmSeverity, AlarmState, DeviceStatus } from '~/db/vocab';
import type { LiveChanges } from '../live/types';
import { markOffline } from './state';

/** Devices taken per sweep; the next sweep takes the rest. */
const SWEEP_LIMIT = 5000;

/**
 * Marks silent devices offline. Only devices with a credential are swept: a
 * device that was never provisioned cannot report through the ingest at all,
 * and its seeded status is all Linli knows of it.
 */
export async function sweepOffline(db: Db, opts: { afterHeartbeats: number }): Promise<LiveChanges[]> {
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
              and state in ('open', 'acknowledged', 'in_progress')`,
        )
      ).map((r) => r.device_id),
    );
    const raises: Array<{ c: number; d: number; s: AlarmSeverity; t: string; o: string }> = [];
    const byCommunity = new Map<number, LiveChanges>();
    for (const d of stale) {
      const out = markOffline(
        {
          status: d.status,
          statusSince: new Date(d.status_since),
          active: already.has(d.id) ? new Set(['device_offline']) : new Set(),
        },
        now,
      );
      let c = byCommunity.get(d.community_id);
      if (!c)
        byCommunity.set(
          d.community_id,
          (c = {
            communityId: d.community_id,
            receivedAt: now.getTime(),
            events: 0,
            devices: [],
            alarms: [],
            incidents: [],
          }),
        );
      c.devices.push([d.id, out.state.status]);
      for (const a of out.raise)
        raises.push({ c: d.community_id, d: d.id, s: a.severity, t: a.title, o: a.openedAt.toISOString() });
    }
    await tx.execute(sql`update devices set status = 'offline', status_since = ${now.toISOString()}::timestamptz, updated_at = now()
                         where id = any(${ids}::int[])`);
    if (raises.length > 0) {
      const created = await selectRows<{
        id: number;
        community_id: number;
        device_id: number;
        severity: AlarmSeverity;
        state: AlarmState;
        title: string;
        opened_at: string | Date;
      }>(
        tx,
        sql`insert into alarms (community_id, device_id, kind, severity, state, title, opened_at)
            select c, d, 'device_offline', s, 'open', t, o from jsonb_to_recordset(${JSON.stringify(raises)}::jsonb)
              as r(c int, d int, s text, t text, o timestamptz)
            returning id, community_id, device_id, severity, state, title, opened_at`,
      );
      for (const a of created) {
        byCommunity.get(a.community_id)?.alarms.push({
          id: a.id,
          deviceId: a.device_id,
          incidentId: null,
          kind: 'device_offline',
          severity: a.severity,
          state: a.state,
          title: a.title,
          openedAt: new Date(a.opened_at).toISOString(),
        });
      }
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
