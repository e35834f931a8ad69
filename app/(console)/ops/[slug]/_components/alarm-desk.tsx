'use client';
// The alarm desk: open alarms, most severe and oldest first. Any console's
// action (or the escalation sweep) reaches every desk as a live frame; the
// desk refetches its list when a frame touches alarms.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { Fragment, useEffect, useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useAlarmVersion } from '~/app/_live/hooks';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../ops.module.css';
import { AlarmTrail } from './alarm-trail';

const NEXT = { open: 'acknowledge', acknowledged: 'start', in_progress: 'resolve', resolved: 'close' } as const;

export function useAge() {
  const t = useTranslations('ops');
  return (since: Date, now: number) => {
    const min = Math.max(0, Math.floor((now - since.getTime()) / 60_000));
    return min < 60
      ? t('minutes', { n: min })
      : min < 2880
        ? t('hours', { n: Math.floor(min / 60) })
        : t('days', { n: Math.floor(min / 1440) });
  };
}

export function AlarmDesk({ slug, onOpenOrder }: { slug: string; onOpenOrder: (workOrderId: number) => void }) {
  const t = useTranslations('ops');
  const alarmKind = useTranslations('alarmKind');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const alarmVersion = useAlarmVersion();
  const listKey = trpc.alarm.list.queryKey({ slug });
  const list = useQuery(trpc.alarm.list.queryOptions({ slug }));
  const [openId, setOpenId] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const age = useAge();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (alarmVersion > 0) void queryClient.invalidateQueries({ queryKey: listKey });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [alarmVersion]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });
  const move = useMutation(trpc.alarm.transition.mutationOptions({ onSuccess: refresh }));
  const toOrder = useMutation(
    trpc.workOrder.fromAlarm.mutationOptions({
      onSuccess: (order) => {
        void queryClient.invalidateQueries(trpc.workOrder.pathFilter());
        void refresh();
        onOpenOrder(order.id);
      },
    }),
  );
  const error = move.error ?? toOrder.error;

  return (
    <section className={styles.section} aria-labelledby="alarms-h">
      <h2 id="alarms-h">
        {t('alarms')}{' '}
        <span className="badge" data-testid="alarm-count">
          {list.data?.length ?? '…'}
        </span>
      </h2>
      {error && (
        <p role="alert" className="error">
          {serverErrorMessage(error, locale)}
        </p>
      )}
      {list.data?.length === 0 && <p className="muted">{t('noAlarms')}</p>}
      <div className={`table-scroll ${styles.alarmList}`}>
        <table className={styles.table} data-testid="alarm-desk">
          <thead>
            <tr>
              <th>{t('severity')}</th>
              <th>{t('alarm')}</th>
              <th>{t('age')}</th>
              <th>{t('state')}</th>
              <th>{t('assignee')}</th>
              <th>{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.map((a) => {
              const next = a.state in NEXT ? NEXT[a.state as keyof typeof NEXT] : null;
              const focus =
                a.deviceId !== null
                  ? `device:${a.deviceId}`
                  : a.buildingId !== null
                    ? `building:${a.buildingId}`
                    : null;
              return (
                <Fragment key={a.id}>
                  <tr
                    data-testid={`alarm-${a.id}`}
                    data-state={a.state}
                    className={openId === a.id ? styles.rowOpen : undefined}
                  >
                    <td>
                      <span className={`badge ${styles[a.severity]}`}>{t(`severities.${a.severity}`)}</span>
                      {a.escalationLevel > 0 && (
                        <span className={`badge ${styles.escalated}`} data-testid="escalated">
                          {t('escalated')}
                        </span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className={styles.titleLink}
                        aria-expanded={openId === a.id}
                        onClick={() => setOpenId(openId === a.id ? null : a.id)}
                      >
                        {alarmKind(a.kind)}
                      </button>
                      {a.deviceName && <div className="muted small">{a.deviceName}</div>}
                    </td>
                    <td className={styles.num}>{age(a.openedAt, now)}</td>
                    <td data-testid="alarm-state">{t(`states.${a.state}`)}</td>
                    <td>{a.assignee ?? '—'}</td>
                    <td>
                      <div className={styles.buttons}>
                        {next && (
                          <button
                            type="button"
                            className={next === 'acknowledge' ? 'primary' : undefined}
                            disabled={move.isPending}
                            onClick={() => move.mutate({ id: a.id, move: next })}
                          >
                            {t(next)}
                          </button>
                        )}
                        {a.workOrder ? (
                          <button type="button" data-testid="alarm-order" onClick={() => onOpenOrder(a.workOrder!.id)}>
                            {t('openOrder', { code: a.workOrder.code })}
                          </button>
                        ) : (
                          <button
                            type="button"
                            disabled={toOrder.isPending}
                            onClick={() => toOrder.mutate({ alarmId: a.id })}
                          >
                            {t('toWorkOrder')}
                          </button>
                        )}
                        {focus && (
                          <a className="button" href={`/twin/${slug}?focus=${focus}`}>
                            {t('fly')}
                          </a>
                        )}
                      </div>
                    </td>
                  </tr>
                  {openId === a.id && (
                    <tr className={styles.rowOpen}>
                      <td colSpan={6}>
                        <AlarmTrail slug={slug} alarm={a} onChange={refresh} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
