// The sample community 桂园小区 (samples/, README "Your own community") made directly in the
// database for register and device-list tests: buildings 1..8 in two rows, 6 floors of 2.9 m,
// units "1单元" and "2单元" with 2 households per floor, and no households yet.
import { readFileSync } from 'node:fs';
import type { Db } from '~/db/client';
import { buildings, communities, households, units } from '~/db/schema';

export const GUIYUAN = { slug: 'guiyuan', anchorLng: 114.362, anchorLat: 30.528 };

export async function createGuiyuan(
  db: Db,
  opts: { slug?: string; generatedRooms?: boolean; noUnits?: boolean } = {},
): Promise<{ communityId: number; buildingIds: number[]; unitIds: number[] }> {
  const slug = opts.slug ?? GUIYUAN.slug;
  const [c] = await db
    .insert(communities)
    .values({
      slug,
      name: '桂园小区',
      nameEn: 'Guiyuan',
      neighbourhood: '桂园社区',
      street: '示范街道',
      district: '洪山区',
      anchorLng: GUIYUAN.anchorLng,
      anchorLat: GUIYUAN.anchorLat,
    })
    .returning({ id: communities.id });
  const buildingIds: number[] = [];
  const unitIds: number[] = [];
  for (let n = 1; n <= 8; n++) {
    // Two rows of four slabs, 30 m × 10 m, facing south.
    const x0 = -70 + ((n - 1) % 4) * 40;
    const y0 = n <= 4 ? 20 : -30;
    const [b] = await db
      .insert(buildings)
      .values({
        communityId: c!.id,
        number: String(n),
        name: `${n}栋`,
        footprint: [
          { x: x0, y: y0 },
          { x: x0 + 30, y: y0 },
          { x: x0 + 30, y: y0 + 10 },
          { x: x0, y: y0 + 10 },
        ],
        floors: 6,
        floorHeight: 2.9,
      })
      .returning({ id: buildings.id });
    buildingIds.push(b!.id);
    for (const ordinal of opts.noUnits ? [] : [1, 2]) {
      const [u] = await db
        .insert(units)
        .values({
          buildingId: b!.id,
          ordinal,
          name: `${ordinal}单元`,
          stairX: x0 + (ordinal === 1 ? 7.5 : 22.5),
          stairY: y0 + 0.5,
          householdsPerFloor: 2,
        })
        .returning({ id: units.id });
      unitIds.push(u!.id);
      if (opts.generatedRooms) {
        // Rooms the units step generates before the register arrives: no area yet.
        const rooms = [1, 2, 3, 4, 5, 6].flatMap((floor) =>
          ['01', '02'].map((door) => ({ unitId: u!.id, floor, door, room: `${floor}${door}`, areaM2: 0 })),
        );
        await db.insert(households).values(rooms);
      }
    }
  }
  return { communityId: c!.id, buildingIds, unitIds };
}

export function sample(name: string, format: 'csv' | 'xlsx'): { format: 'csv' | 'xlsx'; content: string } {
  const file = readFileSync(new URL(`../samples/${name}.${format}`, import.meta.url));
  return { format, content: format === 'csv' ? file.toString('utf8') : file.toString('base64') };
}
