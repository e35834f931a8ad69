'use client';
// A one-line live summary for the console: connection state, devices by
// status and open alarms, as they change.
import { ConnectionBadge } from './connection-badge';
import { useLiveCounts } from './hooks';

export function LiveSummary() {
  const { statuses, openAlarms } = useLiveCounts();
  return (
    <p className="live-summary" data-testid="live-summary">
      <ConnectionBadge />
      <span data-testid="live-online">在线 {statuses.online ?? 0}</span>
      <span data-testid="live-offline">离线 {statuses.offline ?? 0}</span>
      <span data-testid="live-alarm">告警 {statuses.alarm ?? 0}</span>
      <span data-testid="live-fault">故障 {statuses.fault ?? 0}</span>
      <span data-testid="live-open-alarms">未关闭告警 {openAlarms}</span>
    </p>
  );
}
