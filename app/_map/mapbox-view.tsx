'use client';
// The district map on mapbox-gl, chosen when MAPBOX_TOKEN is set: Mapbox's
// dark base style under the same layers. mapbox-gl blanks its canvas without
// a valid token, so it is never the default.
import 'mapbox-gl/dist/mapbox-gl.css';
import { useState } from 'react';
import { Layer, Map, Marker, Source, type MapRef } from 'react-map-gl/mapbox';
import { DistrictFeatures, fitOptions, initialView, type DistrictData, type MapKit } from './district-features';
import { useLabelLayout } from './labels';

const KIT: MapKit = { Source, Layer, Marker };

export function MapboxView({ data, token }: { data: DistrictData; token: string }) {
  const [map, setMap] = useState<MapRef | null>(null);
  const layout = useLabelLayout(data.labels, map);
  return (
    <Map
      ref={setMap}
      mapboxAccessToken={token}
      mapStyle="mapbox://styles/mapbox/dark-v11"
      // No right-to-left script on this map: do not fetch Mapbox's plugin for it.
      RTLTextPlugin={false}
      initialViewState={initialView(data.bounds)}
      attributionControl={false}
      onLoad={(e) => data.bounds && e.target.fitBounds(data.bounds, fitOptions(e.target.getContainer()))}
      onMoveEnd={layout.relayout}
      onResize={layout.relayout}
    >
      <DistrictFeatures kit={KIT} data={data} layout={layout} />
    </Map>
  );
}
