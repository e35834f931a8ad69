'use client';
// The screen's panels: each one figure group or one ECharts chart. Options are
// memoised on the data, so the 60-second refetch hands ECharts a new option
// only when a figure changed, and the one chart instance is reused (setOption).
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart } from '~/app/_components/charts/echart';
import { ALARM_SEVERITIES, RETROFIT_STAGES_ALL } from '~/db/vocab';
import type { ScreenPanels } from '~/server/queries/screen-panels';
import styles from './screen.module.css';

const SEVERITY_COLOUR: Record<string, string> = {
  critical: '#ff4d4f',
  major: '#fa8c16',
  minor: '#fadb14',
  warning: '#73d13d',
};
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function useSizes() {
  // Viewport-relative type and chart heights: the same layout at 1080p and 4K.
  const w = typeof window === 'undefined' ? 1920 : window.innerWidth;
  const h = typeof window === 'undefined' ? 1080 : window.innerHeight;
  return { font: Math.max(11, Math.round(w * 0.0072)), chart: Math.round(h * 0.17) };
}

function bar(
  categories: string[],
  series: Array<{ name: string; data: number[]; color: string }>,
  font: number,
  horizontal = false,
): EChartsCoreOption {
  const cat = {
    type: 'category',
    data: categories,
    axisLabel: { color: '#9fb3d1', fontSize: font, interval: 0, overflow: 'truncate', width: font * 6 },
  };
  // Counts: whole-number ticks only (no "0.5 alarms").
  const val = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: '#9fb3d1', fontSize: font },
    splitLine: { lineStyle: { color: '#1d3a5f' } },
  };
  return {
    animation: false,
    grid: {
      left: horizontal ? font * 7 : font * 3,
      right: font,
      top: series.length > 1 ? font * 2 : font,
      bottom: font * 1.6,
    },
    legend: series.length > 1 ? { top: 0, textStyle: { color: '#dbe7ff', fontSize: font } } : undefined,
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      itemStyle: { color: s.color },
      barMaxWidth: font * 2,
    })),
  };
}

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className={styles.panel} data-testid={`panel-${id}`} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Figure({ value, label }: { value: string | number; label: string }) {
  return (
    <div className={styles.figure}>
      <b>{value}</b>
      <span>{label}</span>
    </div>
  );
}

export function LeftPanels({ p }: { p: ScreenPanels }) {
  const t = useTranslations('screen');
  const { font, chart } = useSizes();
  const devices = useMemo(() => {
    // The six largest classes: more labels than that overlap at a panel's height.
    const top = p.devicesByClass.slice(0, 6);
    return bar(
      top.map((d) => t(`class.${d.class}`)),
      [
        { name: t('online'), data: top.map((d) => d.online), color: '#36cfc9' },
        { name: t('offlineOrAlarm'), data: top.map((d) => d.total - d.online), color: '#fa541c' },
      ],
      font,
      true,
    );
  }, [p.devicesByClass, font, t]);
  const alarms = useMemo(() => {
    const count = (s: string) => p.alarmsBySeverity.find((a) => a.severity === s)?.count ?? 0;
    return {
      ...bar(
        ALARM_SEVERITIES.map((s) => t(`severity.${s}`)),
        [{ name: t('openAlarms'), data: ALARM_SEVERITIES.map(count), color: '#ff7875' }],
        font,
      ),
      series: [
        {
          type: 'bar',
          data: ALARM_SEVERITIES.map((s) => ({ value: count(s), itemStyle: { color: SEVERITY_COLOUR[s] } })),
          barMaxWidth: font * 3,
          label: { show: true, position: 'top', color: '#fff', fontSize: font },
        },
      ],
    };
  }, [p.alarmsBySeverity, font, t]);
  const throwing = useMemo(
    () =>
      bar(
        p.throwing.byBand.map((b) => `${b.band}F`),
        [
          { name: t('thisMonth'), data: p.throwing.byBand.map((b) => b.thisMonth), color: '#ff7a45' },
          { name: t('lastMonth'), data: p.throwing.byBand.map((b) => b.lastMonth), color: '#597ef7' },
        ],
        font,
      ),
    [p.throwing.byBand, font, t],
  );
  const online = p.devicesByClass.reduce((s, d) => s + d.online, 0);
  const total = p.devicesByClass.reduce((s, d) => s + d.total, 0);
  return (
    <div className={styles.left}>
      <Panel id="devices" title={t('devices', { online, total })}>
        <EChart option={devices} height={chart} label={t('devicesChart')} />
      </Panel>
      <Panel id="alarms" title={t('alarms')}>
        <EChart option={alarms} height={chart} label={t('alarms')} />
      </Panel>
      <Panel id="throwing" title={t('throwing', { now: p.throwing.thisMonth, before: p.throwing.lastMonth })}>
        {p.throwing.byBand.length === 0 ? (
          <p className={styles.empty}>{t('noThrowing')}</p>
        ) : (
          <EChart option={throwing} height={chart} label={t('throwingChart')} />
        )}
      </Panel>
      <Panel id="ebike" title={t('ebike')}>
        <div className={styles.figures}>
          <Figure value={p.ebikeBlocks.thisMonth} label={t('thisMonth')} />
          <Figure value={p.ebikeBlocks.lastMonth} label={t('lastMonth')} />
        </div>
      </Panel>
    </div>
  );
}

export function RightPanels({ p }: { p: ScreenPanels }) {
  const t = useTranslations('screen');
  const { font, chart } = useSizes();
  const funnel = useMemo<EChartsCoreOption>(() => {
    const stages = RETROFIT_STAGES_ALL.filter((s) => s !== 'stalled');
    // Each stage counts the units that reached it or went beyond: a funnel, narrowing.
    const at = (i: number) =>
      stages.slice(i).reduce((sum, s) => sum + (p.retrofit.find((r) => r.stage === s)?.count ?? 0), 0);
    return bar(
      stages.map((s) => t(`stage.${s}`)),
      [{ name: t('retrofit'), data: stages.map((_, i) => at(i)), color: '#40a9ff' }],
      font,
      true,
    );
  }, [p.retrofit, font, t]);
  const w = p.workOrders;
  return (
    <div className={styles.right}>
      <Panel id="patrol" title={t('patrol')}>
        <div className={styles.figures}>
          <Figure value={pct(p.patrol.completion)} label={t('patrolCompletion')} />
          <Figure value={p.patrol.checkins7d} label={t('checkins7d')} />
          <Figure value={p.patrol.due7d} label={t('due7d')} />
        </div>
      </Panel>
      <Panel id="work-orders" title={t('workOrders', { total: w.total, hotline: w.hotline12345 })}>
        <div className={styles.figures}>
          <Figure value={pct(w.completionRate)} label={t('completion')} />
          <Figure value={pct(w.resolutionRate)} label={t('resolution')} />
          <Figure value={pct(w.satisfactionRate)} label={t('satisfaction')} />
        </div>
      </Panel>
      <Panel id="retrofit" title={t('retrofit')}>
        {p.retrofit.length === 0 ? (
          <p className={styles.empty}>{t('noRetrofit')}</p>
        ) : (
          <EChart option={funnel} height={Math.round(chart * 1.6)} label={t('retrofit')} />
        )}
      </Panel>
    </div>
  );
}
