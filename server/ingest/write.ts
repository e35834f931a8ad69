// One batch of validated events → one transaction. Every statement passes its
// rows as a single JSON parameter unpacked in SQL: one bind value however
// large the batch (PostgreSQL allows 65,535), no per-row work in a query
// builder, and the same SQL on PGlite and PostgreSQL. The statements are raw
// and fixed, so PostgreSQL prepares each once per connection
// (Database.transaction).
import type { Database, RawQuery } from '~/db/client';
import { ALARM_ROW_COLUMNS, type AlarmRow, type IncidentRow } from '~/db/rows';
import type { DeviceStatus } from '~/db/vocab';
import { touchesConditions, type AlarmSpec } from '../domain/alarm-rules';
import { ACTIVE_ALARM_STATES } from '../domain/alarm-lifecycle';
import { applyEvent, type DeviceState, type IncidentSpec } from '../domain/device-status';
import { changesFor, type IngestChanges } from './changes';
import type { IngestDevice } from './directory';
import type { IngestEvent } from './event-schema';

export type Accepted = { device: IngestDevice; event: IngestEvent };
/** `stored[i]` is 1 when `items[i]` was written now: 0 for a duplicate (earlier in the batch or already stored) or an unknown device. */
export type BatchOutcome = { stored: Uint8Array; changes: IngestChanges[] };

export const eventKey = (deviceId: number, eventId: string) => `${deviceId}\u0000${eventId}`;
const intArray = (ids: Iterable<number>) => `{${[...ids].join(',')}}`;
/** Alarms a device's all-clear resolves (server/domain/alarm-lifecycle.ts). */
const ACTIVE = `(${ACTIVE_ALARM_STATES.map((state) => `'${state}'`).join(', ')})`;

export type WriteOptions = {
  now?: Date;
  /** When the oldest of these events reached the server (ms), for the frames' lag. */
  receivedAt?: number;
};

// Id lists are joined as unnest(...), not matched with = any(...): in a
// prepared statement's generic plan the text → int[] cast of a parameter is
// not folded, and a scan would parse the array again for every row.
const READ_DEVICES = `select d.id, d.status, d.status_since from unnest($1::text::int[]) as k(id) join devices d on d.id = k.id`;
const LOCK_DEVICES = `${READ_DEVICES} order by d.id for update of d`;
// No RETURNING: the affected-row count says whether anything was a duplicate
// (rarely); returning and matching 2,000 keys on every batch cost more than
// the insert's own index work.
// Each event is an array [device, id, kind, epoch ms, data] in one jsonb
// document: parsed once, its data taken as jsonb as is (json_to_recordset
// parsed every data object a second time), and a quarter fewer bytes to send.
const INSERT_EVENTS = `insert into device_events (device_id, event_id, kind, at, data)
  select (r->>0)::int, r->>1, r->>2, to_timestamp((r->>3)::float8 / 1000), r->4 from jsonb_array_elements($1::text::jsonb) as r
  on conflict (device_id, event_id) do nothing`;
// Which of these keys were there before this transaction: rows it inserted
// carry its own transaction id.
const ALREADY_STORED = `select r.o from json_to_recordset($1::text::json) as r(o int, d int, e text)
  join device_events ev on ev.device_id = r.d and ev.event_id = r.e where ev.xmin <> pg_current_xact_id()::xid`;
const ACTIVE_ALARMS = `select a.id, a.device_id, a.kind from unnest($1::text::int[]) as k(id) join alarms a on a.device_id = k.id where a.state in ${ACTIVE}`;
const UPDATE_DEVICES = `update devices d set last_seen_at = now(), updated_at = now(),
    status = coalesce(r.s, d.status), status_since = coalesce(r.ss, d.status_since),
    telemetry = case when r.t is null then d.telemetry else d.telemetry || r.t end
  from jsonb_to_recordset($1::text::jsonb) as r(id int, s text, ss timestamptz, t jsonb) where d.id = r.id`;
const INSERT_ALARMS = `insert into alarms (community_id, device_id, incident_id, kind, severity, state, opened_at)
  select c, d, i, k, s, 'open', o from jsonb_to_recordset($1::text::jsonb) as r(c int, d int, i int, k text, s text, o timestamptz)
  returning ${ALARM_ROW_COLUMNS}`;
const RESOLVE_ALARMS = `update alarms a set state = 'resolved', resolved_at = now(), updated_at = now()
  from unnest($1::text::int[]) as k(id) where a.id = k.id and a.state in ${ACTIVE}
  returning ${ALARM_ROW_COLUMNS.split(', ')
    .map((c) => `a.${c}`)
    .join(', ')}`;

