import { describe, expect, it } from 'vitest';
import { alarmTransition, dueEscalations, reviewAllowed } from './alarm-lifecycle';
import { complianceByPlan, patrolChecks, type PlanSpec } from './patrol-compliance';
import { isOverdue, legalMoves, rates, ratesByGridMonth, workOrderTransition, type RateInput } from './work-order-flow';

describe('alarm lifecycle', () => {
  it('walks open → acknowledged → in progress → resolved → closed', () => {
    expect(alarmTransition('open', 'acknowledge')).toEqual({ ok: true, to: 'acknowledged' });
    expect(alarmTransition('acknowledged', 'start')).toEqual({ ok: true, to: 'in_progress' });
    expect(alarmTransition('in_progress', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(alarmTransition('resolved', 'close')).toEqual({ ok: true, to: 'closed' });
  });
  it('refuses closing before resolving and acknowledging twice, with a reason', () => {
    const close = alarmTransition('acknowledged', 'close');
    expect(close.ok).toBe(false);
    expect(close).toMatchObject({
      error: { code: 'alarm.moveIllegal', params: { state: 'acknowledged', from: 'resolved' } },
    });
    const twice = alarmTransition('acknowledged', 'acknowledge');
    expect(twice).toMatchObject({ error: { code: 'alarm.alreadyInState', params: { state: 'acknowledged' } } });
  });
});

describe('escalation', () => {
  const policy = { criticalAfterMinutes: 5, majorAfterMinutes: null };
  const opened = new Date('2026-11-22T02:00:00Z');
  const alarm = { id: 1, severity: 'critical' as const, state: 'open' as const, openedAt: opened, escalationLevel: 0 };
  const at = (min: number) => new Date(opened.getTime() + min * 60_000);
  it('fires once a critical alarm stays unacknowledged past its limit', () => {
    expect(dueEscalations([alarm], at(4.99), policy)).toEqual([]);
    expect(dueEscalations([alarm], at(5), policy)).toEqual([alarm]);
  });
  it('does not fire for acknowledged, already escalated or non-critical alarms', () => {
    expect(dueEscalations([{ ...alarm, state: 'acknowledged' as const }], at(60), policy)).toEqual([]);
    expect(dueEscalations([{ ...alarm, escalationLevel: 1 }], at(60), policy)).toEqual([]);
    expect(dueEscalations([{ ...alarm, severity: 'major' as const }], at(60), policy)).toEqual([]);
    expect(
      dueEscalations([{ ...alarm, severity: 'major' as const }], at(30), { ...policy, majorAfterMinutes: 30 }),
    ).toHaveLength(1);
  });
});

describe('patrol compliance', () => {
  // A night round at 22:00 with points due at +0, +90 (23:30) and +150 (00:30 the next day).
  const night: PlanSpec = {
    id: 1,
    routeId: 7,
    frequency: 'daily',
    weekdays: [],
    startTime: '22:00',
    anchorDate: null,
    shift: '夜班',
  };
  const points = [
    { routeId: 7, seq: 1, pointId: 101, dueMinutes: 0, windowMinutes: 10 },
    { routeId: 7, seq: 2, pointId: 102, dueMinutes: 90, windowMinutes: 10 },
    { routeId: 7, seq: 3, pointId: 103, dueMinutes: 150, windowMinutes: 10 },
  ];
  const t = (s: string) => new Date(`${s}+08:00`);
  it('judges on-time, late and missed checks across midnight', () => {
    const checks = patrolChecks({
      plans: [night],
      routePoints: points,
      from: '2026-11-20',
      to: '2026-11-20',
      now: t('2026-11-21T12:00:00'),
      checkins: [
        { pointId: 101, at: t('2026-11-20T22:05:00') }, // on time
        { pointId: 102, at: t('2026-11-21T00:10:00') }, // 40 min after its window: late
        { pointId: 103, at: t('2026-11-20T21:00:00') }, // too early for 00:30: does not count
      ],
    });
    expect(checks.map((c) => [c.pointId, c.status])).toEqual([
      [101, 'on_time'],
      [102, 'late'],
      [103, 'missed'],
    ]);
    expect(checks[2]!.due.toISOString()).toBe('2026-11-20T16:30:00.000Z'); // 00:30 on the 21st, local
    expect(complianceByPlan([night], checks)).toEqual([
      { planId: 1, shift: '夜班', due: 3, onTime: 1, late: 1, missed: 1, pending: 0, rate: 1 / 3 },
    ]);
  });
  it('leaves checks still within reach pending, and uses each check-in once', () => {
    const checks = patrolChecks({
      plans: [night],
      routePoints: points,
      from: '2026-11-20',
      to: '2026-11-21',
      now: t('2026-11-21T01:00:00'), // 23:30's check closed at 00:40; 00:30's is open until 01:40
      checkins: [{ pointId: 101, at: t('2026-11-20T22:01:00') }],
    });
    const statuses = checks.map((c) => `${c.day}/${c.pointId}:${c.status}`);
    expect(statuses).toEqual([
      '2026-11-20/101:on_time',
      '2026-11-20/102:missed',
      '2026-11-20/103:pending',
      '2026-11-21/101:pending',
      '2026-11-21/102:pending',
      '2026-11-21/103:pending',
    ]);
  });
  it('schedules weekly and every-other-day plans on their days only', () => {
    const weekly: PlanSpec = { ...night, id: 2, frequency: 'weekly', weekdays: [1, 4], startTime: '10:00' }; // Mon, Thu
    const alternate: PlanSpec = {
      ...night,
      id: 3,
      frequency: 'every_other_day',
      anchorDate: '2026-11-16',
      startTime: '10:00',
    };
    const checks = patrolChecks({
      plans: [weekly, alternate],
      routePoints: [points[0]!],
      from: '2026-11-16',
      to: '2026-11-22',
      now: t('2026-11-30T00:00:00'),
      checkins: [],
    });
    expect(checks.filter((c) => c.planId === 2).map((c) => c.day)).toEqual(['2026-11-16', '2026-11-19']);
    expect(checks.filter((c) => c.planId === 3).map((c) => c.day)).toEqual([
      '2026-11-16',
      '2026-11-18',
      '2026-11-20',
      '2026-11-22',
    ]);
  });
});

describe('work orders', () => {
  it('refuses illegal moves with a reason and requires the visit answers', () => {
    expect(workOrderTransition('pending', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(workOrderTransition('accepted', 'transfer', { note: '转街道城管科' })).toEqual({
      ok: true,
      to: 'transferred',
    });
    const silent = workOrderTransition('accepted', 'transfer');
    expect(silent).toMatchObject({ error: { code: 'workOrder.transferNeedsOffice' } });
    const noReason = workOrderTransition('pending', 'return', { note: '  ' });
    expect(noReason).toMatchObject({ error: { code: 'workOrder.returnNeedsReason' } });
    const early = workOrderTransition('pending', 'finish');
    expect(early).toMatchObject({
      error: { code: 'workOrder.moveIllegal', params: { action: 'finish', state: 'pending' } },
    });
    expect(workOrderTransition('done', 'visit').ok).toBe(false);
    expect(workOrderTransition('done', 'visit', { satisfaction: 5, resolved: 'yes' })).toEqual({
      ok: true,
      to: 'return_visit',
    });
    expect(workOrderTransition('closed', 'reopen').ok).toBe(false);
  });
  it('offers exactly the legal next moves of each state', () => {
    expect(legalMoves('pending')).toEqual(['accept', 'return', 'transfer']);
    expect(legalMoves('accepted')).toEqual(['return', 'transfer', 'finish']);
    expect(legalMoves('transferred')).toEqual(['accept', 'return']);
    expect(legalMoves('returned')).toEqual(['close', 'reopen']);
    expect(legalMoves('done')).toEqual(['visit']);
    expect(legalMoves('return_visit')).toEqual(['close']);
    expect(legalMoves('closed')).toEqual([]);
  });
  it('flags overdue orders', () => {
    const due = new Date('2026-11-10T00:00:00Z');
    expect(isOverdue({ state: 'accepted', dueAt: due, doneAt: null }, new Date('2026-11-11T00:00:00Z'))).toBe(true);
    expect(
      isOverdue(
        { state: 'done', dueAt: due, doneAt: new Date('2026-11-09T00:00:00Z') },
        new Date('2026-11-11T00:00:00Z'),
      ),
    ).toBe(false);
  });
  it('computes 办结率, 解决率 and 满意率 of a hand-built month separately', () => {
    const o = (
      gridId: number,
      day: string,
      state: RateInput['state'],
      resolved: 'yes' | 'no' | null,
      satisfaction: number | null,
    ): RateInput => ({ gridId, openedAt: new Date(`${day}T10:00:00+08:00`), state, resolved, satisfaction });
    const month = [
      o(4, '2026-10-01', 'closed', 'yes', 5),
      o(4, '2026-10-03', 'closed', 'yes', 4),
      o(4, '2026-10-09', 'return_visit', 'no', 2),
      o(4, '2026-10-15', 'done', null, null),
      o(4, '2026-10-20', 'accepted', null, null),
      o(4, '2026-10-31', 'returned', null, null),
      o(5, '2026-10-05', 'closed', 'yes', 3),
      o(4, '2026-11-01', 'pending', null, null), // next month: 2026-11-01 10:00 local
    ];
    // Grid 4, October: 6 received, 4 finished (closed ×2, return_visit, done) → 4/6;
    // 3 answered, 2 solved → 2/3; 3 rated, 2 rated ≥ 4 → 2/3.
    const byMonth = ratesByGridMonth(month);
    expect(byMonth.map((r) => [r.month, r.gridId, r.total])).toEqual([
      ['2026-10', 4, 6],
      ['2026-10', 5, 1],
      ['2026-11', 4, 1],
    ]);
    expect(byMonth[0]).toMatchObject({
      completionRate: 4 / 6,
      resolutionRate: 2 / 3,
      satisfactionRate: 2 / 3,
      completed: 4,
      answered: 3,
      solved: 2,
      rated: 3,
      satisfied: 2,
    });
    expect(byMonth[1]).toMatchObject({ completionRate: 1, resolutionRate: 1, satisfactionRate: 0 });
    expect(byMonth[2]).toMatchObject({ completionRate: 0, resolutionRate: null, satisfactionRate: null });
    expect(rates([]).completionRate).toBeNull();
  });
});

describe('throwing incident review', () => {
  it('judges a pending incident once, then only refers a confirmed one to the police', () => {
    expect(reviewAllowed('pending', 'confirmed')).toBe(true);
    expect(reviewAllowed('pending', 'false_alarm')).toBe(true);
    expect(reviewAllowed('confirmed', 'referred_police')).toBe(true);
    expect(reviewAllowed('confirmed', 'false_alarm')).toBe(false);
    expect(reviewAllowed('false_alarm', 'referred_police')).toBe(false);
    expect(reviewAllowed('referred_police', 'referred_police')).toBe(false);
  });
});
