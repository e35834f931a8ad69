// 荆胡智慧社区 (荆胡社区, 建中街街道): a village-to-residential (村改居) estate
// of 6-, 11- and 18-storey buildings, every one watched by a camera pole 5–6 m
// away carrying 1 surveillance and 6 throwing cameras, 11,786 sensors of 16
// classes in all, and 570 patrol points.
import { cameraPoles } from '../schema';
import type { Facade } from '../vocab';
import type { Clock } from './clock';
import {
  draftHouseholds,
  insertCommunity,
  type BuildingPlan,
  type CommunityInfo,
  type SeededBuilding,
  type SeededCommunity,
} from './community';
import { insertDevices, type SeededDevice } from './devices';
import { facadeEdge, layoutRows, type Rect, type Slab } from './geometry';
import { insertGrids, type Grids } from './grids';
import { insertIds, type Seeder } from './insert';
import { jinghuDeviceDrafts, type Pole } from './jinghu-devices';
import { seedPatrol } from './patrol';
import { round, Rng } from './prng';
import { DEMO_DISTRICT, DEMO_STREET } from './street';

export const JINGHU: CommunityInfo = {
  slug: 'jinghu',
  name: '荆胡智慧社区',
  nameEn: 'Jinghu Smart Community',
  neighbourhood: '荆胡社区',
  street: DEMO_STREET,
  district: DEMO_DISTRICT,
  // 470 m east of 财富星苑 along the street (db/seed/street.ts).
  anchorLng: 114.2761,
  anchorLat: 30.599,
  contactPhone: '027-8331 7406',
  contactAddress: '荆胡社区党群服务中心一楼',
  officeHours: '周一至周五 8:30–12:00，14:00–17:30',
};

type Kind = {
  floors: number;
  units: number;
  perFloor: number;
  unitWidth: number;
  depth: number;
  area: [number, number];
};

// Resettlement blocks: the villagers' first 6-storey walk-ups, then 11- and
// 18-storey towers with lifts.
const WALK_UP: Kind = { floors: 6, units: 3, perFloor: 2, unitWidth: 14, depth: 12, area: [68, 105] };
const MID_RISE: Kind = { floors: 11, units: 2, perFloor: 2, unitWidth: 20, depth: 12.5, area: [85, 120] };
const HIGH_RISE: Kind = { floors: 18, units: 2, perFloor: 3, unitWidth: 24, depth: 13, area: [75, 115] };

const KINDS: Kind[] = [
  ...Array<Kind>(8).fill(WALK_UP),
  ...Array<Kind>(10).fill(MID_RISE),
  ...Array<Kind>(10).fill(HIGH_RISE),
];
const ROW_SIZES = [4, 4, 4, 3, 3, 5, 5];

const MIX = { vacant: 6, elderlySingle: 8, elderlyCouple: 14, threeGenerations: 27, family: 35, singleYoung: 10 };

const POLE_DISTANCE_M: [number, number] = [5, 6];

function plan(rng: Rng): BuildingPlan[] {
  const slabs: Slab[] = KINDS.map((k) => ({ length: k.units * k.unitWidth, depth: k.depth, height: k.floors * 3 }));
  const rows: Slab[][] = [];
  let i = 0;
  for (const n of ROW_SIZES) {
    rows.push(slabs.slice(i, i + n));
    i += n;
  }
  const rects = layoutRows(rows, rng, { gapX: 18, minRowGap: 20 }).flat();
  return KINDS.map((k, b) => ({
    number: String(b + 1),
    name: `${b + 1}栋`,
    floors: k.floors,
    floorHeight: 3,
    rect: rects[b] as Rect,
    units: Array.from({ length: k.units }, (_, u) => ({
      name: `${u + 1}单元`,
      householdsPerFloor: k.perFloor,
      hasOriginalElevator: k.floors > 7,
    })),
  }));
}

/** The pole stands in the green belt off the middle of a long façade, 5–6 m out. */
async function insertPoles(seeder: Seeder, rng: Rng, buildings: SeededBuilding[]): Promise<Pole[]> {
  const poles = buildings.map((b) => {
    // Every fourth building is watched from its north side, where its windows face the path.
    const facade: Facade = Number(b.number) % 4 === 0 ? 'north' : 'south';
    const e = facadeEdge(b.rect, facade);
    const distanceM = round(rng.range(POLE_DISTANCE_M[0] + 0.05, POLE_DISTANCE_M[1] - 0.05), 2);
    const along = rng.range(0.4, 0.6);
    return {
      building: b,
      facade,
      x: round(e.ax + (e.bx - e.ax) * along + e.nx * distanceM, 2),
      y: round(e.ay + (e.by - e.ay) * along + e.ny * distanceM, 2),
      heightM: 6.5,
      distanceM,
    };
  });
  const ids = await insertIds(
    seeder,
    cameraPoles,
    poles.map((p) => ({
      buildingId: p.building.id,
      facade: p.facade,
      x: p.x,
      y: p.y,
      heightM: p.heightM,
      distanceM: p.distanceM,
    })),
  );
  return poles.map((p, i) => ({ ...p, id: ids[i] as number }));
}

export type JinghuSeed = { community: SeededCommunity; devices: SeededDevice[]; grids: Grids };

export async function seedJinghu(seeder: Seeder, clock: Clock): Promise<JinghuSeed> {
  const plans = plan(new Rng('jinghu/layout'));
  const rng = new Rng('jinghu/households');
  const drafts = plans.map((p, b) =>
    p.units.map((u) => draftHouseholds(rng, p.floors, u.householdsPerFloor, (KINDS[b] ?? WALK_UP).area, MIX, 0.15)),
  );
  const community = await insertCommunity(seeder, JINGHU, plans, drafts);
  const grids = await insertGrids(seeder, community, new Rng('jinghu/grids'), [
    { name: '荆胡第一网格', kind: 'combined', headRole: '网格员', buildings: range(1, 8) },
    { name: '荆胡第二网格', kind: 'combined', headRole: '网格员', buildings: range(9, 18) },
    { name: '荆胡第三网格', kind: 'combined', headRole: '网格员', buildings: range(19, 28) },
  ]);
  const poles = await insertPoles(seeder, new Rng('jinghu/poles'), community.buildings);
  const deviceDrafts = jinghuDeviceDrafts(new Rng('jinghu/placement'), community, poles);
  const devices = await insertDevices(seeder, clock, new Rng('jinghu/devices'), community.id, deviceDrafts);
  await seedPatrol(seeder, clock, new Rng('jinghu/patrol'), community);
  return { community, devices, grids };
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
