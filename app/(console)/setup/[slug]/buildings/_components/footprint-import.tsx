'use client';
// Step one of the buildings page: a footprint file read in the browser, previewed by the
// server (nothing written), shown on a map and in 3D, chosen (all, by kind, by an area drawn
// on the map), corrected in a table, then written all at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { RouterOutputs } from '~/app/_trpc/types';
import { insideRing, ringCentre, type DrawMode } from './preview-map';

const PreviewMap = dynamic(() => import('./preview-map').then((m) => m.PreviewMap), { ssr: false });
const SitePreviewCanvas = dynamic(() => import('~/app/_scene/site-preview').then((m) => m.SitePreviewCanvas), {
  ssr: false,
});

type Preview = RouterOutputs['site']['previewBuildings'];
type Feature = Preview['features'][number];
type Edit = { number?: string; name?: string; floors?: number };
const CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09', 'epsg3857'] as const;
type Crs = (typeof CRS)[number];
/** Beyond this the browser would spend long on the upload; the server refuses 20 MB. */
const MAX_BYTES = 20 * 1024 * 1024;

export function FootprintImport({ slug, anchor }: { slug: string; anchor: [number, number] }) {
  const t = useTranslations('setupSite');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [crs, setCrs] = useState<Crs>('wgs84');
  const [floorHeightM, setFloorHeightM] = useState(3);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [mode, setMode] = useState<DrawMode>('none');

  const preview = useMutation(
    trpc.site.previewBuildings.mutationOptions({
      onSuccess: (p) => {
        setChosen(new Set(p.features.filter((f) => f.keep).map((f) => f.index)));
        setEdits({});
      },
    }),
  );
  const write = useMutation(
    trpc.site.importBuildings.mutationOptions({
      onSuccess: (r) => {
        if (r.errors.length === 0)
          void queryClient.invalidateQueries({ queryKey: trpc.site.buildings.queryKey({ slug }) });
      },
    }),
  );
  const data = preview.data;
  const kept = useMemo(() => data?.features.filter((f) => f.keep) ?? [], [data]);
  // A building whose number repeats another's is listed too, unchosen: it may be written under a new number.
  const rows = useMemo(() => data?.features.filter((f) => f.keep || f.reason === 'duplicateNumber') ?? [], [data]);
  const skipped = useMemo(() => data?.features.filter((f) => !f.keep) ?? [], [data]);
  const tags = useMemo(() => [...new Set(kept.map((f) => f.tag ?? '—'))], [kept]);

  const readChosenFile = (f: File | undefined) => {
    setFileError(null);
    setFile(null);
    preview.reset();
    write.reset();
    if (!f) return;
    if (f.size > MAX_BYTES) return setFileError(t('import.tooBig'));
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setReading(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => {
      setReading(null);
      setFile({ name: f.name, text: String(reader.result) });
    };
    reader.onerror = () => {
      setReading(null);
      setFileError(t('import.readFailed'));
    };
    setReading(0);
    reader.readAsText(f);
  };

  const choose = (pick: (f: Feature) => boolean) => setChosen(new Set(kept.filter(pick).map((f) => f.index)));
  const edit = (index: number, patch: Edit) => setEdits((e) => ({ ...e, [index]: { ...e[index], ...patch } }));
  const reasonText = (f: Feature) =>
    t(`reason.${f.reason ?? 'notChosen'}`, {
      feature: f.reasonFeature ?? '—',
      number: f.reasonNumber ?? '—',
      area: f.areaM2,
    });

  const mapFeatures = useMemo(
    () =>
      (data?.features ?? []).map((f) => ({
        index: f.index,
        ring: f.ring,
        state: chosen.has(f.index)
          ? ('chosen' as const)
          : f.keep || f.reason === 'duplicateNumber'
            ? ('kept' as const)
            : ('skipped' as const),
      })),
    [data, chosen],
  );
  const massing = useMemo(
    () =>
      rows.map((f) => ({
        id: f.index,
        footprint: f.local,
        floors: edits[f.index]?.floors ?? f.floors,
        floorHeight: data?.floorHeightM ?? 3,
        faded: !chosen.has(f.index),
      })),
    [rows, edits, chosen, data],
  );

  const busy = preview.isPending || write.isPending || reading !== null;
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="small muted">{t('import.help')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) preview.mutate({ slug, text: file.text, crs, floorHeightM });
        }}
      >
        <label className="grow">
          {t('import.file')}
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => readChosenFile(e.target.files?.[0])}
          />
        </label>
        <label>
          {t('import.crs')}
          <select value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>
            {CRS.map((c) => (
              <option key={c} value={c}>
                {t(`crs.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('import.floorHeight')}
          <input
            type="number"
            min={2}
            max={6}
            step={0.1}
            value={floorHeightM}
            onChange={(e) => setFloorHeightM(Number(e.target.value) || 3)}
            style={{ width: '5rem' }}
          />
        </label>
        <button type="submit" className="primary" disabled={!file || busy}>
          {preview.isPending ? t('import.previewing') : t('import.preview')}
        </button>
      </form>
      {reading !== null && (
        <p role="status" className="muted">
          {t('import.reading', { percent: reading })}
        </p>
      )}
      {fileError && (
        <p role="alert" className="error">
          {fileError}
        </p>
      )}
      {preview.error && (
        <p role="alert" className="error">
          {serverErrorMessage(preview.error, locale)}
        </p>
      )}

      {data && (
        <>
          <p role="status" data-testid="preview-summary">
            {t('import.summary', {
              total: data.features.length,
              kept: data.kept,
              skipped: data.skipped,
              chosen: chosen.size,
            })}
          </p>
          {data.kept === 0 && <p className="notice">{t('import.nothingKept')}</p>}
          <div className="inline-form" role="group" aria-label={t('choose.label')}>
            <button type="button" onClick={() => choose(() => true)}>
              {t('choose.all')}
            </button>
            <button type="button" onClick={() => setChosen(new Set())}>
              {t('choose.none')}
            </button>
            {tags.length > 1 &&
              tags.map((tag) => (
                <button key={tag} type="button" onClick={() => choose((f) => (f.tag ?? '—') === tag)}>
                  {t('choose.byKind', { kind: tag })}
                </button>
              ))}
            <button
              type="button"
              aria-pressed={mode === 'rectangle'}
              onClick={() => setMode(mode === 'rectangle' ? 'none' : 'rectangle')}
            >
              {t('choose.rectangle')}
            </button>
            <button
              type="button"
              aria-pressed={mode === 'polygon'}
              onClick={() => setMode(mode === 'polygon' ? 'none' : 'polygon')}
            >
              {t('choose.polygon')}
            </button>
          </div>
          {mode !== 'none' && <p className="small muted">{t(`choose.${mode}Help`)}</p>}
          <div className="split">
            <PreviewMap
              // A new preview fits the map to its own footprints.
              key={preview.submittedAt}
              features={mapFeatures}
              anchor={anchor}
              mode={mode}
              onArea={(area) => {
                setMode('none');
                choose((f) => insideRing(ringCentre(f.ring), area));
              }}
            />
            <SitePreviewCanvas buildings={massing} />
          </div>

          <h3>{t('import.keptTitle', { n: rows.length })}</h3>
          <div className="table-scroll" style={{ maxHeight: 420 }}>
            <table className="small" data-testid="kept-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.write')}</th>
                  <th scope="col">{t('col.feature')}</th>
                  <th scope="col">{t('col.number')}</th>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('col.floors')}</th>
                  <th scope="col">{t('col.area')}</th>
                  <th scope="col">{t('col.notes')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => (
                  <tr key={f.index}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('col.write')}
                        checked={chosen.has(f.index)}
                        onChange={(e) => {
                          const next = new Set(chosen);
                          if (e.target.checked) next.add(f.index);
                          else next.delete(f.index);
                          setChosen(next);
                        }}
                      />
                    </td>
                    <td className="num">{f.index}</td>
                    <td>
                      <input
                        aria-label={t('col.number')}
                        value={edits[f.index]?.number ?? f.number}
                        onChange={(e) => edit(f.index, { number: e.target.value })}
                        style={{ width: '5rem' }}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={t('col.name')}
                        value={edits[f.index]?.name ?? f.name}
                        onChange={(e) => edit(f.index, { name: e.target.value })}
                        style={{ width: '9rem' }}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        min={1}
                        max={200}
                        aria-label={t('col.floors')}
                        value={edits[f.index]?.floors ?? f.floors}
                        onChange={(e) => edit(f.index, { floors: Number(e.target.value) })}
                        style={{ width: '4rem' }}
                      />
                      {f.toCheck && edits[f.index]?.floors === undefined && (
                        <span className="badge warn" title={t('note.floorsDefault')}>
                          {t('import.toCheck')}
                        </span>
                      )}
                    </td>
                    <td className="num">{Math.round(f.areaM2)}</td>
                    <td className="small">
                      {f.reason && <span className="warn">{reasonText(f)} </span>}
                      {f.notes.map((n) => t(`note.${n}`)).join('；')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3>{t('import.skippedTitle', { n: skipped.length })}</h3>
          {skipped.length === 0 ? (
            <p className="muted small">{t('import.noneSkipped')}</p>
          ) : (
            <ul className="small" data-testid="skipped-list">
              {skipped.map((f) => (
                <li key={f.index}>
                  {t('import.skippedItem', { feature: f.index, kind: t(`kind.${f.kind}`), name: f.name || '—' })}
                  {': '}
                  {reasonText(f)}
                </li>
              ))}
            </ul>
          )}

          <div className="inline-form">
            <button
              type="button"
              className="primary"
              disabled={busy || chosen.size === 0 || !file}
              onClick={() =>
                file &&
                write.mutate({
                  slug,
                  text: file.text,
                  crs,
                  floorHeightM,
                  choose: [...chosen].sort((a, b) => a - b).map((index) => ({ index, ...clean(edits[index]) })),
                })
              }
            >
              {write.isPending ? t('import.writing') : t('import.write', { n: chosen.size })}
            </button>
          </div>
          {write.error && (
            <p role="alert" className="error">
              {serverErrorMessage(write.error, locale)}
            </p>
          )}
          {write.data && write.data.errors.length === 0 && (
            <p role="status" className="ok">
              {t('import.written', { n: write.data.imported, updated: write.data.updated })}
            </p>
          )}
          {write.data && write.data.errors.length > 0 && (
            <div role="alert">
              <p className="error">{t('import.refused', { n: write.data.errors.length })}</p>
              <ul className="small">
                {write.data.errors.map((e, i) => (
                  <li key={i}>{t(`reason.${e.code}`, e.params)}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Only the fields the person changed, trimmed; empty ones fall back to the file's. */
function clean(e: Edit | undefined): Edit {
  if (!e) return {};
  const out: Edit = {};
  if (e.number?.trim()) out.number = e.number.trim();
  if (e.name?.trim()) out.name = e.name.trim();
  if (e.floors !== undefined && Number.isFinite(e.floors)) out.floors = e.floors;
  return out;
}
