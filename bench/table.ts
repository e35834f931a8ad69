// Prints benchmark rows as one fixed-width table. Widths are measured in code
// points, which is enough while names and notes stay ASCII.
import type { BenchRow } from './types';

const HEADERS = ['name', 'engine', 'n', 'p50', 'p95', 'target', 'result', 'note'] as const;

export function rowPasses(row: BenchRow): boolean | undefined {
  if (row.targetMs === undefined) return undefined;
  return row.atLeast ? row.p95Ms >= row.targetMs : row.p95Ms <= row.targetMs;
}

function formatValue(row: BenchRow, value: number): string {
  if (!row.unit) return formatMs(value);
  return `${Number.isInteger(value) ? value : value.toFixed(2)} ${row.unit}`;
}

function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => {
    const pass = rowPasses(row);
    return [
      row.name,
      row.engine,
      String(row.n),
      formatValue(row, row.p50Ms),
      formatValue(row, row.p95Ms),
      row.targetMs === undefined ? '-' : `${row.atLeast ? '>=' : '<='} ${row.targetMs} ${row.unit ?? 'ms'}`,
      pass === undefined ? '-' : pass ? 'pass' : 'FAIL',
      row.note ?? '',
    ];
  });
  const widths = HEADERS.map((h, col) => Math.max(h.length, ...cells.map((c) => (c[col] ?? '').length)));
  // Numbers read best right-aligned; n, p50 and p95 are columns 2–4.
  const line = (values: readonly string[]) =>
    values
      .map((v, col) => (col >= 2 && col <= 4 ? v.padStart(widths[col] ?? 0) : v.padEnd(widths[col] ?? 0)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(HEADERS), rule, ...cells.map(line)].join('\n');
}
