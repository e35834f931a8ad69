// One lifecycle for staff moves and device all-clears.
import { describe, expect, it } from 'vitest';
import { ALARM_STATES } from '~/db/vocab';
import {
  ACTIVE_ALARM_STATES,
  alarmTransition,
  canAdvanceAlarm,
  resolvedByDevice,
  type AlarmMove,
} from './alarm-lifecycle';

describe('alarm lifecycle', () => {
  it('moves alarms forward only', () => {
    expect(canAdvanceAlarm('open', 'acknowledged')).toBe(true);
    expect(canAdvanceAlarm('in_progress', 'resolved')).toBe(true);
    expect(canAdvanceAlarm('resolved', 'resolved')).toBe(true);
    expect(canAdvanceAlarm('closed', 'open')).toBe(false);
    expect(canAdvanceAlarm('resolved', 'acknowledged')).toBe(false);
  });

  it('lets a device resolve only alarms that still need someone', () => {
    expect(ACTIVE_ALARM_STATES).toEqual(['open', 'acknowledged', 'in_progress']);
    expect(resolvedByDevice('acknowledged')).toBe(true);
    expect(resolvedByDevice('resolved')).toBe(false);
    expect(resolvedByDevice('closed')).toBe(false);
  });

  it('admits every staff move only where the lifecycle goes forward by one step', () => {
    const moves: AlarmMove[] = ['acknowledge', 'start', 'resolve', 'close'];
    for (const from of ALARM_STATES)
      for (const move of moves) {
        const result = alarmTransition(from, move);
        if (!result.ok) continue;
        expect(canAdvanceAlarm(from, result.to)).toBe(true);
        expect(ALARM_STATES.indexOf(result.to) - ALARM_STATES.indexOf(from)).toBe(1);
      }
    expect(alarmTransition('open', 'acknowledge')).toEqual({ ok: true, to: 'acknowledged' });
    expect(alarmTransition('resolved', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(alarmTransition('open', 'close').ok).toBe(false);
  });
});
