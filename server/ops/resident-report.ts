// Residents' reports from the public form: no login, rate-limited per client
// address, and nothing personal shown back (docs/DOMAIN.md § Privacy) — the reporter gets
// a reference that reveals only the order's state.
import { asc, eq } from 'drizzle-orm';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { Db } from '~/db/client';
import { buildings, units } from '~/db/schema';
import { PUBLIC_AREAS } from '~/db/vocab';
import { env } from '../env';
import { DomainError } from '../domain/errors';
import type { LivePublisher } from '../live/publisher';
import { communityBySlug } from '../queries/communities';
import { openWorkOrder } from './work-order-ops';

/** What a resident can report; each maps to a due time in server/domain/work-order-flow.ts. */
export const REPORT_CATEGORIES = [
  '楼道电动车充电',
  '电动车违停',
  '漏水',
  '路灯',
  '垃圾清运',
  '噪音',
  '设施维修',
  '其他',
] as const;

/** The place arrives as one select value: "a:<public area>", "b:<building id>" or "u:<unit id>". */
export const reportForm = z.object({
  category: z.enum(REPORT_CATEGORIES),
  place: z.string().regex(/^(a:[a-z_]+|b:\d{1,9}|u:\d{1,9})$/),
  floor: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number().int().min(-5).max(120).optional(),
  ),
  description: z.string().trim().min(5).max(500),
});
export type ReportForm = z.infer<typeof reportForm>;

/** The community of a report URL, or null (the pages answer 404) when there is none. */
async function reportCommunity(db: Db, slug: string) {
  return communityBySlug(db, slug).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'community.notFound') return null;
    throw error;
  });
}

export async function reportPlaces(db: Db, slug: string) {
  const found = await reportCommunity(db, slug);
  if (!found) return null;
  const community = { id: found.id, name: found.name, nameEn: found.nameEn };
  const rows = await db
    .select({ buildingId: buildings.id, building: buildings.name, unitId: units.id, unit: units.name })
    .from(buildings)
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.communityId, community.id))
    .orderBy(asc(buildings.id), asc(units.id));
  const list: Array<{ id: number; name: string; units: Array<{ id: number; name: string }> }> = [];
  for (const r of rows) {
    let b = list.at(-1);
    if (!b || b.id !== r.buildingId) list.push((b = { id: r.buildingId, name: r.building, units: [] }));
    if (r.unitId !== null && r.unit !== null) b.units.push({ id: r.unitId, name: r.unit });
  }
  return { community, buildings: list, areas: PUBLIC_AREAS };
}

export async function submitReport(
  db: Db,
  live: LivePublisher,
  slug: string,
  form: ReportForm,
): Promise<{ reference: string } | null> {
  const community = await reportCommunity(db, slug);
  if (!community) return null;
  const [kind, value = ''] = form.place.split(':') as [string, string];
  const areas: readonly string[] = PUBLIC_AREAS;
  if (kind === 'a' && !areas.includes(value)) return null;
  const place =
    kind === 'a'
      ? { publicArea: value as (typeof PUBLIC_AREAS)[number] }
      : kind === 'b'
        ? { buildingId: Number(value), floor: form.floor }
        : { unitId: Number(value), floor: form.floor };
  const order = await openWorkOrder(db, live, {
    communityId: community.id,
    source: 'resident',
    category: form.category,
    description: form.description,
    place,
    actor: 'resident',
  });
  return { reference: order.code };
}

const globalForLimit = globalThis as unknown as { linliReportLimiter?: RateLimiterMemory };

/**
 * Memory store by default: enough for one instance. Behind several instances
 * the limit is per instance; a Redis-backed limiter (RateLimiterRedis on
 * REDIS_URL) would share it.
 */
function limiter(): RateLimiterMemory {
  globalForLimit.linliReportLimiter ??= new RateLimiterMemory({
    keyPrefix: 'report',
    points: env.REPORT_RATE_POINTS,
    duration: env.REPORT_RATE_WINDOW_SECONDS,
  });
  return globalForLimit.linliReportLimiter;
}

/** null: allowed; otherwise the seconds to wait. */
export async function takeReportToken(clientAddress: string): Promise<number | null> {
  try {
    await limiter().consume(clientAddress);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
