'use client';
// The screen's panels: a few large tiles, each one figure group or one ECharts chart,
// sized by the wall's type scale (wall-type.ts). Options are memoised on the data, so
// the 60-second refetch hands ECharts a new option only when a figure changed, and the
// one chart instance is reused (setOption). A tile with nothing to show is left out.
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { EChart } from '~/app/_components/charts/echart';
import { RETROFIT_STAGES_ALL, type AlarmSeverity } from '~/db/vocab';
import { HEAT_RAMP, STAGE_COLOR, STATUS_COLOR } from '~/lib/status-palette';
import type { ScreenPanels } from '~/server/queries/screen-panels';
import styles from './screen.module.css';
import { WALL_VW, wallPx } from './wall-type';

const onResize = (changed: () => void) => {
  window.addEventListener('resize', changed);
  return () => window.removeEventListener('resize', changed);
};

/** The viewport's size, following resizes (1920×1080 on the server). */
function useViewport(): { width: number; height: number } {
  const width = useSyncExternalStore(
    onResize,
    () => window.innerWidth,
    () => 1920,
  );
  const height = useSyncExternalStore(
    onResize,
    () => window.innerHeight,
    () => 1080,
  );
  return { width, height };
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const AXIS_INK = '#c6d6ee';
const GRID_LINE = '#1d3a5f';

/** Axis font and chart height from the viewport, in pixels: the same scale as the CSS. */
function useChartSizes() {
  const { width, height } = useViewport();
  return { font: wallPx(WALL_VW.axis, width), height };
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
    axisLabel: { color: AXIS_INK, fontSize: font, interval: 0, overflow: 'truncate', width: font * 5 },
  };
  // Counts: whole-number ticks only (no "0.5 alarms").
  const val = {
    type: 'value',
    minInterval: 1,
    splitNumber: 3,
    axisLabel: { color: AXIS_INK, fontSize: font },
    splitLine: { lineStyle: { color: GRID_LINE } },
  };
  return {
    animation: false,
    grid: {
      left: horizontal ? font * 5.5 : font * 2.6,
      right: font * 1.2,
      top: series.length > 1 ? font * 2.2 : font,
      bottom: font * 1.6,
    },
    legend:
      series.length > 1
        ? { top: 0, itemWidth: font, itemHeight: font * 0.7, textStyle: { color: AXIS_INK, fontSize: font } }
        : undefined,
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

function Panel({
  id,
  title,
  children,
  tall = false,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  tall?: boolean;
}) {
  return (
    <section className={styles.panel} data-testid={`panel-${id}`} data-tall={tall || undefined} aria-label={title}>
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

/** A chart that fills what its tile leaves under the title (measured, as ECharts takes pixels). */
function FillChart({ option, label }: { option: EChartsCoreOption; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = box.current!;
    const measure = () => setHeight(Math.floor(el.clientHeight));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className={styles.chart}>
      {height > 0 && <EChart option={option} height={height} label={label} />}
    </div>
  );
}

/** 紧急 and 重要 alarms in numbers readable across the room; 次要 and 提示 beneath, small. */
function UrgentPanel({ p }: { p: ScreenPanels }) {
  const t = useTranslations('screen');
  const count = (s: AlarmSeverity) => p.alarmsBySeverity.find((a) => a.severity === s)?.count ?? 0;
  return (
    <Panel id="urgent" title={t('urgent')}>
      <div className={styles.urgent}>
        {(['critical', 'major'] as const).map((s) => (
          <div key={s} className={`sev sev-${s} ${styles.urgentFigure}`} data-testid={`urgent-${s}`}>
            <b>{count(s)}</b>
            <span>{t(`severity.${s}`)}</span>
          </div>
        ))}
      </div>
      <p className={styles.lesser}>
        {(['minor', 'warning'] as const).map((s) => (
          <span key={s}>
            <span className={`sev sev-${s}`}>{t(`severity.${s}`)}</span> {count(s)}
          </span>
        ))}
      </p>
    </Panel>
  );
}

const STATUS_PARTS = ['online', 'maintenance', 'offline', 'fault', 'alarm'] as const;

/** 电梯, 监控, 门禁, 消防 (and the rest): the share online, and the others by status colour. */
function DeviceHealthPanel({ p }: { p: ScreenPanels }) {
  const t = useTranslations('screen');
  const online = p.deviceHealth.reduce((s, d) => s + d.online, 0);
  const total = p.deviceHealth.reduce((s, d) => s + d.total, 0);
  return (
    <Panel id="devices" title={t('devices', { online, total })}>
      <ul className={styles.health} aria-label={t('devicesChart')}>
        {p.deviceHealth.map((g) => {
          const down = g.total - g.online;
          return (
            <li key={g.group} data-group={g.group}>
              <span className={styles.healthName}>{t(`group.${g.group}`)}</span>
              <span className={styles.healthBar} aria-hidden>
                {STATUS_PARTS.map((s) =>
                  g[s] > 0 ? (
                    <i
                      key={s}
                      style={{ flexGrow: g[s], background: STATUS_COLOR[s], minWidth: s === 'online' ? 0 : '0.3vw' }}
                    />
                  ) : null,
                )}
              </span>
              <b className={styles.healthRate}>{pct(g.total ? g.online / g.total : null)}</b>
              <span className={styles.healthDown}>{down > 0 ? t('devicesDown', { count: down }) : ''}</span>
            </li>
          );
        })}
      </ul>
      <p className={styles.legend}>
        {STATUS_PARTS.map((s) => (
          <span key={s}>
            <i style={{ background: STATUS_COLOR[s] }} aria-hidden />
            {t(`status.${s}`)}
          </span>
        ))}
      </p>
    </Panel>
  );
}

export function LeftPanels({ p }: { p: ScreenPanels }) {
  const t = useTranslations('screen');
  const { font } = useChartSizes();
  const throwing = useMemo(
    () =>
      bar(
        p.throwing.byBand.map((b) => `${b.band}F`),
        [
          { name: t('thisMonth'), data: p.throwing.byBand.map((b) => b.thisMonth), color: HEAT_RAMP[1] },
          { name: t('lastMonth'), data: p.throwing.byBand.map((b) => b.lastMonth), color: '#597ef7' },
        ],
        font,
      ),
    [p.throwing.byBand, font, t],
  );
  return (
    <div className={styles.left}>
      <UrgentPanel p={p} />
      {p.deviceHealth.length > 0 && <DeviceHealthPanel p={p} />}
      <Panel id="throwing" title={t('throwing', { now: p.throwing.thisMonth, before: p.throwing.lastMonth })}>
        {p.throwing.byBand.length === 0 ? (
          <p className={styles.empty}>{t('noThrowing')}</p>
        ) : (
          <FillChart option={throwing} label={t('throwingChart')} />
        )}
      </Panel>
    </div>
  );
}

export function RightPanels({ p }: { p: ScreenPanels }) {
  const t = useTranslations('screen');
  const { font } = useChartSizes();
  const funnel = useMemo<EChartsCoreOption>(() => {
    const stages = RETROFIT_STAGES_ALL.filter((s) => s !== 'stalled');
    // Each stage counts the units that reached it or went beyond: a funnel, narrowing.
    const at = (i: number) =>
      stages.slice(i).reduce((sum, s) => sum + (p.retrofit.find((r) => r.stage === s)?.count ?? 0), 0);
    return bar(
      stages.map((s) => t(`stage.${s}`)),
      [{ name: t('retrofit'), data: stages.map((_, i) => at(i)), color: STAGE_COLOR.planned }],
      font,
      true,
    );
  }, [p.retrofit, font, t]);
  const w = p.workOrders;
  return (
    <div className={styles.right}>
      <Panel id="work-orders" title={t('workOrders', { total: w.total, hotline: w.hotline12345 })}>
        <div className={styles.figures}>
          <Figure value={pct(w.completionRate)} label={t('completion')} />
          <Figure value={pct(w.resolutionRate)} label={t('resolution')} />
          <Figure value={pct(w.satisfactionRate)} label={t('satisfaction')} />
        </div>
      </Panel>
      <Panel id="patrol" title={t('patrol')}>
        <div className={styles.figures}>
          <Figure value={pct(p.patrol.completion)} label={t('patrolCompletion')} />
          <Figure value={p.patrol.checkins7d} label={t('checkins7d')} />
          <Figure value={p.patrol.due7d} label={t('due7d')} />
        </div>
      </Panel>
      <Panel id="ebike" title={t('ebike')}>
        <div className={styles.figures}>
          <Figure value={p.ebikeBlocks.thisMonth} label={t('thisMonth')} />
          <Figure value={p.ebikeBlocks.lastMonth} label={t('lastMonth')} />
        </div>
      </Panel>
      {/* No retrofit case here (荆胡): no tile, rather than an empty one. */}
      {p.retrofit.length > 0 && (
        <Panel id="retrofit" title={t('retrofit')} tall>
          <FillChart option={funnel} label={t('retrofit')} />
        </Panel>
      )}
    </div>
  );
}
