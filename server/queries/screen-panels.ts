// The big screen's panel aggregates (一屏统管). The screen polls these once a
// minute for days, so every figure is a grouped count over an indexed range,
// never a row list. Each query groups by community, so one round of nine
// queries serves one community or a district of fifty alike; the panels of
// a set of communities are then summed in memory from those rows (rates from
// summed numerators and denominators, never averaged).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { ALARM_SEVERITIES, RETROFIT_STAGES_ALL } from '~/db/vocab';
import { DEVICE_GROUP_ORDER, deviceGroupOf, type DeviceGroup } from '../domain/device-groups';
import { LOCAL_ZONE } from './local-zone';

const ACTIVE_ALARM = sql`('open', 'acknowledged', 'in_progress')`;
// Floor bands as the throwing cameras watch them (one camera per band of floors).
const BANDS = ['1-6', '7-12', '13-18', '19+'] as const;
const BAND = sql`case when f <= 6 then '1-6' when f <= 12 then '7-12' when f <= 18 then '13-18' else '19+' end`;

/** Devices of a class or group by status; `total` counts every status. */
export type DeviceCounts = {
  total: number;
  online: number;
  alarm: number;
  fault: number;
  offline: number;
  maintenance: number;
};
const COUNT_FIELDS = ['total', 'online', 'alarm', 'fault', 'offline', 'maintenance'] as const;

export type ScreenPanels = {
  devicesByClass: Array<{ class: string; total: number; online: number }>;
  /** The groups leadership asks about (电梯, 监控, 门禁, 消防, then the rest: server/domain/device-groups.ts); groups with no device left out. */
  deviceHealth: Array<DeviceCounts & { group: DeviceGroup }>;
  alarmsBySeverity: Array<{ severity: string; count: number }>;
  throwing: {
    thisMonth: number;
    lastMonth: number;
    byBand: Array<{ band: string; thisMonth: number; lastMonth: number }>;
  };
  ebikeBlocks: { thisMonth: number; lastMonth: number };
  patrol: { due7d: number; checkins7d: number; completion: number | null };
  workOrders: {
    total: number;
    completionRate: number | null;
    resolutionRate: number | null;
    satisfactionRate: number | null;
    hotline12345: number;
  };
  retrofit: Array<{ stage: string; count: number }>;
  /** Buildings with their worst open alarm, for the map and the camera tour. */
  buildings: Array<{ id: number; number: string; name: string; worst: string | null }>;
};

type Cid = { cid: number };
type Orders = {
  total: number;
  completed: number;
  answered: number;
  resolved: number;
  rated: number;
  satisfied: number;
  hotline: number;
};
/** Every panel's rows, one or more per community. */
type PanelRows = {
  devices: Array<Cid & DeviceCounts & { class: string }>;
  alarms: Array<Cid & { severity: string; count: number }>;
  bands: Array<Cid & { band: string; thisMonth: number; lastMonth: number }>;
  ebike: Array<Cid & { thisMonth: number; lastMonth: number }>;
  due: Array<Cid & { due: number }>;
  checkins: Array<Cid & { checkins: number }>;
  orders: Array<Cid & Orders>;
  retrofit: Array<Cid & { stage: string; count: number }>;
  buildings: Array<Cid & ScreenPanels['buildings'][number]>;
};

