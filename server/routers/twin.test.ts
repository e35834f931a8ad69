// The twin's procedures through createCaller on the seeded demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { DEVICE_CLASSES } from '~/db/vocab';
import { callerAs, createSeededDatabase, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';

describe.each(testEngines)('twin procedures on %s', (engine) => {
  let database: Database;
  let staff: Caller;
  beforeAll(async () => {
    database = await createSeededDatabase(engine);
    staff = await callerAs(database.db, 'staff');
  });
  afterAll(() => database?.close());

  it('gives 荆胡 with every sensor, pole, patrol point and route', async () => {
    const scene = await staff.twin.scene({ slug: 'jinghu' });
    expect(scene.buildings).toHaveLength(28);
    expect(scene.devices.id).toHaveLength(11_786);
    // Every column lines up with the ids.
    for (const column of Object.values(scene.devices)) expect(column).toHaveLength(11_786);
    expect(new Set(scene.devices.cls).size).toBe(DEVICE_CLASSES.length);
    expect(scene.poles).toHaveLength(28);
    expect(scene.patrolPoints).toHaveLength(570);
    expect(scene.patrolRoutes.length).toBeGreaterThan(0);
    expect(scene.patrolRoutes.every((r) => r.pointIds.length > 1)).toBe(true);
  });

  it('gives 财富星苑 each unit’s retrofit stage', async () => {
    const scene = await staff.twin.scene({ slug: 'caifu-xingyuan' });
    const stages = scene.buildings.flatMap((b) => b.units.map((u) => u.retrofitStage)).filter(Boolean);
    expect(stages.filter((s) => s === 'in_service')).toHaveLength(3);
    expect(stages).toContain('publicity');
    expect(stages).toContain('stalled');
  });

  it('gives a period’s throwing incidents and one incident’s trajectory', async () => {
    const list = await staff.twin.incidents({ slug: 'jinghu', from: '2026-01-01', to: '2026-11-22' });
    expect(list.length).toBeGreaterThan(50);
    const first = list[0]!;
    const one = await staff.twin.incident({ id: first.id });
    expect(one.kind).toBe('throwing');
    expect(one.trajectory?.length).toBeGreaterThan(3);
    // Falls end on the ground.
    expect(one.trajectory?.at(-1)?.z).toBe(0);
    const none = await staff.twin.incidents({ slug: 'jinghu', from: '2020-01-01', to: '2020-01-31' });
    expect(none).toEqual([]);
  });

  it('gives a device with its telemetry and events, and refuses an unknown one', async () => {
    const scene = await staff.twin.scene({ slug: 'jinghu' });
    const device = await staff.twin.device({ id: scene.devices.id[0]! });
    expect(device.code).toBe(scene.devices.code[0]);
    expect(typeof device.telemetry).toBe('object');
    expect(Array.isArray(device.events)).toBe(true);
    await expect(staff.twin.device({ id: 999_999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
