// 星怡花园 (星怡社区, 建中街街道): walk-ups and 18-storey towers in two phases,
// 23 lobby cameras against e-bike parking in the towers, 7 garage plate
// readers, four merged grids (第一…第四综合网格), 273 residents aged 80+, and
// patrol rounds of the lobbies, garages and gates (db/seed/patrol.ts).
// Addresses read like 31幢1301室; phase-one towers name units by direction.
import type { Clock } from './clock';
import {
  draftHouseholds,
  fitOldest,
  insertCommunity,
  type BuildingPlan,
  type CommunityInfo,
  type SeededCommunity,
  type UnitPlan,
} from './community';
import { Codes, insertDevices, type DeviceDraft, type SeededDevice } from './devices';
import { layoutRows, openGround, siteBounds, type Rect, type Slab } from './geometry';
import { insertGrids, type Grids } from './grids';
import type { Seeder } from './insert';
import { chineseOrdinal } from './names';
import { seedXingyiPatrol } from './patrol';
import { round, Rng } from './prng';
import { DEMO_DISTRICT, DEMO_STREET } from './street';

export const XINGYI: CommunityInfo = {
  slug: 'xingyi-huayuan',
  name: '星怡花园',
  nameEn: 'Xingyi Garden',
  neighbourhood: '星怡社区',
  street: DEMO_STREET,
  district: DEMO_DISTRICT,
  // 330 m west and 450 m north of 财富星苑 (db/seed/street.ts).
  anchorLng: 114.2678,
  anchorLat: 30.6026,
  contactPhone: '027-8790 5521',
  contactAddress: '星怡花园 1 栋一楼社区服务站',
  officeHours: '周一至周五 8:30–12:00，14:00–17:30',
};

export const RESIDENTS_80_PLUS = 273;
export const LOBBY_CAMERA_PREFIX = 'XY-LOB-';
const GARAGE_PLATE_SYSTEMS = 7;

