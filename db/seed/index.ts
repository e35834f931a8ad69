// The demo data: the three communities of the source articles (docs/DOMAIN.md § Demo data)
// with 90 days of history before `today`. Deterministic: the same `today`
// writes the same rows, ids included, into an empty database.
import type { Db } from '../client';
import type { DeviceClass, RetrofitStage } from '../vocab';
import { seedCaifu, type CaifuSeed } from './caifu-xingyuan';
import { Clock } from './clock';
import type { SeededCommunity } from './community';
import type { SeededDevice } from './devices';
import { seedCaifuHistory, seedJinghuHistory, seedXingyiHistory } from './history';
import type { Seeder } from './insert';
import { seedJinghu } from './jinghu';
import { seedStreet } from './street';
import { seedXingyi } from './xingyi-huayuan';

export type CommunitySummary = {
  slug: string;
  buildings: number;
  units: number;
  households: number;
  residents60plus: number;
  residents80plus: number;
  devices: number;
  devicesByClass: Partial<Record<DeviceClass, number>>;
};

export type SeedSummary = {
  today: string;
  communities: CommunitySummary[];
  patrolPoints: number;
  retrofitByStage: Partial<Record<RetrofitStage, number>>;
  /** Rows written, by table. */
  rows: Record<string, number>;
};

function summarise(community: SeededCommunity, devices: SeededDevice[]): CommunitySummary {
  const households = community.buildings.flatMap((b) => b.units.flatMap((u) => u.households));
  const devicesByClass: Partial<Record<DeviceClass, number>> = {};
  for (const d of devices) devicesByClass[d.class] = (devicesByClass[d.class] ?? 0) + 1;
  return {
    slug: community.info.slug,
    buildings: community.buildings.length,
    units: community.buildings.reduce((n, b) => n + b.units.length, 0),
    households: households.length,
    residents60plus: households.reduce((n, h) => n + h.occupants60to79 + h.occupants80plus, 0),
    residents80plus: households.reduce((n, h) => n + h.occupants80plus, 0),
    devices: devices.length,
    devicesByClass,
  };
}

/** The install_markers row saying the demo was seeded here: it is never seeded again (server/db.ts). */
export const DEMO_SEEDED = 'demo_seeded';

/**
 * Seeds the demo communities into an empty database. `today` is the local
 * date (Asia/Shanghai, YYYY-MM-DD); history covers the 90 days before it and
 * nothing is dated on or after it. One transaction: a failed seed leaves
 * nothing behind, so "seed if empty" can simply be retried.
 */
export async function seedDemo(db: Db, opts: { today: string }): Promise<SeedSummary> {
  const clock = new Clock(opts.today);
  return db.transaction(async (tx) => {
    const seeder: Seeder = { db: tx, stamp: clock.now, counts: new Map() };
    const caifu: CaifuSeed = await seedCaifu(seeder, clock);
    const jinghu = await seedJinghu(seeder, clock);
    const xingyi = await seedXingyi(seeder, clock);
    await seedStreet(seeder);
    await seedCaifuHistory(seeder, clock, caifu);
    await seedJinghuHistory(seeder, clock, jinghu);
    await seedXingyiHistory(seeder, clock, xingyi);

    const retrofitByStage: Partial<Record<RetrofitStage, number>> = {};
    for (const s of caifu.stages) retrofitByStage[s] = (retrofitByStage[s] ?? 0) + 1;
    return {
      today: clock.today,
      communities: [
        summarise(caifu.community, caifu.devices),
        summarise(jinghu.community, jinghu.devices),
        summarise(xingyi.community, xingyi.devices),
      ],
      patrolPoints: seeder.counts.get('patrol_points') ?? 0,
      retrofitByStage,
      rows: Object.fromEntries([...seeder.counts].sort(([a], [b]) => a.localeCompare(b))),
    };
  });
}
