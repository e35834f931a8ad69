'use client';
// Community labels are HTML markers: offline there are no glyph PBFs for
// map-drawn text. Their places round the points are recomputed whenever the
// view moves or the labels' text (and so their size) changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { declutter, type LabelOffset } from './declutter';

export type MapLabel = { slug: string; lng: number; lat: number; href: string; name: string; figures: string };

/** What the layout needs of a map: both libraries' maps (and react-map-gl's MapRef) have it. */
type Projecting = { project(lngLat: [number, number]): { x: number; y: number } };

export type LabelLayout = {
  offsets: ReadonlyMap<string, LabelOffset>;
  /** Ref callback for a label's element, so its size can be measured. */
  measure: (slug: string, el: HTMLElement) => () => void;
  relayout: () => void;
};

const sameOffsets = (a: ReadonlyMap<string, LabelOffset>, b: ReadonlyMap<string, LabelOffset>) =>
  a.size === b.size && [...a].every(([slug, [x, y]]) => b.get(slug)?.[0] === x && b.get(slug)?.[1] === y);

/** `map` is null until the library has loaded and made its map; the labels are placed once it is there. */
export function useLabelLayout(labels: MapLabel[], map: Projecting | null): LabelLayout {
  const elements = useRef(new Map<string, HTMLElement>());
  const [offsets, setOffsets] = useState<ReadonlyMap<string, LabelOffset>>(new Map());

  const relayout = useCallback(() => {
    if (!map) return;
    const placed = declutter(
      labels.map((l) => {
        const p = map.project([l.lng, l.lat]);
        const el = elements.current.get(l.slug);
        return { x: p.x, y: p.y, width: el?.offsetWidth ?? 0, height: el?.offsetHeight ?? 0 };
      }),
    );
    const next = new Map(labels.map((l, i) => [l.slug, placed[i]!]));
    setOffsets((prev) => (sameOffsets(prev, next) ? prev : next));
  }, [labels, map]);

  // The map's arrival, and new figures (new widths): place the labels again once they are drawn.
  useEffect(relayout, [relayout]);

  const measure = useCallback((slug: string, el: HTMLElement) => {
    elements.current.set(slug, el);
    return () => void elements.current.delete(slug);
  }, []);

  return { offsets, measure, relayout };
}
