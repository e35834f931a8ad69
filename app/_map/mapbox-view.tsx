'use client';
// The district map on mapbox-gl, chosen when MAPBOX_TOKEN is set: Mapbox's dark or light base
// style under the same layers. mapbox-gl blanks its canvas without a valid token, so it is
// never the default.
import 'mapbox-gl/dist/mapbox-gl.css';
import { useState } from 'react';
import { Layer, Map, Marker, NavigationControl, ScaleControl, Source } from 'react-map-gl/mapbox';
import {
  DistrictFeatures,
  fitOptions,
  initialView,
  type DistrictData,
  type FeatureMap,
  type MapKit,
  type MapTheme,
} from './district-features';

const KIT = { Source, Layer, Marker, ScaleControl, NavigationControl } as unknown as MapKit;

export function MapboxView({
  data,
  token,
  theme,
  onDrawn,
}: {
  data: DistrictData;
  token: string;
  theme: MapTheme;
  onDrawn: (d: { boundaries: number; footprints: number; streets: number }) => void;
}) {
  const [map, setMap] = useState<FeatureMap | null>(null);
  return (
    <Map
      mapboxAccessToken={token}
      mapStyle={theme === 'dark' ? 'mapbox://styles/mapbox/dark-v11' : 'mapbox://styles/mapbox/light-v11'}
      // No right-to-left script on this map: do not fetch Mapbox's plugin for it.
      RTLTextPlugin={false}
      initialViewState={initialView(data.bounds)}
      // Mapbox's terms ask for its attribution under its base map.
      attributionControl
      onLoad={(e) => {
        if (data.bounds) e.target.fitBounds(data.bounds, fitOptions(e.target.getContainer()));
        setMap(e.target as unknown as FeatureMap);
      }}
    >
      <DistrictFeatures kit={KIT} data={data} map={map} theme={theme} onDrawn={onDrawn} />
    </Map>
  );
}
