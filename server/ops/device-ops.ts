// A community's device list: import from the installer's spreadsheet (all-or-nothing, then a
// token for every new device, shown once), and the device table's edits: name, place and
// heartbeat, maintenance on and off, retirement, a new token. Every change goes on the
// community's change trail; tokens never do.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { DeviceStatus, Facade } from '~/db/vocab';
import { ACTIVE_ALARM_STATES } from '../domain/alarm-lifecycle';
import { derivedStatus } from '../domain/device-status';
import { DomainError } from '../domain/errors';
import { mosquittoHash } from '../ingest/mosquitto-files';
import { TOPIC_ROOT } from '../ingest/mqtt-topic';
import { issueDeviceTokens } from '../ingest/tokens';
import type { LivePublisher } from '../live/publisher';
import {
  deviceCodesIn,
  validateDevices,
  type DeviceImportError,
  type DeviceSite,
  type SiteBuilding,
} from '../onboard/devices';
import { changedFields, recordChange } from './community-changes';
import { readImportTable, type ImportFile } from './household-ops';

export type DeviceToken = { code: string; token: string };

/** What the device-list validator needs to know about the community, in one read. */
async function deviceSite(db: Db, communityId: number, codes: readonly string[]): Promise<DeviceSite> {
  const [community] = await selectRows<{ anchorLng: number; anchorLat: number }>(
    db,
    sql`select anchor_lng as "anchorLng", anchor_lat as "anchorLat" from communities where id = ${communityId}`,
  );
  const buildingRows = await selectRows<Omit<SiteBuilding, 'units'>>(
    db,
    sql`select id, number, name, floors, floor_height as "floorHeight", footprint from buildings
        where community_id = ${communityId} order by id`,
  );
  const unitRows = await selectRows<SiteBuilding['units'][number] & { buildingId: number }>(
    db,
    sql`select u.id, u.building_id as "buildingId", u.ordinal, u.name, u.stair_x as "stairX", u.stair_y as "stairY"
        from units u join buildings b on b.id = u.building_id where b.community_id = ${communityId}
        order by u.building_id, u.ordinal`,
  );
  const poles = await selectRows<DeviceSite['poles'][number]>(
    db,
    sql`select p.id, p.building_id as "buildingId", p.facade, p.x, p.y, p.height_m as "heightM"
        from camera_poles p join buildings b on b.id = p.building_id where b.community_id = ${communityId}`,
  );
  const inUse = codes.length
    ? await selectRows<{ code: string; community_id: number }>(
        db,
        sql`select code, community_id from devices where code = any(${toTextArray(codes)}::text[])`,
      )
    : [];
  return {
    communityId,
    anchor: community!,
    buildings: buildingRows.map((b) => ({ ...b, units: unitRows.filter((u) => u.buildingId === b.id) })),
    poles,
    codesInUse: new Map(inUse.map((r) => [r.code, r.community_id])),
  };
}

/** A PostgreSQL text[] literal; codes are checked against a strict pattern before they get here. */
function toTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;
}

/**
 * Imports a device list: every row checked first, then poles and devices written and a token
 * issued for each new device in one transaction, or nothing. The tokens are in the answer and
 * nowhere else (only their hashes are stored).
 */
