// A community's alarm thresholds over the design values (server/domain/alarm-rules.ts), set by its
// engineer; the ingest reads them with each device (server/ingest/directory.ts). Beside them, its
// alarm response targets (server/domain/response-targets.ts), which the ops desk reads. Audited.
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { communities, devices } from '~/db/schema';
import type { AlarmSeverity } from '~/db/vocab';
import { THRESHOLD_BOUNDS, thresholdTable, type ThresholdKey } from '../domain/alarm-rules';
import { DomainError } from '../domain/errors';
import { RESPONSE_BOUNDS, responseKey, responseTargetTable, responseTargetValid } from '../domain/response-targets';
import { recordChange } from './community-changes';

/**
 * Sets some thresholds (null: back to the design value); refused with the bounds when one is
 * outside them, and nothing is written. Returns the table in force and the community's device
 * codes, whose cached entries the ingest must drop so the next event reads the new values.
 */
export async function setThresholds(
  db: Db,
  communityId: number,
  values: Partial<Record<ThresholdKey, number | null>>,
  actor: string,
) {
  for (const [key, value] of Object.entries(values) as Array<[ThresholdKey, number | null | undefined]>) {
    const b = THRESHOLD_BOUNDS[key];
    if (value !== null && value !== undefined && !(Number.isFinite(value) && value >= b.min && value <= b.max))
      throw new DomainError('threshold.outOfBounds', { key, min: b.min, max: b.max });
  }
  const [before] = await db
    .select({ thresholds: communities.thresholds })
    .from(communities)
    .where(eq(communities.id, communityId));
  if (!before) throw new Error(`community ${communityId} vanished`);
  const next: Record<string, number> = {};
  for (const [k, v] of Object.entries(before.thresholds)) if (typeof v === 'number') next[k] = v;
  const diff: Record<string, [number | null, number | null]> = {};
  for (const [key, value] of Object.entries(values) as Array<[ThresholdKey, number | null | undefined]>) {
    if (value === undefined) continue;
    const old = next[key] ?? null;
    if (old === value) continue;
    diff[key] = [old, value];
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const codes = (await db.select({ code: devices.code }).from(devices).where(eq(devices.communityId, communityId))).map(
    (d) => d.code,
  );
  if (Object.keys(diff).length === 0) return { thresholds: thresholdTable(next), deviceCodes: [] as string[] };
  await db.transaction(async (tx) => {
    await tx.update(communities).set({ thresholds: next }).where(eq(communities.id, communityId));
    await recordChange(tx, { communityId, kind: 'thresholds.update', actor, detail: diff });
  });
  return { thresholds: thresholdTable(next), deviceCodes: codes };
}

/**
 * Sets some alarm response targets (minutes by severity; null: back to the default), stored
 * with the thresholds (server/domain/response-targets.ts). Refused with the bounds when one is
 * outside them, and nothing is written; a change is audited as `responseTargets.update` with
 * each severity's before and after. Returns the table in force.
 */
export async function setResponseTargets(
  db: Db,
  communityId: number,
  values: Partial<Record<AlarmSeverity, number | null>>,
  actor: string,
) {
  for (const [severity, value] of Object.entries(values) as Array<[AlarmSeverity, number | null | undefined]>) {
    if (value !== null && value !== undefined && !responseTargetValid(severity, value)) {
      const b = RESPONSE_BOUNDS[severity];
      throw new DomainError('threshold.outOfBounds', { key: responseKey(severity), min: b.min, max: b.max });
    }
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ thresholds: communities.thresholds })
      .from(communities)
      .where(eq(communities.id, communityId))
      .for('update');
    if (!before) throw new Error(`community ${communityId} vanished`);
    const next: Record<string, number> = {};
    for (const [k, v] of Object.entries(before.thresholds)) if (typeof v === 'number') next[k] = v;
    const diff: Record<string, [number | null, number | null]> = {};
    for (const [severity, value] of Object.entries(values) as Array<[AlarmSeverity, number | null | undefined]>) {
      if (value === undefined) continue;
      const key = responseKey(severity);
      const old = next[key] ?? null;
      if (old === value) continue;
      diff[severity] = [old, value];
      if (value === null) delete next[key];
      else next[key] = value;
    }
    if (Object.keys(diff).length > 0) {
      await tx.update(communities).set({ thresholds: next }).where(eq(communities.id, communityId));
      await recordChange(tx, { communityId, kind: 'responseTargets.update', actor, detail: diff });
    }
    return responseTargetTable(next);
  });
}
