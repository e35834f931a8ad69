'use client';
// The alarm desk: open alarms, most severe and oldest first. Any console's action (or the
// escalation sweep, or a device) reaches every desk as a live frame and the desk refetches.
// New alarms never move the row under the operator's pointer: while the list is worked in
// they are held behind a banner (alarm-view.ts); an optional sound announces them. Detail opens
// beside the list (alarm-drawer.tsx). Each alarm ages against its severity's response target.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useAlarmVersion } from '~/app/_live/hooks';
import { useTRPC } from '~/app/_trpc/client';
import { ALARM_SEVERITIES, type AlarmSeverity } from '~/db/vocab';
import { clockAgainst } from '~/lib/response-clock';
import styles from '../ops.module.css';
import { useAge, useDuration } from './alarm-age';
import { AlarmDrawer } from './alarm-drawer';
import { chime, useAlarmSound } from './alarm-sound';
import { nextView, reveal, settle, shownRows, type AlarmView, type DeskAlarm } from './alarm-view';

/** The most severe of `severities` (ALARM_SEVERITIES runs from 紧急 down). */
const mostSevere = (severities: Array<AlarmSeverity | undefined>) =>
  ALARM_SEVERITIES.find((s) => severities.includes(s));

const NEXT = { open: 'acknowledge', acknowledged: 'start', in_progress: 'resolve', resolved: 'close' } as const;

