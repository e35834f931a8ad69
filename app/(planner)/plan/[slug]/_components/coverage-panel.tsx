'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart } from '~/app/_components/charts/echart';
import { formatFen } from '~/app/_components/ui/money';
import { FloorSharesTable } from './floor-shares-table';
import type { Evaluation } from './planner-view';

// The planner's own chart hues: "now" a pale blue and "after" the accent, the owners' shares
// teal — no grey (grey means offline) or red/orange (alarm/fault); lib/status-palette.ts.
const NOW = '#9ec5f8';
const AFTER = '#0b6bcb';
const SHARES = '#0e9384';

type Props = { evaluation: Evaluation | undefined; pending: boolean; error: string | undefined; selected: number };

export function CoveragePanel({ evaluation: e, pending, error, selected }: Props) {
  const t = useTranslations('planner');
  const tm = useTranslations('money');
  const coverageChart = useMemo(
    () =>
      e && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('before'), t('after')] },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: {
          type: 'category',
          axisLabel: { interval: 0 },
          data: [t('stranded'), t('chart60'), t('chart80'), t('chartImpaired')],
        },
        yAxis: { type: 'value' },
        series: [
          {
            name: t('before'),
            type: 'bar',
            data: [
              e.before.stranded,
              e.before.residents60plusStepFree,
              e.before.residents80plusStepFree,
              e.before.mobilityImpairedStepFree,
            ],
            itemStyle: { color: NOW },
          },
          {
            name: t('after'),
            type: 'bar',
            data: [
              e.after.stranded,
              e.after.residents60plusStepFree,
              e.after.residents80plusStepFree,
              e.after.mobilityImpairedStepFree,
            ],
            itemStyle: { color: AFTER },
          },
        ],
      },
    [e, t],
  );
  const floorChart = useMemo(
    () =>
      e && {
        tooltip: { trigger: 'axis' },
        grid: { left: 64, right: 16, top: 16, bottom: 28 },
        xAxis: { type: 'category', data: e.byFloor.map((f) => t('floorN', { n: f.floor })) },
        yAxis: {
          type: 'value',
          name: tm('axisUnit'),
          axisLabel: { formatter: (v: number) => tm('axisTick', { yuan: v / 100, wan: v / 1_000_000 }) },
        },
        series: [{ type: 'bar', data: e.byFloor.map((f) => f.shareFen), itemStyle: { color: SHARES } }],
      },
    [e, t, tm],
  );

  if (error)
    return (
      <p className="notice" role="alert">
        {t('evalError', { message: error })}
      </p>
    );
  if (!e) return <div className="skeleton" style={{ minHeight: 120 }} aria-busy="true" />;
  const drop = e.before.stranded - e.after.stranded;
  return (
    <section aria-labelledby="coverage-title" aria-busy={pending}>
      <h2 id="coverage-title">{t('coverageTitle')}</h2>
      <ul className="kpis">
        <li>
          <span className="n" data-testid="stranded-before">
            {e.before.stranded}
          </span>
          <span className="l">{t('strandedNow')}</span>
        </li>
        <li>
          <span className="n" data-testid="stranded-after">
            {e.after.stranded}
          </span>
          <span className="l">{selected ? t('strandedAfter', { drop }) : t('strandedAfterNone')}</span>
        </li>
        <li>
          <span className="n">{e.after.householdsStepFree - e.before.householdsStepFree}</span>
          <span className="l">{t('householdsGain')}</span>
        </li>
        <li>
          <span className="n">{formatFen(e.ownersFen, tm)}</span>
          <span className="l">
            {t('ownersPay', { total: formatFen(e.totalFen, tm), subsidy: formatFen(e.subsidyFen, tm) })}
          </span>
        </li>
      </ul>
      <div className="split">
        <div className="panel">
          <h3>{t('chartCoverage')}</h3>
          {coverageChart && <EChart option={coverageChart} label={t('chartCoverage')} testId="chart-coverage" />}
        </div>
        <div className="panel">
          <h3>{t('chartFloors')}</h3>
          {e.byFloor.length === 0 ? (
            <p className="muted small">{t('pickToSeeCost')}</p>
          ) : (
            <>
              {floorChart && <EChart option={floorChart} label={t('chartFloors')} />}
              <FloorSharesTable floors={e.byFloor} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
