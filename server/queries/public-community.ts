// Aggregates for the residents' community page (docs/DOMAIN.md § Privacy), built for it
// alone: every query selects counts, never a row about a person, so nothing
// personal can leak however the page is changed. Households, work-order
// reporters and evidence are read only inside count(*).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { DEVICE_CLASSES, type DeviceClass, type RetrofitStage } from '~/db/vocab';
import { localDateTime, localMonth, startOfLocalMonth } from '~/lib/calendar';
import { bandOf, floorBands } from '../domain/floor-bands';
import { MIN_GROUP_HOUSEHOLDS, publicTotal, suppressSmall } from '../domain/privacy';
import type { Community } from './communities';
import { LOCAL_ZONE } from './local-zone';

export type ElevatorState = 'running' | 'stopped';

/** The community's public figures: counts of buildings, units, households (suppressed when small), elevators and devices. */
/**
 * The residents' committee's contact as the community recorded it (onboarding, § Community):
 * the office's own phone, address and hours, public by nature, never a person's.
 */
export function committeeContact(c: Pick<Community, 'contactPhone' | 'contactAddress' | 'officeHours'>) {
  return { phone: c.contactPhone ?? null, address: c.contactAddress ?? null, hours: c.officeHours ?? null };
}

export async function publicCommunity(db: Db, c: Community) {
  const [totals] = await selectRows<{
    buildings: number;
    units: number;
    households: number;
    retrofitCases: number;
    elevatorsInService: number;
    originalElevators: number;
  }>(
    db,
    sql`select
          (select count(*)::int from buildings b where b.community_id = ${c.id}) as buildings,
          (select count(*)::int from units u join buildings b on b.id = u.building_id where b.community_id = ${c.id}) as units,
          (select count(*)::int from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id where b.community_id = ${c.id}) as households,
          (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
             where b.community_id = ${c.id}) as "retrofitCases",
          (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
             where b.community_id = ${c.id} and r.stage = 'in_service') as "elevatorsInService",
          (select count(*)::int from units u join buildings b on b.id = u.building_id
             where b.community_id = ${c.id} and u.has_original_elevator) as "originalElevators"`,
  );
  const byClass = await selectRows<{ class: DeviceClass; total: number; online: number }>(
    db,
    sql`select class, count(*)::int as total, count(*) filter (where status = 'online')::int as online
        from devices where community_id = ${c.id} group by class`,
  );
  byClass.sort((a, b) => DEVICE_CLASSES.indexOf(a.class) - DEVICE_CLASSES.indexOf(b.class));
  return {
    community: {
      slug: c.slug,
      name: c.name,
      nameEn: c.nameEn,
      neighbourhood: c.neighbourhood,
      street: c.street,
      district: c.district,
      contact: committeeContact(c),
    },
    buildings: totals?.buildings ?? 0,
    units: totals?.units ?? 0,
    households: suppressSmall(totals?.households ?? 0),
    retrofitCases: totals?.retrofitCases ?? 0,
    elevatorsInService: totals?.elevatorsInService ?? 0,
    originalElevators: totals?.originalElevators ?? 0,
    devices: {
      total: byClass.reduce((n, r) => n + r.total, 0),
      online: byClass.reduce((n, r) => n + r.online, 0),
      byClass,
    },
  };
}

/** Stage of every unit, building by building, and whether its elevator runs. */
export async function publicRetrofit(db: Db, communityId: number) {
  const rows = await selectRows<{
    number: string;
    name: string;
    floors: number;
    ordinal: number;
    unitName: string;
    stage: RetrofitStage | null;
    original: boolean;
    running: number;
    lifts: number;
  }>(
    db,
    sql`select b.number, b.name, b.floors, u.ordinal, u.name as "unitName", r.stage, u.has_original_elevator as original,
          count(d.id) filter (where d.status = 'online')::int as running, count(d.id)::int as lifts
        from units u join buildings b on b.id = u.building_id
        left join retrofit_cases r on r.unit_id = u.id
        left join devices d on d.unit_id = u.id and d.class = 'elevator_controller'
        where b.community_id = ${communityId}
        group by b.id, b.number, b.name, b.floors, u.ordinal, u.name, r.stage, u.has_original_elevator
        order by b.id, u.ordinal`,
  );
  const buildings: {
    number: string;
    name: string;
    floors: number;
    units: {
      ordinal: number;
      name: string;
      stage: RetrofitStage | null;
      originalElevator: boolean;
      elevator: ElevatorState | null;
    }[];
  }[] = [];
  const byStage: Partial<Record<RetrofitStage, number>> = {};
  for (const r of rows) {
    let b = buildings.at(-1);
    if (!b || b.number !== r.number)
      buildings.push((b = { number: r.number, name: r.name, floors: r.floors, units: [] }));
    b.units.push({
      ordinal: r.ordinal,
      name: r.unitName,
      stage: r.stage,
      originalElevator: r.original,
      elevator: r.lifts === 0 ? null : r.running > 0 ? 'running' : 'stopped',
    });
    if (r.stage) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
  }
  return { byStage, buildings };
}

