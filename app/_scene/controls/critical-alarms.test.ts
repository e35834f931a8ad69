import { describe, expect, it } from 'vitest';
import type { FrameAlarm } from '~/server/live/types';
import { watchCriticalAlarms } from './critical-alarms';

function fakeStore() {
  const alarms = new Map<number, FrameAlarm>();
  const listeners = new Set<() => void>();
  return {
    alarms,
    subscribe: (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    push(a: Partial<FrameAlarm> & { id: number; openedAt: string }) {
      alarms.set(a.id, {
        deviceId: a.id * 10,
        incidentId: null,
        kind: 'smoke',
        severity: 'critical',
        state: 'open',
        ...a,
      } as FrameAlarm);
      for (const fn of listeners) fn();
    },
  };
}

describe('new critical alarms for the twin to fly to', () => {
  it('reports each new 紧急 alarm once, not older ones nor lesser severities, at most one per gap', () => {
    let now = Date.parse('2026-12-03T10:00:00Z');
    const store = fakeStore();
    const seen: number[] = [];
    const stop = watchCriticalAlarms(store, (a) => void seen.push(a.id), { minGapMs: 10_000, now: () => now });
    store.push({ id: 1, openedAt: '2026-12-03T09:00:00Z' }); // before the page opened
    store.push({ id: 2, openedAt: '2026-12-03T10:00:01Z', severity: 'major' });
    store.push({ id: 3, openedAt: '2026-12-03T10:00:01Z' });
    store.push({ id: 3, openedAt: '2026-12-03T10:00:01Z' }); // the same alarm again
    now += 2_000;
    store.push({ id: 4, openedAt: '2026-12-03T10:00:02Z' }); // within the gap: the camera settles first
    now += 10_000;
    store.push({ id: 5, openedAt: '2026-12-03T10:00:12Z' });
    expect(seen).toEqual([3, 5]);
    stop();
    store.push({ id: 6, openedAt: '2026-12-03T10:00:30Z' });
    expect(seen).toEqual([3, 5]);
  });

  it('does not hold the gap for an alarm whose device is not in the scene', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const store = fakeStore();
    const seen: number[] = [];
    watchCriticalAlarms(store, (a) => (a.id === 1 ? false : void seen.push(a.id)), { now: () => now });
    store.push({ id: 1, openedAt: '2026-12-03T10:00:00Z' });
    store.push({ id: 2, openedAt: '2026-12-03T10:00:00Z' });
    expect(seen).toEqual([2]);
  });
});
