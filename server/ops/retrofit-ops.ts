// Retrofit case changes: a dated stage move checked against the stage rules,
// and the import of willingness registrations and votes.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { retrofitCases, retrofitStageChanges, retrofitVotes, units } from '~/db/schema';
import { stageIndex, type RetrofitStage } from '~/db/vocab';
import { localToday } from '~/lib/calendar';
import { DomainError } from '../domain/errors';
import { checkMove } from '../domain/stage-rules';
import { validateImport, type ImportTarget } from '../domain/vote-import';
import { readTable, UnreadableFileError } from '../import/read-table';
import { loadCases, retrofitCase } from '../queries/retrofit-cases';

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
