// Rows → frame shapes: what a console receives for an alarm or incident the
// ingest, the sweep or the catch-up read with plain SQL.
import type { AlarmRow, IncidentRow } from '~/db/rows';
import type { FrameAlarm, FrameIncident } from './types';

export const toFrameAlarm = (r: AlarmRow): FrameAlarm => ({
  id: r.id,
  deviceId: r.device_id,
  incidentId: r.incident_id,
  kind: r.kind,
  severity: r.severity,
  state: r.state,
  openedAt: new Date(r.opened_at).toISOString(),
});

export const toFrameIncident = (r: IncidentRow): FrameIncident => ({
  id: r.id,
  kind: r.kind,
  deviceId: r.device_id,
  buildingId: r.building_id,
  occurredAt: new Date(r.occurred_at).toISOString(),
  floor: r.floor,
  floorBandFrom: r.floor_band_from,
  floorBandTo: r.floor_band_to,
  facade: r.facade,
  windowColumn: r.window_column,
  trajectory: r.trajectory,
  doorHeldSeconds: r.door_held_seconds,
  releasedBy: r.released_by,
});
