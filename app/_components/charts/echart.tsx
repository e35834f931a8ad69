'use client';
// A chart drawn by ECharts in the browser only: the library is imported when
// the component mounts, so it never runs on the server and never weighs on
// pages without charts.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

type Props = { option: EChartsCoreOption; height?: number; label: string; testId?: string };

export function EChart({ option, height = 260, label, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption: (o: EChartsCoreOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const instance = echarts.init(el.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(option, true);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(el.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance is made once; option changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