export async function importDevices(
  db: Db,
  communityId: number,
  input: ImportFile,
  actor: string,
): Promise<{ imported: number; errors: DeviceImportError[]; tokens: DeviceToken[] }> {
  const table = await readImportTable(input);
  const site = await deviceSite(db, communityId, deviceCodesIn(table));
  const { rows, poles, errors } = validateDevices(table, site);
  if (errors.length > 0) return { imported: 0, errors, tokens: [] };
  if (input.dryRun) return { imported: rows.length, errors, tokens: [] };
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const poleIds = new Map(site.poles.map((p) => [`${p.buildingId}:${p.facade}`, p.id]));
    if (poles.length > 0) {
      const made = await selectRows<{ id: number; building_id: number; facade: Facade }>(
        tx,
        sql`insert into camera_poles (building_id, facade, x, y, height_m, distance_m)
            select "buildingId", facade, x, y, "heightM", "distanceM"
            from jsonb_to_recordset(${JSON.stringify(poles)}::jsonb)
              as r("buildingId" int, facade text, x real, y real, "heightM" real, "distanceM" real)
            returning id, building_id, facade`,
      );
      for (const p of made) poleIds.set(`${p.building_id}:${p.facade}`, p.id);
    }
    const values = rows.map((r) => ({
      ...r,
      row: undefined,
      pole: undefined,
      poleId: r.pole ? poleIds.get(`${r.pole.buildingId}:${r.pole.facade}`) : null,
    }));
    // A new device has not spoken yet: online from now until the offline sweep finds it silent.
    await tx.execute(sql`
      insert into devices (community_id, code, class, name, building_id, unit_id, floor, x, y, z, pole_id, config,
        heartbeat_seconds)
      select ${communityId}, code, class, name, "buildingId", "unitId", floor, x, y, z, "poleId", config,
        "heartbeatSeconds"
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(code text, class text, name text,
        "buildingId" int, "unitId" int, floor smallint, x real, y real, z real, "poleId" int, config jsonb,
        "heartbeatSeconds" int)`);
    const codes = rows.map((r) => r.code);
    const issued = await issueDeviceTokens(tx, { communityId, codes, limit: codes.length });
    const byClass: Record<string, number> = {};
    for (const r of rows) byClass[r.class] = (byClass[r.class] ?? 0) + 1;
    await recordChange(tx, {
      communityId,
      kind: 'devices.import',
      actor,
      detail: { imported: rows.length, poles: poles.length, byClass },
    });
    return { imported: rows.length, errors, tokens: issued.map((i) => ({ code: i.code, token: i.token })) };
  });
}

/** tokens.csv: one line per device, for flashing them; the only copy of the tokens. */
export function tokensCsv(tokens: readonly DeviceToken[]): string {
  return `code,token\n${tokens.map((t) => `${t.code},${t.token}`).join('\n')}\n`;
}

/**
 * Lines for an external Mosquitto's password_file and acl_file (server/ingest/mosquitto-files.ts
 * writes whole files from the command line): each device may publish under its own topic only.
 * To be merged into the files the broker has; the ingest user's lines are already there.
 */
export function mosquittoEntries(slug: string, tokens: readonly DeviceToken[]): { passwd: string; acl: string } {
  return {
    passwd: tokens.map((t) => `${t.code}:${mosquittoHash(t.token)}\n`).join(''),
    acl: tokens.map((t) => `user ${t.code}\ntopic readwrite ${TOPIC_ROOT}/${slug}/${t.code}/#\n\n`).join(''),
  };
}

type DeviceRecord = {
  id: number;
  code: string;
  class: string;
  name: string;
  buildingId: number | null;
  unitId: number | null;
  floor: number | null;
  heartbeatSeconds: number;
  status: DeviceStatus;
  communityId: number;
};

async function lockDevice(tx: Db, id: number): Promise<DeviceRecord> {
  const [d] = await selectRows<DeviceRecord>(
    tx,
    sql`select id, code, class, name, building_id as "buildingId", unit_id as "unitId", floor,
          heartbeat_seconds as "heartbeatSeconds", status, community_id as "communityId"
        from devices where id = ${id} for update`,
  );
  if (!d) throw new DomainError('device.notFound', { device: String(id) });
  return d;
}

export type DeviceEdit = {
  id: number;
  name?: string;
  heartbeatSeconds?: number;
  /** A new place by building (and unit, floor); its site position is cleared unless on a pole. */
  place?: { buildingId: number; unitId?: number | null; floor?: number | null };
};

