'use client';
// The district map: the one imperative map of the app lives here (the
// react-map-gl pattern). MapLibre GL JS draws a local style built from our own
// GeoJSON with no network by default; with a Mapbox token the same code runs
// on mapbox-gl and a Mapbox base style; a tile URL (e.g. 天地图) adds a raster
// base layer. Only the chosen library is imported. Community labels are HTML
// markers: offline there are no glyph PBFs for map-drawn text.
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { buildingsGeoJson, sitesGeoJson, type MapCommunity } from './geo';

export type MapSettings = { mapboxToken: string | null; tileUrl: string | null };

// The slice of the mapbox-gl API both libraries share and we use.
type GeoSource = { setData: (data: unknown) => void };
type AnyMap = {
  on: (type: string, fn: () => void) => void;
  addSource: (id: string, source: unknown) => void;
  addLayer: (layer: unknown) => void;
  getSource: (id: string) => unknown;
  fitBounds: (b: [[number, number], [number, number]], o?: unknown) => void;
  remove: () => void;
  loaded: () => boolean;
  project: (p: [number, number]) => { x: number; y: number };
  off: (type: string, fn: () => void) => void;
};
type Marker = {
  setLngLat: (p: [number, number]) => Marker;
  addTo: (m: AnyMap) => Marker;
  remove: () => void;
  setOffset: (o: [number, number]) => Marker;
  getElement: () => HTMLElement;
};
type Lib = { Map: new (o: unknown) => AnyMap; Marker: new (o: { element: HTMLElement; anchor?: string }) => Marker };

const LOCAL_STYLE = (tileUrl: string | null) => ({
  version: 8,
  sources: tileUrl ? { base: { type: 'raster', tiles: [tileUrl], tileSize: 256 } } : {},
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#0b1a2c' } },
    ...(tileUrl ? [{ id: 'base', type: 'raster', source: 'base' }] : []),
  ],
});

async function loadLib(settings: MapSettings): Promise<{ lib: Lib; style: unknown }> {
  if (settings.mapboxToken) {
    const [mod] = await Promise.all([import('mapbox-gl'), import('mapbox-gl/dist/mapbox-gl.css')]);
    const mapbox = mod.default as unknown as Lib & { accessToken: string };
    mapbox.accessToken = settings.mapboxToken;
    return { lib: mapbox, style: 'mapbox://styles/mapbox/dark-v11' };
  }
  // The library's CSS positions markers and the canvas; it loads with the library, only on map pages.
  const [maplibre] = await Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl.css')]);
  // After a production build the worker is not where MapLibre looks: name it (docs/ARCHITECTURE.md § Measured facts).
  maplibre.setWorkerUrl('/api/map-worker');
  return { lib: maplibre as unknown as Lib, style: LOCAL_STYLE(settings.tileUrl) };
}

type LabelText = { name: (c: MapCommunity) => string; figures: (c: MapCommunity) => string };

