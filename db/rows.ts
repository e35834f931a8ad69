// Raw rows of the alarms and incidents tables as the ingest writer and the
// live catch-up read them with plain SQL: snake_case, timestamps as the driver
// returns them. The live side turns them into frames (server/live/mappers.ts).
import type { AlarmKind, AlarmSeverity, AlarmState, Facade, IncidentKind } from './vocab';

export type AlarmRow = {
  id: number;
  device_id: number | null;
  incident_id: number | null;
  kind: AlarmKind;
  severity: AlarmSeverity;
  state: AlarmState;
  opened_at: string | Date;
};

/** The columns of AlarmRow, for SELECT and RETURNING lists. */
export const ALARM_ROW_COLUMNS = 'id, device_id, incident_id, kind, severity, state, opened_at';

export type IncidentRow = {
  id: number;
  kind: IncidentKind;
  device_id: number | null;
  building_id: number | null;
  occurred_at: string | Date;
  floor: number | null;
  floor_band_from: number | null;
  floor_band_to: number | null;
  facade: Facade | null;
  window_column: number | null;
  trajectory: Array<{ t: number; x: number; y: number; z: number }> | null;
  door_held_seconds: number | null;
  released_by: 'auto' | 'staff' | null;
  source_event_id: string;
};
