'use client';
// The unattended camera tour: each building in turn, then home; a new
// critical alarm (from the live stream) interrupts it, the camera flies to
// the alarm's device and holds there, then the tour resumes. Space pauses or
// resumes, arrows step — from a keyboard or a presenter remote (same keys).
// One interval and one key listener, both removed on unmount.
import { useEffect, useRef, useState } from 'react';
import type { LiveStore } from '~/app/_live/live-store';
import type { TwinRuntime } from '~/app/_scene/runtime';

const STEP_MS = 12_000;
const HOLD_MS = 30_000;
// In an alarm storm the camera would never settle (and camera-controls keeps a
// pending promise per unfinished flight): fly to at most one new alarm per this.
const MIN_ALARM_FLIGHT_MS = 10_000;

/** `target`: a stable key (home, building:<id>, alarm:<id>) for tests and remotes; `label`: what the screen shows. */
export type TourState = { target: string; label: string; paused: boolean };

export function useTour(runtime: TwinRuntime | null, buildings: Array<{ id: number; name: string }>, store: LiveStore | null, homeLabel: string): TourState {
  const [state, setState] = useState<TourState>({ target: 'home', label: homeLabel, paused: false });
  const s = useRef({ index: -1, paused: false, holdUntil: 0, lastAlarmFlight: 0, seen: new Set<number>() });

  useEffect(() => {
    if (!runtime) return;
    const stops: Array<{ key: string; label: string; go: () => void }> = [
      { key: 'home', label: homeLabel, go: () => runtime.flyTo({ kind: 'home' }) },
      ...buildings.map((b) => ({ key: `building:${b.id}`, label: b.name, go: () => runtime.flyTo({ kind: 'building', buildingId: b.id }) })),
    ];
    // Alarms opened before the screen started are not news, including those in the first snapshot.
    const startedAt = Date.now() - 5_000;
    const show = (delta: number) => {
      const n = stops.length;
      s.current.index = (((s.current.index + delta) % n) + n) % n;
      const stop = stops[s.current.index]!;
      stop.go();
      setState({ target: stop.key, label: stop.label, paused: s.current.paused });
    };
    show(1);
    const timer = setInterval(() => {
      if (s.current.paused || Date.now() < s.current.holdUntil) return;
      show(1);
    }, STEP_MS);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ' ') {
        e.preventDefault();
        s.current.paused = !s.current.paused;
        setState((prev) => ({ ...prev, paused: s.current.paused }));
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') {
        s.current.holdUntil = 0;
        show(1);
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') {
        s.current.holdUntil = 0;
        show(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    const critical = () => [...(store?.alarms.values() ?? [])].filter((a) => a.severity === 'critical');
    const unsubscribe = store?.subscribe(() => {
      for (const a of critical()) {
        if (s.current.seen.has(a.id)) continue;
        s.current.seen.add(a.id);
        if (Date.parse(a.openedAt) < startedAt) continue;
        if (Date.now() - s.current.lastAlarmFlight < MIN_ALARM_FLIGHT_MS) continue;
        const i = a.deviceId === null ? undefined : runtime.devices.indexById.get(a.deviceId);
        if (i === undefined) continue;
        const p = runtime.devices.pos;
        runtime.flyTo({ kind: 'point', x: p[i * 3] as number, y: p[i * 3 + 1] as number, z: p[i * 3 + 2] as number });
        s.current.holdUntil = Date.now() + HOLD_MS;
        s.current.lastAlarmFlight = Date.now();
        setState({ target: `alarm:${a.id}`, label: a.title, paused: s.current.paused });
      }
      // Alarms that closed leave the seen set, which so stays as small as the open list.
      if (s.current.seen.size > 1000) s.current.seen = new Set(critical().map((a) => a.id));
    });
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, [runtime, buildings, store, homeLabel]);
  return state;
}
