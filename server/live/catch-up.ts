// A process that dies inside its coalescing window (≤ LIVE_FRAME_MS after a
// commit) takes that window's frame with it: the events are stored, but no
// subscriber hears of them, and a console would show a stale status until it
// reloads. On start, each runtime re-announces what changed around and after
// the newest frame of each community. Re-announcing is harmless — a frame says
// where devices and alarms ended up, and clients key them by id — so the
// window is generous; incidents go out only when newer than every frame.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { AlarmSeverity, AlarmState, DeviceStatus, Facade, IncidentKind } from '~/db/vocab';
import type { FrameIncident, LiveChanges } from './types';

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
    const alarms = await selectRows<{ id: number; device_id: number | null; incident_id: number | null; kind: string; severity: AlarmSeverity; state: AlarmState; title: string; opened_at: string | Date; escalation_level: number; assignee: string | null }>(
      db,
      sql`select id, device_id, incident_id, kind, severity, state, title, opened_at, escalation_level, assignee from alarms
          where community_id = ${communityId} and updated_at >= ${from}::timestamptz order by id limit ${MAX_ROWS}`,
    );
    const incidents = await selectRows<{ id: number; kind: IncidentKind; device_id: number | null; building_id: number | null; occurred_at: string | Date; floor: number | null; floor_band_from: number | null; floor_band_to: number | null; facade: Facade | null; window_column: number | null; trajectory: FrameIncident['trajectory']; door_held_seconds: number | null; released_by: 'auto' | 'staff' | null }>(
      db,
      sql`select id, kind, device_id, building_id, occurred_at, floor, floor_band_from, floor_band_to, facade, window_column, trajectory, door_held_seconds, released_by
          from incidents where community_id = ${communityId} and created_at > ${after}::timestamptz order by id limit 200`,
    );
    if (devices.length === 0 && alarms.length === 0 && incidents.length === 0) continue;
    out.push({
      communityId,
      receivedAt: now,
      events: 0,
      devices: devices.map((d) => [d.id, d.status]),
      alarms: alarms.map((a) => ({
        id: a.id, deviceId: a.device_id, incidentId: a.incident_id, kind: a.kind, severity: a.severity, state: a.state, title: a.title,
        openedAt: new Date(a.opened_at).toISOString(), escalationLevel: a.escalation_level, assignee: a.assignee,
      })),
      incidents: incidents.map((i) => ({
        id: i.id, kind: i.kind, deviceId: i.device_id, buildingId: i.building_id, occurredAt: new Date(i.occurred_at).toISOString(),
        floor: i.floor, floorBandFrom: i.floor_band_from, floorBandTo: i.floor_band_to, facade: i.facade, windowColumn: i.window_column,
        trajectory: i.trajectory, doorHeldSeconds: i.door_held_seconds, releasedBy: i.released_by,
      })),
    });
  }
  return out;
}
