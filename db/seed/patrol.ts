// Patrol points, routes walked on daily, weekly and every-other-day plans, and
// 90 days of check-ins with the odd late or missed point: 荆胡's 570 points
// (智慧巡更点) on four routes, and 星怡花园's tower lobbies, garages, charging
// sheds and gates, with a night round across midnight.
import { patrolCheckins, patrolPlans, patrolPoints, patrolRoutePoints, patrolRoutes } from '../schema';
import type { PatrolFrequency } from '../vocab';
import { addMinutes, type Clock } from './clock';
import type { SeededCommunity } from './community';
import { siteBounds } from './geometry';
import { insertAll, insertIds, type Seeder } from './insert';
import type { SeededDevice } from './devices';
import { garageRect } from './jinghu-devices';
import { crew } from './names';
import { round, type Rng } from './prng';

export const JINGHU_PATROL_POINTS = 570;

type Zone = 'east' | 'west' | 'perimeter' | 'garage' | 'lobby' | 'shed' | 'gate';
type Point = { code: string; name: string; buildingId: number | null; x: number; y: number; z: number; zone: Zone };

function placePoints(rng: Rng, community: SeededCommunity): Point[] {
  const points: Omit<Point, 'code'>[] = [];
  const zone = (x: number): Point['zone'] => (x >= 0 ? 'east' : 'west');
  for (const b of community.buildings) {
    const r = b.rect;
    const corners: [string, number, number][] = [
      ['西南角', r.x0 - 3, r.y0 - 3],
      ['东南角', r.x1 + 3, r.y0 - 3],
      ['东北角', r.x1 + 3, r.y1 + 3],
      ['西北角', r.x0 - 3, r.y1 + 3],
    ];
    for (const [name, x, y] of corners)
      points.push({ name: `${b.name}${name}`, buildingId: b.id, x, y, z: 0, zone: zone(x) });
    for (const u of b.units)
      points.push({
        name: `${b.name}${u.name}入口`,
        buildingId: b.id,
        x: u.stairX,
        y: u.stairY - 2,
        z: 0,
        zone: zone(u.stairX),
      });
  }
  const garage = garageRect(community.buildings);
  for (let i = 1; i <= 40; i++) {
    points.push({
      name: `地库巡更点${i}`,
      buildingId: null,
      x: round(rng.range(garage.x0, garage.x1), 1),
      y: round(rng.range(garage.y0, garage.y1), 1),
      z: -4,
      zone: 'garage',
    });
  }
  // Internal roads run east–west between rows of buildings.
  const site = siteBounds(
    community.buildings.map((b) => b.rect),
    15,
  );
  const roads: number[] = [];
  for (const b of community.buildings) {
    const north = community.buildings.filter((o) => o.rect.y0 > b.rect.y1 + 5).map((o) => o.rect.y0);
    if (north.length > 0) roads.push(round((b.rect.y1 + Math.min(...north)) / 2, 1));
  }
  const roadYs = [...new Set(roads)].sort((a, b) => a - b).filter((y, i, all) => i === 0 || y - (all[i - 1] ?? 0) > 6);
  const left = JINGHU_PATROL_POINTS - points.length;
  const perimeterCount = Math.round(left * 0.4);
  const roadCount = left - perimeterCount;
  const perimeter = 2 * (site.x1 - site.x0 + site.y1 - site.y0);
  for (let i = 0; i < perimeterCount; i++) {
    let d = (perimeter * i) / perimeterCount;
    const w = site.x1 - site.x0;
    const h = site.y1 - site.y0;
    let x: number;
    let y: number;
    if (d < w) [x, y] = [site.x0 + d, site.y0];
    else if ((d -= w) < h) [x, y] = [site.x1, site.y0 + d];
    else if ((d -= h) < w) [x, y] = [site.x1 - d, site.y1];
    else [x, y] = [site.x0, site.y1 - (d - w)];
    points.push({
      name: `周界巡更点${i + 1}`,
      buildingId: null,
      x: round(x, 1),
      y: round(y, 1),
      z: 0,
      zone: 'perimeter',
    });
  }
  for (let i = 0; i < roadCount; i++) {
    const y = roadYs[i % roadYs.length] ?? site.y0;
    const slot = Math.floor(i / roadYs.length);
    const perRoad = Math.ceil(roadCount / roadYs.length);
    const x = site.x0 + ((slot + 0.5) * (site.x1 - site.x0)) / perRoad;
    points.push({ name: `道路巡更点${i + 1}`, buildingId: null, x: round(x, 1), y, z: 0, zone: zone(x) });
  }
  return points.map((p, i) => ({ ...p, code: `JH-PP-${String(i + 1).padStart(4, '0')}` }));
}

