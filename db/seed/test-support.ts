// Helpers for seed.test.ts: small queries, and independent re-implementations
// of what the generator must satisfy (distances, Civil Code art. 278), so the
// test does not grade the generator with the generator's own code.
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Db } from '../client';
import type { Vote } from '../vocab';

export const rows = <T extends Record<string, unknown>>(db: Db, query: SQL) => selectRows<T>(db, query);
export async function one<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T> {
  const [row] = await selectRows<T>(db, query);
  if (!row) throw new Error('no row');
  return row;
}
export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
export const inCommunity = (slug: string) => sql`(select id from communities where slug = ${slug})`;

export type Pt = { x: number; y: number };
export function distanceToPolygon(p: Pt, poly: Pt[]): number {
  let best = Infinity;
  poly.forEach((a, i) => {
    const b = poly[(i + 1) % poly.length] as Pt;
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  });
  return best;
}

/** Civil Code art. 278, computed here independently of the generator. */
export function meets278(ballots: { vote: Vote; area: number }[]): boolean {
  const voting = ballots.filter((b) => b.vote !== 'not_voted');
  const agree = voting.filter((b) => b.vote === 'agree');
  const area = (l: typeof ballots) => l.reduce((s, b) => s + b.area, 0);
  return (
    area(voting) >= (2 / 3) * area(ballots) &&
    voting.length >= (2 / 3) * ballots.length &&
    area(agree) >= 0.75 * area(voting) &&
    agree.length >= 0.75 * voting.length
  );
}

const SEEDED_TABLES = [
  'communities',
  'buildings',
  'units',
  'households',
  'grids',
  'grid_buildings',
  'camera_poles',
  'devices',
  'incidents',
  'incident_floor_daily',
  'alarms',
  'patrol_points',
  'patrol_routes',
  'patrol_route_points',
  'patrol_plans',
  'patrol_checkins',
  'work_orders',
  'retrofit_cases',
  'retrofit_stage_changes',
  'retrofit_votes',
  'retrofit_objections',
  'retrofit_meetings',
];

export async function digests(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of SEEDED_TABLES) {
    const r = await one<{ n: number; h: string }>(
      db,
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.raw(table)} t`,
    );
    out[table] = `${r.n}:${r.h}`;
  }
  return out;
}
