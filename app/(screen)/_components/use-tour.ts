'use client';
// The screen's side of the camera tour (app/_scene/controls/tour.ts): keys
// and a presenter remote (space or B/. pause and resume; arrows and PageUp /
// PageDown step), new critical alarms from the live stream, what the screen
// shows about the tour (React state, changed only when the stop, alarm or
// pause changes), and the camera's whereabouts as data attributes on the
// twin's box, written directly with no React render. One key listener and
// one store subscription, both removed on unmount.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { LiveStore } from '~/app/_live/live-store';
import { watchCriticalAlarms } from '~/app/_scene/controls/critical-alarms';
import type { TourView } from '~/app/_scene/controls/tour';
import type { TwinRuntime } from '~/app/_scene/runtime';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);
// Presenter remotes send PageUp/PageDown for their arrows and "b" or "." for the blank-screen button.
const PAUSE_KEYS = new Set([' ', 'b', 'B', '.', 'Pause', 'MediaPlayPause']);

const round = (n: number) => Math.round(n * 10) / 10;

export function useTour(
  runtime: TwinRuntime | null,
  store: LiveStore | null,
  box: React.RefObject<HTMLElement | null>,
): TourView | null {
  const tour = runtime?.tour ?? null;
  const alarmKind = useTranslations('alarmKind');
  const subscribe = useCallback((changed: () => void) => tour?.listen({ view: changed }) ?? (() => {}), [tour]);
  const view = useSyncExternalStore(
    subscribe,
    () => tour?.getView() ?? null,
    () => null,
  );
  useEffect(() => {
    if (!runtime || !tour) return;
    // The alarm's device is ringed while the camera holds on it.
    let ringed = false;
    let frames = 0;
    const unlisten = tour.listen({
      view: (v) => {
        if (ringed && !v.alarm) {
          runtime.setHover(null);
          ringed = false;
        }
      },
      frame: (p) => {
        const el = box.current;
        if (!el) return;
        // Frames drawn for the tour so far: the soak bench reports the orbit's frame rate from it.
        el.dataset.tourFrames = String(++frames);
        el.dataset.tourPhase = p.phase;
        el.dataset.tourAzimuth = p.azimuthDeg === null ? '' : String(round(p.azimuthDeg));
        el.dataset.tourCamera = p.eye.map(round).join(',');
        el.dataset.tourCentre = p.centre ? p.centre.map(round).join(',') : '';
      },
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (PAUSE_KEYS.has(e.key)) runtime.tourTogglePause();
      else if (NEXT_KEYS.has(e.key)) runtime.tourStep(1);
      else if (PREV_KEYS.has(e.key)) runtime.tourStep(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);

    // New critical alarms, by the rule the console's twin follows too (app/_scene/controls/critical-alarms.ts).
    const unsubscribe = store
      ? watchCriticalAlarms(store, (a) => {
          const i = a.deviceId === null ? undefined : runtime.devices.indexById.get(a.deviceId);
          if (i === undefined) return false;
          const p = runtime.devices.pos;
          const at: [number, number, number] = [p[i * 3] as number, p[i * 3 + 1] as number, p[i * 3 + 2] as number];
          // "烟感报警 · 3号楼": the alarm's kind in the screen's language, and where.
          const building = tour.stops.find((s) => s.key === `building:${runtime.devices.building[i]}`)?.label;
          runtime.tourAlarm(`alarm:${a.id}`, [alarmKind(a.kind), building].filter(Boolean).join(' · '), at);
          runtime.setHover({ kind: 'point', at: [at[0], at[1] + 0.9, at[2]] });
          ringed = true;
        })
      : undefined;
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
      unlisten();
    };
  }, [runtime, tour, store, box, alarmKind]);
  return view;
}