/** Fire-safety device classes residents are told about, in this order. */
export const FIRE_SAFETY_CLASSES = [
  'smoke_detector',
  'fire_water_pressure',
  'combustible_gas',
] as const satisfies readonly DeviceClass[];

/** Elevators running or stopped, and fire-safety devices healthy by class, as shares. */
export async function publicFacilities(db: Db, communityId: number) {
  const rows = await selectRows<{ class: DeviceClass; total: number; healthy: number }>(
    db,
    sql`select class, count(*)::int as total, count(*) filter (where status = 'online')::int as healthy
        from devices where community_id = ${communityId}
          and class in ('elevator_controller', 'smoke_detector', 'fire_water_pressure', 'combustible_gas')
        group by class`,
  );
  const of = (c: DeviceClass) => rows.find((r) => r.class === c) ?? { total: 0, healthy: 0 };
  const share = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);
  const lifts = of('elevator_controller');
  return {
    elevators: {
      total: lifts.total,
      running: lifts.healthy,
      stopped: lifts.total - lifts.healthy,
      runningPct: share(lifts.healthy, lifts.total),
    },
    fireSafety: FIRE_SAFETY_CLASSES.map((c) => ({
      class: c,
      total: of(c).total,
      healthyPct: share(of(c).healthy, of(c).total),
    })),
  };
}

/** First days of the `n` local months ending with `today`'s, oldest first, as 'YYYY-MM'. */
export function lastMonths(today: string, n: number): string[] {
  const noon = localDateTime(today, '12:00');
  return Array.from({ length: n }, (_, k) => localMonth(startOfLocalMonth(noon, n - 1 - k)));
}

/**
 * Throwing incidents per building × floor band × month (from the monthly
 * rollup, never the incidents), e-bike blocks per month, and the last twelve
 * months against the twelve before. Floor 0 in the rollup (floor known only
 * by the camera's band) is shown as "floor not determined".
 *
 * `recordsFrom` is the first month the community has any incident on record.
 * When the records begin after the twelve months before started, that total
 * is null, not 0: "0 last year" would read as a fall that nobody measured.
 */