/** Edits a device's name, heartbeat or place (within its own community's buildings). */
export async function updateDevice(db: Db, edit: DeviceEdit, actor: string) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await lockDevice(tx, edit.id);
    const after: Partial<DeviceRecord> = { name: edit.name, heartbeatSeconds: edit.heartbeatSeconds };
    const sets = [sql`updated_at = now()`];
    if (edit.name !== undefined) sets.push(sql`name = ${edit.name}`);
    if (edit.heartbeatSeconds !== undefined) sets.push(sql`heartbeat_seconds = ${edit.heartbeatSeconds}`);
    if (edit.place) {
      const { buildingId, unitId = null, floor = null } = edit.place;
      const [b] = await selectRows<{ floors: number; unit_ok: boolean }>(
        tx,
        sql`select floors, (${unitId}::int is null or exists (select 1 from units where id = ${unitId}::int
              and building_id = ${buildingId})) as unit_ok
            from buildings where id = ${buildingId} and community_id = ${before.communityId}`,
      );
      if (!b) throw new DomainError('building.notFound', { id: buildingId });
      if (!b.unit_ok) throw new DomainError('unit.idNotFound', { id: unitId! });
      if (floor !== null && (floor === 0 || floor < -5 || floor > b.floors)) {
        throw new DomainError('device.floorRange', { floor, floors: b.floors });
      }
      Object.assign(after, { buildingId, unitId, floor });
      sets.push(sql`building_id = ${buildingId}, unit_id = ${unitId}, floor = ${floor}`);
      // A site position belongs to the old place; a pole camera stays where its pole is.
      if (buildingId !== before.buildingId || unitId !== before.unitId) {
        sets.push(sql`x = case when pole_id is null then null else x end,
                      y = case when pole_id is null then null else y end,
                      z = case when pole_id is null then null else z end`);
      }
    }
    await tx.execute(sql`update devices set ${sql.join(sets, sql`, `)} where id = ${edit.id}`);
    const detail = changedFields(before, after);
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'device.update',
      actor,
      subject: `device:${before.code}`,
      detail,
    });
    return { id: edit.id, changed: Object.keys(detail) };
  });
}

/**
 * Maintenance on or off, as a device's own maintenance event does (server/domain/device-status.ts):
 * on, the device holds 'maintenance' and raises nothing but emergencies; off, it returns to
 * the status its active alarms imply. Consoles see the change live.
 */
export async function setMaintenance(db: Db, live: LivePublisher, id: number, on: boolean, actor: string) {
  const result = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await lockDevice(tx, id);
    if ((before.status === 'maintenance') === on) return { before, status: before.status };
    let status: DeviceStatus = 'maintenance';
    if (!on) {
      const active = await selectRows<{ kind: string }>(
        tx,
        sql`select kind from alarms where device_id = ${id}
            and state = any(${`{${ACTIVE_ALARM_STATES.join(',')}}`}::text[])`,
      );
      status = derivedStatus(new Set(active.map((a) => a.kind)));
    }
    await tx.execute(sql`update devices set status = ${status}, status_since = now(), updated_at = now()
                         where id = ${id}`);
    await recordChange(tx, {
      communityId: before.communityId,
      kind: on ? 'device.maintenanceOn' : 'device.maintenanceOff',
      actor,
      subject: `device:${before.code}`,
      detail: { status: [before.status, status] },
    });
    return { before, status };
  });
  if (result.status !== result.before.status) {
    live.publish([
      {
        communityId: result.before.communityId,
        receivedAt: Date.now(),
        events: 0,
        devices: [[id, result.status]],
        alarms: [],
        incidents: [],
      },
    ]);
  }
  return { id, status: result.status };
}

/**
 * Retires a device: its row goes, and with it its token (the ingest refuses it from then on) and
 * its readings; alarms and incidents it raised stay on record without it (their device id is
 * set null by the foreign key), so the work orders made from them are untouched.
 */
export async function retireDevice(db: Db, id: number, actor: string) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await lockDevice(tx, id);
    const [open] = await selectRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from alarms where device_id = ${id}
          and state = any(${`{${ACTIVE_ALARM_STATES.join(',')}}`}::text[])`,
    );
    await tx.execute(sql`delete from devices where id = ${id}`);
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'device.retire',
      actor,
      subject: `device:${before.code}`,
      detail: { class: before.class, name: before.name, openAlarms: open?.n ?? 0 },
    });
    return { id, code: before.code, openAlarms: open?.n ?? 0 };
  });
}

/** A new token for one device (the old one stops working), shown once. */
export async function reissueToken(db: Db, id: number, actor: string): Promise<DeviceToken> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await lockDevice(tx, id);
    const [issued] = await issueDeviceTokens(tx, { communityId: before.communityId, codes: [before.code], limit: 1 });
    await recordChange(tx, {
      communityId: before.communityId,
      kind: 'device.token',
      actor,
      subject: `device:${before.code}`,
    });
    return { code: before.code, token: issued!.token };
  });
}