const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/** The nine grouped queries, for any number of communities. */
async function panelRows(db: Db, communityIds: number[]): Promise<PanelRows> {
  const ids = sql.join(
    (communityIds.length ? communityIds : [-1]).map((id) => sql`${id}`),
    sql`, `,
  );
  // Months in China time, as the community counts them.
  const month = sql`date_trunc('month', now() at time zone ${LOCAL_ZONE})`;
  const [devices, alarms, bands, ebike, due, checkins, orders, retrofit, buildings] = await Promise.all([
    selectRows<PanelRows['devices'][number]>(
      db,
      sql`
      select community_id as cid, class, count(*)::int as total,
        count(*) filter (where status = 'online')::int as online, count(*) filter (where status = 'alarm')::int as alarm,
        count(*) filter (where status = 'fault')::int as fault, count(*) filter (where status = 'offline')::int as offline,
        count(*) filter (where status = 'maintenance')::int as maintenance
      from devices where community_id in (${ids}) group by community_id, class`,
    ),
    selectRows<PanelRows['alarms'][number]>(
      db,
      sql`
      select community_id as cid, severity, count(*)::int as count from alarms
      where community_id in (${ids}) and state in ${ACTIVE_ALARM} group by community_id, severity`,
    ),
    selectRows<PanelRows['bands'][number]>(
      db,
      sql`
      select cid, ${BAND} as band,
        count(*) filter (where m = 0)::int as "thisMonth", count(*) filter (where m = 1)::int as "lastMonth"
      from (select community_id as cid, coalesce(floor, floor_band_from, 1) as f,
              case when (occurred_at at time zone ${LOCAL_ZONE}) >= ${month} then 0 else 1 end as m
            from incidents where community_id in (${ids}) and kind = 'throwing'
              and (occurred_at at time zone ${LOCAL_ZONE}) >= ${month} - interval '1 month') x
      group by 1, 2`,
    ),
    selectRows<PanelRows['ebike'][number]>(
      db,
      sql`
      select community_id as cid,
             count(*) filter (where (occurred_at at time zone ${LOCAL_ZONE}) >= ${month})::int as "thisMonth",
             count(*) filter (where (occurred_at at time zone ${LOCAL_ZONE}) < ${month})::int as "lastMonth"
      from incidents where community_id in (${ids}) and kind = 'ebike_elevator'
        and (occurred_at at time zone ${LOCAL_ZONE}) >= ${month} - interval '1 month'
      group by community_id`,
    ),
    // Due over the last 7 days: a daily plan's route points every day, a weekly plan's on each of its weekdays.
    selectRows<PanelRows['due'][number]>(
      db,
      sql`
      select r.community_id as cid,
             coalesce(sum((select count(*) from patrol_route_points rp where rp.route_id = pl.route_id)
                 * case when pl.frequency = 'weekly' then greatest(cardinality(pl.weekdays), 1) else 7 end), 0)::int as due
      from patrol_plans pl join patrol_routes r on r.id = pl.route_id where r.community_id in (${ids})
      group by r.community_id`,
    ),
    selectRows<PanelRows['checkins'][number]>(
      db,
      sql`
      select p.community_id as cid, count(*)::int as checkins
      from patrol_checkins c join patrol_points p on p.id = c.point_id
      where p.community_id in (${ids}) and c.at > now() - interval '7 days'
      group by p.community_id`,
    ),
    selectRows<PanelRows['orders'][number]>(
      db,
      sql`
      select community_id as cid, count(*)::int as total,
        count(*) filter (where state in ('done','return_visit','closed'))::int as completed,
        count(resolved)::int as answered, count(*) filter (where resolved = 'yes')::int as resolved,
        count(satisfaction)::int as rated, count(*) filter (where satisfaction >= 4)::int as satisfied,
        count(*) filter (where source = 'hotline_12345')::int as hotline
      from work_orders where community_id in (${ids}) group by community_id`,
    ),
    selectRows<PanelRows['retrofit'][number]>(
      db,
      sql`
      select b.community_id as cid, r.stage, count(*)::int as count from retrofit_cases r
        join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
      where b.community_id in (${ids}) group by b.community_id, r.stage`,
    ),
    selectRows<PanelRows['buildings'][number]>(
      db,
      sql`
      select b.community_id as cid, b.id, b.number, b.name,
        (select a.severity from alarms a join devices d on d.id = a.device_id
          where d.building_id = b.id and a.state in ${ACTIVE_ALARM}
          order by array_position(array['critical','major','minor','warning'], a.severity) limit 1) as worst
      from buildings b where b.community_id in (${ids}) order by b.id`,
    ),
  ]);
  return { devices, alarms, bands, ebike, due, checkins, orders, retrofit, buildings };
}

/** Sums `rows` by `key`, adding up the numeric fields named in `fields`. */
function sumBy<R extends Record<string, unknown>, F extends keyof R & string>(
  rows: R[],
  key: (r: R) => string,
  fields: readonly F[],
): Map<string, Pick<R, F>> {
  const out = new Map<string, Pick<R, F>>();
  for (const r of rows) {
    const k = key(r);
    const acc = out.get(k) ?? (Object.fromEntries(fields.map((f) => [f, 0])) as Pick<R, F>);
    for (const f of fields)
      (acc as Record<string, number>)[f] = ((acc as Record<string, number>)[f] ?? 0) + (r[f] as number);
    out.set(k, acc);
  }
  return out;
}

