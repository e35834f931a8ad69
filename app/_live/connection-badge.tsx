'use client';
// Shows whether live data is flowing; offers a retry when the stream failed.
import { useConnectionState } from './hooks';
import { useLive } from './live-provider';

const LABEL = {
  connecting: '连接中 / Connecting',
  live: '实时 / Live',
  reconnecting: '重新连接中 / Reconnecting',
  error: '已断开 / Disconnected',
} as const;

export function ConnectionBadge() {
  const state = useConnectionState();
  const { retry } = useLive();
  return (
    <span
      className={`live-badge live-${state}`}
      role="status"
      aria-live="polite"
      data-testid="live-badge"
      data-state={state}
    >
      <span aria-hidden="true">●</span> {LABEL[state]}
      {state === 'error' && (
        <button type="button" onClick={retry}>
          重试 / Retry
        </button>
      )}
    </span>
  );
}
