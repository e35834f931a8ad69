// 财富星苑 (保全社区, 建中街街道): eight 6–7 storey walk-ups, 296 households,
// 300-odd residents aged 60+, and the elevator retrofits the article follows —
// 11 signed, 3 in service, 1 in publicity, buildings 5 and 2 first, then five
// more units signed within 30 days.
import type { Clock } from './clock';
import {
  draftHouseholds,
  fitElderly,
  insertCommunity,
  type BuildingPlan,
  type CommunityInfo,
  type SeededCommunity,
  type SeededUnit,
} from './community';
import { Codes, insertDevices, type DeviceDraft, type SeededDevice } from './devices';
import { layoutRows, type Slab } from './geometry';
import { insertGrids, type Grids } from './grids';
import type { Seeder } from './insert';
import { Rng } from './prng';
import { DEMO_DISTRICT, DEMO_STREET } from './street';
import { insertRetrofitMeetings } from './retrofit-meetings';
import { insertRetrofit, SUBSIDY_FIXED, SUBSIDY_PERCENT, type CaseScript } from './retrofit';

export const CAIFU: CommunityInfo = {
  slug: 'caifu-xingyuan',
  name: '财富星苑',
  nameEn: 'Caifu Xingyuan',
  neighbourhood: '保全社区',
  street: DEMO_STREET,
  district: DEMO_DISTRICT,
  anchorLng: 114.2712,
  anchorLat: 30.5986,
  contactPhone: '027-8560 2135',
  contactAddress: '保全社区党群服务中心（财富星苑 3 栋旁）',
  officeHours: '周一至周五 8:30–12:00，14:00–17:30',
};

/** Units per building and floors; 3×6 + … sums to the article's 296 households at two per floor. */
const BUILDINGS: { units: number; floors: number; unitWidth: number }[] = [
  { units: 3, floors: 6, unitWidth: 14.5 },
  { units: 3, floors: 6, unitWidth: 14.5 },
  { units: 4, floors: 7, unitWidth: 14 },
  { units: 3, floors: 6, unitWidth: 14.5 },
  { units: 3, floors: 6, unitWidth: 14.5 },
  { units: 3, floors: 6, unitWidth: 15 },
  { units: 3, floors: 6, unitWidth: 14.5 },
  { units: 2, floors: 6, unitWidth: 20.5 },
];

const RESIDENTS_60_PLUS = 318; // "300余人"

const MIX = { vacant: 4, elderlySingle: 18, elderlyCouple: 30, threeGenerations: 15, family: 20, singleYoung: 13 };

type Story = { at: string; stage: CaseScript['stage']; daysAgo: number[]; stalledReason?: string };

// Days before today for each stage passed (intent, vote, signed, design,
// publicity, permit, construction, acceptance, in service). Publicity lasts
// 20 days before a permit; 5-1 and 2-2 enter service first (84 and 77 days
// ago); 7-2 … 4-1 sign within the 27 days after; 6-1 is in publicity now.
const STORIES: Story[] = [
  { at: '5-1', stage: 'in_service', daysAgo: [330, 275, 245, 228, 206, 182, 170, 94, 84] },
  { at: '2-2', stage: 'in_service', daysAgo: [325, 262, 232, 214, 194, 170, 158, 88, 77] },
  { at: '3-1', stage: 'in_service', daysAgo: [300, 210, 186, 168, 150, 125, 112, 41, 30] },
  { at: '5-2', stage: 'acceptance', daysAgo: [290, 178, 150, 132, 115, 90, 78, 6] },
  { at: '3-3', stage: 'construction', daysAgo: [280, 140, 118, 98, 76, 52, 40] },
  { at: '1-1', stage: 'construction', daysAgo: [270, 125, 101, 80, 53, 29, 18] },
  { at: '7-2', stage: 'construction', daysAgo: [200, 96, 74, 58, 38, 14, 4] },
  { at: '4-3', stage: 'permit', daysAgo: [190, 90, 70, 52, 33, 9] },
  { at: '6-1', stage: 'publicity', daysAgo: [180, 85, 62, 30, 5] },
  { at: '8-1', stage: 'design', daysAgo: [175, 80, 55, 20] },
  { at: '4-1', stage: 'signed', daysAgo: [170, 72, 47] },
  { at: '2-1', stage: 'stalled', daysAgo: [260, 200, 120], stalledReason: '一楼住户反对，待协调' },
  { at: '1-2', stage: 'vote', daysAgo: [150, 40] },
  { at: '2-3', stage: 'vote', daysAgo: [140, 33] },
  { at: '6-2', stage: 'vote', daysAgo: [120, 25] },
  { at: '7-1', stage: 'vote', daysAgo: [110, 18] },
  { at: '3-4', stage: 'vote', daysAgo: [100, 12] },
  { at: '4-2', stage: 'vote', daysAgo: [95, 6] },
  { at: '1-3', stage: 'intent', daysAgo: [88] },
  { at: '3-2', stage: 'intent', daysAgo: [70] },
  { at: '5-3', stage: 'intent', daysAgo: [64] },
  { at: '6-3', stage: 'intent', daysAgo: [50] },
  { at: '7-3', stage: 'intent', daysAgo: [35] },
  { at: '8-2', stage: 'intent', daysAgo: [22] },
];

