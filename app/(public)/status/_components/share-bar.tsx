// A percentage as a bar (SVG) with the number beside it in text, so the figure
// reads in large type and without colour.
import type { Formatters } from './format';

type Props = { label: string; pct: number | null; detail?: string; f: Formatters };

export function ShareBar({ label, pct, detail, f }: Props) {
  const shown = pct === null ? '—' : f.percent(pct / 100);
  const tone = pct === null ? 'none' : pct >= 95 ? 'ok' : pct >= 80 ? 'warn' : 'bad';
  return (
    <div className="share">
      <div className="share-head">
        <span>{label}</span>
        <strong className={`share-n tone-${tone}`}>{shown}</strong>
      </div>
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" width="100%" height="10" aria-hidden="true">
        <rect width="100" height="6" rx="3" fill="#e4e8ee" />
        {pct !== null && <rect width={Math.max(0, Math.min(100, pct))} height="6" rx="3" className={`bar-${tone}`} />}
      </svg>
      {detail && <span className="share-detail">{detail}</span>}
    </div>
  );
}
