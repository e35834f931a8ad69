// Matrix entries (access.test.ts) for the buildings and units steps (server/routers/site.ts).
// Calls that delete or reshape work on objects made for the call, so the seeded ones the other
// entries name stay as they are.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { buildings, households, units } from '~/db/schema';
import type { Entry, Place } from './access-matrix';

let made = 0;

async function freshBuilding(db: Db, p: Place): Promise<number> {
  const [row] = await db
    .insert(buildings)
    .values({
      communityId: p.id,
      number: `M${process.pid}-${++made}`,
      name: '矩阵楼',
      floors: 2,
      footprint: [
        { x: 500, y: 500 },
        { x: 520, y: 500 },
        { x: 520, y: 510 },
        { x: 500, y: 510 },
      ],
    })
    .returning({ id: buildings.id });
  return row!.id;
}

async function freshRoom(db: Db, p: Place): Promise<number> {
  const [row] = await db
    .insert(households)
    .values({ unitId: p.unit, floor: 99, door: '01', room: `M${process.pid}-${++made}`, areaM2: 0 })
    .returning({ id: households.id });
  return row!.id;
}

async function someRoom(db: Db, p: Place): Promise<{ id: number; room: string }> {
  const [row] = await selectRows<{ id: number; room: string }>(
    db,
    sql`select h.id, h.room from households h join ${units} u on u.id = h.unit_id where u.id = ${p.unit} limit 1`,
  );
  return row!;
}

const FILE = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { building: 'yes', name: '99栋' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [114.3, 30.6],
            [114.3004, 30.6],
            [114.3004, 30.6001],
            [114.3, 30.6001],
            [114.3, 30.6],
          ],
        ],
      },
    },
  ],
});

export const SITE_MATRIX: Record<string, Entry> = {
  'site.previewBuildings': { tier: 'staff', input: (p) => ({ slug: p.slug, text: FILE, crs: 'wgs84' }) },
  // A dry run of nothing chosen: admitted, and writes nothing.
  'site.importBuildings': {
    tier: 'staff',
    input: (p) => ({ slug: p.slug, text: FILE, crs: 'wgs84', choose: [], dryRun: true }),
  },
  'site.buildings': { tier: 'staff', input: (p) => ({ slug: p.slug }) },
  // No field given: admitted, and changes nothing.
  'site.updateBuilding': { tier: 'staff', input: (p) => ({ id: p.building }) },
  'site.deleteBuilding': { tier: 'staff', input: async (p, _o, db) => ({ id: await freshBuilding(db, p) }) },
  // An empty file: admitted, and refused as no model.
  'site.uploadModel': {
    tier: 'staff',
    input: (p) => ({ id: p.building, name: 'empty.glb', base64: '' }),
    rejects: 'BAD_REQUEST',
  },
  'site.clearModel': { tier: 'staff', input: async (p, _o, db) => ({ id: await freshBuilding(db, p) }) },
  'site.units': { tier: 'staff', input: (p) => ({ buildingId: p.building }) },
  'site.setUnits': {
    tier: 'staff',
    input: async (p, _o, db) => ({ buildingId: await freshBuilding(db, p), units: [{ householdsPerFloor: 2 }] }),
  },
  'site.updateUnit': { tier: 'staff', input: (p) => ({ id: p.unit }) },
  'site.rooms': { tier: 'staff', input: (p) => ({ unitId: p.unit }) },
  'site.generateRooms': { tier: 'staff', input: async (p, _o, db) => ({ buildingId: await freshBuilding(db, p) }) },
  // The room's own number again: admitted, and changes nothing.
  'site.renameRoom': { tier: 'staff', input: async (p, _o, db) => someRoom(db, p) },
  'site.deleteRoom': { tier: 'staff', input: async (p, _o, db) => ({ id: await freshRoom(db, p) }) },
};