/** The newest value of each field across a device's readings (they are events' own data: not changed). */
function latest(readings: Array<Record<string, unknown>> | undefined): Record<string, unknown> | null {
  if (!readings) return null;
  return readings.length === 1 ? readings[0]! : Object.assign({}, ...readings);
}

/** One event for INSERT_EVENTS; ids and kinds need no escaping (the schema allows none). */
function eventRow(deviceId: number, event: IngestEvent): string {
  return `[${deviceId},"${event.id}","${event.kind}",${event.at.getTime()},${JSON.stringify(event.data)}]`;
}

/**
 * Marks which rows are new: everything, unless the insert wrote fewer rows
 * than it was given — then the same event twice in the batch (the first
 * counts) or one already stored before this transaction.
 */
async function markStored(
  query: RawQuery,
  items: Accepted[],
  candidates: number[],
  written: number,
  stored: Uint8Array,
): Promise<void> {
  for (const i of candidates) stored[i] = 1;
  if (written === candidates.length) return;
  const seen = new Set<string>();
  const keys: Array<{ o: number; d: number; e: string }> = [];
  for (const i of candidates) {
    const { device, event } = items[i]!;
    const key = eventKey(device.id, event.id);
    if (seen.has(key)) stored[i] = 0;
    else {
      seen.add(key);
      keys.push({ o: i, d: device.id, e: event.id });
    }
  }
  const { rows } = await query<{ o: number }>(ALREADY_STORED, [JSON.stringify(keys)]);
  for (const r of rows) stored[r.o] = 0;
}

export async function writeBatch(
  database: Pick<Database, 'transaction' | 'engine'>,
  items: Accepted[],
  opts: WriteOptions = {},
): Promise<BatchOutcome> {
  const now = opts.now ?? new Date();
  const receivedAt = opts.receivedAt ?? now.getTime();
  const stored = new Uint8Array(items.length);
  const devices = new Map<number, IngestDevice>();
  for (const { device } of items) devices.set(device.id, device);

  return database.transaction(async (query) => {
    // Lock the devices first, in id order: two instances (or this pipeline's
    // concurrent batches) writing the same device serialise here instead of
    // deadlocking on the event primary key. PGlite runs one transaction at a
    // time, so there the lock would only cost.
    const locked = await query<{ id: number; status: DeviceStatus; status_since: string | Date }>(
      database.engine === 'postgres' ? LOCK_DEVICES : READ_DEVICES,
      [intArray(devices.keys())],
    );
    const states = new Map<number, DeviceState>();
    for (const r of locked.rows)
      states.set(r.id, { status: r.status, statusSince: new Date(r.status_since), active: new Set<string>() });
    const candidates: number[] = [];
    const parts: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const { device, event } = items[i]!;
      if (!states.has(device.id)) continue; // deleted meanwhile
      candidates.push(i);
      parts.push(eventRow(device.id, event));
    }
    const written = candidates.length === 0 ? 0 : (await query(INSERT_EVENTS, [`[${parts.join(',')}]`])).count;
    await markStored(query, items, candidates, written, stored);
    const fresh: Accepted[] = [];
    for (const i of candidates) if (stored[i] === 1) fresh.push(items[i]!);
    fresh.sort((a, b) => a.event.at.getTime() - b.event.at.getTime());

    // Alarms are read only for devices whose events can raise or clear one.
    const needAlarms = new Set<number>();
    for (const { device, event } of fresh) {
      const state = states.get(device.id);
      if (state && touchesConditions(device.class, state.status, event)) needAlarms.add(device.id);
    }
    const activeIds = new Map<string, number>(); // deviceId:kind → alarm id
    if (needAlarms.size > 0) {
      const active = await query<{ id: number; device_id: number; kind: string }>(ACTIVE_ALARMS, [
        intArray(needAlarms),
      ]);
      for (const a of active.rows) {
        (states.get(a.device_id)?.active as Set<string> | undefined)?.add(a.kind);
        activeIds.set(`${a.device_id}:${a.kind}`, a.id);
      }
    }
    const before = new Map([...states].map(([id, s]) => [id, s.status]));
    const telemetry = new Map<number, Array<Record<string, unknown>>>(); // each device's readings, oldest first
    const raises: Array<{ device: IngestDevice; spec: AlarmSpec; eventId: string }> = [];
    const clears: number[] = [];
    const incidents: Array<{ device: IngestDevice; spec: IncidentSpec; eventId: string }> = [];
    const byCommunity = new Map<number, IngestChanges>();
    for (const { device, event } of fresh) {
      const state = states.get(device.id);
      if (!state) continue;
      const out = applyEvent(device, state, event, now);
      states.set(device.id, out.state);
      if (out.telemetry) {
        const t = telemetry.get(device.id);
        if (t) t.push(out.telemetry);
        else telemetry.set(device.id, [out.telemetry]);
      }
      for (const spec of out.raise) raises.push({ device, spec, eventId: event.id });
      for (const kind of out.clear) {
        const id = activeIds.get(`${device.id}:${kind}`);
        if (id !== undefined) clears.push(id);
        activeIds.delete(`${device.id}:${kind}`);
      }
      if (out.incident) incidents.push({ device, spec: out.incident, eventId: event.id });
      changesFor(byCommunity, device.communityId, receivedAt).events++;
    }

    // Every device heard from: last seen now; status and telemetry where they changed.
    const deviceRows = [...new Set(fresh.map((a) => a.device.id))].map((id) => {
      const s = states.get(id)!;
      const changed = s.status !== before.get(id);
      if (changed) changesFor(byCommunity, devices.get(id)!.communityId).devices.push([id, s.status]);
      return {
        id,
        s: changed ? s.status : null,
        ss: changed ? s.statusSince.toISOString() : null,
        t: latest(telemetry.get(id)),
      };
    });
    if (deviceRows.length > 0) await query(UPDATE_DEVICES, [JSON.stringify(deviceRows)]);

    const incidentIds = await insertIncidents(query, incidents, byCommunity);
    if (raises.length > 0) {
      const alarmRows = raises.map(({ device, spec, eventId }) => ({
        c: device.communityId,
        d: device.id,
        i: spec.withIncident ? (incidentIds.get(eventKey(device.id, eventId)) ?? null) : null,
        k: spec.kind,
        s: spec.severity,
        o: spec.openedAt.toISOString(),
      }));
      const created = await query<AlarmRow>(INSERT_ALARMS, [JSON.stringify(alarmRows)]);
      for (const r of created.rows) changesFor(byCommunity, devices.get(r.device_id!)!.communityId).alarms.push(r);
    }
    if (clears.length > 0) {
      const resolved = await query<AlarmRow>(RESOLVE_ALARMS, [intArray(clears)]);
      for (const r of resolved.rows) changesFor(byCommunity, devices.get(r.device_id!)!.communityId).alarms.push(r);
    }
    return { stored, changes: [...byCommunity.values()] };
  });
}

