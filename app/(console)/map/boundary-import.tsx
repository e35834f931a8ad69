'use client';
// Importing a street's boundary on /map: a GeoJSON Polygon/MultiPolygon read in the browser and
// sent whole; the server refuses a bad file with its reason and changes nothing
// (server/map/boundary.ts), or replaces the boundary and records it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';

/** The systems the server converts (server/geo/crs.ts CRS_NAMES), without loading its converters here. */
const CRS_NAMES = ['wgs84', 'cgcs2000', 'gcj02', 'bd09', 'epsg3857'] as const;
type Crs = (typeof CRS_NAMES)[number];

/** The server's limit on a boundary file (server/routers/map.ts). */
const MAX_BYTES = 5 * 1024 * 1024;

export function BoundaryImport({
  streets,
  anyStreet,
  onClose,
}: {
  streets: Array<{ street: string; district: string | null }>;
  anyStreet: boolean;
  onClose: () => void;
}) {
  const t = useTranslations('districtMap');
  const tCrs = useTranslations('setupSite');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [street, setStreet] = useState(streets[0]?.street ?? '');
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const write = useMutation(
    trpc.map.importStreetBoundary.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.map.layers.queryKey() }),
    }),
  );

  const read = (f: File | undefined) => {
    setFile(null);
    setFileError(null);
    write.reset();
    if (!f) return;
    if (f.size > MAX_BYTES) return setFileError(t('import.failed', { message: '> 5 MB' }));
    f.text().then(
      (text) => setFile({ name: f.name, text }),
      () => setFileError(t('import.noFile')),
    );
  };

  return (
    <section className="panel" aria-labelledby="boundary-import-title" data-testid="boundary-import">
      <h2 id="boundary-import-title">{t('import.title')}</h2>
      <p className="small muted">{t('import.hint')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return setFileError(t('import.noFile'));
          const district = streets.find((s) => s.street === street)?.district ?? null;
          write.mutate({ street: street.trim(), district, content: file.text, crs, fileName: file.name });
        }}
      >
        <label>
          {t('import.street')}
          {anyStreet ? (
            <>
              <input
                name="street"
                list="boundary-streets"
                value={street}
                required
                maxLength={60}
                onChange={(e) => setStreet(e.target.value)}
              />
              <datalist id="boundary-streets">
                {streets.map((s) => (
                  <option key={s.street} value={s.street} />
                ))}
              </datalist>
            </>
          ) : (
            <select name="street" value={street} onChange={(e) => setStreet(e.target.value)}>
              {streets.map((s) => (
                <option key={s.street} value={s.street}>
                  {s.street}
                </option>
              ))}
            </select>
          )}
        </label>
        <label>
          {t('import.crs')}
          <select name="crs" value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>
            {CRS_NAMES.map((c) => (
              <option key={c} value={c}>
                {tCrs(`crs.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('import.file')}
          <input
            type="file"
            name="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => read(e.target.files?.[0])}
          />
        </label>
        <button type="submit" className="primary" disabled={write.isPending}>
          {write.isPending ? t('import.busy') : t('import.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('import.cancel')}
        </button>
      </form>
      {fileError ? (
        <p role="alert" className="error">
          {fileError}
        </p>
      ) : null}
      {write.isError ? (
        <p role="alert" className="error">
          {t('import.failed', { message: write.error.message })}
        </p>
      ) : null}
      {write.isSuccess ? (
        <p role="status" className="ok">
          {t('import.done', {
            street: write.data.street,
            polygons: write.data.polygons,
            vertices: write.data.vertices,
          })}
        </p>
      ) : null}
    </section>
  );
}
