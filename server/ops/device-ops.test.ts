import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { alarms, devices } from '~/db/schema';
import { callerAs, recordingPublisher } from '~/test/callers';
import { createTestDatabase, testEngines } from '~/test/db';
import { createGuiyuan, sample } from '~/test/register-site';
import { tokenMatches } from '../ingest/tokens';
import { importDevices, tokensCsv } from './device-ops';

const HEADER = '设备编号,设备类型,设备名称,楼栋,单元,楼层,经度,纬度,安装高度,坐标系,心跳间隔,立杆,监控楼层';
const csv = (...lines: string[]) => ({ format: 'csv' as const, content: [HEADER, ...lines].join('\n') });

describe.each(testEngines)('device list import and device table on %s', (engine) => {
  let database: Database;
  let communityId: number;
  let otherId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ({ communityId } = await createGuiyuan(database.db));
    ({ communityId: otherId } = await createGuiyuan(database.db, { slug: 'guiyuan-2' }));
  }, 60_000);
  afterAll(() => database?.close());

  const count = async (id: number) =>
    (
      await selectRows<{ devices: number; poles: number; tokens: number }>(
        database.db,
        sql`select (select count(*)::int from devices where community_id = ${id}) as devices,
              (select count(*)::int from devices where community_id = ${id} and token_hash is not null) as tokens,
              (select count(*)::int from camera_poles p join buildings b on b.id = p.building_id
                where b.community_id = ${id}) as poles`,
      )
    )[0]!;

  it('imports the sample list, places every device, and issues one token each, shown once', async () => {
    const dry = await importDevices(
      database.db,
      communityId,
      { ...sample('guiyuan-devices', 'xlsx'), dryRun: true },
      't',
    );
    expect(dry).toEqual({ imported: 30, errors: [], tokens: [] });
    expect(await count(communityId)).toEqual({ devices: 0, poles: 0, tokens: 0 });

    const report = await importDevices(database.db, communityId, sample('guiyuan-devices', 'xlsx'), 'clerk@test');
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(30);
    expect(report.tokens).toHaveLength(30);
    expect(await count(communityId)).toEqual({ devices: 30, poles: 2, tokens: 30 });
    const [one] = await selectRows<{ token_hash: string }>(
      database.db,
      sql`select token_hash from devices where code = ${report.tokens[0]!.code}`,
    );
    expect(tokenMatches(report.tokens[0]!.token, one!.token_hash)).toBe(true);
    expect(tokensCsv(report.tokens).split('\n')[0]).toBe('code,token');

    const placed = await selectRows<{
      code: string;
      name: string;
      x: number | null;
      y: number | null;
      z: number | null;
      floor: number | null;
      config: unknown;
      pole_id: number | null;
    }>(
      database.db,
      sql`select code, name, x, y, z, floor, config, pole_id from devices where community_id = ${communityId} order by code`,
    );
    const by = new Map(placed.map((d) => [d.code, d]));
    expect(by.get('GY-SMK-001')).toMatchObject({ name: '1栋1单元3层烟感', floor: 3, x: null });
    expect(by.get('GY-THR-002')).toMatchObject({ config: { facade: 'south', floorBand: [4, 6] } });
    expect(by.get('GY-THR-002')!.pole_id).toBe(by.get('GY-CAM-001')!.pole_id);
    // Building 5 (test/register-site.ts) spans x -70..-40 at y -30..-20: its south pole is 5.5 m below the middle.
    expect(by.get('GY-THR-001')).toMatchObject({ x: -55, y: -35.5 });
    // The GCJ-02 sample was made from local (10, 5): converted back to the same metres, once.
    expect(by.get('GY-ENV-001')!.x).toBeCloseTo(10, 0);
    expect(by.get('GY-ENV-001')!.y).toBeCloseTo(5, 0);
    expect(by.get('GY-ENV-001')!.z).toBe(3);
  });

  it('refuses the same codes again, in this community and in another, writing nothing', async () => {
    const again = await importDevices(database.db, communityId, sample('guiyuan-devices', 'csv'), 't');
    expect(again.errors).toHaveLength(30);
    expect(again.errors[0]).toMatchObject({ row: 2, code: 'codeExists' });
    const elsewhere = await importDevices(database.db, otherId, sample('guiyuan-devices', 'csv'), 't');
    expect(new Set(elsewhere.errors.map((e) => e.code))).toEqual(new Set(['codeTaken']));
    expect(await count(otherId)).toEqual({ devices: 0, poles: 0, tokens: 0 });
  });

  it('writes nothing, poles included, when one row is bad', async () => {
    const report = await importDevices(
      database.db,
      otherId,
      csv('N-1,高空抛物摄像机,,,,,,,,,,7栋南杆,1-3', 'N-2,烟感,,7栋,1单元,9,,,,,,,', 'N-3,烟感器X,,7栋,,,,,,,,,'),
      't',
    );
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'floorRange'],
      [4, 'classUnknown'],
    ]);
    expect(await count(otherId)).toEqual({ devices: 0, poles: 0, tokens: 0 });
  });

  it('refuses hostile cells as bad rows, never as a crash', async () => {
    const report = await importDevices(
      database.db,
      otherId,
      csv('{1;2},烟感,,7栋,,,,,,,,,', "x';drop table devices;--,烟感,,7栋,,,,,,,,,", '设备\u0000,烟感,,7栋,,,,,,,,,'),
      't',
    );
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'codeFormat'],
      [3, 'codeFormat'],
      [4, 'codeFormat'],
    ]);
    expect(await count(otherId)).toEqual({ devices: 0, poles: 0, tokens: 0 });
  });

  it('serves the device table: filters, edit, maintenance, a new token, retirement', async () => {
    const live = recordingPublisher();
    const staff = await callerAs(database.db, 'staff', { communities: ['guiyuan'], live, locale: 'en' });
    const places = await staff.device.places({ slug: 'guiyuan' });
    expect(places).toHaveLength(8);
    const b5 = places.find((b) => b.number === '5')!;
    const smoke = await staff.device.list({ slug: 'guiyuan', class: 'smoke_detector' });
    expect(smoke.items).toHaveLength(8);
    expect(smoke.items[0]).toMatchObject({ hasToken: true, heartbeatSeconds: 3600 });
    const onPole = await staff.device.list({ slug: 'guiyuan', buildingId: b5.id });
    expect(onPole.items.map((d) => d.code).sort()).toEqual(['GY-CAM-001', 'GY-THR-001', 'GY-THR-002']);
    expect((await staff.device.list({ slug: 'guiyuan', search: 'thr-00' })).items).toHaveLength(4);

    const id = smoke.items[0]!.id;
    await staff.device.update({
      id,
      name: '1栋1单元3层前室烟感',
      heartbeatSeconds: 1800,
      place: { buildingId: b5.id, unitId: b5.units[1]!.id, floor: 2 },
    });
    const [moved] = await database.db
      .select()
      .from(devices)
      .where(sql`id = ${id}`);
    expect(moved).toMatchObject({ buildingId: b5.id, unitId: b5.units[1]!.id, floor: 2, heartbeatSeconds: 1800 });
    const refused = await staff.device.update({ id, place: { buildingId: b5.id, floor: 7 } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Floor 7') });

    // Maintenance on, then off: back to what its active alarms say (a smoke alarm is open).
    await database.db
      .insert(alarms)
      .values({ communityId, deviceId: id, kind: 'smoke', severity: 'critical', state: 'open', openedAt: new Date() });
    expect(await staff.device.setMaintenance({ id, on: true })).toEqual({ id, status: 'maintenance' });
    expect(await staff.device.setMaintenance({ id, on: false })).toEqual({ id, status: 'alarm' });
    expect(live.published.map((c) => c.devices)).toEqual([[[id, 'maintenance']], [[id, 'alarm']]]);

    const issued = await staff.device.reissueToken({ id });
    const [row] = await selectRows<{ token_hash: string }>(
      database.db,
      sql`select token_hash from devices where id = ${id}`,
    );
    expect(tokenMatches(issued.token, row!.token_hash)).toBe(true);
    expect(issued.mosquitto.acl).toContain(`topic readwrite linli/guiyuan/${issued.code}/#`);

    const retired = await staff.device.retire({ id });
    expect(retired).toMatchObject({ code: issued.code, openAlarms: 1 });
    const [kept] = await selectRows<{ device_id: number | null }>(
      database.db,
      sql`select device_id from alarms where community_id = ${communityId}`,
    );
    expect(kept).toEqual({ device_id: null }); // the alarm stays on record
    await expect(staff.device.retire({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const kinds = await selectRows<{ kind: string }>(
      database.db,
      sql`select kind from community_changes where community_id = ${communityId} order by id`,
    );
    expect(kinds.map((k) => k.kind)).toEqual([
      'devices.import',
      'device.update',
      'device.maintenanceOn',
      'device.maintenanceOff',
      'device.token',
      'device.retire',
    ]);
    expect(JSON.stringify(await selectRows(database.db, sql`select detail from community_changes`))).not.toContain(
      issued.token,
    );
  });
});
