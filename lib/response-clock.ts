// An alarm's age against its response target (docs/DOMAIN.md § Alarms): the one rule, shared by
// the server (server/domain/response-targets.ts, which knows the targets) and the ops desk,
// which ticks it with its own clock from the deadline the server sends.

export type ResponseClock = {
  /** Acknowledged (or later) after the deadline, or still unacknowledged past it. */
  overdue: boolean;
  /** Minutes past the deadline (at acknowledgement, or now while nobody has it); 0 when not overdue. */
  overdueMinutes: number;
  /** Minutes left before the deadline while nobody has acknowledged it; 0 once acknowledged or past. */
  leftMinutes: number;
};

/** The same rule as a work order's 超期 (server/domain/work-order-flow.ts isOverdue), acknowledgement being the response. */
export function clockAgainst(
  alarm: { acknowledgedAt: Date | null },
  respondBy: Date,
  now: Date | number,
): ResponseClock {
  const answered = alarm.acknowledgedAt?.getTime() ?? (typeof now === 'number' ? now : now.getTime());
  const late = answered - respondBy.getTime();
  return {
    overdue: late > 0,
    overdueMinutes: late > 0 ? Math.floor(late / 60_000) : 0,
    leftMinutes: alarm.acknowledgedAt || late > 0 ? 0 : Math.ceil(-late / 60_000),
  };
}
