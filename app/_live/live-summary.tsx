'use client';
// A one-line live summary for the console: connection state, devices by
// status and open alarms, as they change.
import { useFormatter, useTranslations } from 'next-intl';
import { ConnectionBadge } from './connection-badge';
import { useLiveCounts } from './hooks';

export function LiveSummary() {
  const t = useTranslations('live');
  const format = useFormatter();
  const { statuses, openAlarms } = useLiveCounts();
  const n = (count: number | undefined) => format.number(count ?? 0);
  return (
    <p className="live-summary" data-testid="live-summary">
      <ConnectionBadge />
      <span data-testid="live-online">{t('online', { n: n(statuses.online) })}</span>
      <span data-testid="live-offline">{t('offline', { n: n(statuses.offline) })}</span>
      <span data-testid="live-alarm">{t('alarm', { n: n(statuses.alarm) })}</span>
      <span data-testid="live-fault">{t('fault', { n: n(statuses.fault) })}</span>
      <span data-testid="live-open-alarms">{t('openAlarms', { n: n(openAlarms) })}</span>
    </p>
  );
}
