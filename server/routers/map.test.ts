// The district map's street boundary (server/routers/map.ts): imported by an admin or the
// street's district role only, refused whole with a 4xx when the file is wrong (nothing
// changes), recorded on every community of the street, and drawn for those who reach it.
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { alarms, communities, communityChanges, devices, streetBoundaries } from '~/db/schema';
import { callerAs } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';

const RING = [
  [114.27, 30.59],
  [114.28, 30.59],
  [114.28, 30.6],
  [114.27, 30.6],
  [114.27, 30.59],
];
const polygon = (ring = RING) => JSON.stringify({ type: 'Polygon', coordinates: [ring] });

const place = (slug: string, street: string) => ({
  slug,
  name: slug,
  nameEn: slug,
  neighbourhood: '测试社区',
  street,
  district: '测试区',
  anchorLng: 114.275,
  anchorLat: 30.595,
});

describe.each(testEngines)('street boundary import on %s', (engine) => {
  let database: Database;
  let ids: Record<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const rows = await database.db
      .insert(communities)
      .values([place('east', '东街道'), place('west', '东街道'), place('far', '西街道')])
      .returning({ id: communities.id, slug: communities.slug });
    ids = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    await database.db.insert(devices).values([
      {
        communityId: ids.east!,
        code: 'E-1',
        class: 'smoke_detector',
        name: '烟感',
        heartbeatSeconds: 3600,
        status: 'fault',
      },
      {
        communityId: ids.east!,
        code: 'E-2',
        class: 'smoke_detector',
        name: '烟感',
        heartbeatSeconds: 3600,
        status: 'offline',
      },
      {
        communityId: ids.east!,
        code: 'E-3',
        class: 'smoke_detector',
        name: '烟感',
        heartbeatSeconds: 3600,
        status: 'offline',
      },
    ]);
  }, 120_000);
  afterAll(() => database?.close());

  const boundaryRows = () => database.db.select().from(streetBoundaries);
  const trail = () => database.db.select().from(communityChanges).where(eq(communityChanges.kind, 'street.boundary'));

  it("refuses the other roles, and a district role on another street's boundary, changing nothing", async () => {
    for (const role of ['viewer', 'planner', 'staff'] as const) {
      const caller = await callerAs(database.db, role, { communities: ['east'], email: `${role}-map@test.local` });
      await expect(
        caller.map.importStreetBoundary({ street: '东街道', content: polygon(), crs: 'wgs84' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const district = await callerAs(database.db, 'district', {
      communities: ['east'],
      email: 'east-street@test.local',
    });
    await expect(
      district.map.importStreetBoundary({ street: '西街道', content: polygon(), crs: 'wgs84' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await boundaryRows()).toEqual([]);
    expect(await trail()).toEqual([]);
  });

  it('refuses a file that is not a polygon boundary with a 400 naming why, and changes nothing', async () => {
    const district = await callerAs(database.db, 'district', {
      communities: ['east'],
      email: 'east-street@test.local',
      locale: 'zh',
    });
    const bad = [
      'not json',
      JSON.stringify({ type: 'LineString', coordinates: RING }),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: [RING] } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [114.27, 30.59] } },
        ],
      }),
      polygon(RING.map(([x, y]) => [x! * 100_000, y! * 100_000])),
    ];
    for (const content of bad) {
      const error = await district.map.importStreetBoundary({ street: '东街道', content, crs: 'wgs84' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, content).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
    }
    const last = await district.map
      .importStreetBoundary({ street: '东街道', content: bad[2]!, crs: 'wgs84' })
      .catch((e: TRPCError) => e.message);
    expect(last).toContain('第 2 个要素是 Point');
    expect(await boundaryRows()).toEqual([]);
    expect(await trail()).toEqual([]);
  });

  it("imports the street's boundary for its district role, recorded on each of its communities", async () => {
    const district = await callerAs(database.db, 'district', {
      communities: ['east'],
      email: 'east-street@test.local',
    });
    const done = await district.map.importStreetBoundary({
      street: '东街道',
      content: polygon(),
      crs: 'wgs84',
      fileName: '东街道.geojson',
    });
    expect(done).toMatchObject({ street: '东街道', district: '测试区', polygons: 1, vertices: 5, communities: 2 });
    const rows = await boundaryRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ street: '东街道', actor: 'east-street@test.local' });
    const changes = await trail();
    expect(changes.map((c) => c.communityId).sort()).toEqual([ids.east, ids.west].sort());
    expect(changes[0]).toMatchObject({ actor: 'east-street@test.local', subject: 'street:东街道' });
    expect(changes[0]!.detail).toMatchObject({ fileName: '东街道.geojson', polygons: 1 });
  });

  it('draws the newest boundary of the streets a caller reaches, with each community status', async () => {
    const admin = await callerAs(database.db, 'admin');
    const smaller = RING.map(([x, y]) => [x! + 0.001, y!]);
    await admin.map.importStreetBoundary({ street: '东街道', content: polygon(smaller), crs: 'wgs84' });
    await admin.map.importStreetBoundary({ street: '西街道', content: polygon(), crs: 'wgs84' });
    await database.db
      .insert(alarms)
      .values({ communityId: ids.east!, kind: 'smoke', severity: 'major', openedAt: new Date() });

    const viewer = await callerAs(database.db, 'viewer', { communities: ['east'], email: 'east-viewer@test.local' });
    const seen = await viewer.map.layers();
    expect(seen.streets.map((s) => s.street)).toEqual(['东街道']);
    expect(seen.streets[0]!.boundary!.coordinates[0]![0]).toEqual(smaller);
    expect(seen.status).toEqual([{ slug: 'east', worst: 'major', openAlarms: 1, faults: 1, offline: 2 }]);

    const all = await admin.map.layers();
    expect(all.streets.map((s) => s.street)).toEqual(['东街道', '西街道']);
  });
});
