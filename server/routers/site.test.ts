// The buildings and units steps through createCaller, on every engine: a footprint file
// previewed (nothing written), chosen features written with corrections, refusals worded,
// units and rooms made for the sample community.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { callerAs, type Caller } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const text = readFileSync(path.join(root, 'samples/guiyuan-footprints.geojson'), 'utf8');

describe.each(testEngines)('site router on %s', (engine) => {
  let database: Database;
  let admin: Caller;
  let staff: Caller;
  let staffEn: Caller;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    admin = await callerAs(database.db, 'admin');
    await admin.onboard.create({
      slug: 'guiyuan',
      name: '桂园小区',
      street: '示范街道',
      district: '洪山区',
      lng: 114.362,
      lat: 30.528,
    });
    staff = await callerAs(database.db, 'staff', { communities: ['guiyuan'] });
    staffEn = await callerAs(database.db, 'staff', { communities: ['guiyuan'], email: 'en@test.local', locale: 'en' });
  });
  afterAll(() => database?.close());

  it('refuses a spreadsheet sent as a footprint file with words saying so', async () => {
    const error = await staff.site
      .previewBuildings({ slug: 'guiyuan', text: 'building,floors\n1,6', crs: 'wgs84' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toContain('GeoJSON');
  });

  it('previews without writing, then writes the chosen buildings with the corrections made', async () => {
    const preview = await staff.site.previewBuildings({ slug: 'guiyuan', text, crs: 'wgs84' });
    expect(preview.kept).toBe(8);
    expect(await staff.site.buildings({ slug: 'guiyuan' })).toEqual([]);
    const choose = preview.features
      .filter((f) => f.keep)
      .map((f) => (f.number === '6' ? { index: f.index, floors: 5 } : { index: f.index }));
    const written = await staff.site.importBuildings({ slug: 'guiyuan', text, crs: 'wgs84', choose });
    expect(written).toMatchObject({ imported: 8, updated: 0, errors: [] });
    const list = await staff.site.buildings({ slug: 'guiyuan' });
    expect(list.map((b) => [b.number, b.floors])).toEqual([
      ['1', 6],
      ['2', 6],
      ['3', 6],
      ['4', 6],
      ['5', 6],
      ['6', 5],
      ['7', 6],
      ['8', 6],
    ]);
  });

  it('refuses a number another building has, in the caller’s language', async () => {
    const [b1] = await staffEn.site.buildings({ slug: 'guiyuan' });
    const error = (await staffEn.site
      .updateBuilding({ id: b1!.id, number: '2' })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Building 2 already exists in this community; choose another number');
  });

  it('makes the sample’s 2 units × 2 households per floor and rooms 101..602 in every building', async () => {
    for (const b of await staff.site.buildings({ slug: 'guiyuan' })) {
      await staff.site.setUnits({
        buildingId: b.id,
        units: [{ householdsPerFloor: 2 }, { householdsPerFloor: 2 }],
      });
      await staff.site.generateRooms({ buildingId: b.id });
    }
    const list = await staff.site.buildings({ slug: 'guiyuan' });
    expect(list.map((b) => [b.units, b.rooms])).toEqual([
      [2, 24],
      [2, 24],
      [2, 24],
      [2, 24],
      [2, 24],
      [2, 20],
      [2, 24],
      [2, 24],
    ]);
    const { units } = await staff.site.units({ buildingId: list[0]!.id });
    expect(units.map((u) => u.name)).toEqual(['1单元', '2单元']);
    const rooms = await staff.site.rooms({ unitId: units[0]!.id });
    expect(rooms.map((r) => r.room).slice(0, 3)).toEqual(['101', '102', '201']);
    expect(Object.keys(rooms[0]!).sort()).toEqual(['areaM2', 'door', 'floor', 'id', 'room']);
  });
});
