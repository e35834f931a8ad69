// Matrix entries (access.test.ts) for the wizard's grids, patrol, retrofit-case and threshold
// steps (docs/ONBOARDING.md). Update and delete entries name objects made for the call in the
// place the call is about, so every admitted call finds one of its own.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { Entry, Place } from './access-matrix';

const slug = (p: { slug: string }) => ({ slug: p.slug });
let made = 0;
const tag = () => `${process.pid}-${++made}`;

async function insertId(db: Db, query: ReturnType<typeof sql>) {
  const [row] = await selectRows<{ id: number }>(db, query);
  return row!.id;
}
const grid = (p: Place, db: Db) =>
  insertId(
    db,
    sql`insert into grids (community_id, name, kind, head_name, head_role)
        values (${p.id}, ${`矩阵网格 ${tag()}`}, 'combined', '网格员', '网格员') returning id`,
  );
const point = (p: Place, db: Db) =>
  insertId(
    db,
    sql`insert into patrol_points (community_id, code, name, x, y)
        values (${p.id}, ${`MX-${tag()}`}, '矩阵巡更点', 0, 0) returning id`,
  );
const route = (p: Place, db: Db) =>
  insertId(db, sql`insert into patrol_routes (community_id, name) values (${p.id}, '矩阵路线') returning id`);

export const SETUP_MATRIX: Record<string, Entry> = {
  'grid.list': { tier: 'staff', input: slug },
  'grid.create': {
    tier: 'staff',
    input: (p) => ({
      ...slug(p),
      name: `矩阵网格 ${tag()}`,
      kind: 'party',
      headName: '张网格',
      headRole: '网格员',
      buildingIds: [p.building],
    }),
  },
  'grid.update': { tier: 'staff', input: async (p, _o, db) => ({ id: await grid(p, db), headRole: '楼栋长' }) },
  'grid.delete': { tier: 'staff', input: async (p, _o, db) => ({ id: await grid(p, db) }) },

  'patrol.setup': { tier: 'staff', input: slug },
  'patrol.createPoint': {
    tier: 'staff',
    input: (p) => ({ ...slug(p), code: `MC-${tag()}`, name: '东门', buildingId: p.building, x: 10, y: -5 }),
  },
  'patrol.updatePoint': { tier: 'staff', input: async (p, _o, db) => ({ id: await point(p, db), name: '西门' }) },
  'patrol.deletePoint': { tier: 'staff', input: async (p, _o, db) => ({ id: await point(p, db) }) },
  'patrol.createRoute': {
    tier: 'staff',
    input: async (p, _o, db) => ({
      ...slug(p),
      name: '夜间路线',
      stops: [{ pointId: await point(p, db), dueMinutes: 0, windowMinutes: 15 }],
    }),
  },
  'patrol.updateRoute': { tier: 'staff', input: async (p, _o, db) => ({ id: await route(p, db), name: '日间路线' }) },
  'patrol.deleteRoute': { tier: 'staff', input: async (p, _o, db) => ({ id: await route(p, db) }) },
  'patrol.setPlans': {
    tier: 'staff',
    input: async (p, _o, db) => ({
      id: await route(p, db),
      plans: [{ frequency: 'weekly', weekdays: [1, 3, 5], startTime: '21:00', shift: '夜班' }],
    }),
  },

  'retrofit.setup': { tier: 'staff', input: slug },
  // The unit of the place's case: admitted, and refused as already having one (nothing written).
  'retrofit.open': {
    tier: 'staff',
    input: async (p, _o, db) => {
      const [row] = await selectRows<{ unitId: number }>(
        db,
        sql`select unit_id as "unitId" from retrofit_cases where id = ${p.retrofitCase}`,
      );
      return { unitId: row!.unitId };
    },
    rejects: 'CONFLICT',
  },
  'retrofit.setInputs': { tier: 'staff', input: (p) => ({ caseId: p.retrofitCase, publicityDays: 20 }) },

  'onboard.founding': { tier: 'signedIn' },
  'onboard.thresholds': { tier: 'staff', input: slug },
  'onboard.setThresholds': { tier: 'staff', input: (p) => ({ ...slug(p), values: { manholeTiltDegrees: 15 } }) },
};