// The first three were subsidised under the earlier fixed ¥100k rule.
const FIXED_SUBSIDY = new Set(['5-1', '2-2', '3-1']);

function plan(rng: Rng): BuildingPlan[] {
  const slabs: Slab[] = BUILDINGS.map((b) => ({ length: b.units * b.unitWidth, depth: 12, height: b.floors * 2.9 }));
  const rows = [0, 2, 4, 6].map((i) => slabs.slice(i, i + 2));
  const rects = layoutRows(rows, rng, { gapX: 16, minRowGap: 18 }).flat();
  return BUILDINGS.map((b, i) => ({
    number: String(i + 1),
    name: `${i + 1}号楼`,
    floors: b.floors,
    floorHeight: 2.9,
    rect: rects[i] as (typeof rects)[number],
    units: Array.from({ length: b.units }, (_, u) => ({
      name: `${u + 1}单元`,
      householdsPerFloor: 2,
      hasOriginalElevator: false,
    })),
  }));
}

export type CaifuSeed = {
  community: SeededCommunity;
  devices: SeededDevice[];
  grids: Grids;
  stages: CaseScript['stage'][];
};

export async function seedCaifu(seeder: Seeder, clock: Clock): Promise<CaifuSeed> {
  const plans = plan(new Rng('caifu/layout'));
  const rng = new Rng('caifu/households');
  const drafts = plans.map((p) =>
    p.units.map((u) => draftHouseholds(rng, p.floors, u.householdsPerFloor, [56, 96], MIX, 0.22)),
  );
  fitElderly(rng, drafts.flat(2), RESIDENTS_60_PLUS);
  const community = await insertCommunity(seeder, CAIFU, plans, drafts);

  const unitAt = (at: string): SeededUnit => {
    const [b, u] = at.split('-').map(Number);
    const unit = community.buildings[(b ?? 0) - 1]?.units[(u ?? 0) - 1];
    if (!unit) throw new Error(`财富星苑 has no unit ${at}`);
    return unit;
  };
  const scripts: CaseScript[] = STORIES.map((s) => ({
    unit: unitAt(s.at),
    stage: s.stage,
    daysAgo: s.daysAgo,
    stalledReason: s.stalledReason,
    subsidy: FIXED_SUBSIDY.has(s.at) ? SUBSIDY_FIXED : SUBSIDY_PERCENT,
  }));
  const caseIds = await insertRetrofit(seeder, clock, new Rng('caifu/retrofit'), scripts);
  await insertRetrofitMeetings(seeder, clock, new Rng('caifu/meetings'), community.id, scripts, caseIds);

  const grids = await insertGrids(seeder, community, new Rng('caifu/grids'), [
    { name: '党建微网格（1—4号楼）', kind: 'party', headRole: '楼栋长', buildings: ['1', '2', '3', '4'] },
    { name: '党建微网格（5—8号楼）', kind: 'party', headRole: '楼栋长', buildings: ['5', '6', '7', '8'] },
  ]);

  // Stairwell smoke alarms on every landing and a door controller per unit
  // came with the old-estate renovation; elevator devices only where an
  // elevator already runs.
  const codes = new Codes('CF');
  const inService = new Map(
    STORIES.filter((s) => s.stage === 'in_service').map((s) => [unitAt(s.at).id, s.daysAgo.at(-1) ?? 0]),
  );
  const drafts2: DeviceDraft[] = [];
  for (const b of community.buildings) {
    for (const u of b.units) {
      const place = { buildingId: b.id, unitId: u.id };
      drafts2.push({
        code: codes.take('access_control'),
        class: 'access_control',
        name: `${b.name}${u.name}门禁`,
        ...place,
        floor: 1,
        x: u.stairX,
        y: u.stairY,
        z: 0,
      });
      for (let f = 1; f <= b.floors; f++) {
        drafts2.push({
          code: codes.take('smoke_detector'),
          class: 'smoke_detector',
          name: `${b.name}${u.name}${f}层楼道烟感`,
          ...place,
          floor: f,
        });
      }
      const installedDaysAgo = inService.get(u.id);
      if (installedDaysAgo !== undefined) {
        const shaft = { x: u.stairX, y: u.stairY - 2.5, installedDaysAgo };
        drafts2.push({
          code: codes.take('elevator_controller'),
          class: 'elevator_controller',
          name: `${b.name}${u.name}加装电梯梯控`,
          ...place,
          ...shaft,
          z: 0,
          floors: b.floors,
        });
        drafts2.push({
          code: codes.take('elevator_ebike_camera'),
          class: 'elevator_ebike_camera',
          name: `${b.name}${u.name}电梯电动车识别`,
          ...place,
          ...shaft,
          z: 2.4,
        });
      }
    }
  }
  const devices = await insertDevices(seeder, clock, new Rng('caifu/devices'), community.id, drafts2);
  return { community, devices, grids, stages: STORIES.map((s) => s.stage) };
}
