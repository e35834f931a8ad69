// Validates a household register (登记在册，按楼院整理) row by row against the community's
// buildings and units, in the manner of the vote import (server/domain/vote-import.ts): it
// decides what would be written and reports every bad row; the import writes only when no row
// is bad. Pure: the buildings come in as data.
import { buildingNumberOf, findColumns, intCell, numberCell, type ColumnSpec } from './columns';
import { defaultUnitName } from './units';

export type RegisterUnit = { id: number; ordinal: number; name: string };
export type RegisterBuilding = {
  id?: number;
  number: string;
  name: string;
  floors: number;
  units: readonly RegisterUnit[];
};

/**
 * A unit the register names in a building that has no units yet: the register is then what
 * says them (a clerk with a footprint export and a register need not draw units by hand).
 * `tempId` is negative and stands for the unit in the rows until it is written.
 */
export type ImpliedUnit = {
  tempId: number;
  buildingNumber: string;
  ordinal: number;
  name: string;
  /** The most doors any floor of it has in the register. */
  householdsPerFloor: number;
};

/** A household as the register gives it; a field is undefined when the file has no column for it. */
export type HouseholdRow = {
  row: number;
  unitId: number;
  floor: number;
  door: string;
  room: string;
  areaM2: number;
  occupants0to59?: number;
  occupants60to79?: number;
  occupants80plus?: number;
  mobilityImpaired?: number;
  ownerName?: string | null;
  ownerPhone?: string | null;
};

/** A refused row: a code with its parameters, worded from the messages (errors.householdImport.<code>). */
export type HouseholdImportErrorCode =
  | 'missingColumns'
  | 'noRows'
  | 'noBuilding'
  | 'noUnit'
  | 'roomFormat'
  | 'noFloor'
  | 'areaNumber'
  | 'occupantsNumber'
  | 'mobilityNumber'
  | 'phoneFormat'
  | 'nameLength'
  | 'repeated';
export type HouseholdImportError = {
  row: number;
  code: HouseholdImportErrorCode;
  params: Record<string, string | number>;
};

export const HOUSEHOLD_COLUMNS = {
  building: ['楼栋', '楼号', '楼栋号', '栋', '楼', 'building', 'building no', 'building number'],
  unit: ['单元', '单元号', 'unit'],
  room: ['房号', '室', '房间号', '门牌号', '户号', 'room', 'room no'],
  area: ['建筑面积', '面积', '住房面积', 'area', 'area m2', 'area_m2', 'area (m²)'],
  age0to59: ['0-59岁', '0-59', '60岁以下', '59岁及以下', 'occupants 0-59', 'aged 0-59', 'age 0-59'],
  age60to79: ['60-79岁', '60-79', 'occupants 60-79', 'aged 60-79', 'age 60-79'],
  age80plus: ['80岁以上', '80岁及以上', '80+', '80岁+', 'occupants 80+', 'aged 80+', 'age 80+'],
  mobility: ['行动不便', '行动不便人数', '行动不便人员', 'mobility impaired', 'mobility-impaired'],
  ownerName: ['户主姓名', '户主', '业主姓名', '业主', '姓名', 'owner', 'owner name'],
  ownerPhone: ['联系电话', '电话', '手机', '手机号', '联系方式', 'phone', 'owner phone', 'telephone'],
} as const satisfies ColumnSpec<string>;
type Column = keyof typeof HOUSEHOLD_COLUMNS;
const REQUIRED: readonly Column[] = ['building', 'unit', 'room', 'area'];

/** People per flat the register may state in one age band; more is a typing slip. */
const MAX_OCCUPANTS = 20;
/** A flat larger than this (m²) is a typing slip, not a home. */
const MAX_AREA_M2 = 2000;
const MAX_NAME = 40;

/** "1", "1单元", "东单元", "东" against a building's units. */
export function findUnit<U extends RegisterUnit>(units: readonly U[], text: string): U | undefined {
  const t = text.replace(/\s+/g, '');
  const bare = t.replace(/单元$/, '');
  return units.find(
    (u) =>
      u.name === t ||
      u.name === `${bare}单元` ||
      u.name.replace(/单元$/, '') === bare ||
      (/^\d+$/.test(bare) && u.ordinal === Number(bare)),
  );
}

