// Throwing incidents by building × floor over a period (docs/ARCHITECTURE.md § Targets:
// p95 ≤ 20 ms over 1,000,000 incidents). The answer comes from the two
// rollups that migration 0001's triggers keep in step with incidents:
// incident_floor_monthly for the period's whole months and
// incident_floor_daily for its partial edge months. Summing the daily rollup
// alone reads one row per building × floor × day — ~200k rows over a year for
// a 30-building community — and missed the target (p95 20–32 ms on
// PostgreSQL, 45–65 ms on PGlite); with months a period reads ~12 months of
// rows plus at most half a month of days at each edge, wherever it starts
// (`npm run bench` measures both engines against the target). The plain
// GROUP BY over incidents is kept beside it as the bench baseline and the
// test oracle, because both must give the same rows.
//
// Relative imports on purpose: `npm run bench` runs this file under tsx,
// which does not resolve the `~/` alias.
import { and, asc, between, eq, gte, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { incidentFloorDaily, incidentFloorMonthly, incidents } from '../../db/schema';
import { LOCAL_ZONE } from './local-zone';

export type IncidentFloorCountsQuery = {
  communityId: number;
  /** First local day (Asia/Shanghai), 'YYYY-MM-DD', inclusive. */
  from: string;
  /** Last local day (Asia/Shanghai), 'YYYY-MM-DD', inclusive. */
  to: string;
  buildingId?: number;
};

/** Floor 0 counts incidents whose floor is known only by band. */
export type IncidentFloorCount = { buildingId: number; floor: number; count: number };

/** Local days 'YYYY-MM-DD', both inclusive. */
export type DayRange = { from: string; to: string };

/**
 * How a period splits: `months` are the first days of the whole months read
 * from the monthly rollup (a contiguous run, or none); `plus` are days added
 * from the daily rollup, `minus` days inside those months taken away again.
 */
export type PeriodPlan = { months: DayRange | null; plus: DayRange[]; minus: DayRange[] };

const DAY_MS = 86_400_000;
const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function parseDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Date.parse takes '2026-02-30' as 2 March; PostgreSQL would reject it.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms) || formatDay(ms) !== day) {
    throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  }
  return ms;
}

/**
 * Splits [from, to] (local days, inclusive) by calendar month. A whole month
 * is read from the monthly rollup. A partial (edge) month reads whichever is
 * fewer days: its days inside the period (`plus`), or the whole month less
 * the days outside it (`minus`) — so each edge costs at most half a month of
 * daily rows and a year costs ~12 months + ~30 days of rows wherever it
 * starts. Pure: no database, no time zone (the days are already local).
 */
export function planPeriod(from: string, to: string): PeriodPlan {
  const plan: PeriodPlan = { months: null, plus: [], minus: [] };
  const start = parseDay(from);
  const end = parseDay(to);
  if (start > end) return plan;
  const whole: number[] = [];
  const first = new Date(start);
  let monthStart = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  while (monthStart <= end) {
    const d = new Date(monthStart);
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const monthEnd = nextMonth - DAY_MS;
    const inFrom = Math.max(start, monthStart);
    const inTo = Math.min(end, monthEnd);
    const inside = (inTo - inFrom) / DAY_MS + 1;
    const length = (monthEnd - monthStart) / DAY_MS + 1;
    if (inside === length) {
      whole.push(monthStart);
    } else if (inside <= length - inside) {
      plan.plus.push({ from: formatDay(inFrom), to: formatDay(inTo) });
    } else {
      whole.push(monthStart);
      if (inFrom > monthStart) plan.minus.push({ from: formatDay(monthStart), to: formatDay(inFrom - DAY_MS) });
      if (inTo < monthEnd) plan.minus.push({ from: formatDay(inTo + DAY_MS), to: formatDay(monthEnd) });
    }
    monthStart = nextMonth;
  }
  // Only the two edge months can be left out, so the whole months are contiguous.
  const firstWhole = whole[0];
  const lastWhole = whole[whole.length - 1];
  if (firstWhole !== undefined && lastWhole !== undefined) {
    plan.months = { from: formatDay(firstWhole), to: formatDay(lastWhole) };
  }
  return plan;
}

