// The household register as staff see it: rooms, areas and occupant counts by unit. Owner
// names and phones are not selected (docs/DOMAIN.md § Privacy): staff see only whether the
// register holds a contact for the flat.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';

export type RegisterUnitSummary = {
  unitId: number;
  buildingId: number;
  buildingNumber: string;
  buildingName: string;
  unitName: string;
  floors: number;
  households: number;
  /** Rooms with an area on file (generated rooms start at 0). */
  registered: number;
  occupants: number;
  elderly: number;
};

export type RegisterHousehold = {
  id: number;
  floor: number;
  room: string;
  areaM2: number;
  occupants0to59: number;
  occupants60to79: number;
  occupants80plus: number;
  mobilityImpaired: number;
  contactOnFile: boolean;
};

/** Every unit with its counts, and a page of one unit's households (the first unit when none is named). */
export async function householdRegister(
  db: Db,
  q: { communityId: number; unitId?: number; offset: number; limit: number },
): Promise<{ units: RegisterUnitSummary[]; unitId: number | null; items: RegisterHousehold[]; total: number }> {
  const units = await selectRows<RegisterUnitSummary>(
    db,
    sql`select u.id as "unitId", b.id as "buildingId", b.number as "buildingNumber", b.name as "buildingName",
          u.name as "unitName", b.floors,
          count(h.id)::int as households, count(h.id) filter (where h.area_m_2 > 0)::int as registered,
          coalesce(sum(h.occupants0to59 + h.occupants60to79 + h.occupants80plus), 0)::int as occupants,
          coalesce(sum(h.occupants60to79 + h.occupants80plus), 0)::int as elderly
        from units u join buildings b on b.id = u.building_id left join households h on h.unit_id = u.id
        where b.community_id = ${q.communityId}
        group by u.id, b.id order by length(b.number), b.number, u.ordinal`,
  );
  const unitId =
    q.unitId !== undefined && units.some((u) => u.unitId === q.unitId) ? q.unitId : (units[0]?.unitId ?? null);
  if (unitId === null) return { units, unitId, items: [], total: 0 };
  const items = await selectRows<RegisterHousehold>(
    db,
    sql`select id, floor, room, area_m_2 as "areaM2", occupants0to59 as "occupants0to59",
          occupants60to79 as "occupants60to79", occupants80plus as "occupants80plus",
          mobility_impaired as "mobilityImpaired",
          (owner_name is not null or owner_phone is not null) as "contactOnFile"
        from households where unit_id = ${unitId} order by floor, door offset ${q.offset} limit ${q.limit}`,
  );
  return { units, unitId, items, total: units.find((u) => u.unitId === unitId)?.households ?? 0 };
}
