'use client';
// Grids: a list with edit and delete, and a form for a new one (name, kind, head, buildings).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import { useTRPC } from '~/app/_trpc/client';
import { GRID_KINDS } from '~/db/vocab';
import styles from '../setup.module.css';

type Kind = (typeof GRID_KINDS)[number];
type Draft = { name: string; kind: Kind; headName: string; headRole: string; buildingIds: number[] };
const EMPTY: Draft = { name: '', kind: 'combined', headName: '', headRole: '', buildingIds: [] };

export function GridsEditor({ slug }: { slug: string }) {
  const t = useTranslations('setup');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const list = useQuery(trpc.grid.list.queryOptions({ slug }));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.grid.list.queryKey({ slug }) });
    router.refresh();
  };
  const done = () => {
    setDraft(EMPTY);
    setEditing(null);
    refresh();
  };
  const create = useMutation(trpc.grid.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.grid.update.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.grid.delete.mutationOptions({ onSuccess: refresh }));
  const error = create.error ?? update.error ?? remove.error;
  const buildings = list.data?.buildings ?? [];
  const numberOf = new Map(buildings.map((b) => [b.id, b.name]));
  const toggle = (id: number) =>
    setDraft((d) => ({
      ...d,
      buildingIds: d.buildingIds.includes(id) ? d.buildingIds.filter((b) => b !== id) : [...d.buildingIds, id],
    }));
  return (
    <>
      <p className="muted">{t('gridsLead')}</p>
      {list.data && list.data.grids.length === 0 && <p className="notice">{t('gridsEmpty')}</p>}
      {list.data && list.data.grids.length > 0 && (
        <div className="table-scroll">
          <table data-testid="setup-grids">
            <thead>
              <tr>
                <th scope="col">{t('field.gridName')}</th>
                <th scope="col">{t('field.gridKind')}</th>
                <th scope="col">{t('field.headName')}</th>
                <th scope="col">{t('field.buildings')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {list.data.grids.map((g) => (
                <tr key={g.id}>
                  <td>{g.name}</td>
                  <td>{t(`gridKind.${g.kind}`)}</td>
                  <td>
                    {g.headName} <span className="muted">({g.headRole})</span>
                  </td>
                  <td className="small">{g.buildingIds.map((id) => numberOf.get(id) ?? id).join('、') || '—'}</td>
                  <td className={styles.actions}>
                    <button
                      type="button"
                      onClick={() => {
                        setEditing(g.id);
                        setDraft({
                          name: g.name,
                          kind: g.kind,
                          headName: g.headName,
                          headRole: g.headRole,
                          buildingIds: g.buildingIds,
                        });
                      }}
                    >
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        window.confirm(t('confirmDelete', { name: g.name })) && remove.mutate({ id: g.id })
                      }
                    >
                      {t('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className={`panel ${styles.section}`} aria-labelledby="grid-form-title">
        <h2 id="grid-form-title">{editing ? t('gridEdit') : t('gridNew')}</h2>
        <form
          className={styles.form}
          data-testid="setup-grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (editing) update.mutate({ id: editing, ...draft });
            else create.mutate({ slug, ...draft });
          }}
        >
          <label>
            {t('field.gridName')}
            <input
              required
              maxLength={60}
              value={draft.name}
              placeholder="第一综合网格"
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <label>
            {t('field.gridKind')}
            <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Kind })}>
              {GRID_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`gridKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('field.headName')}
            <input
              required
              maxLength={40}
              value={draft.headName}
              onChange={(e) => setDraft({ ...draft, headName: e.target.value })}
            />
          </label>
          <label>
            {t('field.headRole')}
            <input
              required
              maxLength={40}
              list="setup-head-roles"
              value={draft.headRole}
              onChange={(e) => setDraft({ ...draft, headRole: e.target.value })}
            />
            <datalist id="setup-head-roles">
              <option value="网格员" />
              <option value="楼栋长" />
              <option value="网格长" />
            </datalist>
          </label>
          <fieldset className={styles.wide}>
            <legend>
              {t('field.buildings')}{' '}
              <button
                type="button"
                className="small"
                onClick={() =>
                  setDraft({
                    ...draft,
                    buildingIds: draft.buildingIds.length === buildings.length ? [] : buildings.map((b) => b.id),
                  })
                }
              >
                {t('selectAll')}
              </button>
            </legend>
            {buildings.length === 0 ? (
              <p className="small muted">{t('noBuildings')}</p>
            ) : (
              <div className={styles.checks}>
                {buildings.map((b) => (
                  <label key={b.id}>
                    <input type="checkbox" checked={draft.buildingIds.includes(b.id)} onChange={() => toggle(b.id)} />
                    {b.name}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <div className={`${styles.actions} ${styles.wide}`}>
            <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
              {editing ? t('save') : t('add')}
            </button>
            {editing && (
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setDraft(EMPTY);
                }}
              >
                {t('cancel')}
              </button>
            )}
            {error && (
              <span role="alert" className="error">
                {serverErrorMessage(error, locale)}
              </span>
            )}
          </div>
        </form>
      </section>
    </>
  );
}
