// The big screen's panel aggregates (一屏统管), one round of queries per
// community: the screen polls this once a minute for days, so every figure is
// a grouped count over an indexed range, never a row list.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';

const ACTIVE_ALARM = sql`('open', 'acknowledged', 'in_progress')`;
// Floor bands as the throwing cameras watch them (one camera per band of floors).
const BAND = sql`case when f <= 6 then '1-6' when f <= 12 then '7-12' when f <= 18 then '13-18' else '19+' end`;

export type ScreenPanels = {
  devicesByClass: Array<{ class: string; total: number; online: number }>;
  alarmsBySeverity: Array<{ severity: string; count: number }>;
  throwing: { thisMonth: number; lastMonth: number; byBand: Array<{ band: string; thisMonth: number; lastMonth: number }> };
  ebikeBlocks: { thisMonth: number; lastMonth: number };
  patrol: { due7d: number; checkins7d: number; completion: number | null };
  workOrders: { total: number; completionRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; hotline12345: number };
  retrofit: Array<{ stage: string; count: number }>;
  /** Buildings with their worst open alarm, for the map and the camera tour. */
  buildings: Array<{ id: number; number: string; name: string; worst: string | null }>;
};

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

export async function screenPanels(db: Db, communityIds: number[]): Promise<ScreenPanels> {
  const ids = sql.join(communityIds.map((id) => sql`${id}`), sql`, `);
  // Months in China time, as the community counts them.
  const month = sql`date_trunc('month', now() at time zone 'Asia/Shanghai')`;
  const [devicesByClass, alarmsBySeverity, bands, ebike, patrol, orders, retrofit, buildings] = await Promise.all([
    selectRows<{ class: string; total: number; online: number }>(db, sql`
      select class, count(*)::int as total, count(*) filter (where status = 'online')::int as online
      from devices where community_id in (${ids}) group by class order by total desc`),
    selectRows<{ severity: string; count: number }>(db, sql`
      select severity, count(*)::int as count from alarms
      where community_id in (${ids}) and state in ${ACTIVE_ALARM} group by severity`),
    selectRows<{ band: string; thisMonth: number; lastMonth: number }>(db, sql`
      select ${BAND} as band,
        count(*) filter (where m = 0)::int as "thisMonth", count(*) filter (where m = 1)::int as "lastMonth"
      from (select coalesce(floor, floor_band_from, 1) as f,
              case when (occurred_at at time zone 'Asia/Shanghai') >= ${month} then 0 else 1 end as m
            from incidents where community_id in (${ids}) and kind = 'throwing'
              and (occurred_at at time zone 'Asia/Shanghai') >= ${month} - interval '1 month') x
      group by 1 order by min(f)`),
    selectRows<{ thisMonth: number; lastMonth: number }>(db, sql`
      select count(*) filter (where (occurred_at at time zone 'Asia/Shanghai') >= ${month})::int as "thisMonth",
             count(*) filter (where (occurred_at at time zone 'Asia/Shanghai') < ${month})::int as "lastMonth"
      from incidents where community_id in (${ids}) and kind = 'ebike_elevator'
        and (occurred_at at time zone 'Asia/Shanghai') >= ${month} - interval '1 month'`),
    // Due over the last 7 days: a daily plan's route points every day, a weekly plan's on each of its weekdays.
    selectRows<{ due: number; checkins: number }>(db, sql`
      select coalesce(sum((select count(*) from patrol_route_points rp where rp.route_id = pl.route_id)
                 * case when pl.frequency = 'weekly' then greatest(cardinality(pl.weekdays), 1) else 7 end), 0)::int as due,
             (select count(*)::int from patrol_checkins c join patrol_points p on p.id = c.point_id
               where p.community_id in (${ids}) and c.at > now() - interval '7 days') as checkins
      from patrol_plans pl join patrol_routes r on r.id = pl.route_id where r.community_id in (${ids})`),
    selectRows<{ total: number; completed: number; answered: number; resolved: number; rated: number; satisfied: number; hotline: number }>(db, sql`
      select count(*)::int as total,
        count(*) filter (where state in ('done','return_visit','closed'))::int as completed,
        count(resolved)::int as answered, count(*) filter (where resolved = 'yes')::int as resolved,
        count(satisfaction)::int as rated, count(*) filter (where satisfaction >= 4)::int as satisfied,
        count(*) filter (where source = 'hotline_12345')::int as hotline
      from work_orders where community_id in (${ids})`),
    selectRows<{ stage: string; count: number }>(db, sql`
      select r.stage, count(*)::int as count from retrofit_cases r
        join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
      where b.community_id in (${ids}) group by r.stage`),
    selectRows<{ id: number; number: string; name: string; worst: string | null }>(db, sql`
      select b.id, b.number, b.name,
        (select a.severity from alarms a join devices d on d.id = a.device_id
          where d.building_id = b.id and a.state in ${ACTIVE_ALARM}
          order by array_position(array['critical','major','minor','warning'], a.severity) limit 1) as worst
      from buildings b where b.community_id in (${ids}) order by b.id`),
  ]);
  const thisMonth = bands.reduce((s, b) => s + b.thisMonth, 0);
  const lastMonth = bands.reduce((s, b) => s + b.lastMonth, 0);
  const p = patrol[0] ?? { due: 0, checkins: 0 };
  const w = orders[0] ?? { total: 0, completed: 0, answered: 0, resolved: 0, rated: 0, satisfied: 0, hotline: 0 };
  return {
    devicesByClass,
    alarmsBySeverity,
    throwing: { thisMonth, lastMonth, byBand: bands },
    ebikeBlocks: ebike[0] ?? { thisMonth: 0, lastMonth: 0 },
    patrol: { due7d: p.due, checkins7d: p.checkins, completion: p.due === 0 ? null : Math.min(1, p.checkins / p.due) },
    workOrders: {
      total: w.total, hotline12345: w.hotline,
      completionRate: rate(w.completed, w.total), resolutionRate: rate(w.resolved, w.answered), satisfactionRate: rate(w.satisfied, w.rated),
    },
    retrofit,
    buildings,
  };
}
