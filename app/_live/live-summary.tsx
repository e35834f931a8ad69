'use client';
// A one-line live summary for the console: connection state, devices by
// status and open alarms, as they change.
import { useTranslations } from 'next-intl';
import { ConnectionBadge } from './connection-badge';
import { useLiveCounts } from './hooks';

export function LiveSummary() {
  const t = useTranslations('live');
  const { statuses, openAlarms } = useLiveCounts();
  return (
    <p className="live-summary" data-testid="live-summary">
      <ConnectionBadge />
      <span data-testid="live-online">{t('online', { n: statuses.online ?? 0 })}</span>
      <span data-testid="live-offline">{t('offline', { n: statuses.offline ?? 0 })}</span>
      <span data-testid="live-alarm">{t('alarm', { n: statuses.alarm ?? 0 })}</span>
      <span data-testid="live-fault">{t('fault', { n: statuses.fault ?? 0 })}</span>
      <span data-testid="live-open-alarms">{t('openAlarms', { n: openAlarms })}</span>
    </p>
  );
}
