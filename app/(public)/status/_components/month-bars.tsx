// A monthly bar chart drawn on the server as plain SVG: no chart library, no
// JavaScript, readable by screen readers through its title and a table twin.
import { leastOf, type PublicCount } from '~/server/domain/privacy';

type Props = {
  title: string;
  data: { month: string; count: PublicCount }[];
  monthLabel: (m: string) => string;
  /** 'YYYY-MM' the records begin; earlier months are shaded as "no records", not drawn as zero. */
  recordsFrom?: string | null;
  noRecords?: string;
  /** Between the months in the chart's spoken summary. */
  separator: string;
};

const W = 340;
const H = 150;
const PAD = { top: 18, bottom: 22, left: 4, right: 4 };

export function MonthBars({ title, data, monthLabel, recordsFrom, noRecords, separator }: Props) {
  const values = data.map((d) => leastOf(d.count));
  const max = Math.max(3, ...values);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, data.length);
  const plotH = H - PAD.top - PAD.bottom;
  const before = recordsFrom ? data.filter((d) => d.month < recordsFrom).length : 0;
  const summary = data
    .map((d) => `${monthLabel(d.month)} ${d.month < (recordsFrom ?? '') ? (noRecords ?? '—') : d.count}`)
    .join(separator);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${summary}`} width="100%">
        <title>{title}</title>
        {before > 0 && (
          <g>
            <rect x={PAD.left} y={PAD.top} width={before * slot} height={plotH} fill="#eceff3" />
            {noRecords && before >= 2 && (
              <text
                x={PAD.left + (before * slot) / 2}
                y={PAD.top + plotH / 2}
                textAnchor="middle"
                fontSize="11"
                fill="#5b6675"
              >
                {noRecords}
              </text>
            )}
          </g>
        )}
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#8792a2" />
        {data.map((d, i) => {
          const v = values[i]!;
          // "<3" is drawn as a short pale stub: something happened, but not how much;
          // "≥N" as a bar of its least, N.
          const h = d.count === '<3' ? 6 : (plotH * v) / max;
          const x = PAD.left + i * slot + slot * 0.15;
          const y = H - PAD.bottom - h;
          const label = String(d.count);
          return (
            <g key={d.month}>
              <rect x={x} y={y} width={slot * 0.7} height={h} rx={2} fill={d.count === '<3' ? '#9db7d8' : '#0b6bcb'} />
              {v > 0 && (
                <text x={x + slot * 0.35} y={y - 4} textAnchor="middle" fontSize="10" fill="#1c2430">
                  {label}
                </text>
              )}
              {(i % 2 === data.length % 2 || data.length <= 6) && (
                <text x={x + slot * 0.35} y={H - 6} textAnchor="middle" fontSize="9" fill="#5b6675">
                  {monthLabel(d.month)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
