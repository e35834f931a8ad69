'use client';
// The console's district map (/map): the map of every community the member reaches, and for an
// admin or a street's district role, importing that street's boundary as GeoJSON.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { DistrictMap, type MapSettings } from '~/app/_map/district-map';
import { useTRPC } from '~/app/_trpc/client';
import { BoundaryImport } from './boundary-import';

export function ConsoleMap({
  settings,
  title,
  twinSlugs,
}: {
  settings: MapSettings;
  title: string;
  /** The communities whose twin the member may open ('all' for an admin); the others open their big screen. */
  twinSlugs: string[] | 'all';
}) {
  const t = useTranslations('districtMap');
  const trpc = useTRPC();
  const q = useQuery(trpc.screen.district.queryOptions());
  const founding = useQuery(trpc.onboard.founding.queryOptions());
  const [importing, setImporting] = useState(false);
  const hrefFor = useCallback(
    (slug: string) => (twinSlugs === 'all' || twinSlugs.includes(slug) ? `/twin/${slug}` : `/screen/${slug}`),
    [twinSlugs],
  );
  const streets = founding.data?.streets ?? [];
  const mayImport = Boolean(founding.data && (founding.data.anyStreet || streets.length));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem' }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '1rem' }}>
        <h1 style={{ margin: 0 }}>{title}</h1>
        {mayImport ? (
          <button type="button" onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
            {t('import.open')}
          </button>
        ) : null}
      </div>
      {importing && founding.data ? (
        <BoundaryImport streets={streets} anyStreet={founding.data.anyStreet} onClose={() => setImporting(false)} />
      ) : null}
      <div style={{ position: 'relative', height: 'calc(100vh - 11rem)', minHeight: '420px' }}>
        {q.data ? (
          <DistrictMap communities={q.data.communities} settings={settings} hrefFor={hrefFor} theme="light" />
        ) : q.isError ? (
          <p role="alert">{t('error')}</p>
        ) : (
          <p aria-busy="true">{t('loading')}</p>
        )}
      </div>
    </div>
  );
}
