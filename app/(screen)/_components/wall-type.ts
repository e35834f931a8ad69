// The wall's type scale (issue: "readable from five metres"): sizes as shares of the
// viewport's width, so 3840×2160 is exactly twice 1920×1080. The CSS reads them as
// custom properties set on the shell (layout.tsx); the charts turn the same numbers into
// pixels (wallPx), so axis labels and titles scale together. No hooks here: the
// server layout reads WALL_VARS.
/** In vw. At 1920 px: titles and ticker 28.8 px, axis labels 23 px, KPI figures 56 px, 紧急/重要 96 px. */
export const WALL_VW = {
  heading: 2,
  title: 1.5,
  ticker: 1.5,
  label: 1.25,
  axis: 1.2,
  kpi: 2.9,
  urgent: 5,
} as const;

/** The custom properties of the scale, for the shell's style. */
export const WALL_VARS = Object.fromEntries(
  Object.entries(WALL_VW).map(([k, v]) => [`--wall-${k}`, `${v}vw`]),
) as React.CSSProperties;

/** `vw` of the scale in pixels at a viewport `width` wide. */
export const wallPx = (vw: number, width: number) => Math.round((width * vw) / 100);
