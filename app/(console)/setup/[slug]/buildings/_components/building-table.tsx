'use client';
// The community's buildings once written: name, number, floors and floor height edited in
// place, a building deleted (with its units and rooms), a glTF model uploaded to replace its
// generated massing, or removed again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import type { RouterOutputs } from '~/app/_trpc/types';

type Building = RouterOutputs['site']['buildings'][number];
const MAX_MODEL_BYTES = 10 * 1024 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Row({ slug, b }: { slug: string; b: Building }) {
  const t = useTranslations('setupSite');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ name: b.name, number: b.number, floors: b.floors, floorHeight: b.floorHeight });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.site.buildings.queryKey({ slug }) });
  const save = useMutation(trpc.site.updateBuilding.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.site.deleteBuilding.mutationOptions({ onSuccess: refresh }));
  const upload = useMutation(trpc.site.uploadModel.mutationOptions({ onSuccess: refresh }));
  const clear = useMutation(trpc.site.clearModel.mutationOptions({ onSuccess: refresh }));
  const [tooBig, setTooBig] = useState(false);
  const changed =
    draft.name !== b.name ||
    draft.number !== b.number ||
    draft.floors !== b.floors ||
    Math.abs(draft.floorHeight - b.floorHeight) > 1e-6;
  const error = save.error ?? remove.error ?? upload.error ?? clear.error;
  return (
    <tr data-testid={`building-${b.number}`}>
      <td>
        <input
          aria-label={t('col.number')}
          value={draft.number}
          onChange={(e) => setDraft({ ...draft, number: e.target.value })}
          style={{ width: '4.5rem' }}
        />
      </td>
      <td>
        <input
          aria-label={t('col.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          style={{ width: '9rem' }}
        />
      </td>
      <td>
        <input
          type="number"
          min={1}
          max={200}
          aria-label={t('col.floors')}
          value={draft.floors}
          onChange={(e) => setDraft({ ...draft, floors: Number(e.target.value) })}
          style={{ width: '4rem' }}
        />
      </td>
      <td>
        <input
          type="number"
          min={2}
          max={6}
          step={0.1}
          aria-label={t('col.floorHeight')}
          value={Math.round(draft.floorHeight * 100) / 100}
          onChange={(e) => setDraft({ ...draft, floorHeight: Number(e.target.value) })}
          style={{ width: '4.5rem' }}
        />
      </td>
      <td className="num">{b.units}</td>
      <td className="num">{b.rooms}</td>
      <td>
        {b.modelUrl ? (
          <>
            <span className="badge">{t('buildings.hasModel')}</span>{' '}
            <button type="button" onClick={() => clear.mutate({ id: b.id })} disabled={clear.isPending}>
              {t('buildings.clearModel')}
            </button>
          </>
        ) : (
          <span className="muted">{t('buildings.massing')}</span>
        )}
        <label className="small" style={{ display: 'block' }}>
          {upload.isPending ? t('buildings.uploading') : t('buildings.uploadModel')}
          <input
            type="file"
            accept=".glb,.gltf,model/gltf-binary,model/gltf+json"
            disabled={upload.isPending}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setTooBig(false);
              if (!f) return;
              if (f.size > MAX_MODEL_BYTES) return setTooBig(true);
              upload.mutate({ id: b.id, name: f.name, base64: await base64Of(f) });
            }}
          />
        </label>
      </td>
      <td className="nowrap">
        <button
          type="button"
          className="primary"
          disabled={!changed || save.isPending}
          onClick={() =>
            save.mutate({
              id: b.id,
              ...(draft.name !== b.name ? { name: draft.name } : {}),
              ...(draft.number !== b.number ? { number: draft.number } : {}),
              ...(draft.floors !== b.floors ? { floors: draft.floors } : {}),
              ...(draft.floorHeight !== b.floorHeight ? { floorHeight: draft.floorHeight } : {}),
            })
          }
        >
          {t('buildings.save')}
        </button>{' '}
        <button
          type="button"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t('buildings.confirmDelete', { name: b.name, units: b.units, rooms: b.rooms })))
              remove.mutate({ id: b.id });
          }}
        >
          {t('buildings.delete')}
        </button>
        {(error || tooBig) && (
          <p role="alert" className="error small">
            {tooBig ? t('buildings.modelTooBig') : serverErrorMessage(error, locale)}
          </p>
        )}
      </td>
    </tr>
  );
}

export function BuildingTable({ slug }: { slug: string }) {
  const t = useTranslations('setupSite');
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useQuery(trpc.site.buildings.queryOptions({ slug }));
  return (
    <section className="panel" aria-labelledby="buildings-title" style={{ marginTop: '1.5rem' }}>
      <h2 id="buildings-title">{t('buildings.title')}</h2>
      {list.isPending && <div className="skeleton" style={{ height: 160 }} aria-busy="true" />}
      {list.error && (
        <p role="alert" className="error">
          {serverErrorMessage(list.error, locale)} {t('retry')}
        </p>
      )}
      {list.data && list.data.length === 0 && <p className="notice">{t('buildings.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <>
          <p className="small muted">{t('buildings.help', { n: list.data.length })}</p>
          <div className="table-scroll">
            <table className="small" data-testid="building-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.number')}</th>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('col.floors')}</th>
                  <th scope="col">{t('col.floorHeight')}</th>
                  <th scope="col">{t('col.units')}</th>
                  <th scope="col">{t('col.rooms')}</th>
                  <th scope="col">{t('col.model')}</th>
                  <th scope="col">{t('col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((b) => (
                  <Row key={`${b.id}-${b.number}-${b.name}-${b.floors}-${b.floorHeight}`} slug={slug} b={b} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