type Kind = {
  floors: number;
  units: string[];
  unitWidth: number;
  depth: number;
  floorHeight: number;
  area: [number, number];
};

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}单元`);
const WALK_UP: Kind = { floors: 6, units: numbered(3), unitWidth: 14, depth: 12, floorHeight: 2.9, area: [60, 98] };
const WALK_UP_WIDE: Kind = {
  floors: 6,
  units: numbered(2),
  unitWidth: 20,
  depth: 12,
  floorHeight: 2.9,
  area: [88, 120],
};
const TOWER_WEST_EAST: Kind = {
  floors: 18,
  units: ['西单元', '东单元'],
  unitWidth: 22,
  depth: 13,
  floorHeight: 3,
  area: [85, 120],
};
const TOWER: Kind = { floors: 18, units: numbered(2), unitWidth: 22, depth: 13, floorHeight: 3, area: [85, 120] };
const POINT_TOWER: Kind = { ...TOWER, units: numbered(1), unitWidth: 26 };

// Phase one is 1–20 (号楼), phase two 21–33 (幢): the names locals use.
function kindOf(n: number): Kind {
  if (n >= 11 && n <= 16) return TOWER_WEST_EAST;
  if (n <= 20) return WALK_UP;
  if (n <= 27) return WALK_UP_WIDE;
  return n === 33 ? POINT_TOWER : TOWER;
}

const NUMBERS = Array.from({ length: 33 }, (_, i) => i + 1);
const ROWS = [
  [1, 2, 3, 4, 5],
  [6, 7, 8, 9, 10],
  [11, 12, 13],
  [14, 15, 16],
  [17, 18, 19, 20],
  [21, 22, 23, 24],
  [25, 26, 27],
  [28, 29, 30],
  [31, 32, 33],
];

const MIX = { vacant: 5, elderlySingle: 12, elderlyCouple: 22, threeGenerations: 22, family: 28, singleYoung: 11 };

function plan(rng: Rng): BuildingPlan[] {
  const rows = ROWS.map((row) =>
    row.map((n): Slab => {
      const k = kindOf(n);
      return { length: k.units.length * k.unitWidth, depth: k.depth, height: k.floors * k.floorHeight };
    }),
  );
  const rects = new Map<number, Rect>();
  layoutRows(rows, rng, { gapX: 16, minRowGap: 18 }).forEach((row, r) =>
    row.forEach((rect, i) => rects.set(ROWS[r]?.[i] ?? 0, rect)),
  );
  return NUMBERS.map((n) => {
    const k = kindOf(n);
    const units: UnitPlan[] = k.units.map((name) => ({
      name,
      householdsPerFloor: 2,
      hasOriginalElevator: k.floors > 7,
    }));
    const rect = rects.get(n);
    if (!rect) throw new Error(`building ${n} not laid out`);
    return {
      number: String(n),
      name: n <= 20 ? `${n}号楼` : `${n}幢`,
      floors: k.floors,
      floorHeight: k.floorHeight,
      rect,
      units,
    };
  });
}

export type XingyiSeed = { community: SeededCommunity; devices: SeededDevice[]; grids: Grids; fireCameraCode: string };

export async function seedXingyi(seeder: Seeder, clock: Clock): Promise<XingyiSeed> {
  const plans = plan(new Rng('xingyi/layout'));
  const rng = new Rng('xingyi/households');
  const drafts = plans.map((p) =>
    p.units.map((u) => draftHouseholds(rng, p.floors, u.householdsPerFloor, kindOf(Number(p.number)).area, MIX, 0.2)),
  );
  fitOldest(rng, drafts.flat(2), RESIDENTS_80_PLUS);
  const community = await insertCommunity(seeder, XINGYI, plans, drafts);

  const gridRanges: [number, number][] = [
    [1, 8],
    [9, 16],
    [17, 24],
    [25, 33],
  ];
  const grids = await insertGrids(
    seeder,
    community,
    new Rng('xingyi/grids'),
    gridRanges.map(([from, to], i) => ({
      name: `第${chineseOrdinal(i + 1)}综合网格`,
      kind: 'combined',
      headRole: '网格员',
      buildings: NUMBERS.filter((n) => n >= from && n <= to).map(String),
    })),
  );

  const place = new Rng('xingyi/placement');
  const codes = new Codes('XY');
  const rects = community.buildings.map((b) => b.rect);
  const site = siteBounds(rects, 15);
  const out: DeviceDraft[] = [];
  const outdoors = (cls: DeviceDraft['class'], name: string, z: number, code = codes.take(cls)) => {
    const p = openGround(place, site, rects, 3);
    out.push({ code, class: cls, name, x: p.x, y: p.y, z });
  };

  let lobby = 0;
  for (const b of community.buildings) {
    for (const u of b.units) {
      const at = { buildingId: b.id, unitId: u.id };
      out.push({
        code: codes.take('access_control'),
        class: 'access_control',
        name: `${b.name}${u.name}门禁`,
        ...at,
        floor: 1,
        x: u.stairX,
        y: u.stairY,
        z: 0,
      });
      if (!u.hasOriginalElevator) continue;
      // The tower lobbies are where e-bikes were parked: one camera in each.
      lobby++;
      out.push({
        code: `${LOBBY_CAMERA_PREFIX}${String(lobby).padStart(3, '0')}`,
        class: 'surveillance_camera',
        name: `${b.name}${u.name}一楼大堂监控`,
        ...at,
        floor: 1,
        x: u.stairX,
        y: round(u.stairY + 3, 2),
        z: 2.6,
      });
      out.push({
        code: codes.take('elevator_controller'),
        class: 'elevator_controller',
        name: `${b.name}${u.name}电梯梯控`,
        ...at,
        x: u.stairX,
        y: round(u.stairY + 5, 2),
        floors: b.floors,
      });
      out.push({
        code: codes.take('fire_water_pressure'),
        class: 'fire_water_pressure',
        name: `${b.name}${u.name}消防立管末端压力`,
        ...at,
        floor: b.floors,
      });
    }
  }

  // The ground-level garage row south of 14号楼西单元, where the fire was.
  const b14 = community.buildings.find((b) => b.number === '14');
  const west = b14?.units.find((u) => u.name === '西单元');
  if (!b14 || !west) throw new Error('星怡花园 needs 14号楼西单元');
  const fireCameraCode = codes.take('surveillance_camera');
  const garageSouth = { x: west.stairX, y: round(west.stairY - 14, 1) };
  out.push({
    code: fireCameraCode,
    class: 'surveillance_camera',
    name: '14号楼西单元南侧车库监控',
    buildingId: b14.id,
    unitId: west.id,
    ...garageSouth,
    z: 3,
  });
  for (let i = 1; i <= 4; i++) {
    out.push({
      code: codes.take('smoke_detector'),
      class: 'smoke_detector',
      name: `14号楼南侧车库烟感${i}`,
      buildingId: b14.id,
      x: round(garageSouth.x - 9 + i * 3.6, 1),
      y: garageSouth.y,
      z: 2.6,
    });
  }

  for (let i = 1; i <= GARAGE_PLATE_SYSTEMS; i++)
    outdoors('garage_plate_recognition', `地下车库出入口车牌识别${i}`, -0.5, `XY-LPR-${String(i).padStart(2, '0')}`);
  for (let i = 1; i <= 36; i++) outdoors('surveillance_camera', `${i <= 20 ? '一期' : '二期'}室外高清监控${i}`, 4);
  for (let i = 1; i <= 60; i++) outdoors('smoke_detector', `地下车库烟感${i}`, -1.2);
  for (let i = 1; i <= 4; i++) outdoors('access_control', `小区大门门禁${i}`, 0);
  for (let i = 1; i <= 12; i++) outdoors('fire_water_pressure', `室外消火栓${i}`, 0.5);
  for (let i = 1; i <= 10; i++) outdoors('ebike_charging_shed', `电动车集中充电棚${i}`, 0);
  for (let i = 1; i <= 2; i++) outdoors('environment', `环境监测站${i}`, 3);

  const devices = await insertDevices(seeder, clock, new Rng('xingyi/devices'), community.id, out);
  await seedXingyiPatrol(seeder, clock, new Rng('xingyi/patrol'), community, devices);
  return { community, devices, grids, fireCameraCode };
}
