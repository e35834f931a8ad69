// Device credentials. Each device gets its own random token, shown once when
// issued; only its hash is stored.
//
// The hash is a single SHA-256, not scrypt or argon2: those slow a guesser
// down against low-entropy human passwords, but a token carries 256 random
// bits, so no guessing attack on a leaked hash is feasible, and a slow hash
// would cost tens of milliseconds of CPU on every ingest request. Comparing
// by hash lookup also means the secret itself never meets a timing-variable
// string comparison.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import type { DeviceClass } from '~/db/vocab';

const PREFIX = 'ldt_';

export function newDeviceToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time check of a presented token against a stored hash. */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashDeviceToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type IssuedToken = {
  id: number;
  code: string;
  class: DeviceClass;
  token: string;
  heartbeatSeconds: number;
  floor: number | null;
  floorBand: [number, number] | null;
  buildingFloors: number | null;
};

export type TokenSelection = {
  communityId: number;
  codes?: string[];
  classes?: DeviceClass[];
  /** Up to this many devices of each class (after codes/classes filter). */
  perClass?: number;
  limit: number;
};

/**
 * Issues (or rotates) tokens for the selected devices and returns them — the
 * only time they are ever visible. A rotated device's old token stops working
 * at once on this instance and within the directory's cache lifetime elsewhere.
 */
export async function issueDeviceTokens(db: Db, sel: TokenSelection): Promise<IssuedToken[]> {
  const where: SQL[] = [sql`d.community_id = ${sel.communityId}`];
  if (sel.codes) where.push(sql`d.code = any(${`{${sel.codes.map((c) => `"${c}"`).join(',')}}`}::text[])`);
  if (sel.classes) where.push(sql`d.class = any(${`{${sel.classes.join(',')}}`}::text[])`);
  const perClass = sel.perClass ?? 1_000_000;
  const rows = await selectRows<{
    id: number;
    code: string;
    class: DeviceClass;
    heartbeat_seconds: number;
    floor: number | null;
    config: { floorBand?: [number, number] } | null;
    floors: number | null;
  }>(
    db,
    sql`select id, code, class, heartbeat_seconds, floor, config, floors from (
          select d.id, d.code, d.class, d.heartbeat_seconds, d.floor, d.config, b.floors,
                 row_number() over (partition by d.class order by d.id) as n
          from devices d left join buildings b on b.id = d.building_id
          where ${sql.join(where, sql` and `)}) s
        where n <= ${perClass} order by id limit ${sel.limit}`,
  );
  const issued = rows.map((r) => ({
    id: r.id,
    code: r.code,
    class: r.class,
    token: newDeviceToken(),
    heartbeatSeconds: r.heartbeat_seconds,
    floor: r.floor,
    floorBand: r.config?.floorBand ?? null,
    buildingFloors: r.floors,
  }));
  if (issued.length === 0) return [];
  const updates = JSON.stringify(issued.map((t) => ({ id: t.id, h: hashDeviceToken(t.token) })));
  await db.execute(
    sql`update devices d set token_hash = r.h, updated_at = now()
        from jsonb_to_recordset(${updates}::jsonb) as r(id int, h text) where d.id = r.id`,
  );
  return issued;
}
