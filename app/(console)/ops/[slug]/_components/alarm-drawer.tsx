'use client';
// One alarm's detail beside the list: what and where, its age against the response target,
// the moves, and its trail. A non-modal dialog: the list stays usable beside it; focus moves
// to its title when it opens, Escape or 关闭 closes it and focus goes back to the row.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { clockAgainst } from '~/lib/response-clock';
import styles from '../ops.module.css';
import { useDuration } from './alarm-age';
import { AlarmTrail } from './alarm-trail';
import type { DeskAlarm } from './alarm-view';

export function AlarmDrawer({
  slug,
  alarm,
  now,
  actions,
  onChange,
  onClose,
}: {
  slug: string;
  alarm: DeskAlarm & { gone: boolean };
  now: number;
  /** The row's own buttons (move, work order, twin), drawn here too. */
  actions: React.ReactNode;
  onChange: () => void;
  onClose: () => void;
}) {
  const t = useTranslations('ops');
  const alarmKind = useTranslations('alarmKind');
  const format = useFormatter();
  const duration = useDuration();
  const title = useRef<HTMLHeadingElement>(null);
  const clock = clockAgainst(alarm, alarm.respondBy, now);

  useEffect(() => {
    title.current?.focus();
  }, [alarm.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside
      id="alarm-drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="alarm-drawer-h"
      className={`panel ${styles.drawer}`}
      data-testid="alarm-drawer"
      data-alarm={alarm.id}
    >
      <div className="row">
        <span className={`sev sev-${alarm.severity}`}>{t(`severities.${alarm.severity}`)}</span>
        <h3 id="alarm-drawer-h" ref={title} tabIndex={-1} className={styles.detailTitle}>
          {alarmKind(alarm.kind)}
        </h3>
        <span className="spacer" />
        <button type="button" onClick={onClose} data-testid="alarm-drawer-close">
          {t('closeDrawer')}
        </button>
      </div>
      {alarm.gone && <p className="muted small">{t('goneFromList')}</p>}
      <dl className={`pairs ${styles.pairs}`}>
        {alarm.deviceName && (
          <>
            <dt>{t('device')}</dt>
            <dd>
              {alarm.deviceName}
              {alarm.deviceCode && <span className="muted small"> · {alarm.deviceCode}</span>}
            </dd>
          </>
        )}
        <dt>{t('openedAt')}</dt>
        <dd>{format.dateTime(alarm.openedAt, 'dayTime')}</dd>
        <dt>{t('age')}</dt>
        <dd className={clock.overdue ? styles.overdue : undefined}>
          {duration((now - alarm.openedAt.getTime()) / 60_000)} ·{' '}
          {clock.overdue
            ? t(alarm.acknowledgedAt ? 'answeredLate' : 'overdueBy', { d: duration(clock.overdueMinutes) })
            : t('targetIs', { d: duration(alarm.targetMinutes) })}
        </dd>
        <dt>{t('state')}</dt>
        <dd>{t(`states.${alarm.state}`)}</dd>
        <dt>{t('assignee')}</dt>
        <dd data-testid="drawer-assignee">{alarm.assigneeName ?? '—'}</dd>
      </dl>
      <div className={`${styles.buttons} ${styles.drawerActions}`}>{actions}</div>
      <AlarmTrail slug={slug} alarm={alarm} onChange={onChange} />
    </aside>
  );
}