/** Orders points into a walk: nearest neighbour from the first. */
function walk<P extends Point>(points: P[]): P[] {
  const rest = points.slice(1);
  const first = points[0];
  if (!first) return [];
  const order = [first];
  while (rest.length > 0) {
    const last = order[order.length - 1] as P;
    let best = 0;
    for (let i = 1; i < rest.length; i++) {
      const a = rest[i] as P;
      const b = rest[best] as P;
      if (Math.hypot(a.x - last.x, a.y - last.y) < Math.hypot(b.x - last.x, b.y - last.y)) best = i;
    }
    order.push(...rest.splice(best, 1));
  }
  return order;
}

type PlanSpec = {
  frequency: PatrolFrequency;
  weekdays: number[];
  startTime: string;
  shift?: string;
  /** Every-other-day plans: the first run, this many days before today. */
  anchorDaysAgo?: number;
};
type RouteSpec = { name: string; zones: Zone[]; size: number; plans: PlanSpec[] };

const ROUTES: RouteSpec[] = [
  {
    name: '东区日间巡逻',
    zones: ['east'],
    size: 14,
    plans: [{ frequency: 'daily', weekdays: [], startTime: '09:00' }],
  },
  {
    name: '西区日间巡逻',
    zones: ['west'],
    size: 14,
    plans: [{ frequency: 'daily', weekdays: [], startTime: '14:30' }],
  },
  {
    name: '夜间周界巡更',
    zones: ['perimeter'],
    size: 16,
    plans: [{ frequency: 'daily', weekdays: [], startTime: '22:00' }],
  },
  {
    name: '地库消防巡查',
    zones: ['garage'],
    size: 12,
    plans: [{ frequency: 'weekly', weekdays: [1, 4], startTime: '10:00' }],
  },
];

const WALK_M_PER_MIN = 70;

export async function seedPatrol(seeder: Seeder, clock: Clock, rng: Rng, community: SeededCommunity): Promise<void> {
  const drafts = placePoints(rng, community);
  if (drafts.length !== JINGHU_PATROL_POINTS) throw new Error(`placed ${drafts.length} patrol points`);
  await seedRoutes(seeder, clock, rng, community.id, drafts, ROUTES);
}

/**
 * Inserts the points, then each route's stops (a random pick from its zones,
 * walked nearest-first), its plans and their check-ins over the history.
 */
async function seedRoutes(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  communityId: number,
  drafts: Point[],
  specs: RouteSpec[],
): Promise<void> {
  const ids = await insertIds(
    seeder,
    patrolPoints,
    drafts.map(({ zone: _zone, ...p }) => ({ communityId, ...p })),
  );
  const points = drafts.map((p, i) => ({ ...p, id: ids[i] as number }));

  const routeIds = await insertIds(
    seeder,
    patrolRoutes,
    specs.map((r) => ({ communityId, name: r.name })),
  );
  const routeStops = specs.map((r) => {
    const pool = rng.shuffle(points.filter((p) => r.zones.includes(p.zone))).slice(0, r.size);
    let minutes = 0;
    return walk(pool).map((p, seq, all) => {
      const prev = all[seq - 1];
      // Walking time plus a minute at each point; never two points due at once.
      minutes +=
        seq === 0
          ? 2
          : Math.max(1, Math.round((prev ? Math.hypot(p.x - prev.x, p.y - prev.y) : 0) / WALK_M_PER_MIN) + 1);
      return { point: p, seq: seq + 1, dueMinutes: minutes, windowMinutes: 15 };
    });
  });
  await insertAll(
    seeder,
    patrolRoutePoints,
    routeStops.flatMap((stops, r) =>
      stops.map((s) => ({
        routeId: routeIds[r] as number,
        seq: s.seq,
        pointId: s.point.id,
        dueMinutes: s.dueMinutes,
        windowMinutes: s.windowMinutes,
      })),
    ),
  );

  const planSpecs = specs.flatMap((r, i) => r.plans.map((p) => ({ ...p, route: i })));
  const planIds = await insertIds(
    seeder,
    patrolPlans,
    planSpecs.map((p) => ({
      routeId: routeIds[p.route] as number,
      frequency: p.frequency,
      weekdays: p.weekdays,
      startTime: p.startTime,
      ...(p.shift ? { shift: p.shift } : {}),
      ...(p.anchorDaysAgo !== undefined ? { anchorDate: clock.date(p.anchorDaysAgo) } : {}),
    })),
  );

  const guards = crew(rng, 6);
  const checkins: (typeof patrolCheckins.$inferInsert)[] = [];
  planSpecs.forEach((plan, p) => {
    const [hh, mm] = plan.startTime.split(':').map(Number);
    for (let daysAgo = clock.historyDays; daysAgo >= 1; daysAgo--) {
      const start = clock.at(daysAgo, hh ?? 0, mm ?? 0);
      // ISO weekday in China time: shift to UTC+8 before reading the day.
      const weekday = ((new Date(start.getTime() + 8 * 3_600_000).getUTCDay() + 6) % 7) + 1;
      if (plan.frequency === 'weekly' && !plan.weekdays.includes(weekday)) continue;
      if (
        plan.frequency === 'every_other_day' &&
        (plan.anchorDaysAgo === undefined || daysAgo > plan.anchorDaysAgo || (plan.anchorDaysAgo - daysAgo) % 2 !== 0)
      )
        continue;
      if (rng.chance(0.01)) continue; // a round that never happened
      const patroller = guards[(daysAgo + p) % guards.length] as string;
      let delay = rng.chance(0.08) ? rng.int(5, 40) : 0;
      for (const stop of routeStops[plan.route] ?? []) {
        if (rng.chance(0.025)) continue; // a point skipped
        if (rng.chance(0.02)) delay += rng.int(16, 30); // held up: late from here on
        const at = addMinutes(start, stop.dueMinutes + delay + rng.normal(0, 3, -8, 8));
        if (at >= clock.now) continue;
        checkins.push({
          pointId: stop.point.id,
          planId: planIds[p] as number,
          at,
          method: rng.weighted({ nfc: 80, qr: 12, gps: 6, manual: 2 }),
          patroller,
        });
      }
    }
  });
  await insertAll(seeder, patrolCheckins, checkins);
}

