// A small community for ingest tests: one building and one device of each
// class that has rules, each with a token. Faster than the demo seed, and
// every id is known.
import { sql } from 'drizzle-orm';
import { selectRows, type Database, type Db } from '~/db/client';
import type { DeviceClass } from '~/db/vocab';
import type { Ingest } from './accept';
import { DeviceDirectory } from './directory';
import { IngestPipeline } from './pipeline';
import { issueDeviceTokens } from './tokens';

export const FIXTURE_CLASSES: DeviceClass[] = [
  'smoke_detector',
  'throwing_camera',
  'elevator_ebike_camera',
  'elevator_controller',
  'fire_water_pressure',
  'environment',
  'water_leak_contact',
  'manhole_cover',
];

export type FixtureDevice = { id: number; code: string; class: DeviceClass; token: string };
export type Fixture = { communityId: number; slug: string; buildingId: number; devices: Record<string, FixtureDevice> };

export async function createFixture(db: Db, slug = 'testville', perClass = 1): Promise<Fixture> {
  const [c] = await selectRows<{ id: number }>(
    db,
    sql`insert into communities (slug, name, name_en, neighbourhood, street, district, anchor_lng, anchor_lat)
        values (${slug}, '测试小区', 'Testville', '测试社区', '测试街道', '测试区', 114.3, 30.6) returning id`,
  );
  const communityId = c!.id;
  const [b] = await selectRows<{ id: number }>(
    db,
    sql`insert into buildings (community_id, number, name, footprint, floors) values (${communityId}, '1', '1号楼', '[]'::jsonb, 18) returning id`,
  );
  const prefix = slug.slice(0, 4).toUpperCase();
  const rows = FIXTURE_CLASSES.flatMap((cls, i) =>
    Array.from({ length: perClass }, (_, n) => ({
      code: `${prefix}-${String(i).padStart(2, '0')}-${String(n).padStart(4, '0')}`,
      cls,
      cfg: cls === 'throwing_camera' ? { floorBand: [4, 6], facade: 'south' } : {},
    })),
  );
  await db.execute(sql`insert into devices (community_id, code, class, name, building_id, heartbeat_seconds, config)
      select ${communityId}, code, cls, code, ${b!.id}, 60, cfg from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(code text, cls text, cfg jsonb)`);
  const issued = await issueDeviceTokens(db, { communityId, limit: 100_000 });
  const devices: Record<string, FixtureDevice> = {};
  for (const t of issued)
    devices[perClass === 1 ? t.class : t.code] = { id: t.id, code: t.code, class: t.class, token: t.token };
  return { communityId, slug, buildingId: b!.id, devices };
}

export type TestIngest = { ingest: Ingest; pipeline: IngestPipeline; close: () => Promise<void> };

/** The ingest without live frames, for tests of the doors (the runtime adds frames: server/runtime/). */
export function startTestIngest(database: Database, maxFutureSeconds = 300): TestIngest {
  const pipeline = new IngestPipeline(database);
  const ingest = { directory: new DeviceDirectory(database.db), pipeline, maxFutureSeconds };
  return { ingest, pipeline, close: () => pipeline.close() };
}
