// Community → building → unit → household, drafted in memory first so totals
// the articles give (296 households, 273 residents aged 80+ …) can be met
// exactly before anything is written, then inserted level by level.
import { buildings, communities, households, units } from '../schema';
import { rectFootprint, stairPositions, type Rect } from './geometry';
import { insertIds, type Seeder } from './insert';
import { mobileNumber, personName } from './names';
import { round, type Rng } from './prng';

export type UnitPlan = { name: string; householdsPerFloor: number; hasOriginalElevator: boolean };

export type BuildingPlan = {
  number: string;
  name: string;
  floors: number;
  floorHeight: number;
  rect: Rect;
  units: UnitPlan[];
};

export type CommunityInfo = {
  slug: string;
  name: string;
  nameEn: string;
  neighbourhood: string;
  street: string;
  district: string;
  anchorLng: number;
  anchorLat: number;
  /** The residents' committee's own contact, shown on the public pages (fictional numbers). */
  contactPhone?: string;
  contactAddress?: string;
  officeHours?: string;
};

export type HouseholdDraft = {
  floor: number;
  door: string;
  room: string;
  areaM2: number;
  ownerName: string;
  ownerPhone: string;
  occupants0to59: number;
  occupants60to79: number;
  occupants80plus: number;
  mobilityImpaired: number;
};

/** Household make-up weights: an old walk-up is mostly elderly couples, a resettlement estate mostly families. */
export type Occupancy = {
  vacant: number;
  elderlySingle: number;
  elderlyCouple: number;
  threeGenerations: number;
  family: number;
  singleYoung: number;
};

export type SeededHousehold = HouseholdDraft & { id: number };
export type SeededUnit = UnitPlan & {
  id: number;
  ordinal: number;
  stairX: number;
  stairY: number;
  households: SeededHousehold[];
};
export type SeededBuilding = Omit<BuildingPlan, 'units'> & { id: number; units: SeededUnit[] };
export type SeededCommunity = { id: number; info: CommunityInfo; buildings: SeededBuilding[] };

function elderlyAge(rng: Rng, p80: number): [number, number] {
  return rng.chance(p80) ? [0, 1] : [1, 0];
}

function occupants(
  rng: Rng,
  mix: Occupancy,
  p80: number,
): Pick<HouseholdDraft, 'occupants0to59' | 'occupants60to79' | 'occupants80plus'> {
  let young = 0;
  let mid = 0;
  let old = 0;
  const add = ([m, o]: [number, number]) => {
    mid += m;
    old += o;
  };
  switch (rng.weighted(mix)) {
    case 'vacant':
      break;
    case 'elderlySingle':
      add(elderlyAge(rng, p80 * 1.5));
      break;
    case 'elderlyCouple':
      add(elderlyAge(rng, p80));
      add(elderlyAge(rng, p80));
      break;
    case 'threeGenerations':
      young = rng.int(2, 3);
      add(elderlyAge(rng, p80));
      if (rng.chance(0.6)) add(elderlyAge(rng, p80));
      break;
    case 'family':
      young = rng.int(2, 4);
      break;
    case 'singleYoung':
      young = 1;
      break;
  }
  return { occupants0to59: young, occupants60to79: mid, occupants80plus: old };
}

/** Households of one unit: the same flat plan stacks floor over floor, so a door keeps its area. */
export function draftHouseholds(
  rng: Rng,
  floors: number,
  perFloor: number,
  areaRange: [number, number],
  mix: Occupancy,
  p80: number,
): HouseholdDraft[] {
  const areas = Array.from({ length: perFloor }, () => round(rng.range(areaRange[0], areaRange[1]), 1));
  const out: HouseholdDraft[] = [];
  for (let floor = 1; floor <= floors; floor++) {
    for (let d = 1; d <= perFloor; d++) {
      const door = String(d).padStart(2, '0');
      const occ = occupants(rng, mix, p80);
      const elderly = occ.occupants60to79 + occ.occupants80plus;
      let mobilityImpaired = 0;
      for (let i = 0; i < occ.occupants80plus; i++) if (rng.chance(0.3)) mobilityImpaired++;
      for (let i = 0; i < occ.occupants60to79; i++) if (rng.chance(0.06)) mobilityImpaired++;
      if (occ.occupants0to59 > 0 && rng.chance(0.01)) mobilityImpaired++;
      out.push({
        floor,
        door,
        room: `${floor}${door}`,
        areaM2: areas[d - 1] ?? areaRange[0],
        ownerName: personName(rng, elderly > 0),
        ownerPhone: mobileNumber(rng),
        ...occ,
        mobilityImpaired,
      });
    }
  }
  return out;
}