/**
 * Counts from the rollups, as planned by planPeriod: one UNION ALL of at most
 * three index range reads — (community_id, month) on the monthly rollup,
 * (community_id, day) on the daily one for the days added and for the days
 * taken away — summed per building × floor.
 */
export async function incidentFloorCounts(db: Db, q: IncidentFloorCountsQuery): Promise<IncidentFloorCount[]> {
  const plan = planPeriod(q.from, q.to);
  const m = incidentFloorMonthly;
  const d = incidentFloorDaily;
  // The same selection from either rollup (a UNION needs one shape), the
  // count signed: days taken away count against their month.
  const cells = (table: typeof m | typeof d, sign: '+' | '-', where: SQL | undefined) =>
    db
      .select({
        buildingId: sql<number>`${table.buildingId}`.as('building_id'),
        floor: sql<number>`${table.floor}`.as('floor'),
        n: (sign === '-' ? sql<number>`-${table.count}` : sql<number>`${table.count}`).as('n'),
      })
      .from(table)
      .where(
        and(
          eq(table.communityId, q.communityId),
          where,
          q.buildingId === undefined ? undefined : eq(table.buildingId, q.buildingId),
        ),
      );
  // `month` and `day` are date columns, so string bounds compare as dates.
  const days = (ranges: DayRange[]) => or(...ranges.map((r) => between(d.day, r.from, r.to)));
  const parts = [];
  if (plan.months) parts.push(cells(m, '+', between(m.month, plan.months.from, plan.months.to)));
  if (plan.plus.length > 0) parts.push(cells(d, '+', days(plan.plus)));
  if (plan.minus.length > 0) parts.push(cells(d, '-', days(plan.minus)));
  const [head, second, ...rest] = parts;
  if (!head) return [];
  const t = (second ? unionAll(head, second, ...rest) : head).as('t');
  return (
    db
      .select({
        buildingId: sql<number>`${t.buildingId}`.mapWith(Number),
        floor: sql<number>`${t.floor}`.mapWith(Number),
        // sum(integer) is bigint, which postgres.js hands back as a string; a
        // community's counts stay far below 2^31.
        count: sql<number>`sum(${t.n})::int`.mapWith(Number),
      })
      .from(t)
      .groupBy(t.buildingId, t.floor)
      // A cell whose month total equals its days outside the period nets to
      // 0; the GROUP BY over incidents has no such row, so neither may this.
      .having(sql`sum(${t.n}) > 0`)
      .orderBy(asc(t.buildingId), asc(t.floor))
  );
}

/**
 * The same counts by a GROUP BY over incidents: 80–240 ms at a million rows,
 * so only for the bench and tests. The local days become an instant range
 * [from 00:00, to + 1 day 00:00) in Asia/Shanghai — the zone migration 0001
 * buckets days and months in — so the (community_id, kind, occurred_at)
 * index applies.
 */
export async function incidentFloorCountsDirect(db: Db, q: IncidentFloorCountsQuery): Promise<IncidentFloorCount[]> {
  const i = incidents;
  const floor = sql<number>`coalesce(${i.floor}, 0)`.mapWith(Number);
  return db
    .select({
      buildingId: sql<number>`${i.buildingId}`.mapWith(Number),
      floor,
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(i)
    .where(
      and(
        eq(i.communityId, q.communityId),
        eq(i.kind, 'throwing'),
        // The rollups skip incidents with no building; so must the oracle.
        isNotNull(i.buildingId),
        gte(i.occurredAt, sql`(${q.from}::date)::timestamp at time zone ${LOCAL_ZONE}`),
        lt(i.occurredAt, sql`(${q.to}::date + 1)::timestamp at time zone ${LOCAL_ZONE}`),
        q.buildingId === undefined ? undefined : eq(i.buildingId, q.buildingId),
      ),
    )
    .groupBy(i.buildingId, floor)
    .orderBy(asc(i.buildingId), asc(floor));
}
