'use client';
// A small chart per numeric field of the device's last 24 hours (10-minute
// means, server/queries/device-history.ts), labelled and scaled in the field's
// words and unit. Loading, empty and error each say so.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EChart } from '~/app/_components/charts/echart';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { FIELD_NAMES, fieldSpec } from '~/lib/telemetry-fields';
import type { HistorySeries } from '~/server/queries/device-history';
import type { DeviceWords } from './device-words';
import styles from './device-panel.module.css';

/** The console's accent: a reading's line is no status, so never red, orange or grey. */
const LINE = '#0b6bcb';
const MUTED = '#5b6675';

const order = (field: string) => {
  const i = FIELD_NAMES.indexOf(field as (typeof FIELD_NAMES)[number]);
  return i < 0 ? FIELD_NAMES.length : i;
};

export function DeviceHistory({ deviceId, words, locale }: { deviceId: number; words: DeviceWords; locale: string }) {
  const { t } = words;
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.device.history.queryOptions({ id: deviceId }), refetchInterval: 60_000 });
  if (q.isPending)
    return (
      <p className="muted" aria-busy="true" data-testid="device-history-loading">
        {t('history.loading')}
      </p>
    );
  if (q.isError)
    return (
      <p role="alert" className="error" data-testid="device-history-error">
        {t('history.error', { message: serverErrorMessage(q.error, locale) })}{' '}
        <button type="button" onClick={() => void q.refetch()}>
          {t('history.retry')}
        </button>
      </p>
    );
  // Measurements only: a fault code sent as a number (0 for none) is no quantity to draw.
  const series = q.data.series
    .filter((s) => (fieldSpec(s.field)?.kind ?? 'number') === 'number')
    .sort((a, b) => order(a.field) - order(b.field) || a.field.localeCompare(b.field));
  if (series.length === 0)
    return (
      <p className="muted" data-testid="device-history-empty">
        {t('history.empty')}
      </p>
    );
  let unknown = 0;
  return (
    <div data-testid="device-history">
      {series.map((s) => {
        const known = FIELD_NAMES.includes(s.field as (typeof FIELD_NAMES)[number]);
        const label = words.label(s.field, known ? 1 : ++unknown);
        return (
          <SeriesChart
            key={s.field}
            series={s}
            label={label}
            words={words}
            from={q.data.from.getTime()}
            to={q.data.to.getTime()}
          />
        );
      })}
    </div>
  );
}

function SeriesChart({
  series,
  label,
  words,
  from,
  to,
}: {
  series: HistorySeries;
  label: string;
  words: DeviceWords;
  from: number;
  to: number;
}) {
  const { t, format } = words;
  const unit = (v: number) => words.measure(series.field, v);
  const spec = fieldSpec(series.field);
  const wholeNumbers = spec?.kind === 'number' && spec.digits === 0;
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 4, right: 8, top: 8, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (v: number) => unit(v),
      },
      xAxis: {
        type: 'time',
        min: from,
        max: to,
        splitNumber: 3,
        axisLabel: {
          color: MUTED,
          fontSize: 10,
          formatter: (ms: number) =>
            format.dateTime(new Date(ms), { hour: '2-digit', minute: '2-digit', hour12: false }),
        },
        axisLine: { lineStyle: { color: '#dde2e8' } },
      },
      yAxis: {
        type: 'value',
        scale: true,
        splitNumber: 2,
        // Whole-number readings (floors, kilograms, percent) get whole ticks, never "6 层, 6 层".
        minInterval: wholeNumbers ? 1 : undefined,
        axisLabel: { color: MUTED, fontSize: 10, formatter: (v: number) => unit(v) },
        splitLine: { lineStyle: { color: '#eef1f4' } },
      },
      series: [
        {
          type: 'line',
          name: label,
          data: series.points,
          showSymbol: series.points.length < 3,
          symbolSize: 4,
          lineStyle: { width: 1.5, color: LINE },
          itemStyle: { color: LINE },
          connectNulls: false,
        },
      ],
    }),
    // `unit` and `format` follow the locale, which does not change without a new render tree.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, label, from, to, wholeNumbers],
  );
  return (
    <figure className={styles.chart} data-testid="device-history-chart" data-field={series.field}>
      <figcaption>
        <span>{label}</span>
        <span className="muted small">{t('history.range', { min: unit(series.min), max: unit(series.max) })}</span>
      </figcaption>
      <EChart
        option={option}
        height={84}
        label={t('history.chart', { field: label, n: format.number(series.points.length) })}
      />
    </figure>
  );
}