const size = (h: HouseholdDraft) => h.occupants0to59 + h.occupants60to79 + h.occupants80plus;

/** Adds or removes residents aged 60–79 in random occupied flats until the 60+ total is `target`. */
export function fitElderly(rng: Rng, all: HouseholdDraft[], target: number): void {
  let total = all.reduce((n, h) => n + h.occupants60to79 + h.occupants80plus, 0);
  for (let guard = 0; total !== target; guard++) {
    if (guard > 100_000) throw new Error('cannot reach the 60+ target');
    const h = rng.pick(all);
    if (total < target && size(h) > 0 && size(h) < 5) {
      h.occupants60to79++;
      total++;
    } else if (total > target && h.occupants60to79 > 0 && size(h) > 1) {
      h.occupants60to79--;
      h.mobilityImpaired = Math.min(h.mobilityImpaired, size(h));
      total--;
    }
  }
}

/** Ages residents from 60–79 into 80+ (or back) until the 80+ total is `target`; 60+ stays unchanged. */
export function fitOldest(rng: Rng, all: HouseholdDraft[], target: number): void {
  let total = all.reduce((n, h) => n + h.occupants80plus, 0);
  for (let guard = 0; total !== target; guard++) {
    if (guard > 100_000) throw new Error('cannot reach the 80+ target');
    const h = rng.pick(all);
    if (total < target && h.occupants60to79 > 0) {
      h.occupants60to79--;
      h.occupants80plus++;
      total++;
    } else if (total > target && h.occupants80plus > 0) {
      h.occupants80plus--;
      h.occupants60to79++;
      total--;
    }
  }
}

/** Writes a drafted community; `drafts[b][u]` holds the households of unit u of building b. */
export async function insertCommunity(
  seeder: Seeder,
  info: CommunityInfo,
  plans: BuildingPlan[],
  drafts: HouseholdDraft[][][],
): Promise<SeededCommunity> {
  const [communityId] = await insertIds(seeder, communities, [info]);
  if (communityId === undefined) throw new Error('community not inserted');
  const buildingIds = await insertIds(
    seeder,
    buildings,
    plans.map((p) => ({
      communityId,
      number: p.number,
      name: p.name,
      footprint: rectFootprint(p.rect),
      floors: p.floors,
      floorHeight: p.floorHeight,
    })),
  );
  const unitRows = plans.flatMap((p, b) => {
    const stairs = stairPositions(p.rect, p.units.length);
    return p.units.map((u, i) => ({
      buildingId: buildingIds[b] as number,
      ordinal: i + 1,
      name: u.name,
      stairX: stairs[i]?.x ?? p.rect.x0,
      stairY: stairs[i]?.y ?? p.rect.y0,
      householdsPerFloor: u.householdsPerFloor,
      hasOriginalElevator: u.hasOriginalElevator,
    }));
  });
  const unitIds = await insertIds(seeder, units, unitRows);
  let k = 0;
  const householdRows = plans.flatMap((p, b) =>
    p.units.flatMap((_, u) => {
      const unitId = unitIds[k++] as number;
      return (drafts[b]?.[u] ?? []).map((h) => ({ unitId, ...h }));
    }),
  );
  const householdIds = await insertIds(seeder, households, householdRows);

  let hi = 0;
  let ui = 0;
  const seeded: SeededBuilding[] = plans.map((p, b) => ({
    ...p,
    id: buildingIds[b] as number,
    units: p.units.map((u, i) => {
      const row = unitRows[ui++];
      if (!row) throw new Error('unit rows out of step');
      return {
        ...u,
        id: unitIds[ui - 1] as number,
        ordinal: row.ordinal,
        stairX: row.stairX,
        stairY: row.stairY,
        households: (drafts[b]?.[i] ?? []).map((h) => ({ ...h, id: householdIds[hi++] as number })),
      };
    }),
  }));
  return { id: communityId, info, buildings: seeded };
}
