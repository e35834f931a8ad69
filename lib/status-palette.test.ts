import { describe, expect, it } from 'vitest';
import { ALARM_SEVERITIES } from '~/db/vocab';
import { SEVERITY_COLOR } from './status-palette';

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('severity badges', () => {
  it.each(ALARM_SEVERITIES)('%s text is readable on its colour at body size (WCAG AA, 4.5:1)', (severity) => {
    const { fill, ink } = SEVERITY_COLOR[severity];
    expect(contrast(fill, ink)).toBeGreaterThanOrEqual(4.5);
  });
});
