// Retrofit case changes: a dated stage move checked against the stage rules,
// and the import of willingness registrations and votes.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, households, retrofitCases, retrofitStageChanges, retrofitVotes, units } from '~/db/schema';
import { stageIndex, type ConsentRule, type RetrofitStage, type SubsidyRule } from '~/db/vocab';
import { localToday } from '~/lib/calendar';
import { DomainError } from '../domain/errors';
import { checkMove } from '../domain/stage-rules';
import { validateImport, type ImportTarget } from '../domain/vote-import';
import { readTable, UnreadableFileError } from '../import/read-table';
import { loadCases, retrofitCase } from '../queries/retrofit-cases';
import { changedFields, recordChange } from './community-changes';

export type StageMove = {
  caseId: number;
  to: RetrofitStage;
  on: string;
  note?: string;
  publicityProposal?: string;
  objectionChannel?: string;
};

/** Moves a case to another stage, dated, with a note; refused with the rule's code when it breaks one. */
export async function moveRetrofitCase(db: Db, move: StageMove, by: string, now = new Date()) {
  const c = await retrofitCase(db, move.caseId);
  const check = checkMove(
    {
      stage: c.stage,
      history: c.history,
      publicityDays: c.publicityDays,
      consentMet: c.consent.met,
      openObjections: c.objections.filter((o) => o.resolvedOn === null).length,
    },
    { to: move.to, on: move.on, note: move.note, publicityProposal: move.publicityProposal ?? c.publicityProposal },
    localToday(now),
  );
  if (!check.ok) throw check.error;
  await db.transaction(async (tx) => {
    await tx
      .insert(retrofitStageChanges)
      .values({ caseId: c.caseId, stage: move.to, on: move.on, note: move.note || null, by });
    await tx
      .update(retrofitCases)
      .set({
        stage: move.to,
        stalledReason: move.to === 'stalled' ? (move.note ?? null) : null,
        ...(move.to === 'publicity'
          ? {
              publicityProposal: move.publicityProposal ?? c.publicityProposal,
              objectionChannel: move.objectionChannel ?? c.objectionChannel,
            }
          : {}),
      })
      .where(eq(retrofitCases.id, c.caseId));
  });
  return { caseId: c.caseId, stage: move.to, on: move.on };
}

/**
 * Imports willingness registrations and votes from CSV or .xlsx. Every row
 * is checked first; if any row is bad, nothing is written and every bad row
 * is reported. Otherwise all rows are written in one transaction.
 */
export async function importVotes(db: Db, communityId: number, file: { format: 'csv' | 'xlsx'; content: string }) {
  let table: string[][];
  try {
    table = await readTable(file.format, file.content);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      throw new DomainError('retrofit.importUnreadable', { detail: error.message });
    throw error;
  }
  const cases = await loadCases(db, { communityId });
  const ordinals = await db
    .select({ id: units.id, ordinal: units.ordinal })
    .from(units)
    .where(inArray(units.id, cases.length ? cases.map((c) => c.unitId) : [-1]));
  const targets: ImportTarget[] = cases.map((c) => ({
    caseId: c.caseId,
    unitId: c.unitId,
    buildingNumber: c.buildingNumber,
    unitName: c.unitName,
    unitOrdinal: ordinals.find((o) => o.id === c.unitId)?.ordinal ?? 0,
    open: c.stage === 'stalled' || stageIndex(c.stage) < stageIndex('signed'),
    households: new Map(c.households.map((h) => [h.room, { householdId: h.householdId, areaM2: h.areaM2 }])),
  }));
  const { rows, errors } = validateImport(table, targets);
  if (errors.length > 0) return { written: 0, rows: table.length - 1, errors };
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const r of rows) {
      await tx
        .update(retrofitVotes)
        .set({
          ...(r.vote ? { vote: r.vote, votedAt: r.vote === 'not_voted' ? null : now } : {}),
          ...(r.intent ? { intentRegistered: true } : {}),
        })
        .where(and(eq(retrofitVotes.caseId, r.caseId), eq(retrofitVotes.householdId, r.householdId)));
    }
  });
  return { written: rows.length, rows: rows.length, errors };
}

