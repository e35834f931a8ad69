'use client';
// The one way a page gets a scene runtime (the console's twin and the big
// screen alike): built from the scene once it has loaded, disposed when the
// page leaves or the scene is replaced, and fed live device statuses so a
// status change repaints one marker with no React render.
import { useEffect, useState } from 'react';
import type { DeviceStatus } from '~/db/vocab';
import type { TwinScene } from '~/server/queries/twin-scene';
import { CameraTour, type TourStop } from './controls/tour';
import { placeDevices } from './placement';
import { TwinRuntime } from './runtime';
import { createDeviceStore } from './store';

/** Where live statuses come from (the page's LiveStore); calls back at once with the statuses it already holds. */
export type DeviceStatusFeed = {
  onDeviceStatus: (fn: (deviceId: number, status: DeviceStatus) => void) => () => void;
};

export type TwinRuntimeOptions = {
  /** Live statuses; null where the page has no live stream (bench mode). */
  live: DeviceStatusFeed | null;
  /** The big screen's tour stops (keep the array stable: a new one builds a new runtime); none on the console. */
  tourStops?: TourStop[] | null;
  /** Bench: every device this many times over. */
  scale?: number;
  /** Bench: false draws every device as a shaped marker, never as a far point. */
  lod?: boolean;
};

export function useTwinRuntime(
  scene: TwinScene | undefined,
  { live, tourStops = null, scale = 1, lod = true }: TwinRuntimeOptions,
): TwinRuntime | null {
  const [built, setBuilt] = useState<{ scene: TwinScene; runtime: TwinRuntime } | null>(null);

  // Built in an effect, not a memo: what a cleanup disposes must be made by the same effect, since React
  // may run an effect, clean it up and run it again on the same render (Strict Mode), and a memoised
  // runtime would then be handed out already disposed. So the runtime reaches render through state.
  useEffect(() => {
    if (!scene) return;
    const devices = createDeviceStore(scene.devices, placeDevices(scene), scale);
    if (!lod) devices.lod.near = Infinity;
    const runtime = new TwinRuntime(devices, tourStops ? new CameraTour(tourStops) : null);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: the effect owns the runtime's life
    setBuilt({ scene, runtime });
    return () => runtime.dispose();
  }, [scene, tourStops, scale, lod]);
  // Between a new scene and its runtime's effect, the old runtime (disposed) is not handed out.
  const runtime = built && built.scene === scene ? built.runtime : null;

  useEffect(() => {
    if (!runtime || !live) return;
    return live.onDeviceStatus((id, status) => runtime.setDeviceStatus(id, status));
  }, [runtime, live]);

  return runtime;
}
