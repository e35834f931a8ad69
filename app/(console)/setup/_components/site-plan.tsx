'use client';
// A plan of the community's footprints in local metres (x east, y north from the anchor), drawn in
// SVG: a click reports where, in metres. Used to place patrol points; typing x/y works as well.
import { useMemo } from 'react';
import styles from '../setup.module.css';

export type PlanBuilding = { id: number; name: string; footprint: Array<{ x: number; y: number }> };
export type PlanMark = { id: number; label: string; x: number; y: number; active?: boolean };

export function SitePlan({
  buildings,
  marks,
  onPick,
  label,
}: {
  buildings: PlanBuilding[];
  marks: PlanMark[];
  onPick: (x: number, y: number) => void;
  label: string;
}) {
  const box = useMemo(() => {
    const xs = [...buildings.flatMap((b) => b.footprint.map((p) => p.x)), ...marks.map((m) => m.x), -50, 50];
    const ys = [...buildings.flatMap((b) => b.footprint.map((p) => p.y)), ...marks.map((m) => m.y), -50, 50];
    const pad = 20;
    const [x0, x1, y0, y1] = [
      Math.min(...xs) - pad,
      Math.max(...xs) + pad,
      Math.min(...ys) - pad,
      Math.max(...ys) + pad,
    ];
    return { x0, y0, w: x1 - x0, h: y1 - y0 };
  }, [buildings, marks]);
  const size = Math.max(box.w, box.h) / 120; // label and dot size in metres
  return (
    <svg
      className={styles.plan}
      role="img"
      aria-label={label}
      data-testid="setup-site-plan"
      viewBox={`${box.x0} ${-(box.y0 + box.h)} ${box.w} ${box.h}`}
      onClick={(e) => {
        const svg = e.currentTarget;
        const ctm = svg.getScreenCTM();
        if (!ctm) return;
        const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
        onPick(Math.round(p.x * 10) / 10, Math.round(-p.y * 10) / 10);
      }}
    >
      {buildings.map((b) => {
        if (b.footprint.length < 3) return null;
        const cx = b.footprint.reduce((s, p) => s + p.x, 0) / b.footprint.length;
        const cy = b.footprint.reduce((s, p) => s + p.y, 0) / b.footprint.length;
        return (
          <g key={b.id}>
            <polygon
              points={b.footprint.map((p) => `${p.x},${-p.y}`).join(' ')}
              fill="#27466b"
              stroke="#6f9fd8"
              strokeWidth={size / 4}
            />
            <text x={cx} y={-cy} fontSize={size * 2.2} fill="#cfe0f5" textAnchor="middle" dominantBaseline="middle">
              {b.name}
            </text>
          </g>
        );
      })}
      <circle cx={0} cy={0} r={size / 1.5} fill="#8a97a8" />
      {marks.map((m) => (
        <g key={m.id}>
          <circle cx={m.x} cy={-m.y} r={size * (m.active ? 1.4 : 1)} fill={m.active ? '#ffd666' : '#52c41a'} />
          <text x={m.x + size * 1.5} y={-m.y} fontSize={size * 2} fill="#f0f5fa" dominantBaseline="middle">
            {m.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
