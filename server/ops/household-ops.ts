// The household register: import (all-or-nothing, re-import updates by unit and room) and
// edits of one household. Names, phones and ages are written here and read back by no
// procedure; the change trail holds counts and field names only (docs/DOMAIN.md § Privacy).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { units } from '~/db/schema';
import { DomainError } from '../domain/errors';
import { readTable, UnreadableFileError } from '../import/read-table';
import {
  normalizePhone,
  validateHouseholds,
  type HouseholdImportError,
  type HouseholdRow,
  type ImpliedUnit,
  type RegisterBuilding,
  type RegisterUnit,
} from '../onboard/households';
import { stairPositions, type XY } from '../onboard/units';
import { changedFields, recordChange } from './community-changes';

export type ImportFile = { format: 'csv' | 'xlsx'; content: string; dryRun?: boolean };

/** A spreadsheet's rows, or `import.unreadable`. */
export async function readImportTable(file: { format: 'csv' | 'xlsx'; content: string }): Promise<string[][]> {
  try {
    return await readTable(file.format, file.content);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new DomainError('import.unreadable', { detail: error.message });
    throw error;
  }
}

/** The community's buildings with their units (and footprints, to place units the register implies). */
export async function registerBuildings(
  db: Db,
  communityId: number,
): Promise<Array<RegisterBuilding & { id: number; footprint: XY[] }>> {
  const rows = await selectRows<{
    bid: number;
    number: string;
    bname: string;
    floors: number;
    footprint: XY[];
    uid: number | null;
    ordinal: number | null;
    uname: string | null;
  }>(
    db,
    sql`select b.id as bid, b.number, b.name as bname, b.floors, b.footprint, u.id as uid, u.ordinal, u.name as uname
        from buildings b left join units u on u.building_id = b.id
        where b.community_id = ${communityId} order by b.id, u.ordinal`,
  );
  const out = new Map<number, RegisterBuilding & { id: number; footprint: XY[]; units: RegisterUnit[] }>();
  for (const r of rows) {
    let b = out.get(r.bid);
    if (!b)
      out.set(
        r.bid,
        (b = { id: r.bid, number: r.number, name: r.bname, floors: r.floors, footprint: r.footprint, units: [] }),
      );
    if (r.uid !== null) b.units.push({ id: r.uid, ordinal: r.ordinal!, name: r.uname! });
  }
  return [...out.values()];
}

/**
 * Writes the units a register implies for buildings that had none, their stairwells spread along
 * the main façade (server/onboard/units.ts); returns each temporary id's real one.
 */
async function createImpliedUnits(
  tx: Db,
  buildings: Array<RegisterBuilding & { id: number; footprint: XY[] }>,
  implied: readonly ImpliedUnit[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const building of buildings) {
    const mine = implied.filter((u) => u.buildingNumber === building.number);
    if (mine.length === 0) continue;
    const count = Math.max(...mine.map((u) => u.ordinal));
    const stairs = stairPositions(building.footprint, count);
    const made = await tx
      .insert(units)
      .values(
        mine.map((u) => ({
          buildingId: building.id,
          ordinal: u.ordinal,
          name: u.name,
          stairX: stairs[u.ordinal - 1]!.x,
          stairY: stairs[u.ordinal - 1]!.y,
          householdsPerFloor: u.householdsPerFloor,
        })),
      )
      .returning({ id: units.id, ordinal: units.ordinal });
    for (const u of mine) ids.set(u.tempId, made.find((m) => m.ordinal === u.ordinal)!.id);
  }
  return ids;
}

const OPTIONAL = [
  ['occupants0to59', 'occupants0to59', 'smallint'],
  ['occupants60to79', 'occupants60to79', 'smallint'],
  ['occupants80plus', 'occupants80plus', 'smallint'],
  ['mobilityImpaired', 'mobility_impaired', 'smallint'],
  ['ownerName', 'owner_name', 'text'],
  ['ownerPhone', 'owner_phone', 'text'],
] as const;

/**
 * Imports a register: every row checked first, then all written in one transaction or none.
 * A room already on file in its unit (a generated room with area 0 included) is updated with the
 * columns the file has; others are added. 10,000 rows are two statements.
 */
