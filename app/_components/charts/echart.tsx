'use client';
// A chart drawn by ECharts in the browser only: the library is imported when
// the component mounts, so it never runs on the server and never weighs on
// pages without charts.
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

type Props = { option: EChartsCoreOption; height?: number; label: string; testId?: string };
type Instance = {
  setOption: (o: EChartsCoreOption, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
};
type Loader = () => Promise<{
  echarts: { init: (el: HTMLElement, theme?: string, opts?: { renderer: 'canvas' }) => Instance };
}>;

const loadECharts: Loader = () => import('./echarts-setup') as unknown as ReturnType<Loader>;

/**
 * Keeps one chart instance for an element and always shows the newest
 * option: an option handed over while ECharts is still loading is kept and
 * applied when the instance exists (the one set at mount may be stale by then).
 * Exported apart from React so the race can be tested with a slow loader.
 */
export function chartBinding(el: HTMLElement, load: Loader = loadECharts) {
  let latest: EChartsCoreOption | null = null;
  let instance: Instance | null = null;
  let observer: ResizeObserver | undefined;
  let disposed = false;
  const ready = load().then(({ echarts }) => {
    if (disposed) return;
    instance = echarts.init(el, undefined, { renderer: 'canvas' });
    if (latest) instance.setOption(latest, true);
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(el);
    }
  });
  return {
    ready,
    update(option: EChartsCoreOption) {
      if (option === latest) return;
      latest = option;
      instance?.setOption(option, true);
    },
    dispose() {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      instance = null;
    },
  };
}

export function EChart({ option, height = 260, label, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const binding = useRef<ReturnType<typeof chartBinding> | null>(null);

  useEffect(() => {
    const b = chartBinding(el.current!);
    binding.current = b;
    return () => {
      b.dispose();
      binding.current = null;
    };
  }, []);

  // Runs after the mount effect above (same commit, declaration order), so the first option is never lost either.
  useEffect(() => {
    binding.current?.update(option);
  }, [option]);

  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
