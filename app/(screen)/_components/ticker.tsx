'use client';
// The live event ticker: the newest open alarms and incidents, each line naming
// where — community (on the district screen), building, device — and what
// happened (ticker-line.ts). The server enriches the lines (screen.ticker /
// screen.districtTicker); the page's one LiveStore says when one may have changed,
// and the ticker then refetches, at most once a second, so a new alarm shows
// within seconds and an alarm storm costs one small query a second.
import { useQuery } from '@tanstack/react-query';
import { useLocale, useNow, useTimeZone, useTranslations } from 'next-intl';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useLive } from '~/app/_live/live-provider';
import type { LiveStore } from '~/app/_live/live-store';
import { useTRPC } from '~/app/_trpc/client';
import styles from './screen.module.css';
import { tickerLine } from './ticker-line';

// As many rows as the ticker's strip holds whole at 16:9 (1080p and 4K alike).
const TICKER_ROWS = 4;
const MIN_REFETCH_MS = 1_000;
const REFRESH_MS = 60_000;

/** Changes when the alarms or incidents the store holds change (not on every device status). */
const eventsSignal = (store: LiveStore) => `${store.alarmVersion}:${store.recentIncidents[0]?.id ?? ''}`;

export function Ticker({ slug, title }: { slug: string | null; title: string }) {
  const t = useTranslations('screen');
  const alarmKind = useTranslations('alarmKind');
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'Asia/Shanghai';
  // "Today" moves on at midnight: a minute's precision is enough for HH:mm.
  const now = useNow({ updateInterval: 60_000 });
  const trpc = useTRPC();
  const { store } = useLive();
  const signal = useSyncExternalStore(
    store.subscribe,
    () => eventsSignal(store),
    () => '',
  );
  const q = useQuery(
    slug === null
      ? { ...trpc.screen.districtTicker.queryOptions(), refetchInterval: REFRESH_MS }
      : { ...trpc.screen.ticker.queryOptions({ slug }), refetchInterval: REFRESH_MS },
  );
  const refetch = q.refetch;
  const last = useRef(0);
  useEffect(() => {
    if (!signal) return;
    const wait = Math.max(0, last.current + MIN_REFETCH_MS - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      void refetch({ cancelRefetch: false });
    }, wait);
    return () => clearTimeout(timer);
  }, [signal, refetch]);

  const lines = (q.data ?? []).slice(0, TICKER_ROWS).map((row) =>
    tickerLine(row, {
      now,
      locale,
      timeZone,
      showCommunity: slug === null,
      // Keys built from the row (class.<class>, incident.<kind>) are the messages' own.
      t: (key, values) => t(key as never, values as never),
      alarmKind: (kind) => alarmKind(kind as never),
    }),
  );
  return (
    <section className={styles.panel} data-testid="panel-ticker" aria-label={title}>
      <h2>{title}</h2>
      <ol className={styles.events} data-testid="ticker">
        {q.isPending && <li>{t('loading')}</li>}
        {q.isError && !q.data && <li>{t('tickerUnavailable')}</li>}
        {q.isSuccess && lines.length === 0 && <li>{t('noEvents')}</li>}
        {lines.map((l) => (
          <li key={l.key} data-event={l.key}>
            <time dateTime={l.at}>{l.when}</time>
            <span className={l.severity ? `sev sev-${l.severity}` : `sev ${styles.sevEvent}`}>
              {l.severity ? t(`severity.${l.severity}`) : t('event')}
            </span>
            <span className={styles.eventText}>{l.text}</span>
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
