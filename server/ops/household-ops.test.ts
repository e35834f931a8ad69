import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { callerAs } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { createGuiyuan, sample } from '~/test/register-site';
import { buildXlsx } from '~/test/xlsx';
import { importHouseholds } from './household-ops';

const HEADER = '楼栋,单元,房号,建筑面积,0-59岁,60-79岁,80岁以上,行动不便,户主姓名,联系电话';
const csv = (...lines: string[]) => ({ format: 'csv' as const, content: [HEADER, ...lines].join('\n') });

describe.each(testEngines)('household register import on %s', (engine) => {
  let database: Database;
  let communityId: number;
  let otherId: number;
  let bareId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ({ communityId } = await createGuiyuan(database.db, { generatedRooms: true }));
    ({ communityId: otherId } = await createGuiyuan(database.db, { slug: 'guiyuan-empty' }));
    ({ communityId: bareId } = await createGuiyuan(database.db, { slug: 'guiyuan-bare', noUnits: true }));
  }, 60_000);
  afterAll(() => database?.close());

  const households = (id: number) =>
    selectRows<{ n: number; area: number; old: number; named: number }>(
      database.db,
      sql`select count(*)::int as n, coalesce(sum(h.area_m_2), 0)::float as area,
            coalesce(sum(h.occupants60to79 + h.occupants80plus), 0)::int as old,
            count(h.owner_name)::int as named
          from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
          where b.community_id = ${id}`,
    ).then((r) => r[0]!);

  it('fills the generated rooms from the sample .xlsx, and re-importing the .csv updates the same rooms', async () => {
    const dry = await importHouseholds(
      database.db,
      communityId,
      { ...sample('guiyuan-households', 'xlsx'), dryRun: true },
      't',
    );
    expect(dry).toEqual({ imported: 0, updated: 192, units: 0, errors: [] });
    expect((await households(communityId)).area).toBe(0); // a dry run writes nothing

    const first = await importHouseholds(database.db, communityId, sample('guiyuan-households', 'xlsx'), 'clerk@test');
    expect(first).toEqual({ imported: 0, updated: 192, units: 0, errors: [] });
    const after = await households(communityId);
    expect(after.n).toBe(192);
    expect(after.area).toBeCloseTo(96 * 72.6 + 96 * 88.4, 0);
    expect(after.named).toBe(192);

    const again = await importHouseholds(database.db, communityId, sample('guiyuan-households', 'csv'), 'clerk@test');
    expect(again).toEqual({ imported: 0, updated: 192, units: 0, errors: [] });
    expect(await households(communityId)).toEqual(after);
  });

  it('adds the rooms a community without generated rooms lacks', async () => {
    const report = await importHouseholds(database.db, otherId, sample('guiyuan-households', 'csv'), 'clerk@test');
    expect(report).toMatchObject({ imported: 192, updated: 0 });
    expect((await households(otherId)).n).toBe(192);
  });

  it('creates the units the register names in buildings that have none, stairwells on the main façade', async () => {
    const dry = await importHouseholds(
      database.db,
      bareId,
      { ...sample('guiyuan-households', 'csv'), dryRun: true },
      't',
    );
    expect(dry).toMatchObject({ imported: 192, units: 16, errors: [] });
    const report = await importHouseholds(database.db, bareId, sample('guiyuan-households', 'csv'), 'clerk@test');
    expect(report).toMatchObject({ imported: 192, units: 16 });
    const made = await selectRows<{ number: string; ordinal: number; name: string; hpf: number; x: number; y: number }>(
      database.db,
      sql`select b.number, u.ordinal, u.name, u.households_per_floor as hpf, u.stair_x as x, u.stair_y as y
          from units u join buildings b on b.id = u.building_id where b.community_id = ${bareId} and b.number = '1'
          order by u.ordinal`,
    );
    // Building 1 is 30 m along x from -70, its south wall at y = 20: stairwells at 1/4 and 3/4 of it.
    expect(made).toEqual([
      { number: '1', ordinal: 1, name: '1单元', hpf: 2, x: -62.5, y: 20 },
      { number: '1', ordinal: 2, name: '2单元', hpf: 2, x: -47.5, y: 20 },
    ]);
    expect((await households(bareId)).n).toBe(192);
    // Re-imported: the units are there now, so nothing new.
    expect(await importHouseholds(database.db, bareId, sample('guiyuan-households', 'csv'), 't')).toMatchObject({
      imported: 0,
      updated: 192,
      units: 0,
    });
  });

  it('writes nothing when one row of many is bad, and numbers the rows as the spreadsheet does', async () => {
    const before = await households(communityId);
    const report = await importHouseholds(
      database.db,
      communityId,
      csv('1,1,101,99,1,1,0,0,,', '1,1,701,60,1,0,0,0,,', '1,1,102,99,1,1,0,0,,', '3,1单元,101,99,0,0,0,0,,'),
      't',
    );
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, 'noFloor']]);
    expect(report).toMatchObject({ imported: 0, updated: 0 });
    expect(await households(communityId)).toEqual(before);
  });

  it('reads a UTF-8 BOM, Excel number cells and a file lacking the optional columns (kept as they were)', async () => {
    const bom = await importHouseholds(
      database.db,
      communityId,
      { format: 'csv', content: `\uFEFF楼栋,单元,房号,面积\n8栋,2单元,602,101.5\n` },
      't',
    );
    expect(bom).toEqual({ imported: 0, updated: 1, units: 0, errors: [] });
    const [row] = await selectRows<{ area: number; named: boolean; old: number }>(
      database.db,
      sql`select h.area_m_2 as area, h.owner_name is not null as named, h.occupants60to79 as old
          from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
          where b.community_id = ${communityId} and b.number = '8' and u.ordinal = 2 and h.room = '602'`,
    );
    expect(row).toMatchObject({ area: 101.5, named: true });

    const xlsx = buildXlsx([
      ['楼号', '单元', '室', '建筑面积', '60-79岁'],
      [8, 2, 602, 101.5, 2],
    ]);
    const report = await importHouseholds(
      database.db,
      communityId,
      { format: 'xlsx', content: xlsx.toString('base64') },
      't',
    );
    expect(report).toEqual({ imported: 0, updated: 1, units: 0, errors: [] });
  });

  it('refuses a missing column and an unreadable file', async () => {
    const report = await importHouseholds(
      database.db,
      communityId,
      { format: 'csv', content: '楼栋,房号\n1,101' },
      't',
    );
    expect(report.errors).toEqual([
      { row: 1, code: 'missingColumns', params: { columnsZh: '单元、建筑面积', columns: 'unit, area' } },
    ]);
    await expect(
      importHouseholds(
        database.db,
        communityId,
        { format: 'xlsx', content: Buffer.from('not a zip').toString('base64') },
        't',
      ),
    ).rejects.toMatchObject({ code: 'import.unreadable' });
  });

  it('audits counts only, never a name or phone', async () => {
    const trail = await selectRows<{ kind: string; detail: unknown; actor: string }>(
      database.db,
      sql`select kind, detail, actor from community_changes where community_id = ${communityId} order by id`,
    );
    expect(trail.filter((c) => c.kind === 'households.import')).toHaveLength(4);
    expect(trail[0]).toMatchObject({ actor: 'clerk@test', detail: { imported: 0, updated: 192 } });
    expect(JSON.stringify(trail)).not.toMatch(/1390000|王|李|张/);
  });

  it('words refused rows in the caller language, lists without names and phones, and edits one household', async () => {
    const staff = await callerAs(database.db, 'staff', { communities: ['guiyuan'], locale: 'en' });
    const report = await staff.household.importHouseholds({ slug: 'guiyuan', ...csv('9,1,101,60,0,0,0,0,,') });
    expect(report.errors[0]).toMatchObject({ row: 2, code: 'noBuilding' });
    expect(report.errors[0]!.message).toContain('No building "9"');

    const list = await staff.household.list({ slug: 'guiyuan' });
    expect(list.units).toHaveLength(16);
    expect(list.units[0]).toMatchObject({ buildingName: '1栋', unitName: '1单元', households: 12, registered: 12 });
    expect(list.items).toHaveLength(12);
    expect(list.items[0]).toMatchObject({ room: '101', areaM2: 72.6, contactOnFile: true });
    expect(JSON.stringify(list)).not.toMatch(/1390000|ownerName|ownerPhone/);

    const id = list.items[0]!.id;
    await staff.household.update({ id, occupants80plus: 1, ownerPhone: '027-87654321', ownerName: null });
    await expect(staff.household.update({ id, ownerPhone: '12345' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [h] = await selectRows<{ owner_name: string | null; owner_phone: string; o: number }>(
      database.db,
      sql`select owner_name, owner_phone, occupants80plus as o from households where id = ${id}`,
    );
    expect(h).toEqual({ owner_name: null, owner_phone: '027-87654321', o: 1 });
    const [change] = await selectRows<{ detail: Record<string, unknown> }>(
      database.db,
      sql`select detail from community_changes where kind = 'household.update' order by id desc limit 1`,
    );
    expect(change!.detail).toEqual({ occupants80plus: [0, 1], personalFieldsSet: ['ownerName', 'ownerPhone'] });
  });
});
