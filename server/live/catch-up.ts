// A process that dies inside its coalescing window (≤ LIVE_FRAME_MS after a
// commit) takes that window's frame with it: the events are stored, but no
// subscriber hears of them, and a console would show a stale status until it
// reloads. On start, each runtime re-announces what changed around and after
// the newest frame of each community. Re-announcing is harmless — a frame says
// where devices and alarms ended up, and clients key them by id — so the
// window is generous; incidents go out only when newer than every frame.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { DeviceStatus } from '~/db/vocab';
import { ALARM_ROW_COLUMNS, type AlarmRow, type IncidentRow } from '~/db/rows';
import { toFrameAlarm, toFrameIncident } from './mappers';
import type { LiveChanges } from './types';

/** How far before a community's newest frame to look: other instances' windows and clock skew between them. */
const MARGIN_SECONDS = 10;
/** A frame is small by design; a catch-up larger than this is left to the clients' next snapshot. */
const MAX_ROWS = 20_000;

export async function catchUpChanges(db: Db): Promise<LiveChanges[]> {
  const now = Date.now();
  // A community never framed yet is measured from the newest frame of any;
  // with no frame at all (a new database) there is nothing to catch up.
  const since = await selectRows<{ community_id: number; last_frame: string | Date }>(
    db,
    sql`select c.id as community_id, coalesce((select f.created_at from live_frames f where f.community_id = c.id order by f.seq desc limit 1),
                                              (select max(created_at) from live_frames)) as last_frame
        from communities c where exists (select 1 from live_frames)`,
  );
  const out: LiveChanges[] = [];
  for (const { community_id: communityId, last_frame } of since) {
    const lastFrame = new Date(last_frame);
    const from = new Date(lastFrame.getTime() - MARGIN_SECONDS * 1000).toISOString();
    const after = lastFrame.toISOString();
    const devices = await selectRows<{ id: number; status: DeviceStatus }>(
      db,
      sql`select id, status from devices where community_id = ${communityId} and updated_at >= ${from}::timestamptz order by id limit ${MAX_ROWS}`,
    );
    const alarms = await selectRows<AlarmRow & { escalation_level: number; assignee: string | null }>(
      db,
      sql`select ${sql.raw(ALARM_ROW_COLUMNS)}, escalation_level, assignee from alarms
          where community_id = ${communityId} and updated_at >= ${from}::timestamptz order by id limit ${MAX_ROWS}`,
    );
    const incidents = await selectRows<IncidentRow>(
      db,
      sql`select id, kind, device_id, building_id, occurred_at, floor, floor_band_from, floor_band_to, facade, window_column, trajectory,
                 door_held_seconds, released_by, source_event_id
          from incidents where community_id = ${communityId} and created_at > ${after}::timestamptz order by id limit 200`,
    );
    if (devices.length === 0 && alarms.length === 0 && incidents.length === 0) continue;
    out.push({
      communityId,
      receivedAt: now,
      events: 0,
      devices: devices.map((d) => [d.id, d.status]),
      alarms: alarms.map((a) => ({ ...toFrameAlarm(a), escalationLevel: a.escalation_level, assignee: a.assignee })),
      incidents: incidents.map(toFrameIncident),
    });
  }
  return out;
}
