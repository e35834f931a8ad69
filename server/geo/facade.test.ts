import { describe, expect, it } from 'vitest';
import { outFromFacade } from './facade';

describe('a point out from a façade', () => {
  const slab = [
    { x: 0, y: 0 },
    { x: 30, y: 0 },
    { x: 30, y: 10 },
    { x: 0, y: 10 },
  ];

  it('stands off the middle of the side facing that way, whichever way the ring runs', () => {
    expect(outFromFacade(slab, 'south', 5.5)).toEqual({ x: 15, y: -5.5 });
    expect(outFromFacade([...slab].reverse(), 'north', 5.5)).toEqual({ x: 15, y: 15.5 });
    expect(outFromFacade(slab, 'east', 5)).toEqual({ x: 35, y: 5 });
  });

  it('picks the long side of a building turned 30°, and stays outside it', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const turned = slab.map((p) => ({ x: p.x * c - p.y * s, y: p.x * s + p.y * c }));
    const p = outFromFacade(turned, 'south', 5.5);
    // The long edge's middle is (15c, 15s); its outward normal points south-east.
    expect(p.x).toBeCloseTo(15 * c + 5.5 * s, 6);
    expect(p.y).toBeCloseTo(15 * s - 5.5 * c, 6);
  });
});