/** The panels of the communities in `include` (all rows when null). */
function assemble(all: PanelRows, include: (cid: number) => boolean): ScreenPanels {
  const pick = <R extends Cid>(rows: R[]) => rows.filter((r) => include(r.cid));
  const devicesByClass = [...sumBy(pick(all.devices), (r) => r.class, ['total', 'online'] as const)]
    .map(([cls, v]) => ({ class: cls, total: v.total, online: v.online }))
    // Largest classes first; ties by name, so the order is stable.
    .sort((a, b) => b.total - a.total || (a.class < b.class ? -1 : a.class > b.class ? 1 : 0));
  const groups = sumBy(pick(all.devices), (r) => deviceGroupOf(r.class), COUNT_FIELDS);
  const deviceHealth = DEVICE_GROUP_ORDER.flatMap((group) => {
    const v = groups.get(group);
    return v && v.total > 0 ? [{ group, ...v }] : [];
  });
  const alarmsBySeverity = [...sumBy(pick(all.alarms), (r) => r.severity, ['count'] as const)]
    .map(([severity, v]) => ({ severity, count: v.count }))
    .sort((a, b) => ALARM_SEVERITIES.indexOf(a.severity as never) - ALARM_SEVERITIES.indexOf(b.severity as never));
  const byBand = [...sumBy(pick(all.bands), (r) => r.band, ['thisMonth', 'lastMonth'] as const)]
    .map(([band, v]) => ({ band, thisMonth: v.thisMonth, lastMonth: v.lastMonth }))
    .sort((a, b) => BANDS.indexOf(a.band as never) - BANDS.indexOf(b.band as never));
  const ebike = sumBy(pick(all.ebike), () => '', ['thisMonth', 'lastMonth'] as const).get('') ?? {
    thisMonth: 0,
    lastMonth: 0,
  };
  const due = pick(all.due).reduce((s, r) => s + r.due, 0);
  const checkins = pick(all.checkins).reduce((s, r) => s + r.checkins, 0);
  const w = sumBy(pick(all.orders), () => '', [
    'total',
    'completed',
    'answered',
    'resolved',
    'rated',
    'satisfied',
    'hotline',
  ] as const).get('') ?? {
    total: 0,
    completed: 0,
    answered: 0,
    resolved: 0,
    rated: 0,
    satisfied: 0,
    hotline: 0,
  };
  const retrofit = [...sumBy(pick(all.retrofit), (r) => r.stage, ['count'] as const)]
    .map(([stage, v]) => ({ stage, count: v.count }))
    .sort((a, b) => RETROFIT_STAGES_ALL.indexOf(a.stage as never) - RETROFIT_STAGES_ALL.indexOf(b.stage as never));
  return {
    devicesByClass,
    deviceHealth,
    alarmsBySeverity,
    throwing: {
      thisMonth: byBand.reduce((s, b) => s + b.thisMonth, 0),
      lastMonth: byBand.reduce((s, b) => s + b.lastMonth, 0),
      byBand,
    },
    ebikeBlocks: { thisMonth: ebike.thisMonth, lastMonth: ebike.lastMonth },
    patrol: { due7d: due, checkins7d: checkins, completion: due === 0 ? null : Math.min(1, checkins / due) },
    workOrders: {
      total: w.total,
      hotline12345: w.hotline,
      completionRate: rate(w.completed, w.total),
      resolutionRate: rate(w.resolved, w.answered),
      satisfactionRate: rate(w.satisfied, w.rated),
    },
    retrofit,
    buildings: pick(all.buildings).map(({ id, number, name, worst }) => ({ id, number, name, worst })),
  };
}

/** The panels of these communities taken together (one community's screen, or a district's totals). */
export async function screenPanels(db: Db, communityIds: number[]): Promise<ScreenPanels> {
  return assemble(await panelRows(db, communityIds), () => true);
}

/** The district's totals and each community's own panels, from the same nine queries. */
export async function districtPanels(
  db: Db,
  communityIds: number[],
): Promise<{ total: ScreenPanels; byCommunity: Map<number, ScreenPanels> }> {
  const rows = await panelRows(db, communityIds);
  const set = new Set(communityIds);
  return {
    total: assemble(rows, (cid) => set.has(cid)),
    byCommunity: new Map(communityIds.map((id) => [id, assemble(rows, (cid) => cid === id)])),
  };
}