export async function importHouseholds(
  db: Db,
  communityId: number,
  input: ImportFile,
  actor: string,
): Promise<{ imported: number; updated: number; units: number; errors: HouseholdImportError[] }> {
  const table = await readImportTable(input);
  const buildings = await registerBuildings(db, communityId);
  const { rows, errors, impliedUnits } = validateHouseholds(table, buildings);
  if (errors.length > 0) return { imported: 0, updated: 0, units: 0, errors };
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (impliedUnits.length > 0 && !input.dryRun) {
      const real = await createImpliedUnits(tx, buildings, impliedUnits);
      for (const r of rows) if (r.unitId < 0) r.unitId = real.get(r.unitId)!;
    }
    const existing = await selectRows<{ id: number; unit_id: number; room: string }>(
      tx,
      sql`select h.id, h.unit_id, h.room from households h join units u on u.id = h.unit_id
          join buildings b on b.id = u.building_id where b.community_id = ${communityId} for update of h`,
    );
    const ids = new Map(existing.map((h) => [`${h.unit_id}:${h.room}`, h.id]));
    const fresh: HouseholdRow[] = [];
    const known: Array<HouseholdRow & { id: number }> = [];
    for (const r of rows) {
      const id = ids.get(`${r.unitId}:${r.room}`);
      if (id === undefined) fresh.push(r);
      else known.push({ ...r, id });
    }
    if (input.dryRun) return { imported: fresh.length, updated: known.length, units: impliedUnits.length, errors };
    // The file's columns, the same on every row: a column the file lacks is left as it is.
    const present = OPTIONAL.filter(([key]) => rows[0]![key] !== undefined);
    if (fresh.length > 0) {
      const json = JSON.stringify(fresh.map((r) => ({ ...r, row: undefined })));
      await tx.execute(sql`
        insert into households (unit_id, floor, door, room, area_m_2, occupants0to59, occupants60to79,
          occupants80plus, mobility_impaired, owner_name, owner_phone)
        select "unitId", floor, door, room, "areaM2", coalesce("occupants0to59", 0), coalesce("occupants60to79", 0),
          coalesce("occupants80plus", 0), coalesce("mobilityImpaired", 0), "ownerName", "ownerPhone"
        from jsonb_to_recordset(${json}::jsonb) as r("unitId" int, floor smallint, door text, room text,
          "areaM2" real, "occupants0to59" smallint, "occupants60to79" smallint, "occupants80plus" smallint,
          "mobilityImpaired" smallint, "ownerName" text, "ownerPhone" text)`);
    }
    if (known.length > 0) {
      const json = JSON.stringify(known.map((r) => ({ ...r, row: undefined })));
      const sets = [sql`area_m_2 = r."areaM2"`, sql`updated_at = now()`];
      const types = [sql`id int`, sql`"areaM2" real`];
      for (const [key, column, type] of present) {
        sets.push(sql`${sql.identifier(column)} = r.${sql.identifier(key)}`);
        types.push(sql`${sql.identifier(key)} ${sql.raw(type)}`);
      }
      await tx.execute(sql`
        update households h set ${sql.join(sets, sql`, `)}
        from jsonb_to_recordset(${json}::jsonb) as r(${sql.join(types, sql`, `)}) where h.id = r.id`);
    }
    await recordChange(tx, {
      communityId,
      kind: 'households.import',
      actor,
      detail: {
        imported: fresh.length,
        updated: known.length,
        unitsCreated: impliedUnits.length,
        columns: present.map(([key]) => key),
      },
    });
    // A retrofit case already open in a unit gives each new household its (not yet cast) ballot.
    if (fresh.length > 0)
      await tx.execute(sql`
        insert into retrofit_votes (case_id, household_id)
        select r.id, h.id from retrofit_cases r join households h on h.unit_id = r.unit_id
          join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
        where b.community_id = ${communityId}
        on conflict do nothing`);
    return { imported: fresh.length, updated: known.length, units: impliedUnits.length, errors };
  });
}

export type HouseholdEdit = {
  id: number;
  areaM2?: number;
  occupants0to59?: number;
  occupants60to79?: number;
  occupants80plus?: number;
  mobilityImpaired?: number;
  /** Write-only: set (or null to clear), never read back. */
  ownerName?: string | null;
  ownerPhone?: string | null;
};

/** Edits one household; the trail names the personal fields changed, never their values. */
export async function updateHousehold(db: Db, edit: HouseholdEdit, communityId: number, actor: string) {
  const { id, ownerName, ownerPhone, ...counts } = edit;
  // The router's input has refused an implausible number already.
  const phone = ownerPhone?.trim()
    ? (normalizePhone(ownerPhone) ?? ownerPhone.trim())
    : ownerPhone === undefined
      ? undefined
      : null;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await selectRows<{
      areaM2: number;
      occupants0to59: number;
      occupants60to79: number;
      occupants80plus: number;
      mobilityImpaired: number;
    }>(
      tx,
      sql`select area_m_2 as "areaM2", occupants0to59 as "occupants0to59", occupants60to79 as "occupants60to79",
            occupants80plus as "occupants80plus", mobility_impaired as "mobilityImpaired"
          from households where id = ${id} for update`,
    );
    if (!before) throw new DomainError('household.notFound', { id });
    const after = { ...before, ...Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== undefined)) };
    const sets = [
      sql`area_m_2 = ${after.areaM2}`,
      sql`occupants0to59 = ${after.occupants0to59}`,
      sql`occupants60to79 = ${after.occupants60to79}`,
      sql`occupants80plus = ${after.occupants80plus}`,
      sql`mobility_impaired = ${after.mobilityImpaired}`,
      sql`updated_at = now()`,
    ];
    if (ownerName !== undefined) sets.push(sql`owner_name = ${ownerName?.trim() || null}`);
    if (phone !== undefined) sets.push(sql`owner_phone = ${phone}`);
    await tx.execute(sql`update households set ${sql.join(sets, sql`, `)} where id = ${id}`);
    const detail: Record<string, unknown> = changedFields(before, after);
    const personal = [ownerName !== undefined && 'ownerName', phone !== undefined && 'ownerPhone'].filter(Boolean);
    if (personal.length) detail.personalFieldsSet = personal;
    await recordChange(tx, { communityId, kind: 'household.update', actor, subject: `household:${id}`, detail });
    return { id, ...after };
  });
}