const INSERT_INCIDENTS = `insert into incidents (community_id, kind, device_id, building_id, unit_id, occurred_at, facade, floor,
    floor_band_from, floor_band_to, window_column, trajectory, evidence, door_held_seconds, released_by, source_event_id)
  select c, k, d, b, u, o, f, fl, bf, bt, w, tr, ev, h, r, s from jsonb_to_recordset($1::text::jsonb)
    as x(c int, k text, d int, b int, u int, o timestamptz, f text, fl smallint, bf smallint, bt smallint, w smallint,
         tr jsonb, ev jsonb, h real, r text, s text)
  returning id, kind, device_id, building_id, occurred_at, floor, floor_band_from, floor_band_to, facade, window_column,
    trajectory, door_held_seconds, released_by, source_event_id`;

/** Inserts incidents (the rollup triggers of migration 0001 count them); returns ids by event key. */
async function insertIncidents(
  query: RawQuery,
  incidents: Array<{ device: IngestDevice; spec: IncidentSpec; eventId: string }>,
  byCommunity: Map<number, IngestChanges>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (incidents.length === 0) return ids;
  const rows = incidents.map(({ device, spec, eventId }) => {
    const t = spec.kind === 'throwing' ? spec : null;
    const e = spec.kind === 'ebike_elevator' ? spec : null;
    return {
      c: device.communityId,
      k: spec.kind,
      d: device.id,
      b: device.buildingId,
      u: device.unitId,
      o: spec.occurredAt.toISOString(),
      f: t?.facade ?? null,
      fl: t?.floor ?? null,
      bf: t?.floorBand[0] ?? null,
      bt: t?.floorBand[1] ?? null,
      w: t?.windowColumn ?? null,
      tr: t?.trajectory ?? null,
      ev: t?.evidence ?? [],
      h: e?.doorHeldSeconds ?? null,
      r: e?.releasedBy ?? null,
      s: eventId,
    };
  });
  const created = (await query<IncidentRow>(INSERT_INCIDENTS, [JSON.stringify(rows)])).rows;
  for (const r of created) {
    ids.set(eventKey(r.device_id ?? 0, r.source_event_id), r.id);
    const community = incidents.find((i) => i.device.id === r.device_id)?.device.communityId;
    if (community === undefined) continue;
    changesFor(byCommunity, community).incidents.push(r);
  }
  return ids;
}
