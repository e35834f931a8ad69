'use client';
import { useSyncExternalStore } from 'react';
import type { DeviceStatus } from '~/db/vocab';
import type { ConnectionState } from './live-store';
import { useLive } from './live-provider';

/** Re-renders on every live change; read the store's fields inside. */
function useLiveVersion(): number {
  const { store } = useLive();
  return useSyncExternalStore(store.subscribe, store.getVersion, () => 0);
}

export function useConnectionState(): ConnectionState {
  const { store } = useLive();
  return useSyncExternalStore(
    store.subscribe,
    () => store.connection,
    () => 'connecting' as const,
  );
}

export function useDeviceStatus(deviceId: number): DeviceStatus | undefined {
  const { store } = useLive();
  return useSyncExternalStore(
    store.subscribe,
    () => store.statuses.get(deviceId),
    () => undefined,
  );
}

export function useLiveCounts(): { statuses: Partial<Record<DeviceStatus, number>>; openAlarms: number } {
  const { store } = useLive();
  useLiveVersion();
  return { statuses: store.counts(), openAlarms: store.alarms.size };
}

/** Changes whenever live data touched alarms (any console's action, the escalation sweep, the ingest). */
export function useAlarmVersion(): number {
  const { store } = useLive();
  return useSyncExternalStore(
    store.subscribe,
    () => store.alarmVersion,
    () => 0,
  );
}

/** Changes whenever live data carried work orders (opened or moved in any console). */
export function useWorkOrderVersion(): number {
  const { store } = useLive();
  return useSyncExternalStore(
    store.subscribe,
    () => store.workOrderVersion,
    () => 0,
  );
}
