import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { buildings, communityChanges, households, units, type Community } from '~/db/schema';
import { createTestDatabase, testEngines } from '~/test/db';
import { siteBuildings } from '../queries/site';
import { createCommunity } from './community-ops';
import { deleteBuilding, importBuildings, importFootprintFile, updateBuilding, uploadBuildingModel } from './site-ops';
import { deleteRoom, generateRooms, renameRoom, setUnits, updateUnit } from './site-unit-ops';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const sample = (name: string) => readFileSync(path.join(root, 'samples', name), 'utf8');

async function boxGlb(): Promise<string> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]))
    .setBuffer(buffer);
  const prim = doc.createPrimitive().setAttribute('POSITION', position);
  doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh().addPrimitive(prim)));
  return Buffer.from(await new NodeIO().writeBinary(doc)).toString('base64');
}

describe.each(testEngines)('site ops on %s', (engine) => {
  let database: Database;
  let guiyuan: Community;
  const actor = 'clerk@test.local';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    guiyuan = await createCommunity(
      database.db,
      { slug: 'guiyuan', name: '桂园小区', street: '示范街道', district: '洪山区', lng: 114.362, lat: 30.528 },
      actor,
    );
  });
  afterAll(() => database.close());

  const numbers = async () =>
    (
      await database.db
        .select({ number: buildings.number })
        .from(buildings)
        .where(eq(buildings.communityId, guiyuan.id))
        .orderBy(asc(buildings.number))
    ).map((b) => b.number);

  it('a dry run of the sample file keeps buildings 1..8 and writes nothing', async () => {
    const r = await importFootprintFile(
      database.db,
      guiyuan,
      { text: sample('guiyuan-footprints-gcj02.geojson'), crs: 'gcj02', dryRun: true },
      'cli:test',
    );
    expect(r.imported).toBe(8);
    expect(r.errors).toEqual([]);
    expect(r.skipped.map((s) => s.feature)).toEqual([0, 4, 10, 11, 12]);
    expect(r.skipped[1]!.reason).toBe('楼栋局部（building:part），已并入 3 号楼（要素 3）');
    expect(await numbers()).toEqual([]);
  });

  it('imports the sample as the command line does, audited with counts only', async () => {
    const r = await importFootprintFile(
      database.db,
      guiyuan,
      { text: sample('guiyuan-footprints.geojson'), crs: 'wgs84' },
      'cli:test',
    );
    expect(r).toMatchObject({ imported: 8, updated: 0, errors: [] });
    expect(await numbers()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const [b1] = await database.db.select().from(buildings).where(eq(buildings.number, '1'));
    expect(b1).toMatchObject({ name: '1栋', floors: 6, floorHeight: 3 });
    expect(Math.hypot(b1!.footprint[0]!.x + 42, b1!.footprint[0]!.y + 60)).toBeLessThan(0.05);
    const [change] = await database.db
      .select()
      .from(communityChanges)
      .where(eq(communityChanges.kind, 'buildings.import'));
    expect(change).toMatchObject({ actor: 'cli:test', detail: { imported: 8, updated: 0, skipped: 5, features: 13 } });
  });

  it('a re-import in GCJ-02 updates the same buildings by number, within a metre or two', async () => {
    const r = await importFootprintFile(
      database.db,
      guiyuan,
      { text: sample('guiyuan-footprints-gcj02.geojson'), crs: 'gcj02', floorHeightM: 2.8 },
      'cli:test',
    );
    expect(r).toMatchObject({ imported: 8, updated: 8 });
    expect(await numbers()).toHaveLength(8);
    const [b1] = await database.db.select().from(buildings).where(eq(buildings.number, '1'));
    expect(Math.hypot(b1!.footprint[0]!.x + 42, b1!.footprint[0]!.y + 60)).toBeLessThan(2);
    expect(b1!.floorHeight).toBeCloseTo(2.8);
  });

  it('writes the chosen features with corrected numbers, or nothing when a choice is wrong', async () => {
    const text = sample('guiyuan-footprints.geojson');
    const refused = await importBuildings(
      database.db,
      guiyuan,
      {
        text,
        crs: 'wgs84',
        choose: [{ index: 1, number: '21' }, { index: 2, number: '21' }, { index: 10 }],
      },
      'clerk',
    );
    expect(refused.imported).toBe(0);
    expect(refused.errors.map((e) => e.row)).toEqual([2, 10]);
    expect(refused.errors[1]!.reason).toContain('小于 10 m²');
    expect(await numbers()).toHaveLength(8);

    const ok = await importBuildings(
      database.db,
      guiyuan,
      { text, crs: 'wgs84', choose: [{ index: 1, number: '21', name: '21号楼', floors: 7 }] },
      'clerk',
    );
    expect(ok).toMatchObject({ imported: 1, updated: 0, errors: [] });
    const [b21] = await database.db.select().from(buildings).where(eq(buildings.number, '21'));
    expect(b21).toMatchObject({ name: '21号楼', floors: 7 });
  });

  it('edits a building, refuses a number already taken, and deletes it, each audited', async () => {
    const [b21] = await database.db.select().from(buildings).where(eq(buildings.number, '21'));
    await expect(updateBuilding(database.db, b21!.id, { number: '3' }, actor)).rejects.toMatchObject({
      code: 'building.numberTaken',
    });
    const after = await updateBuilding(database.db, b21!.id, { floors: 9, floorHeight: 2.9 }, actor);
    expect(after.floors).toBe(9);
    await deleteBuilding(database.db, b21!.id, actor);
    expect(await numbers()).not.toContain('21');
    const kinds = (await database.db.select().from(communityChanges)).map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['building.update', 'building.delete']));
  });

  it('stores a glTF model under the models folder and points the building at it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'linli-models-'));
    const [b1] = await database.db.select().from(buildings).where(eq(buildings.number, '1'));
    const r = await uploadBuildingModel(database.db, b1!.id, { name: 'b1.glb', base64: await boxGlb() }, actor, dir);
    expect(r.modelUrl).toMatch(/^\/api\/models\/b\d+-[0-9a-f]{16}\.glb$/);
    const stored = await readFile(path.join(dir, path.basename(r.modelUrl)));
    expect(stored.subarray(0, 4).toString('latin1')).toBe('glTF');
    await expect(
      uploadBuildingModel(
        database.db,
        b1!.id,
        { name: 'x.glb', base64: Buffer.from('hello').toString('base64') },
        actor,
        dir,
      ),
    ).rejects.toMatchObject({ code: 'building.modelInvalid' });
  });

  it('sets two units with stairwells on the south wall, generates rooms 101..602, and keeps edits', async () => {
    const [b1] = await database.db.select().from(buildings).where(eq(buildings.number, '1'));
    const made = await setUnits(
      database.db,
      b1!.id,
      [{ householdsPerFloor: 2 }, { householdsPerFloor: 2, name: '东单元' }],
      actor,
    );
    expect(made.map((u) => [u.name, Math.round(u.stairX), Math.round(u.stairY)])).toEqual([
      ['1单元', -33, -60],
      ['东单元', -15, -60],
    ]);
    expect(await generateRooms(database.db, b1!.id, actor)).toEqual({ created: 24, existing: 0 });
    const rooms = await database.db
      .select()
      .from(households)
      .where(eq(households.unitId, made[0]!.id))
      .orderBy(asc(households.id));
    expect(rooms.map((r) => r.room)).toEqual([
      '101',
      '102',
      '201',
      '202',
      '301',
      '302',
      '401',
      '402',
      '501',
      '502',
      '601',
      '602',
    ]);
    await renameRoom(database.db, rooms[0]!.id, '1101', actor);
    await expect(renameRoom(database.db, rooms[1]!.id, '1101', actor)).rejects.toMatchObject({
      code: 'household.roomTaken',
    });
    await deleteRoom(database.db, rooms[2]!.id, actor);
    // Generating again fills what is missing (101, 201) and leaves the renamed 1101 alone.
    expect(await generateRooms(database.db, b1!.id, actor, made[0]!.id)).toEqual({ created: 2, existing: 10 });
    const [renamed] = await database.db.select().from(households).where(eq(households.id, rooms[0]!.id));
    expect(renamed).toMatchObject({ room: '1101', floor: 11, door: '01' });

    const moved = await updateUnit(database.db, made[1]!.id, { stairX: -10, stairY: -61 }, actor);
    expect([moved.stairX, moved.stairY]).toEqual([-10, -61]);
    // Back to one unit: the second goes with its rooms; the first's stairwell moves to the middle.
    const one = await setUnits(database.db, b1!.id, [{ householdsPerFloor: 2 }], actor);
    expect(one.map((u) => [u.name, Math.round(u.stairX)])).toEqual([['1单元', -24]]);
    expect(await database.db.select().from(units).where(eq(units.buildingId, b1!.id))).toHaveLength(1);
    const listed = await siteBuildings(database.db, guiyuan.id);
    expect(listed.map((b) => b.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // 101..602 and the renamed 1101.
    expect(listed[0]).toMatchObject({ units: 1, rooms: 13 });
    const kinds = new Set((await database.db.select().from(communityChanges)).map((c) => c.kind));
    for (const k of ['units.set', 'rooms.generate', 'room.rename', 'room.delete', 'unit.update', 'building.model']) {
      expect(kinds).toContain(k);
    }
  });

  it('writes a building whose number repeats another only under a number of its own', async () => {
    const gis = await createCommunity(
      database.db,
      { slug: 'gis', name: '规划小区', street: '示范街道', district: '洪山区', lng: 114.3055, lat: 30.5928 },
      actor,
    );
    const text = readFileSync(path.join(root, 'server/onboard/fixtures/gis-export-epsg3857.geojson'), 'utf8');
    const same = await importBuildings(database.db, gis, { text, crs: 'epsg3857', choose: [{ index: 3 }] }, actor);
    expect(same.errors.map((e) => e.code)).toEqual(['notChoosable']);
    const renumbered = await importBuildings(
      database.db,
      gis,
      {
        text,
        crs: 'epsg3857',
        choose: [{ index: 0 }, { index: 1 }, { index: 2 }, { index: 4 }, { index: 3, number: '3A' }],
      },
      actor,
    );
    expect(renumbered).toMatchObject({ imported: 5, errors: [] });
  });

  it('refuses a file that is not GeoJSON, writing nothing', async () => {
    await expect(
      importFootprintFile(database.db, guiyuan, { text: 'building,floors\n1,6', crs: 'wgs84' }, 'cli:test'),
    ).rejects.toMatchObject({ code: 'import.unreadable' });
  });
});
