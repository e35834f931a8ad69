'use client';
// The live event ticker: the newest alarms and incidents from the page's one
// LiveStore. Bounded to TICKER_ROWS whatever the event rate, so a screen left
// on for days holds the same number of DOM nodes.
import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
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

// In the reader's language and the community's zone (the request config's time zone, lib/calendar.ts).
const TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } as const;

export function Ticker() {
  const t = useTranslations('screen');
  const { store } = useLive();
  useSyncExternalStore(store.subscribe, store.getVersion, () => 0);
  const alarmKind = useTranslations('alarmKind');
  const format = useFormatter();
  const list = rows(store, (kind) => t(`incident.${kind}`), alarmKind);
  return (
    <section className={styles.panel} data-testid="panel-ticker" aria-label={t('ticker')}>
      <h2>{t('ticker')}</h2>
      <ol className={styles.events} data-testid="ticker">
        {list.length === 0 && <li>{t('noEvents')}</li>}
        {list.map((r) => (
          <li key={r.key} data-event={r.key}>
            <time dateTime={r.at}>{format.dateTime(new Date(r.at), TIME)}</time>
            <span className={styles[`sev-${r.severity}`]}>{t(`severity.${r.severity}`)}</span>
            <span>{r.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The live connection's state. While the stream is down it is a banner across
 * the top of the twin or map, readable across a room; once live it shrinks
 * to a small green dot. Reconnecting is tRPC's work: the EventSource reopens
 * after a dropped network, and the screen's client reopens a stream that
 * failed outright (retryLink, app/_trpc/client.tsx).
 */
export function ConnectionBanner() {
  const t = useTranslations('screen');
  const { store } = useLive();
  const state = useSyncExternalStore(
    store.subscribe,
    () => store.connection,
    () => 'connecting' as const,
  );
  return (
    <div className={styles.connection} role="status" data-testid="screen-connection" data-state={state}>
      ● {t(`connection.${state}`)}
    </div>
  );
}
