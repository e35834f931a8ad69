// Work orders over the last 90 days. Like alarms, each order gets a whole
// timeline (accepted → done → return visit → closed) and stands wherever that
// timeline is at the seed's clock; only recent orders are still open.
import { workOrders } from '../schema';
import type { WorkOrderSource, WorkOrderState } from '../vocab';
import { addMinutes, type Clock } from './clock';
import type { SeededCommunity } from './community';
import type { Grids } from './grids';
import { insertAll, type Seeder } from './insert';
import type { Rng } from './prng';

export type Category = {
  name: string;
  slaHours: number;
  /** Raised from inside a flat: the place is the flat, the reporter its owner. */
  inFlat?: boolean;
  /** Sensor alarms can open it. */
  sensor?: boolean;
  texts: string[];
};

export type WorkOrderProfile = {
  prefix: string;
  count: number;
  sources: Record<WorkOrderSource, number>;
  categories: Category[];
  /** 星怡's 12345 orders: every one resolved and rated satisfied ("双100%"). */
  hotlineAllSatisfied?: boolean;
};

export const COMMON = {
  ebikeParking: {
    name: '电动车违停',
    slaHours: 24,
    texts: ['楼道内停放电动车堵塞通道', '大堂内有电动车充电', '消防通道停放电动车'],
  },
  noise: { name: '噪音', slaHours: 48, inFlat: true, texts: ['楼上夜间噪音扰民', '商铺音响声音过大', '装修超时施工'] },
  leak: {
    name: '漏水',
    slaHours: 24,
    inFlat: true,
    sensor: true,
    texts: ['卫生间顶板渗水', '厨房水管漏水', '楼上漏水至本户'],
  },
  streetLight: { name: '路灯', slaHours: 72, texts: ['小区道路路灯不亮', '楼道感应灯损坏', '景观灯常亮不灭'] },
  garbage: { name: '垃圾清运', slaHours: 24, texts: ['垃圾桶满溢未清运', '建筑垃圾堆放', '大件垃圾未及时清理'] },
  smoke: { name: '烟感报警处置', slaHours: 4, sensor: true, texts: ['烟感报警，现场核查', '烟感频繁误报，需检修'] },
  manhole: { name: '井盖异常', slaHours: 8, sensor: true, texts: ['井盖倾斜报警', '井盖松动有异响'] },
} satisfies Record<string, Category>;

const STATE_PATH: WorkOrderState[] = ['accepted', 'done', 'return_visit', 'closed'];

function satisfaction(rng: Rng, allSatisfied: boolean): number {
  if (allSatisfied) return rng.chance(0.85) ? 5 : 4;
  return Number(rng.weighted({ '5': 60, '4': 25, '3': 9, '2': 4, '1': 2 }));
}

export async function seedWorkOrders(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  community: SeededCommunity,
  grids: Grids,
  staff: string[],
  profile: WorkOrderProfile,
): Promise<void> {
  const rows: (typeof workOrders.$inferInsert)[] = [];
  const buildings = community.buildings;
  for (let i = 0; i < profile.count; i++) {
    const source = rng.weighted(profile.sources);
    const eligible = profile.categories.filter((c) => (source === 'sensor_alarm' ? c.sensor : !c.sensor || c.inFlat));
    const category = rng.pick(eligible.length > 0 ? eligible : profile.categories);
    const b = rng.pick(buildings);
    const u = rng.pick(b.units);
    const h = rng.pick(u.households);
    const neighbour = rng.pick(rng.pick(rng.pick(buildings).units).households);
    const reporter =
      source === 'sensor_alarm'
        ? null
        : source === 'grid'
          ? { name: rng.pick(staff), phone: null }
          : category.inFlat
            ? { name: h.ownerName, phone: h.ownerPhone }
            : { name: neighbour.ownerName, phone: neighbour.ownerPhone };
    const openedAt = clock.at(rng.int(1, clock.historyDays), rng.int(7, 21), rng.int(0, 59), rng.int(0, 59));
    const dueAt = addMinutes(openedAt, category.slaHours * 60);
    // Most are taken within two hours; some wait for the next shift.
    const acceptedAt = addMinutes(openedAt, rng.chance(0.8) ? rng.range(5, 120) : rng.range(120, 900));
    // About one in sixteen runs past its due time.
    const late = rng.chance(0.06);
    const doneAt = addMinutes(
      acceptedAt,
      late ? category.slaHours * 60 * rng.range(1.05, 1.6) : rng.range(30, category.slaHours * 60 * 0.8),
    );
    const visitAt = addMinutes(doneAt, rng.range(120, 2880));
    const closedAt = addMinutes(visitAt, rng.range(10, 1440));
    const times = [acceptedAt, doneAt, visitAt, closedAt];
    // The last few days' orders are often still waiting on someone.
    const cap = clock.ageDays(openedAt) < 4 && rng.chance(0.35) ? rng.int(0, 3) : 4;
    const reached = Math.min(cap, times.filter((t) => t < clock.now).length);
    let state: WorkOrderState = reached === 0 ? 'pending' : (STATE_PATH[reached - 1] ?? 'pending');
    // A recent order may have been passed to another department or sent back.
    const sideTrack =
      clock.ageDays(openedAt) < 7 && (state === 'accepted' || state === 'pending')
        ? rng.weighted({ none: 80, transferred: 13, returned: 7 })
        : 'none';
    if (sideTrack !== 'none') state = sideTrack;
    const finished = state === 'done' || state === 'return_visit' || state === 'closed';
    const satisfied = source === 'hotline_12345' && profile.hotlineAllSatisfied === true;
    rows.push({
      communityId: community.id,
      gridId: grids.byBuilding.get(b.id) ?? null,
      code: '',
      source,
      category: category.name,
      buildingId: b.id,
      unitId: category.inFlat ? u.id : null,
      place: category.inFlat ? `${b.name}${h.room}室` : `${b.name}${u.name}附近`,
      description: rng.pick(category.texts),
      reporterName: reporter?.name ?? null,
      reporterPhone: reporter?.phone ?? null,
      state,
      openedAt,
      dueAt,
      doneAt: finished ? doneAt : null,
      closedAt: state === 'closed' ? closedAt : null,
      resolved: state === 'closed' ? (satisfied || rng.chance(0.94) ? 'yes' : 'no') : null,
      satisfaction: state === 'closed' ? satisfaction(rng, satisfied) : null,
      createdAt: openedAt,
      updatedAt: state === 'closed' ? closedAt : finished ? doneAt : openedAt,
    });
  }
  rows.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  rows.forEach((r, i) => {
    r.code = `${profile.prefix}-WO-${clock.dateCode(r.openedAt)}-${String(i + 1).padStart(4, '0')}`;
  });
  await insertAll(seeder, workOrders, rows);
}
