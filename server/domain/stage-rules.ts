// When a retrofit case may move to another stage (docs/DOMAIN.md § Retrofit stages). The order is
// 意愿登记 → 表决 → 签约 → 设计/图审 → 公示 → 施工许可 → 施工 → 验收/登记 →
// 投入使用, one stage at a time, or 搁置 (stalled) with a reason from any stage
// before service. Every refusal carries a reason in Chinese and English.
import { RETROFIT_STAGES, stageIndex, type RetrofitStage } from '~/db/vocab';

export type CaseState = {
  stage: RetrofitStage;
  /** Stage changes, oldest first, as dated (YYYY-MM-DD). */
  history: readonly { stage: RetrofitStage; on: string }[];
  publicityDays: number;
  /** Consent under the case's rule, occupied-space veto included. */
  consentMet: boolean;
  openObjections: number;
};

export type Move = { to: RetrofitStage; on: string; note?: string | null; publicityProposal?: string | null };

export type MoveCheck = { ok: true } | { ok: false; reason: string; zh: string; en: string };

const DAY_MS = 86_400_000;

/** Whole days from a to b (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The publicity period: from the day it was posted, `publicityDays` natural days; a permit may follow on `endsOn`. */
export function publicityPeriod(state: Pick<CaseState, 'history' | 'publicityDays'>, today: string) {
  const posted = [...state.history].reverse().find((h) => h.stage === 'publicity');
  if (!posted) return null;
  const endsOn = addDays(posted.on, state.publicityDays);
  return { startsOn: posted.on, endsOn, daysLeft: Math.max(0, daysBetween(today, endsOn)) };
}

const refuse = (reason: string, zh: string, en: string): MoveCheck => ({ ok: false, reason, zh, en });

function validDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** The stage a stalled case had reached before it stalled. */
function stageBeforeStall(history: CaseState['history']): RetrofitStage | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.stage !== 'stalled') return history[i]!.stage;
  return null;
}

export function checkMove(state: CaseState, move: Move, today: string): MoveCheck {
  if (!validDate(move.on)) return refuse('bad_date', `日期无效：${move.on}`, `Not a valid date: ${move.on}`);
  if (move.on > today)
    return refuse(
      'future',
      `日期 ${move.on} 在今天（${today}）之后，不能预先登记`,
      `${move.on} is after today (${today}); record a change once it has happened`,
    );
  const last = state.history.at(-1);
  if (last && move.on < last.on) {
    return refuse(
      'before_previous',
      `日期 ${move.on} 早于上一次变更（${last.on}）`,
      `${move.on} is before the previous change (${last.on})`,
    );
  }
  if (move.to === state.stage) return refuse('same_stage', '案件已处于该阶段', 'The case is already at this stage');
  if (state.stage === 'in_service')
    return refuse('finished', '电梯已投入使用，案件已结束', 'The elevator is in service; the case is closed');

  if (move.to === 'stalled') {
    if (!move.note?.trim()) return refuse('reason_required', '搁置须填写原因', 'Give the reason the case is stalled');
    return { ok: true };
  }

  // Resuming: back to the stage it stalled at, or on to the next one.
  const from = state.stage === 'stalled' ? stageBeforeStall(state.history) : state.stage;
  const fromIdx = from === null ? -1 : stageIndex(from);
  const toIdx = stageIndex(move.to);
  const resumeSame = state.stage === 'stalled' && move.to === from;
  if (!resumeSame && toIdx !== fromIdx + 1) {
    const next = RETROFIT_STAGES[fromIdx + 1];
    return toIdx < fromIdx
      ? refuse(
          'backwards',
          '不能退回到之前的阶段；如需暂停请选择“搁置”',
          'Cases do not move back; stall the case instead',
        )
      : refuse(
          'skips',
          `不能跳过阶段：下一阶段应为“${next ?? '—'}”`,
          `Stages cannot be skipped: the next stage is "${next ?? '—'}"`,
        );
  }

  if (move.to === 'signed' && !state.consentMet) {
    return refuse(
      'consent_not_met',
      '业主表决尚未达到法定要求（《民法典》第278条或本地规则），不能签约',
      'The owners’ vote has not met the rule (Civil Code art. 278 or the local rule); it cannot be signed',
    );
  }
  if (move.to === 'publicity' && !move.publicityProposal?.trim()) {
    return refuse(
      'proposal_required',
      '进入公示须填写公示内容（加装方案）',
      'Publicity needs the notice: what is proposed',
    );
  }
  if (move.to === 'permit' || move.to === 'construction') {
    const period = publicityPeriod(state, today);
    if (!period)
      return refuse(
        'no_publicity',
        '该案件没有公示记录，不能办理施工许可或施工',
        'The case was never publicised; no permit or construction before publicity',
      );
    if (move.on < period.endsOn) {
      return refuse(
        'publicity_running',
        `公示期至 ${period.endsOn} 结束，之前不能办理施工许可或施工`,
        `The publicity period runs until ${period.endsOn}; no permit or construction before then`,
      );
    }
    if (move.to === 'permit' && state.openObjections > 0) {
      return refuse(
        'open_objections',
        `公示期收到的 ${state.openObjections} 条异议尚未答复处理`,
        `${state.openObjections} objection(s) from the publicity period are not yet answered`,
      );
    }
  }
  return { ok: true };
}
