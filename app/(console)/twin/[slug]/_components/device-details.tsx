'use client';
// The twin's device panel: what the device is and how it is, its latest
// readings in words and units (lib/telemetry-fields.ts), a small chart per
// numeric reading over the last 24 hours, what staff can do about it, and its
// recent events.
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useParams } from 'next/navigation';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { STATUS_COLOR } from '~/app/_scene/palette';
import { useTRPC } from '~/app/_trpc/client';
import { telemetryEntries } from '~/lib/telemetry-fields';
import styles from '../twin.module.css';
import { DeviceActions } from './device-actions';
import { DeviceHistory } from './device-history';
import panel from './device-panel.module.css';
import { useDeviceWords, type DeviceWords } from './device-words';
import { WHEN } from './when';

type DeviceEvent = { eventId: string; kind: string; at: Date; data: Record<string, unknown> };

/** A device's readings, history chart, actions and recent events. */
export function DeviceDetails({ deviceId }: { deviceId: number }) {
  const t = useTranslations('twin');
  const words = useDeviceWords();
  const locale = useLocale();
  const slug = useParams<{ slug: string }>()?.slug;
  const when = (d: Date | null) => (d ? words.format.dateTime(d, WHEN) : '—');
  const trpc = useTRPC();
  const q = useQuery(trpc.twin.device.queryOptions({ id: deviceId }));
  if (q.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (q.isError) return <p role="alert">{t('loadError', { message: serverErrorMessage(q.error, locale) })}</p>;
  const d = q.data;
  const entries = telemetryEntries(d.telemetry);
  let unknown = 0;
  return (
    <div data-testid="device-panel">
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
      {slug && <DeviceActions slug={slug} device={d} />}
      <h3>{words.t('readings')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{words.t('noReadings')}</p>
      ) : (
        <dl className={panel.readings} data-testid="device-readings">
          {entries.map((e) => {
            const n = e.spec ? 1 : ++unknown;
            return (
              <div key={e.name} style={{ display: 'contents' }}>
                <dt title={e.spec ? undefined : words.t('unknownFieldTitle', { name: e.name })}>
                  {words.label(e.name, n)}
                </dt>
                <dd data-field={e.name}>{words.value(e.name, e.value)}</dd>
              </div>
            );
          })}
        </dl>
      )}
      <h3>{words.t('history.title')}</h3>
      <DeviceHistory deviceId={deviceId} words={words} locale={locale} />
      <h3>{t('device.history')}</h3>
      {d.events.length === 0 ? (
        <p className="muted">{t('device.noEvents')}</p>
      ) : (
        <table className={panel.events}>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.eventId}>
                <td>{when(e.at)}</td>
                <td>{eventKind(words, e.kind)}</td>
                <td>{eventSummary(words, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const KINDS = ['heartbeat', 'reading', 'fault', 'recovered', 'maintenance', 'throwing', 'ebike_blocked'];

function eventKind(words: DeviceWords, kind: string): string {
  return KINDS.includes(kind) ? words.t(`event.${kind}`) : words.t('event.other');
}

/** An event's data in words: a reading's fields, a fault's code, maintenance on or off, where a throw came from. */
function eventSummary(words: DeviceWords, e: DeviceEvent): string {
  const { t } = words;
  const data = e.data ?? {};
  const n = (v: unknown) => (typeof v === 'number' ? words.format.number(v) : String(v ?? '—'));
  switch (e.kind) {
    case 'fault':
      return t('event.faultCode', { code: String(data.code ?? '—') });
    case 'recovered':
      return data.code ? t('event.faultCode', { code: String(data.code) }) : '';
    case 'maintenance':
      return data.on ? t('event.maintenanceOn') : t('event.maintenanceOff');
    case 'throwing': {
      const band = Array.isArray(data.floorBand) ? (data.floorBand as unknown[]) : [];
      return typeof data.floor === 'number'
        ? t('event.throwingFloor', { floor: n(data.floor) })
        : t('event.throwingBand', { from: n(band[0]), to: n(band[1]) });
    }
    case 'ebike_blocked':
      return t('event.ebike', {
        seconds: n(data.doorHeldSeconds),
        by: data.releasedBy === 'staff' ? t('event.releasedBy.staff') : t('event.releasedBy.auto'),
      });
    default: {
      let unknown = 0;
      return telemetryEntries(data)
        .map((f) => `${words.label(f.name, f.spec ? 1 : ++unknown)} ${words.value(f.name, f.value)}`)
        .join(t('listSeparator'));
    }
  }
}
