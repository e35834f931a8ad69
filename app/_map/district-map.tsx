'use client';
// The district map: the one imperative map of the app lives here (the
// react-map-gl pattern). MapLibre GL JS draws a local style built from our own
// GeoJSON with no network by default; with a Mapbox token the same code runs
// on mapbox-gl and a Mapbox base style; a tile URL (e.g. 天地图) adds a raster
// base layer. Only the chosen library is imported. Community labels are HTML
// markers: offline there are no glyph PBFs for map-drawn text.
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
};
type Marker = { setLngLat: (p: [number, number]) => Marker; addTo: (m: AnyMap) => Marker; remove: () => void };
type Lib = { Map: new (o: unknown) => AnyMap; Marker: new (o: { element: HTMLElement; anchor?: string }) => Marker };

const LOCAL_STYLE = (tileUrl: string | null) => ({
  version: 8,
  sources: tileUrl ? { base: { type: 'raster', tiles: [tileUrl], tileSize: 256 } } : {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1a2c' } }, ...(tileUrl ? [{ id: 'base', type: 'raster', source: 'base' }] : [])],
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
  // After a production build the worker is not where MapLibre looks: name it (STACK-NOTES).
  maplibre.setWorkerUrl('/api/map-worker');
  return { lib: maplibre as unknown as Lib, style: LOCAL_STYLE(settings.tileUrl) };
}

function label(c: MapCommunity, href: string): HTMLElement {
  const a = document.createElement('a');
  a.href = href;
  a.dataset.testid = `map-community-${c.slug}`;
  a.className = 'map-label';
  a.style.cssText = 'display:block;padding:4px 8px;border-radius:4px;background:#0d2340e6;border:1px solid #3c7fd1;color:#e6f0ff;font:600 max(13px,0.75vw)/1.35 system-ui,"Noto Sans CJK SC",sans-serif;text-decoration:none;white-space:nowrap';
  const title = document.createElement('div');
  title.textContent = c.name;
  const figures = document.createElement('div');
  figures.style.cssText = 'font-weight:400;font-size:max(12px,0.65vw);color:#9fc1ea';
  figures.textContent = `在线 ${c.online}/${c.devices} · 告警 ${c.openAlarms} · 抛物 ${c.throwingThisMonth}`;
  a.append(title, figures);
  return a;
}

export function DistrictMap({ communities, settings, hrefFor }: { communities: MapCommunity[]; settings: MapSettings; hrefFor: (slug: string) => string }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<{ map: AnyMap; lib: Lib; ready: boolean } | null>(null);
  const latest = useRef({ communities, hrefFor });
  latest.current = { communities, hrefFor };
  const markers = useRef<Marker[]>([]);

  // Data → map: the buildings source is patched with setData, markers replaced one for one.
  const sync = () => {
    const m = map.current;
    if (!m?.ready) return;
    const { communities: list, hrefFor: href } = latest.current;
    (m.map.getSource('sites') as GeoSource | undefined)?.setData(sitesGeoJson(list));
    (m.map.getSource('buildings') as GeoSource | undefined)?.setData(buildingsGeoJson(list));
    for (const marker of markers.current) marker.remove();
    markers.current = list.map((c) => new m.lib.Marker({ element: label(c, href(c.slug)), anchor: 'bottom' }).setLngLat([c.anchorLng, c.anchorLat]).addTo(m.map));
  };

  useEffect(() => {
    let cancelled = false;
    void loadLib(settings).then(({ lib, style }) => {
      if (cancelled || !el.current) return;
      const list = latest.current.communities;
      const lngs = list.map((c) => c.anchorLng), lats = list.map((c) => c.anchorLat);
      const instance = new lib.Map({ container: el.current, style, center: [lngs[0] ?? 114.3, lats[0] ?? 30.6], zoom: 12, pitch: 50, attributionControl: false });
      map.current = { map: instance, lib, ready: false };
      instance.on('load', () => {
        instance.addSource('sites', { type: 'geojson', data: sitesGeoJson([]) });
        instance.addLayer({ id: 'sites-fill', type: 'fill', source: 'sites', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.35 } });
        instance.addLayer({ id: 'sites-line', type: 'line', source: 'sites', paint: { 'line-color': ['get', 'colour'], 'line-width': 2 } });
        instance.addSource('buildings', { type: 'geojson', data: buildingsGeoJson([]) });
        instance.addLayer({
          id: 'buildings', type: 'fill-extrusion', source: 'buildings',
          paint: { 'fill-extrusion-color': ['get', 'colour'], 'fill-extrusion-height': ['get', 'height'], 'fill-extrusion-opacity': 0.9 },
        });
        if (map.current) map.current.ready = true;
        if (lngs.length) instance.fitBounds([[Math.min(...lngs), Math.min(...lats)], [Math.max(...lngs), Math.max(...lats)]], { padding: 120, pitch: 50, maxZoom: 16, duration: 0 });
        sync();
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
