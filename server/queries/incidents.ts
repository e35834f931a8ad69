import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { incidents } from '~/db/schema';
import type { IncidentKind } from '~/db/vocab';

/** A community's latest incidents, of one kind or all, newest first. */
export function recentIncidents(db: Db, q: { communityId: number; kind?: IncidentKind; limit: number }) {
  const where: SQL[] = [eq(incidents.communityId, q.communityId)];
  if (q.kind) where.push(eq(incidents.kind, q.kind));
  return db
    .select()
    .from(incidents)
    .where(and(...where))
    .orderBy(desc(incidents.occurredAt))
    .limit(q.limit);
}