/** "1301", "1301室", 1301 as a number cell → floor 13, door "01"; null when not a room number. */
export function parseRoom(text: string): { floor: number; door: string; room: string } | null {
  const m = /^(\d{1,3})[-－]?(\d{2})(?:室|号)?$/.exec(text.replace(/\s+/g, '').replace(/\.0+$/, ''));
  if (!m) return null;
  const floor = Number(m[1]);
  if (floor < 1) return null;
  return { floor, door: m[2]!, room: `${floor}${m[2]}` };
}

/**
 * A phone as staff would dial it: an 11-digit mobile (1[3-9]…) or a landline with its area code
 * (027-87654321, 02787654321); "+86"/"86" and spaces are tolerated. Returns the number as
 * stored, or null when implausible.
 */
export function normalizePhone(text: string): string | null {
  const t = text.replace(/[\s()（）]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(t)) return t;
  const land = /^(0\d{2,3})-?([2-9]\d{6,7})(?:-\d{1,5})?$/.exec(t);
  return land ? t : null;
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '√', '✓']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '']);

/** Sides named in unit names, west to east: 西单元 comes before 中单元 before 东单元. */
const SIDE_ORDER = ['西', '中', '东'];

/** A unit as the register writes it ("1", "1单元", "东单元", "东") → its name and, if numbered, its ordinal. */
function unitNamed(text: string): { name: string; ordinal: number | null } | null {
  const bare = text.replace(/\s+/g, '').replace(/单元$/, '');
  if (/^\d{1,2}$/.test(bare) && Number(bare) > 0) return { name: defaultUnitName(Number(bare)), ordinal: Number(bare) };
  if (/^[\p{Script=Han}A-Za-z]{1,4}$/u.test(bare)) return { name: `${bare}单元`, ordinal: null };
  return null;
}

