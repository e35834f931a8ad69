// What the ingest and the sweep changed, as plain rows per community: the
// process runtime turns them into live frames (server/runtime/), so the
// ingest knows nothing of frames, buses or subscribers.
import type { AlarmRow, IncidentRow } from '~/db/rows';
import type { DeviceStatus } from '~/db/vocab';

export type IngestChanges = {
  communityId: number;
  /** When the ingest received the oldest event behind these changes (ms since epoch). */
  receivedAt: number;
  /** Events stored (duplicates not counted). */
  events: number;
  /** Devices whose status changed, with the status they ended in. */
  devices: Array<[number, DeviceStatus]>;
  /** Alarms raised or resolved. */
  alarms: AlarmRow[];
  incidents: IncidentRow[];
};

/** The community's entry in `map`, made on first use. */
export function changesFor(
  map: Map<number, IngestChanges>,
  communityId: number,
  receivedAt = Date.now(),
): IngestChanges {
  let c = map.get(communityId);
  if (!c) map.set(communityId, (c = { communityId, receivedAt, events: 0, devices: [], alarms: [], incidents: [] }));
  return c;
}
