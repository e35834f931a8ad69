'use client';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { STATUS_COLOR } from '~/app/_scene/palette';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../twin.module.css';
import { WHEN } from './when';

const show = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** A device's telemetry and its recent events (the status history). */
export function DeviceDetails({ deviceId }: { deviceId: number }) {
  const t = useTranslations('twin');
  const format = useFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, WHEN) : '—');
  const trpc = useTRPC();
  const q = useQuery(trpc.twin.device.queryOptions({ id: deviceId }));
  if (q.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (q.isError) return <p role="alert">{t('loadError', { message: q.error.message })}</p>;
  const d = q.data;
  return (
    <>
      <h2 data-testid="panel-title">{d.name}</h2>
      <dl>
        <dt>{t('device.code')}</dt>
        <dd>{d.code}</dd>
        <dt>{t('device.class')}</dt>
        <dd>{t(`class.${d.class}`)}</dd>
        <dt>{t('device.status')}</dt>
        <dd>
          <span className={styles.pill} style={{ background: STATUS_COLOR[d.status] }} data-testid="device-status">
            {t(`status.${d.status}`)}
          </span>
        </dd>
        <dt>{t('device.since')}</dt>
        <dd>{when(d.statusSince)}</dd>
        <dt>{t('device.lastSeen')}</dt>
        <dd>{when(d.lastSeenAt)}</dd>
        <dt>{t('device.heartbeat')}</dt>
        <dd>{t('device.seconds', { n: d.heartbeatSeconds })}</dd>
      </dl>
      <h3>{t('device.telemetry')}</h3>
      <dl>
        {Object.entries(d.telemetry).map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{show(v)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('device.history')}</h3>
      {d.events.length === 0 ? (
        <p className="muted">{t('device.noEvents')}</p>
      ) : (
        <table>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.eventId}>
                <td>{when(e.at)}</td>
                <td>{e.kind}</td>
                <td>{show(e.data)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