export async function publicSafety(db: Db, communityId: number, today: string) {
  const months = lastMonths(today, 24);
  const recent = months.slice(12);
  const since = `${months[0]}-01`;
  const [homes, throwing, ebike, [first]] = await Promise.all([
    selectRows<{ buildingId: number; number: string; name: string; floors: number; floor: number; n: number }>(
      db,
      sql`select b.id as "buildingId", b.number, b.name, b.floors, h.floor, count(*)::int as n
          from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
          where b.community_id = ${communityId} group by b.id, b.number, b.name, b.floors, h.floor order by b.id, h.floor`,
    ),
    selectRows<{ buildingId: number; floor: number; month: string; n: number }>(
      db,
      sql`select building_id as "buildingId", floor, to_char(month, 'YYYY-MM') as month, sum(count)::int as n
          from incident_floor_monthly where community_id = ${communityId} and month >= ${since}::date
          group by building_id, floor, month`,
    ),
    selectRows<{ month: string; n: number }>(
      db,
      sql`select to_char(occurred_at at time zone ${LOCAL_ZONE}, 'YYYY-MM') as month, count(*)::int as n
          from incidents where community_id = ${communityId} and kind = 'ebike_elevator'
            and occurred_at >= (${since}::date::timestamp at time zone ${LOCAL_ZONE})
          group by 1`,
    ),
    selectRows<{ month: string | null }>(
      db,
      sql`select to_char(min(occurred_at) at time zone ${LOCAL_ZONE}, 'YYYY-MM') as month from incidents where community_id = ${communityId}`,
    ),
  ]);
  const recordsFrom = first?.month ?? null;
  const coversPrevious = recordsFrom !== null && recordsFrom <= months[0]!;
  type Band = { from: number; to: number };
  const perBuilding = new Map<number, { number: string; name: string; bands: Band[] }>();
  const floorsOf = new Map<number, Map<number, number>>();
  for (const h of homes) {
    if (!floorsOf.has(h.buildingId)) floorsOf.set(h.buildingId, new Map());
    floorsOf.get(h.buildingId)!.set(h.floor, h.n);
  }
  for (const h of homes) {
    if (perBuilding.has(h.buildingId)) continue;
    const onFloor = floorsOf.get(h.buildingId)!;
    const bands = floorBands(h.floors, (f) => onFloor.get(f) ?? 0).map(({ from, to }) => ({ from, to }));
    perBuilding.set(h.buildingId, { number: h.number, name: h.name, bands });
  }
  // The finest cells, building × floor band × month: every published throwing
  // figure is a total of these (publicTotal), so no month or year lets a reader
  // work out a "<3" cell by differencing. A building with no households on
  // record has no band table, but its cells still count.
  const cells = new Map<string, { buildingId: number; band: Band | null; month: string; n: number }>();
  for (const r of throwing) {
    if (!recent.includes(r.month)) continue;
    const bands = perBuilding.get(r.buildingId)?.bands ?? [];
    const band = r.floor === 0 ? null : (bandOf(bands, r.floor) ?? null);
    const key = `${r.buildingId}:${band?.from ?? 0}:${r.month}`;
    const cell = cells.get(key) ?? { buildingId: r.buildingId, band, month: r.month, n: 0 };
    cell.n += r.n;
    cells.set(key, cell);
  }
  const throwingCells = [...cells.values()];
  const olderThrowing = throwing.filter((r) => !recent.includes(r.month)).reduce((n, r) => n + r.n, 0);
  const ebikeByMonth = new Map(ebike.map((r) => [r.month, r.n]));
  const ebikeCells = recent.map((month) => ({ month, n: ebikeByMonth.get(month) ?? 0 }));
  const olderEbike = ebike.filter((r) => !recent.includes(r.month)).reduce((n, r) => n + r.n, 0);
  const series = (cells: { month: string; n: number }[]) =>
    recent.map((month) => ({ month, count: publicTotal(cells.filter((c) => c.month === month).map((c) => c.n)) }));
  const trend = (cells: { n: number }[], older: number) => ({
    last12: publicTotal(cells.map((c) => c.n)),
    // The year before is published as one figure, none of its parts: small or exact.
    previous12: coversPrevious ? suppressSmall(older) : null,
  });
  return {
    months: recent,
    recordsFrom,
    minHouseholdsPerBand: MIN_GROUP_HOUSEHOLDS,
    throwing: {
      byMonth: series(throwingCells),
      trend: trend(throwingCells, olderThrowing),
      buildings: [...perBuilding].flatMap(([id, b]) => {
        const own = throwingCells.filter((c) => c.buildingId === id);
        if (own.length === 0) return [];
        const cells = own.map((c) => ({ band: c.band, month: c.month, count: suppressSmall(c.n) }));
        return [{ number: b.number, name: b.name, bands: b.bands, cells }];
      }),
    },
    ebike: { byMonth: series(ebikeCells), trend: trend(ebikeCells, olderEbike) },
  };
}

/**
 * Work orders over the whole community: completion (办结率), resolution
 * (解决率) and satisfaction (满意率), as in workOrder.rates. A rate over fewer
 * than MIN_GROUP_HOUSEHOLDS answers is withheld: one or two replies would
 * tell who was unhappy.
 */
export async function publicService(db: Db, communityId: number) {
  const [r] = await selectRows<{
    total: number;
    completed: number;
    answered: number;
    resolved: number;
    rated: number;
    satisfied: number;
  }>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where state in ('done','return_visit','closed'))::int as completed,
          count(resolved)::int as answered, count(*) filter (where resolved = 'yes')::int as resolved,
          count(satisfaction)::int as rated, count(*) filter (where satisfaction >= 4)::int as satisfied
        from work_orders where community_id = ${communityId}`,
  );
  const rate = (n: number, d: number) => (d < MIN_GROUP_HOUSEHOLDS ? null : Math.round((1000 * n) / d) / 10);
  const t = r ?? { total: 0, completed: 0, answered: 0, resolved: 0, rated: 0, satisfied: 0 };
  return {
    workOrders: suppressSmall(t.total),
    completionPct: rate(t.completed, t.total),
    resolutionPct: rate(t.resolved, t.answered),
    satisfactionPct: rate(t.satisfied, t.rated),
  };
}
