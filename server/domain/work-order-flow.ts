// Work orders (docs/DOMAIN.md § Work orders): the state machine, due times by category, the
// overdue flag and the 12345 rates. Pure; the router applies and records moves.
import type { WorkOrderAction, WorkOrderState } from '~/db/vocab';
import { addHoursTo, localMonth } from '~/lib/calendar';
import { DomainError } from './errors';

// pending → accepted → returned | transferred → done → return visit → closed.
// A returned order can be reopened (resubmitted) or closed as not ours; a
// transferred one is accepted or returned by the office that received it.
const MOVES: Record<WorkOrderAction, { from: readonly WorkOrderState[]; to: WorkOrderState }> = {
  accept: { from: ['pending', 'transferred'], to: 'accepted' },
  return: { from: ['pending', 'accepted', 'transferred'], to: 'returned' },
  transfer: { from: ['pending', 'accepted'], to: 'transferred' },
  finish: { from: ['accepted'], to: 'done' },
  visit: { from: ['done'], to: 'return_visit' },
  close: { from: ['return_visit', 'returned'], to: 'closed' },
  reopen: { from: ['returned'], to: 'pending' },
};

export type FlowResult = { ok: true; to: WorkOrderState } | { ok: false; error: DomainError };

export type VisitInput = { satisfaction?: number; resolved?: 'yes' | 'no' };
export type MoveInput = VisitInput & { note?: string };

export function workOrderTransition(state: WorkOrderState, action: WorkOrderAction, input: MoveInput = {}): FlowResult {
  const rule = MOVES[action];
  if (!rule.from.includes(state))
    return { ok: false, error: new DomainError('workOrder.moveIllegal', { action, state }) };
  // 满意率 and 解决率 come from the return visit: it must record both answers.
  if (action === 'visit' && (input.satisfaction === undefined || input.resolved === undefined))
    return { ok: false, error: new DomainError('workOrder.visitNeedsAnswers') };
  // A 12345 order sent back or passed on must say why, or to whom: the hotline audits both.
  if (action === 'return' && !input.note?.trim())
    return { ok: false, error: new DomainError('workOrder.returnNeedsReason') };
  if (action === 'transfer' && !input.note?.trim())
    return { ok: false, error: new DomainError('workOrder.transferNeedsOffice') };
  return { ok: true, to: rule.to };
}

/** The moves the state machine allows from `state`, in the order the desk offers them. */
export function legalMoves(state: WorkOrderState): WorkOrderAction[] {
  return (Object.keys(MOVES) as WorkOrderAction[]).filter((a) => MOVES[a].from.includes(state));
}

/** Hours to finish, by category; the 12345 hotline's own limits are usually tighter than a property contract's. */
export const DUE_HOURS: Record<string, number> = {
  火情: 2,
  烟感报警处置: 4,
  井盖异常: 8,
  // Charging an e-bike in a lobby or stairwell: the fire that kills in an old walk-up; moved within hours.
  楼道电动车充电: 8,
  漏水: 24,
  电动车违停: 24,
  电动车进电梯: 24,
  高空抛物: 24,
  垃圾清运: 24,
  檐口脱落: 24,
  门禁故障: 24,
  管道堵塞: 24,
  噪音: 48,
  空调外机: 48,
  车位共享: 48,
  加装电梯施工: 48,
  路灯: 72,
  设施维修: 72,
  绿化灌溉: 72,
  加装电梯咨询: 72,
  居家养老服务: 72,
  其他: 72,
};
/** The categories staff can open an order under (the seed's and the report form's among them). */
export const WORK_ORDER_CATEGORIES = Object.keys(DUE_HOURS) as readonly string[];
export const DEFAULT_DUE_HOURS = 72;

export function dueAt(category: string, openedAt: Date): Date {
  return addHoursTo(openedAt, DUE_HOURS[category] ?? DEFAULT_DUE_HOURS);
}

/** Late if it was finished after its due time, or is still unfinished past it. */
export function isOverdue(o: { state: WorkOrderState; dueAt: Date; doneAt: Date | null }, now: Date): boolean {
  if (o.doneAt) return o.doneAt.getTime() > o.dueAt.getTime();
  if (o.state === 'returned' || o.state === 'closed') return false;
  return now.getTime() > o.dueAt.getTime();
}

export type RateInput = {
  gridId: number | null;
  openedAt: Date;
  state: WorkOrderState;
  resolved: 'yes' | 'no' | null;
  satisfaction: number | null;
};
export type Rates = {
  total: number;
  completed: number;
  answered: number;
  solved: number;
  rated: number;
  satisfied: number;
  completionRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
};

const COMPLETED: ReadonlySet<WorkOrderState> = new Set(['done', 'return_visit', 'closed']);

/**
 * 办结率 = finished (done, visited or closed) / all orders received;
 * 解决率 = judged solved at the return visit / visits that answered;
 * 满意率 = rated satisfied (4–5 of 5) / visits that rated. Each is null when
 * its denominator is empty — "no data" must not read as 0 % or 100 %. A
 * returned order counts as received and not finished.
 */
export function rates(orders: readonly RateInput[]): Rates {
  let completed = 0,
    answered = 0,
    solved = 0,
    rated = 0,
    satisfied = 0;
  for (const o of orders) {
    if (COMPLETED.has(o.state)) completed++;
    if (o.resolved !== null) {
      answered++;
      if (o.resolved === 'yes') solved++;
    }
    if (o.satisfaction !== null) {
      rated++;
      if (o.satisfaction >= 4) satisfied++;
    }
  }
  const r = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    total: orders.length,
    completed,
    answered,
    solved,
    rated,
    satisfied,
    completionRate: r(completed, orders.length),
    resolutionRate: r(solved, answered),
    satisfactionRate: r(satisfied, rated),
  };
}

/** Rates per grid and local month of receipt, sorted by month then grid. */
export function ratesByGridMonth(
  orders: readonly RateInput[],
): Array<{ gridId: number | null; month: string } & Rates> {
  const groups = new Map<string, RateInput[]>();
  for (const o of orders) {
    const key = `${localMonth(o.openedAt)}|${o.gridId ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  }
  return [...groups]
    .map(([key, list]) => {
      const [month = '', grid = ''] = key.split('|');
      return { month, gridId: grid === '' ? null : Number(grid), ...rates(list) };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || (a.gridId ?? Infinity) - (b.gridId ?? Infinity));
}