export const XINGYI_PATROL_PREFIX = 'XY-PP-';

/**
 * 星怡花园: after the garage e-bike fire, rounds of the tower lobbies (where
 * e-bikes were parked) by day and evening, a garage and charging-shed round
 * every other day plus a night round from 23:40 across midnight (the fire
 * broke out at 03:12), and the gates and fence twice a week.
 */
const XINGYI_ROUTES: RouteSpec[] = [
  {
    name: '高层大堂电动车巡查',
    zones: ['lobby'],
    size: 12,
    plans: [
      { frequency: 'daily', weekdays: [], startTime: '09:30', shift: '日班' },
      { frequency: 'daily', weekdays: [], startTime: '20:00', shift: '夜班' },
    ],
  },
  {
    name: '车库与充电棚消防巡查',
    zones: ['garage', 'shed'],
    size: 10,
    plans: [
      { frequency: 'every_other_day', weekdays: [], startTime: '10:30', shift: '日班', anchorDaysAgo: 90 },
      { frequency: 'daily', weekdays: [], startTime: '23:40', shift: '夜班' },
    ],
  },
  {
    name: '大门与周界巡更',
    zones: ['gate', 'perimeter'],
    size: 14,
    plans: [{ frequency: 'weekly', weekdays: [2, 5], startTime: '14:00', shift: '日班' }],
  },
];

export async function seedXingyiPatrol(
  seeder: Seeder,
  clock: Clock,
  rng: Rng,
  community: SeededCommunity,
  devices: SeededDevice[],
): Promise<void> {
  const points: Omit<Point, 'code'>[] = [];
  for (const b of community.buildings) {
    for (const u of b.units) {
      if (u.hasOriginalElevator)
        points.push({
          name: `${b.name}${u.name}一楼大堂`,
          buildingId: b.id,
          x: u.stairX,
          y: round(u.stairY + 3, 1),
          z: 0,
          zone: 'lobby',
        });
    }
  }
  const at = (d: SeededDevice) => ({ x: round(d.x ?? 0, 1), y: round(d.y ?? 0, 1) });
  for (const d of devices) {
    if (d.name.startsWith('14号楼南侧车库烟感'))
      points.push({
        name: d.name.replace('烟感', '巡更点'),
        buildingId: d.buildingId ?? null,
        ...at(d),
        z: 0,
        zone: 'garage',
      });
    else if (d.class === 'ebike_charging_shed')
      points.push({ name: d.name, buildingId: null, ...at(d), z: 0, zone: 'shed' });
    else if (d.class === 'access_control' && d.name.startsWith('小区大门'))
      points.push({ name: d.name.replace('门禁', '岗亭'), buildingId: null, ...at(d), z: 0, zone: 'gate' });
  }
  const site = siteBounds(
    community.buildings.map((b) => b.rect),
    15,
  );
  const [cx, cy] = [(site.x0 + site.x1) / 2, (site.y0 + site.y1) / 2];
  const fence: Array<[string, number, number]> = [
    ['西南角围墙', site.x0, site.y0],
    ['南侧围墙中段', cx, site.y0],
    ['东南角围墙', site.x1, site.y0],
    ['东侧围墙中段', site.x1, cy],
    ['东北角围墙', site.x1, site.y1],
    ['北侧围墙中段', cx, site.y1],
    ['西北角围墙', site.x0, site.y1],
    ['西侧围墙中段', site.x0, cy],
  ];
  for (const [name, x, y] of fence)
    points.push({ name, buildingId: null, x: round(x, 1), y: round(y, 1), z: 0, zone: 'perimeter' });
  const drafts = points.map((p, i) => ({ ...p, code: `${XINGYI_PATROL_PREFIX}${String(i + 1).padStart(4, '0')}` }));
  await seedRoutes(seeder, clock, rng, community.id, drafts, XINGYI_ROUTES);
}
