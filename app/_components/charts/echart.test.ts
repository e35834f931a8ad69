// The chart binding keeps the newest option while ECharts loads: an update
// made before the instance exists is applied once it does, and a stale one is not.
import { describe, expect, it } from 'vitest';
import { chartBinding } from './echart';

function fakeECharts() {
  const applied: unknown[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let disposed = 0;
  const load = async () => {
    await gate;
    return {
      echarts: {
        init: () => ({ setOption: (o: unknown) => applied.push(o), resize: () => {}, dispose: () => disposed++ }),
      },
    };
  };
  return { load, applied, release: () => release(), disposed: () => disposed };
}

describe('chartBinding', () => {
  it('applies the newest option once ECharts has loaded, not the one from mount', async () => {
    const f = fakeECharts();
    const b = chartBinding({} as HTMLElement, f.load);
    const first = { series: [1] };
    const second = { series: [2] };
    b.update(first);
    b.update(second);
    expect(f.applied).toEqual([]);
    f.release();
    await b.ready;
    expect(f.applied).toEqual([second]);
    const third = { series: [3] };
    b.update(third);
    b.update(third);
    expect(f.applied).toEqual([second, third]);
    b.dispose();
    expect(f.disposed()).toBe(1);
  });

  it('makes no chart when unmounted before ECharts arrives', async () => {
    const f = fakeECharts();
    const b = chartBinding({} as HTMLElement, f.load);
    b.update({ series: [1] });
    b.dispose();
    f.release();
    await b.ready;
    expect(f.applied).toEqual([]);
  });
});