function label(c: MapCommunity, href: string, text: LabelText): HTMLElement {
  const a = document.createElement('a');
  a.href = href;
  a.dataset.testid = `map-community-${c.slug}`;
  a.className = 'map-label';
  // Sized to the viewport: on a wall screen the labels are read from across the room.
  a.style.cssText =
    'display:block;padding:0.35em 0.7em;border-radius:4px;background:#0d2340ee;border:1px solid #3c7fd1;color:#e6f0ff;font:600 max(13px,1vw)/1.35 system-ui,"Noto Sans CJK SC",sans-serif;text-decoration:none;white-space:nowrap;box-shadow:0 2px 8px #0008';
  const title = document.createElement('div');
  title.textContent = text.name(c);
  const figures = document.createElement('div');
  figures.style.cssText = 'font-weight:400;font-size:max(12px,0.8vw);color:#a9c8ee';
  figures.textContent = text.figures(c);
  a.append(title, figures);
  return a;
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Moves labels apart where communities stand close: each label takes the
 * first of above, below, right or left of its point that overlaps no label
 * placed before it (markers are anchored at their bottom centre).
 */
function declutter(map: AnyMap, markers: Marker[], list: MapCommunity[]): void {
  const placed: Box[] = [];
  markers.forEach((marker, i) => {
    const c = list[i];
    if (!c) return;
    const el = marker.getElement();
    const p = map.project([c.anchorLng, c.anchorLat]);
    const w = el.offsetWidth,
      h = el.offsetHeight,
      gap = 10;
    const candidates: Array<[number, number]> = [
      [0, -gap],
      [0, h + gap],
      [w / 2 + gap, h / 2],
      [-(w / 2 + gap), h / 2],
      [0, -(h + 2 * gap)],
      [0, 2 * h + 2 * gap],
    ];
    const box = (o: [number, number]): Box => ({
      x0: p.x + o[0] - w / 2,
      x1: p.x + o[0] + w / 2,
      y0: p.y + o[1] - h,
      y1: p.y + o[1],
    });
    const chosen = candidates.find((o) => !placed.some((q) => overlaps(box(o), q))) ?? candidates[0]!;
    placed.push(box(chosen));
    marker.setOffset(chosen);
  });
}

/** The sites' extent, so the district fills the view rather than the communities' anchor points. */
function siteBounds(list: MapCommunity[]): [[number, number], [number, number]] | null {
  const pts = sitesGeoJson(list).features.flatMap((f) => f.geometry.coordinates[0] ?? []);
  if (!pts.length) return null;
  const lngs = pts.map((p) => p[0]!),
    lats = pts.map((p) => p[1]!);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}

export function DistrictMap({
  communities,
  settings,
  hrefFor,
}: {
  communities: MapCommunity[];
  settings: MapSettings;
  hrefFor: (slug: string) => string;
}) {
  const t = useTranslations('screen');
  const locale = useLocale();
  const text: LabelText = {
    name: (c) => (locale === 'zh' ? c.name : (c.nameEn ?? c.name)),
    figures: (c) =>
      t('mapFigures', { online: c.online, devices: c.devices, alarms: c.openAlarms, throwing: c.throwingThisMonth }),
  };
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<{ map: AnyMap; lib: Lib; ready: boolean } | null>(null);
  const latest = useRef({ communities, hrefFor, text });
  latest.current = { communities, hrefFor, text };
  const markers = useRef<Marker[]>([]);

  // Data → map: the buildings source is patched with setData, markers replaced one for one.
  const sync = () => {
    const m = map.current;
    if (!m?.ready) return;
    const { communities: list, hrefFor: href, text: words } = latest.current;
    (m.map.getSource('sites') as GeoSource | undefined)?.setData(sitesGeoJson(list));
    (m.map.getSource('buildings') as GeoSource | undefined)?.setData(buildingsGeoJson(list));
    for (const marker of markers.current) marker.remove();
    markers.current = list.map((c) =>
      new m.lib.Marker({ element: label(c, href(c.slug), words), anchor: 'bottom' })
        .setLngLat([c.anchorLng, c.anchorLat])
        .addTo(m.map),
    );
    declutter(m.map, markers.current, list);
  };

  useEffect(() => {
    let cancelled = false;
    const relayout = () => {
      const m = map.current;
      if (m?.ready) declutter(m.map, markers.current, latest.current.communities);
    };
    void loadLib(settings).then(({ lib, style }) => {
      if (cancelled || !el.current) return;
      const list = latest.current.communities;
      const bounds = siteBounds(list);
      const container = el.current;
      const instance = new lib.Map({
        container,
        style,
        center: bounds ? bounds[0] : [114.3, 30.6],
        zoom: 12,
        pitch: 50,
        attributionControl: false,
      });
      map.current = { map: instance, lib, ready: false };
      instance.on('load', () => {
        instance.addSource('sites', { type: 'geojson', data: sitesGeoJson([]) });
        instance.addLayer({
          id: 'sites-fill',
          type: 'fill',
          source: 'sites',
          paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.35 },
        });
        instance.addLayer({
          id: 'sites-line',
          type: 'line',
          source: 'sites',
          paint: { 'line-color': ['get', 'colour'], 'line-width': 2 },
        });
        instance.addSource('buildings', { type: 'geojson', data: buildingsGeoJson([]) });
        instance.addLayer({
          id: 'buildings',
          type: 'fill-extrusion',
          source: 'buildings',
          paint: {
            'fill-extrusion-color': ['get', 'colour'],
            'fill-extrusion-height': ['get', 'height'],
            'fill-extrusion-opacity': 0.9,
          },
        });
        if (map.current) map.current.ready = true;
        // Room round the edge for the labels, in proportion to the screen.
        const padding = Math.round(Math.min(container.clientWidth, container.clientHeight) * 0.14);
        if (bounds) instance.fitBounds(bounds, { padding, pitch: 50, maxZoom: 16, duration: 0 });
        sync();
        instance.on('resize', relayout);
        instance.on('moveend', relayout);
      });
    });
    return () => {
      cancelled = true;
      for (const marker of markers.current) marker.remove();
      markers.current = [];
      map.current?.map.remove();
      map.current = null;
    };
    // The map is made once per library choice; data flows through sync().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.mapboxToken, settings.tileUrl]);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(sync, [communities]);

  return <div ref={el} data-testid="district-map" style={{ position: 'absolute', inset: 0 }} />;
}
