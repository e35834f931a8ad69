// A community's thresholds over the design values: what the ingest applies to a reading.
import { describe, expect, it } from 'vitest';
import { readingConditions, THRESHOLDS, thresholdsWith, thresholdTable } from './alarm-rules';

describe('community thresholds', () => {
  it('raise gas_leak at a lowered LEL share that the design value lets pass', () => {
    const lowered = thresholdsWith({ gasLelPercent: 10 });
    expect(readingConditions('combustible_gas', { lelPercent: 15 })).toEqual([{ kind: 'gas_leak', on: false }]);
    expect(readingConditions('combustible_gas', { lelPercent: 15 }, lowered)).toEqual([{ kind: 'gas_leak', on: true }]);
    expect(readingConditions('manhole_cover', { tiltDegrees: 20 }, thresholdsWith({ manholeTiltDegrees: 25 }))).toEqual(
      [{ kind: 'manhole_open', on: false }],
    );
  });

  it('ignore an override that is not a number within its bounds, keeping the design value', () => {
    expect(thresholdsWith({ gasLelPercent: 0, fireWaterMinMpa: '0.2', manholeTiltDegrees: 90, other: 3 })).toEqual(
      THRESHOLDS,
    );
    expect(thresholdsWith(null)).toEqual(THRESHOLDS);
  });

  it('list each threshold with the value in force, the design value and whether it is overridden', () => {
    const gas = thresholdTable({ gasLelPercent: 12 }).find((r) => r.key === 'gasLelPercent');
    expect(gas).toMatchObject({
      value: 12,
      design: 20,
      overridden: true,
      unit: '%LEL',
      deviceClass: 'combustible_gas',
    });
    expect(thresholdTable({ gasLelPercent: 99 }).find((r) => r.key === 'gasLelPercent')).toMatchObject({
      value: 20,
      overridden: false,
    });
  });
});
