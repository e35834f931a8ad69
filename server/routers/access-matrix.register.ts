// Matrix entries (access.test.ts) for the household register and the device list and table.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { devices } from '~/db/schema';
import type { Entry, Place } from './access-matrix';

const slug = (p: { slug: string }) => ({ slug: p.slug });
// A header and no rows: admitted, checked, refused row by row in the answer, nothing written.
const emptyRegister = (p: Place) => ({
  slug: p.slug,
  format: 'csv',
  content: '楼栋,单元,房号,建筑面积\n',
  dryRun: true,
});
const emptyDeviceList = (p: Place) => ({ slug: p.slug, format: 'csv', content: '设备编号,设备类型,楼栋\n' });

async function firstHousehold(db: Db, p: Place) {
  const [row] = await selectRows<{ id: number }>(
    db,
    sql`select min(id)::int as id from households where unit_id = ${p.unit}`,
  );
  return row!.id;
}

/** A device of `p`'s community made for a call that retires one. */
async function spareDevice(db: Db, p: Place) {
  const [row] = await db
    .insert(devices)
    .values({
      communityId: p.id,
      code: `MATRIX-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
      class: 'smoke_detector',
      name: 'matrix',
      heartbeatSeconds: 3600,
    })
    .returning({ id: devices.id });
  return row!.id;
}

export const REGISTER_MATRIX: Record<string, Entry> = {
  'household.importHouseholds': { tier: 'staff', input: emptyRegister },
  'household.list': { tier: 'staff', input: (p) => ({ ...slug(p), unitId: p.unit, limit: 5 }) },
  // No field given: admitted, and nothing changes.
  'household.update': { tier: 'staff', input: async (p, _o, db) => ({ id: await firstHousehold(db, p) }) },
  'device.places': { tier: 'staff', input: slug },
  'device.importDevices': { tier: 'staff', input: emptyDeviceList },
  'device.update': { tier: 'staff', input: (p) => ({ id: p.device }) },
  'device.setMaintenance': { tier: 'staff', input: (p) => ({ id: p.device, on: false }) },
  'device.retire': { tier: 'staff', input: async (p, _o, db) => ({ id: await spareDevice(db, p) }) },
  'device.reissueToken': { tier: 'staff', input: (p) => ({ id: p.device }) },
};
