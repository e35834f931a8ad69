// New 紧急 (critical) alarms from a page's live store, the one rule the big
// screen's tour (app/(screen)/_components/use-tour.ts) and the console's twin follow: alarms opened
// before the page started (the first snapshot included) are not news; each
// alarm is reported once; in an alarm storm at most one per `minGapMs`, so the
// camera can settle. The console's twin flies to and selects what this reports.
import type { LiveStore } from '~/app/_live/live-store';
import type { FrameAlarm } from '~/server/live/types';

export const MIN_ALARM_FLIGHT_MS = 10_000;

export function watchCriticalAlarms(
  store: Pick<LiveStore, 'alarms' | 'subscribe'>,
  onAlarm: (alarm: FrameAlarm) => boolean | void,
  { minGapMs = MIN_ALARM_FLIGHT_MS, now = () => Date.now() }: { minGapMs?: number; now?: () => number } = {},
): () => void {
  const startedAt = now() - 5_000;
  let lastFlight = -Infinity;
  let seen = new Set<number>();
  const critical = () => [...store.alarms.values()].filter((a) => a.severity === 'critical');
  return store.subscribe(() => {
    for (const a of critical()) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      if (Date.parse(a.openedAt) < startedAt) continue;
      if (now() - lastFlight < minGapMs) continue;
      // The handler says whether it acted (false: its device is not in this scene).
      if (onAlarm(a) !== false) lastFlight = now();
    }
    // Closed alarms leave the seen set, which so stays as small as the open list.
    if (seen.size > 1000) seen = new Set(critical().map((a) => a.id));
  });
}
