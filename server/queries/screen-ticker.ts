// The big screen's ticker (一屏统管): the newest open alarms and incidents of a
// set of communities, each with where it happened — community, building and
// the device's class — so a line reads "荆胡智慧社区 · 3栋 · 烟感 · 烟感报警"
// in either language (app/(screen)/_components/ticker-line.ts). Nothing
// personal (docs/DOMAIN.md § Privacy): no device's free-text name (an in-home
// detector's name says the floor and room), no floor, window, room or person.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { communities } from '~/db/schema';
import { INCIDENT_KINDS, type AlarmKind, type AlarmSeverity, type IncidentKind } from '~/db/vocab';
import type { Reach } from '../domain/access';
import { inReach } from './access';

/** Lines the ticker may show: more than its strip holds, so a line that closes leaves one to take its place. */
export const TICKER_LIMIT = 8;

export type TickerPlace = {
  community: { name: string; nameEn: string };
  building: { name: string; number: string } | null;
  /** The device's class (`screen.class.<class>`), or null when the event names none. */
  deviceClass: string | null;
};

export type TickerRow = TickerPlace & {
  /** "a<alarm id>" or "i<incident id>": stable across refetches. */
  key: string;
  at: string;
  /** An incident with no open alarm of its own has no severity. */
  severity: AlarmSeverity | null;
  event: { type: 'alarm'; kind: AlarmKind } | { type: 'incident'; kind: IncidentKind };
};

type Raw = {
  id: number;
  at: Date | string;
  severity?: AlarmSeverity;
  kind: string;
  incident_id?: number | null;
  community: string;
  community_en: string;
  building: string | null;
  building_number: string | null;
  device_class: string | null;
};

const place = (r: Raw): TickerPlace => ({
  community: { name: r.community, nameEn: r.community_en },
  building: r.building === null ? null : { name: r.building, number: r.building_number ?? '' },
  deviceClass: r.device_class,
});

/**
 * The newest `limit` open alarms and incidents of these communities, newest first. Each community's
 * newest rows are read through its own index range (a lateral per community, and per incident kind),
 * so the cost does not grow with the length of the history.
 */
export async function tickerRows(db: Db, communityIds: number[], limit = TICKER_LIMIT): Promise<TickerRow[]> {
  if (communityIds.length === 0) return [];
  const ids = sql.join(
    communityIds.map((id) => sql`(${id}::int)`),
    sql`, `,
  );
  const kinds = sql.join(
    INCIDENT_KINDS.map((k) => sql`(${k})`),
    sql`, `,
  );
  const [alarms, incidents] = await Promise.all([
    selectRows<Raw>(
      db,
      sql`
      select a.id, a.opened_at as at, a.severity, a.kind, a.incident_id,
        c.name as community, c.name_en as community_en, b.name as building, b.number as building_number,
        coalesce(d.class, idev.class) as device_class
      from (values ${ids}) as cs(cid)
      cross join lateral (
        select * from alarms x where x.community_id = cs.cid and x.state in ('open', 'acknowledged', 'in_progress')
        order by x.opened_at desc, x.id desc limit ${limit}) a
      join communities c on c.id = a.community_id
      left join devices d on d.id = a.device_id
      left join incidents i on i.id = a.incident_id
      left join devices idev on idev.id = i.device_id
      left join buildings b on b.id = coalesce(d.building_id, i.building_id)`,
    ),
    selectRows<Raw>(
      db,
      sql`
      select i.id, i.occurred_at as at, i.kind,
        c.name as community, c.name_en as community_en, b.name as building, b.number as building_number,
        d.class as device_class
      from (values ${ids}) as cs(cid) cross join (values ${kinds}) as ks(kind)
      cross join lateral (
        select * from incidents x where x.community_id = cs.cid and x.kind = ks.kind
        order by x.occurred_at desc, x.id desc limit ${limit}) i
      join communities c on c.id = i.community_id
      left join devices d on d.id = i.device_id
      left join buildings b on b.id = coalesce(i.building_id, d.building_id)`,
    ),
  ]);
  // An incident whose open alarm is listed is said once, by the alarm.
  const alarmed = new Set(alarms.map((a) => a.incident_id).filter((id) => id != null));
  const rows: TickerRow[] = [
    ...alarms.map((a) => ({
      key: `a${a.id}`,
      at: new Date(a.at).toISOString(),
      severity: a.severity ?? null,
      event: { type: 'alarm' as const, kind: a.kind as AlarmKind },
      ...place(a),
    })),
    ...incidents
      .filter((i) => !alarmed.has(i.id))
      .map((i) => ({
        key: `i${i.id}`,
        at: new Date(i.at).toISOString(),
        severity: null,
        event: { type: 'incident' as const, kind: i.kind as IncidentKind },
        ...place(i),
      })),
  ];
  return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key < b.key ? 1 : -1)).slice(0, limit);
}

/** The ticker over every community the caller reaches (the district screen). */
export async function tickerRowsInReach(db: Db, reach: Reach, limit = TICKER_LIMIT): Promise<TickerRow[]> {
  const ids = await db.select({ id: communities.id }).from(communities).where(inReach(communities.id, reach));
  return tickerRows(
    db,
    ids.map((r) => r.id),
    limit,
  );
}
