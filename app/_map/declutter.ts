// Where each community's label sits round its point, so labels of nearby
// communities do not cover each other. Pure: the map supplies screen points
// and the labels' measured sizes.

/** A label to place: its point on screen (px) and its measured size. */
export type LabelBox = { x: number; y: number; width: number; height: number };

/** Offset (px) from the point to the label's bottom centre, as a map marker anchored at 'bottom' takes it. */
export type LabelOffset = [number, number];

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const GAP = 10;

/**
 * Each label takes the first of above, below, right or left of its point (then
 * further above or below) that overlaps no label placed before it; where every
 * place is taken it goes above.
 */
export function declutter(labels: LabelBox[]): LabelOffset[] {
  const placed: Box[] = [];
  return labels.map(({ x, y, width: w, height: h }) => {
    const candidates: LabelOffset[] = [
      [0, -GAP],
      [0, h + GAP],
      [w / 2 + GAP, h / 2],
      [-(w / 2 + GAP), h / 2],
      [0, -(h + 2 * GAP)],
      [0, 2 * h + 2 * GAP],
    ];
    const box = ([dx, dy]: LabelOffset): Box => ({
      x0: x + dx - w / 2,
      x1: x + dx + w / 2,
      y0: y + dy - h,
      y1: y + dy,
    });
    const chosen = candidates.find((o) => !placed.some((q) => overlaps(box(o), q))) ?? candidates[0]!;
    placed.push(box(chosen));
    return chosen;
  });
}