/**
 * Opens a retrofit case for a unit (onboarding wizard): stage 'intent', dated today, with a
 * ballot (not voted) for each of the unit's households. Refused if the unit has one. Audited.
 */
export async function openRetrofitCase(db: Db, unitId: number, actor: string, now = new Date()) {
  const [unit] = await db
    .select({ id: units.id, communityId: buildings.communityId, name: units.name, building: buildings.number })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(eq(units.id, unitId));
  if (!unit) throw new DomainError('unit.idNotFound', { id: unitId });
  const [existing] = await db
    .select({ id: retrofitCases.id })
    .from(retrofitCases)
    .where(eq(retrofitCases.unitId, unitId));
  if (existing) throw new DomainError('retrofit.caseExists', { unit: unitId });
  const on = localToday(now);
  return db.transaction(async (tx) => {
    const [c] = await tx.insert(retrofitCases).values({ unitId, stage: 'intent' }).onConflictDoNothing().returning();
    if (!c) throw new DomainError('retrofit.caseExists', { unit: unitId });
    await tx.insert(retrofitStageChanges).values({ caseId: c.id, stage: 'intent', on, by: actor });
    const homes = await tx.select({ id: households.id }).from(households).where(eq(households.unitId, unitId));
    if (homes.length) await tx.insert(retrofitVotes).values(homes.map((h) => ({ caseId: c.id, householdId: h.id })));
    await recordChange(tx, {
      communityId: unit.communityId,
      kind: 'retrofitCase.open',
      actor,
      subject: `retrofitCase:${c.id}`,
      detail: { building: unit.building, unit: unit.name, on, households: homes.length },
    });
    return { caseId: c.id, stage: c.stage, on };
  });
}

/** A case's cost inputs as the wizard enters them: money in yuan (stored in fen). */
export type CaseInputs = {
  totalCostYuan?: number | null;
  subsidy?: { kind: 'percent'; percent: number; capYuan: number } | { kind: 'fixed'; amountYuan: number } | null;
  /** Per-floor coefficients ("3" → 0.7); null for the published default table. */
  floorCoefficients?: Record<string, number> | null;
  consentRule?: ConsentRule;
  publicityDays?: number;
};

const fen = (yuan: number) => Math.round(yuan * 100);

/** Sets a case's total cost, subsidy rule, floor coefficients, consent rule and publicity length. Audited. */
export async function setRetrofitInputs(db: Db, caseId: number, input: CaseInputs, actor: string) {
  const [before] = await db.select().from(retrofitCases).where(eq(retrofitCases.id, caseId));
  if (!before) throw new DomainError('retrofit.caseNotFound', { id: caseId });
  const patch: Partial<typeof retrofitCases.$inferInsert> = {};
  if (input.totalCostYuan !== undefined)
    patch.totalCostFen = input.totalCostYuan === null ? null : fen(input.totalCostYuan);
  if (input.subsidy !== undefined) {
    const s = input.subsidy;
    patch.subsidyRule = (
      s === null
        ? null
        : s.kind === 'percent'
          ? { kind: 'percent', percent: s.percent, capFen: fen(s.capYuan) }
          : { kind: 'fixed', amountFen: fen(s.amountYuan) }
    ) satisfies SubsidyRule | null;
  }
  if (input.floorCoefficients !== undefined) patch.floorCoefficients = input.floorCoefficients;
  if (input.consentRule !== undefined) patch.consentRule = input.consentRule;
  if (input.publicityDays !== undefined) patch.publicityDays = input.publicityDays;
  const diff = changedFields(before, patch);
  if (Object.keys(diff).length === 0) return before;
  const [communityRow] = await db
    .select({ communityId: buildings.communityId })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(eq(units.id, before.unitId));
  return db.transaction(async (tx) => {
    const [after] = await tx.update(retrofitCases).set(patch).where(eq(retrofitCases.id, caseId)).returning();
    await recordChange(tx, {
      communityId: communityRow!.communityId,
      kind: 'retrofitCase.update',
      actor,
      subject: `retrofitCase:${caseId}`,
      detail: diff,
    });
    return after!;
  });
}
