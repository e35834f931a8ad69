import { describe, expect, it } from 'vitest';
import { declutter, type LabelBox } from './declutter';

const label = (x: number, y: number): LabelBox => ({ x, y, width: 200, height: 50 });

describe('declutter', () => {
  it('puts a lone label just above its point', () => {
    expect(declutter([label(500, 500)])).toEqual([[0, -10]]);
  });

  it('leaves labels of communities far apart where they are', () => {
    expect(declutter([label(100, 100), label(900, 700)])).toEqual([
      [0, -10],
      [0, -10],
    ]);
  });

  it('moves the second of two close labels below its point, and one to the side where a label stands below', () => {
    expect(declutter([label(500, 500), label(520, 505)])).toEqual([
      [0, -10],
      [0, 60],
    ]);
    // Two labels to the left take the places above and below the third point; its label goes right.
    expect(declutter([label(400, 500), label(400, 570), label(500, 500)])).toEqual([
      [0, -10],
      [0, -10],
      [110, 25],
    ]);
  });

  it('places no two labels over each other while a free place remains', () => {
    const boxes = [label(500, 500), label(505, 500), label(510, 500), label(515, 500)];
    const placed = declutter(boxes).map(([dx, dy], i) => {
      const b = boxes[i]!;
      return { x0: b.x + dx - 100, x1: b.x + dx + 100, y0: b.y + dy - 50, y1: b.y + dy };
    });
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
  });
});
