'use client';
// The live event ticker: the newest alarms and incidents from the page's one
// LiveStore. Bounded to TICKER_ROWS whatever the event rate, so a screen left
// on for days holds the same number of DOM nodes.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useLive } from '~/app/_live/live-provider';
import type { LiveStore } from '~/app/_live/live-store';
import styles from './screen.module.css';

// As many rows as the ticker's strip holds whole at 16:9 (1080p and 4K alike).
const TICKER_ROWS = 5;
type Row = { key: string; at: string; severity: string; text: string };

function rows(store: LiveStore, incidentLabel: (kind: string) => string, alarmLabel: (kind: string) => string): Row[] {
  const out: Row[] = [];
  for (const a of store.alarms.values())
    out.push({ key: `a${a.id}`, at: a.openedAt, severity: a.severity, text: alarmLabel(a.kind) });
  for (const i of store.recentIncidents.slice(0, TICKER_ROWS))
    out.push({ key: `i${i.id}`, at: i.occurredAt, severity: 'major', text: incidentLabel(i.kind) });
  return out.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, TICKER_ROWS);
}

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function Ticker() {
  const t = useTranslations('screen');
  const { store } = useLive();
  useSyncExternalStore(store.subscribe, store.getVersion, () => 0);
  const alarmKind = useTranslations('alarmKind');
  const list = rows(store, (kind) => t(`incident.${kind}`), alarmKind);
  return (
    <section className={styles.panel} data-testid="panel-ticker" aria-label={t('ticker')}>
      <h2>{t('ticker')}</h2>
      <ol className={styles.events} data-testid="ticker">
        {list.length === 0 && <li>{t('noEvents')}</li>}
        {list.map((r) => (
          <li key={r.key} data-event={r.key}>
            <time>{clock.format(new Date(r.at))}</time>
            <span className={styles[`sev-${r.severity}`]}>{t(`severity.${r.severity}`)}</span>
            <span>{r.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

// An unattended screen retries a failed stream by itself: 2 s, 4 s, 8 s … at most a minute apart.
const retryDelay = (attempt: number) => Math.min(60_000, 2_000 * 2 ** attempt);

/**
 * The live connection's state. While the stream is down it is a banner across
 * the top of the twin or map, readable across a room; once live it shrinks
 * to a small green dot. A stream that failed outright (the SSE link gives up,
 * e.g. on a 5xx while the server restarts) is reopened with backoff.
 */
export function ConnectionBanner() {
  const t = useTranslations('screen');
  const { store, retry } = useLive();
  const state = useSyncExternalStore(
    store.subscribe,
    () => store.connection,
    () => 'connecting' as const,
  );
  const attempts = useRef(0);
  useEffect(() => {
    if (state === 'live') attempts.current = 0;
    if (state !== 'error') return;
    const timer = setTimeout(retry, retryDelay(attempts.current++));
    return () => clearTimeout(timer);
  }, [state, retry]);
  return (
    <div className={styles.connection} role="status" data-testid="screen-connection" data-state={state}>
      ● {t(`connection.${state}`)}
    </div>
  );
}