export function AlarmDesk({
  slug,
  device,
  onOpenOrder,
}: {
  slug: string;
  /** A device code: only its alarms (the twin's 查看告警 links here with ?device=). */
  device?: string;
  onOpenOrder: (workOrderId: number) => void;
}) {
  const t = useTranslations('ops');
  const alarmKind = useTranslations('alarmKind');
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const alarmVersion = useAlarmVersion();
  const listKey = trpc.alarm.list.queryKey({ slug });
  const list = useQuery(trpc.alarm.list.queryOptions({ slug, ...(device ? { deviceCode: device } : {}) }));
  const [openId, setOpenId] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [pointerIn, setPointerIn] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  const [sound, setSound] = useAlarmSound();
  const age = useAge();
  const duration = useDuration();
  const working = pointerIn || focusIn || openId !== null;

  // What the list shows, derived from the server's rows as they come (React's
  // "adjust state when a prop changes" pattern: no effect, no extra render pass).
  const [view, setView] = useState<AlarmView<DeskAlarm> | null>(null);
  const [seen, setSeen] = useState<{ data: DeskAlarm[] | undefined; working: boolean }>({
    data: undefined,
    working: false,
  });
  if (list.data && (list.data !== seen.data || working !== seen.working)) {
    const data = list.data;
    setSeen({ data, working });
    setView((v) => (data !== seen.data ? nextView(v, data, working) : working ? v : v && settle(v, data)));
  }
  const rows = view && list.data ? shownRows(view, list.data) : [];
  const open = rows.find((a) => a.id === openId) ?? null;
  const severityOf = (id: number) => list.data?.find((a) => a.id === id)?.severity;
  const unseenCount = view?.unseen.length ?? 0;
  const topUnseen = mostSevere((view?.unseen ?? []).map(severityOf));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (alarmVersion === 0) return;
    void queryClient.invalidateQueries({ queryKey: listKey });
    // Another console's move is on the open alarm's trail too.
    void queryClient.invalidateQueries(trpc.alarm.history.pathFilter());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [alarmVersion]);
  // The sound, once per arrival, for the most severe alarm that arrived.
  const arrived = view?.arrived;
  useEffect(() => {
    if (!sound || !arrived?.length) return;
    const top = mostSevere(arrived.map(severityOf));
    if (top) chime(top);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrived]);
  // After 查看: the first new row in view and focused, so the keyboard is where the eyes are.
  const revealed = view?.revealed;
  useEffect(() => {
    const first = revealed?.[0];
    if (first === undefined) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="alarm-${first}"]`);
    row?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    row?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [revealed]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });
  const move = useMutation(
    trpc.alarm.transition.mutationOptions({
      onSuccess: (alarm) => {
        void refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.alarm.history.queryKey({ id: alarm.id }) });
      },
    }),
  );
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
  const closeDrawer = useCallback(() => {
    setOpenId((id) => {
      if (id !== null)
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-testid="alarm-${id}"] [aria-controls="alarm-drawer"]`)?.focus(),
        );
      return null;
    });
  }, []);

  const actions = (a: DeskAlarm & { gone: boolean }) => {
    const next = a.state in NEXT ? NEXT[a.state as keyof typeof NEXT] : null;
    const focus =
      a.deviceId !== null ? `device:${a.deviceId}` : a.buildingId !== null ? `building:${a.buildingId}` : null;
    if (a.gone) return null;
    return (
      <>
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
          <button type="button" disabled={toOrder.isPending} onClick={() => toOrder.mutate({ alarmId: a.id })}>
            {t('toWorkOrder')}
          </button>
        )}
        {focus && (
          <a className="button" href={`/twin/${slug}?focus=${focus}`}>
            {t('fly')}
          </a>
        )}
      </>
    );
  };

  const deviceName = device ? (list.data?.find((a) => a.deviceCode === device)?.deviceName ?? null) : null;

  return (
    <section className={styles.section} aria-labelledby="alarms-h">
      <div className={styles.alarmHead}>
        <h2 id="alarms-h">
          {t('alarms')}{' '}
          <span className="badge" data-testid="alarm-count">
            {list.data?.length ?? '…'}
          </span>
        </h2>
        {/* Always in the page, so screen readers hear it; fixed height, so the list never moves when it fills. */}
        <div role="status" aria-live="polite" className={styles.bannerSlot}>
          {unseenCount > 0 && (
            <button
              type="button"
              className={`${styles.banner} ${topUnseen === 'critical' ? styles.bannerCritical : ''}`}
              data-testid="alarm-banner"
              onClick={() => list.data && setView((v) => v && reveal(v, list.data!))}
            >
              {t('newAlarms', { n: unseenCount, severity: topUnseen ? t(`severities.${topUnseen}`) : '' })}{' '}
              <span className={styles.bannerAction}>{t('showNew')}</span>
            </button>
          )}
        </div>
        <span className="spacer" />
        <label className={styles.soundToggle}>
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => setSound(e.target.checked)}
            data-testid="alarm-sound"
          />
          {t('sound')}
        </label>
      </div>
      {device && (
        <p className={styles.chips}>
          <span className={styles.chip} data-testid="device-filter">
            {t('deviceFilter', { device: deviceName ? `${deviceName} · ${device}` : device })}
            <button
              type="button"
              aria-label={t('removeFilter', { device })}
              onClick={() => router.replace(`/ops/${slug}`, { scroll: false })}
            >
              ×
            </button>
          </span>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {serverErrorMessage(error, locale)}
        </p>
      )}
      {list.isError && (
        <p role="alert" className="error">
          {t('loadError', { message: serverErrorMessage(list.error, locale) })}{' '}
          <button type="button" onClick={() => void list.refetch()}>
            {t('retry')}
          </button>
        </p>
      )}
      {list.data?.length === 0 && rows.length === 0 && (
        <p className="muted">{device ? t('noAlarmsForDevice') : t('noAlarms')}</p>
      )}
      <div className={`${styles.alarmLayout} ${open ? styles.alarmLayoutOpen : ''}`}>
        <div
          className={`table-scroll ${styles.alarmList}`}
          data-testid="alarm-list"
          onPointerEnter={() => setPointerIn(true)}
          onPointerLeave={() => setPointerIn(false)}
          onFocus={() => setFocusIn(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusIn(false);
          }}
        >
          <table className={styles.table} data-testid="alarm-desk" aria-busy={list.isLoading}>
            <thead>
              <tr>
                <th>{t('severity')}</th>
                <th>{t('alarm')}</th>
                <th className={styles.num}>{t('age')}</th>
                <th>{t('state')}</th>
                <th>{t('assignee')}</th>
                {!open && <th>{t('actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.isLoading && (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('loading')}
                  </td>
                </tr>
              )}
              {rows.map((a) => {
                const clock = clockAgainst(a, a.respondBy, now);
                const classes = [
                  openId === a.id ? styles.rowOpen : '',
                  a.gone ? styles.rowGone : '',
                  view?.revealed.includes(a.id) ? styles.rowNew : '',
                ].join(' ');
                return (
                  <tr
                    key={a.id}
                    data-testid={`alarm-${a.id}`}
                    data-state={a.state}
                    data-overdue={clock.overdue}
                    className={classes.trim() || undefined}
                  >
                    <td>
                      <span className={`sev sev-${a.severity}`}>{t(`severities.${a.severity}`)}</span>
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
                        aria-haspopup="dialog"
                        aria-controls="alarm-drawer"
                        aria-expanded={openId === a.id}
                        onClick={() => (openId === a.id ? closeDrawer() : setOpenId(a.id))}
                      >
                        {alarmKind(a.kind)}
                      </button>
                      {a.deviceName && <div className="muted small">{a.deviceName}</div>}
                    </td>
                    <td className={styles.num} data-testid="alarm-age">
                      {age(a.openedAt, now)}
                      <div className="small">
                        {clock.overdue ? (
                          <span className={styles.overdue} data-testid="alarm-overdue">
                            {a.acknowledgedAt ? t('answeredLateShort') : t('overdueShort')}
                          </span>
                        ) : (
                          <span className="muted">
                            {a.acknowledgedAt
                              ? t('answeredInTime')
                              : t('leftOf', {
                                  // Never more than the target, whichever clock ran ahead.
                                  d: duration(Math.min(clock.leftMinutes, a.targetMinutes)),
                                  target: duration(a.targetMinutes),
                                })}
                          </span>
                        )}
                      </div>
                    </td>
                    <td data-testid="alarm-state">{a.gone ? t('gone') : t(`states.${a.state}`)}</td>
                    <td data-testid="alarm-assignee">{a.assigneeName ?? '—'}</td>
                    {!open && (
                      <td>
                        <div className={styles.buttons}>{actions(a)}</div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {open && (
          <AlarmDrawer
            key={open.id}
            slug={slug}
            alarm={open}
            now={now}
            actions={actions(open)}
            onChange={refresh}
            onClose={closeDrawer}
          />
        )}
      </div>
    </section>
  );
}