export function validateHouseholds(
  table: readonly (readonly string[])[],
  buildings: readonly RegisterBuilding[],
): { rows: HouseholdRow[]; errors: HouseholdImportError[]; impliedUnits: ImpliedUnit[] } {
  const errors: HouseholdImportError[] = [];
  const rows: HouseholdRow[] = [];
  // Units of buildings with none yet, as the register names them: building number → name → unit.
  const implied = new Map<string, Map<string, ImpliedUnit & { doors: Map<number, Set<string>> }>>();
  let nextTempId = -1;
  const col = findColumns(table[0] ?? [], HOUSEHOLD_COLUMNS);
  const absent = REQUIRED.filter((k) => col[k] < 0);
  if (absent.length > 0) {
    errors.push({
      row: 1,
      code: 'missingColumns',
      params: {
        columnsZh: absent.map((k) => HOUSEHOLD_COLUMNS[k][0]).join('、'),
        columns: absent.join(', '),
      },
    });
    return { rows, errors, impliedUnits: [] };
  }
  const byNumber = new Map(buildings.map((b) => [b.number, b]));
  const byName = new Map(buildings.map((b) => [b.name.replace(/\s+/g, ''), b]));
  const seen = new Map<string, number>();
  const has = (k: Column) => col[k] >= 0;
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return; // blank lines at the end of a sheet
    const cell = (k: Column) => (col[k] >= 0 ? (cells[col[k]] ?? '').trim() : '');
    const bad = (code: HouseholdImportErrorCode, params: HouseholdImportError['params'] = {}) =>
      errors.push({ row, code, params });

    const written = cell('building');
    const building = byNumber.get(buildingNumberOf(written)) ?? byName.get(written.replace(/\s+/g, ''));
    if (!building) return bad('noBuilding', { building: written });
    let unit: RegisterUnit | undefined = findUnit(building.units, cell('unit'));
    const named = unitNamed(cell('unit'));
    if (!unit && building.units.length === 0 && named) {
      // A building without units takes them from the register.
      const ofBuilding = implied.get(building.number) ?? new Map();
      implied.set(building.number, ofBuilding);
      let made = ofBuilding.get(named.name);
      if (!made) {
        made = {
          tempId: nextTempId--,
          buildingNumber: building.number,
          ordinal: named.ordinal ?? 0,
          name: named.name,
          householdsPerFloor: 0,
          doors: new Map(),
        };
        ofBuilding.set(named.name, made);
      }
      unit = { id: made.tempId, ordinal: made.ordinal, name: made.name };
    }
    if (!unit) return bad('noUnit', { building: building.name, unit: cell('unit') });
    const room = parseRoom(cell('room'));
    if (!room) return bad('roomFormat', { room: cell('room') });
    if (unit.id < 0) {
      const made = implied.get(building.number)!.get(unit.name)!;
      const doors = made.doors.get(room.floor) ?? new Set<string>();
      made.doors.set(room.floor, doors.add(room.door));
    }
    if (room.floor > building.floors) {
      return bad('noFloor', { room: room.room, floor: room.floor, floors: building.floors, building: building.name });
    }
    const area = numberCell(cell('area'));
    if (!Number.isFinite(area) || area <= 0 || area > MAX_AREA_M2) return bad('areaNumber', { area: cell('area') });

    const counts: Partial<Record<'age0to59' | 'age60to79' | 'age80plus', number>> = {};
    for (const k of ['age0to59', 'age60to79', 'age80plus'] as const) {
      if (!has(k)) continue;
      const n = intCell(cell(k), 0, MAX_OCCUPANTS);
      if (n === null)
        return bad('occupantsNumber', { column: HOUSEHOLD_COLUMNS[k][0], value: cell(k), max: MAX_OCCUPANTS });
      counts[k] = n;
    }
    let mobility: number | undefined;
    if (has('mobility')) {
      const word = cell('mobility').toLowerCase();
      mobility = YES.has(word) ? 1 : NO.has(word) ? 0 : (intCell(word, 0, MAX_OCCUPANTS) ?? -1);
      const total = (counts.age0to59 ?? 0) + (counts.age60to79 ?? 0) + (counts.age80plus ?? 0);
      const counted = has('age0to59') && has('age60to79') && has('age80plus');
      if (mobility < 0 || (counted && mobility > total)) return bad('mobilityNumber', { value: cell('mobility') });
    }
    let ownerPhone: string | null | undefined;
    if (has('ownerPhone')) {
      ownerPhone = cell('ownerPhone') === '' ? null : normalizePhone(cell('ownerPhone'));
      // The number itself is not echoed: error reports get copied around.
      if (ownerPhone === null && cell('ownerPhone') !== '') return bad('phoneFormat');
    }
    if (cell('ownerName').length > MAX_NAME) return bad('nameLength', { max: MAX_NAME });

    const key = `${unit.id}:${room.room}`;
    const first = seen.get(key);
    if (first !== undefined)
      return bad('repeated', { building: building.name, unit: unit.name, room: room.room, first });
    seen.set(key, row);
    rows.push({
      row,
      unitId: unit.id,
      ...room,
      areaM2: Math.round(area * 100) / 100,
      occupants0to59: counts.age0to59,
      occupants60to79: counts.age60to79,
      occupants80plus: counts.age80plus,
      mobilityImpaired: mobility,
      ownerName: has('ownerName') ? cell('ownerName') || null : undefined,
      ownerPhone,
    });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 1, code: 'noRows', params: {} });
  return { rows, errors, impliedUnits: [...implied.values()].flatMap(orderUnits) };
}

/**
 * The implied units of one building with their ordinals: numbered ones keep their number,
 * named ones (西/中/东单元 …) follow west to east after them; doors per floor as the register has them.
 */
function orderUnits(units: Map<string, ImpliedUnit & { doors: Map<number, Set<string>> }>): ImpliedUnit[] {
  const list = [...units.values()];
  const numbered = list.filter((u) => u.ordinal > 0);
  const named = list
    .filter((u) => u.ordinal === 0)
    .sort((a, b) => sideRank(a.name) - sideRank(b.name) || a.name.localeCompare(b.name, 'zh'));
  let next = Math.max(0, ...numbered.map((u) => u.ordinal));
  for (const u of named) u.ordinal = ++next;
  return list
    .sort((a, b) => a.ordinal - b.ordinal)
    .map(({ doors, ...u }) => ({ ...u, householdsPerFloor: Math.max(1, ...[...doors.values()].map((d) => d.size)) }));
}

function sideRank(name: string): number {
  const i = SIDE_ORDER.indexOf(name.charAt(0));
  return i < 0 ? SIDE_ORDER.length : i;
}
