'use client';
import { useQuery } from '@tanstack/react-query';
import { DistrictMap, type MapSettings } from '~/app/_map/district-map';
import { useTRPC } from '~/app/_trpc/client';

export function ConsoleMap({ settings }: { settings: MapSettings }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.screen.district.queryOptions());
  return (
    <div style={{ position: 'relative', height: 'calc(100vh - 4rem)' }}>
      {q.data ? (
        <DistrictMap communities={q.data.communities} settings={settings} hrefFor={(slug) => `/screen/${slug}`} />
      ) : (
        <p aria-busy="true">…</p>
      )}
    </div>
  );
}
