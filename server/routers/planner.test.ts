// The planner through createCaller, on every engine: coverage, scenarios,
// the optimizer and export, and no owner's name or phone in any of it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, type Database } from '~/db/client';
import { callerAs, createSeededDatabase, type Caller } from '~/test/callers';
import { testEngines } from '~/test/db';

const slug = 'caifu-xingyuan';

describe.each(testEngines)('planner router on %s', (engine) => {
  let database: Database;
  let planner: Caller;
  beforeAll(async () => {
    database = await createSeededDatabase(engine);
    planner = await callerAs(database.db, 'planner');
  });
  afterAll(() => database?.close());

  it('lists all 24 units with age bands and the stranded, and no owner', async () => {
    const { units } = await planner.planner.units({ slug });
    expect(units).toHaveLength(24);
    expect(units.filter((u) => u.hasElevator)).toHaveLength(3);
    expect(units.filter((u) => u.hasElevator).every((u) => u.stranded === 0)).toBe(true);
    expect(units.reduce((n, u) => n + u.residents60plus, 0)).toBeGreaterThanOrEqual(300);
    const owners = await selectRows<{ owner_name: string; owner_phone: string }>(
      database.db,
      sql`select owner_name, owner_phone from households where owner_name is not null`,
    );
    const json = JSON.stringify(await planner.planner.units({ slug }));
    for (const o of owners) expect(json.includes(o.owner_name) || json.includes(o.owner_phone)).toBe(false);
  });

  it('lowers the stranded count by what the chosen units hold', async () => {
    const { units } = await planner.planner.units({ slug });
    const pick = units.filter((u) => !u.hasElevator && u.stranded > 0).slice(0, 3);
    const e = await planner.planner.evaluate({ slug, unitIds: pick.map((u) => u.unitId) });
    expect(e.after.stranded).toBe(e.before.stranded - pick.reduce((n, u) => n + u.stranded, 0));
    expect(e.after.householdsStepFree).toBeGreaterThan(e.before.householdsStepFree);
    expect(e.ownersFen + e.subsidyFen).toBe(e.totalFen);
    expect(e.byFloor.reduce((n, f) => n + f.shareFen, 0)).toBe(e.ownersFen);
    // 80+ only, from the 2nd floor: a different count.
    const strict = await planner.planner.evaluate({ slug, unitIds: [], settings: { minAge: 80, minFloor: 2 } });
    expect(strict.before.stranded).not.toBe(e.before.stranded);
  });

  it('optimizes within the budget and the subsidy cap', async () => {
    const r = await planner.planner.optimize({ slug, budgetFen: 250_000_000, subsidyCapFen: 80_000_000 });
    expect(r.unitIds.length).toBeGreaterThan(0);
    expect(r.costFen).toBeLessThanOrEqual(250_000_000);
    expect(r.subsidyFen).toBeLessThanOrEqual(80_000_000);
    expect(r.optimal).toBe(true);
    const { units } = await planner.planner.units({ slug });
    expect(r.unitIds.every((id) => units.find((u) => u.unitId === id)?.hasElevator === false)).toBe(true);
    // It names the units it chose, each with the stranded residents it serves and its cost, adding up.
    expect(r.chosen.map((c) => c.unitId).sort((a, b) => a - b)).toEqual(r.unitIds);
    for (const c of r.chosen) {
      const row = units.find((u) => u.unitId === c.unitId)!;
      expect(c).toMatchObject({ buildingName: row.buildingName, unitName: row.unitName, costFen: row.totalCostFen });
    }
    expect(r.chosen.reduce((n, c) => n + c.stranded, 0)).toBe(r.value);
    expect(r.chosen.reduce((n, c) => n + c.costFen, 0)).toBe(r.costFen);
    // And the settings, budget and cap it was asked with, so the page can tell when it no longer applies.
    expect(r).toMatchObject({
      budgetFen: 250_000_000,
      subsidyCapFen: 80_000_000,
      settings: { minAge: 60, minFloor: 3 },
    });
  });

  it('saves, lists, refuses a duplicate name, exports and deletes a scenario', async () => {
    const { units } = await planner.planner.units({ slug });
    const ids = units.filter((u) => u.stage === 'vote').map((u) => u.unitId);
    const { id } = await planner.planner.saveScenario({ slug, name: '表决中单元', unitIds: ids });
    const list = await planner.planner.scenarios({ slug });
    expect(list.find((s) => s.id === id)).toMatchObject({
      name: '表决中单元',
      unitIds: [...ids].sort((a, b) => a - b),
    });
    await expect(planner.planner.saveScenario({ slug, name: '表决中单元', unitIds: ids })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(planner.planner.saveScenario({ slug, name: 'x', unitIds: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(planner.planner.saveScenario({ slug, name: 'foreign', unitIds: [999_999] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const { csv } = await planner.planner.exportCsv({ id });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF楼栋 building,单元 unit/);
    expect(lines).toHaveLength(ids.length + 1);
    const report = await planner.planner.scenario({ id });
    expect(report.units).toHaveLength(ids.length);
    await planner.planner.deleteScenario({ id });
    expect((await planner.planner.scenarios({ slug })).find((s) => s.id === id)).toBeUndefined();
  });
});
