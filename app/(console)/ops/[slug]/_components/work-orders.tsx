'use client';
// The work-order list with its filters, beside the selected order's details.
// Any console's move reaches this one as a live frame (server/ops/work-order-ops.ts);
// residents' reports do too, and a gentle poll covers a dropped connection.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { WORK_ORDER_SOURCES, WORK_ORDER_STATES, type WorkOrderSource, type WorkOrderState } from '~/db/vocab';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../ops.module.css';
import { useOpsLabels } from './labels';
import { NewWorkOrder } from './new-work-order';
import { WorkOrderDetail } from './work-order-detail';

type Filters = { state?: WorkOrderState; source?: WorkOrderSource; grid?: number | 'none'; overdue?: boolean };

export function WorkOrders({
  slug,
  selected,
  onSelect,
}: {
  slug: string;
  selected: number | null;
  onSelect: (id: number | null) => void;
}) {
  const { t, category, place, dateTime, serverError } = useOpsLabels();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    ...trpc.workOrder.list.queryOptions({ slug, limit: 100, ...filters }),
    refetchInterval: 30_000,
  });
  const options = useQuery(trpc.workOrder.formOptions.queryOptions({ slug }));
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <section className={styles.section} aria-labelledby="wo-h">
      <h2 id="wo-h">
        {t('workOrders')}
        <button
          type="button"
          className={`primary ${styles.headButton}`}
          aria-expanded={creating}
          onClick={() => setCreating((c) => !c)}
          data-testid="new-order-toggle"
        >
          {creating ? t('cancel') : t('newOrder')}
        </button>
      </h2>
      {creating && (
        <NewWorkOrder
          slug={slug}
          onCreated={(id) => {
            setCreating(false);
            setFilters({});
            onSelect(id);
          }}
        />
      )}
      <form
        className={`inline-form ${styles.filters}`}
        aria-label={t('woFilters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('state')}
          <select
            value={filters.state ?? ''}
            onChange={(e) => set({ state: (e.target.value || undefined) as WorkOrderState | undefined })}
            data-testid="filter-state"
          >
            <option value="">{t('allStates')}</option>
            {WORK_ORDER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`woStates.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('source')}
          <select
            value={filters.source ?? ''}
            onChange={(e) => set({ source: (e.target.value || undefined) as WorkOrderSource | undefined })}
            data-testid="filter-source"
          >
            <option value="">{t('allSources')}</option>
            {WORK_ORDER_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`sources.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('grid')}
          <select
            value={filters.grid === undefined ? '' : String(filters.grid)}
            onChange={(e) =>
              set({
                grid: e.target.value === '' ? undefined : e.target.value === 'none' ? 'none' : Number(e.target.value),
              })
            }
            data-testid="filter-grid"
          >
            <option value="">{t('allGrids')}</option>
            {options.data?.grids.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            <option value="none">{t('noGrid')}</option>
          </select>
        </label>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={filters.overdue ?? false}
            onChange={(e) => set({ overdue: e.target.checked || undefined })}
            data-testid="filter-overdue"
          />
          {t('onlyOverdue')}
        </label>
      </form>
      <div className={styles.woLayout}>
        <div className={`table-scroll ${styles.woList}`}>
          {list.isError && (
            <p role="alert" className="error">
              {t('loadError', { message: serverError(list.error) })}{' '}
              <button type="button" onClick={() => void list.refetch()}>
                {t('retry')}
              </button>
            </p>
          )}
          <table className={styles.table} data-testid="work-orders" aria-busy={list.isLoading}>
            <thead>
              <tr>
                <th>
                  {t('code')} · {t('opened')}
                </th>
                <th>
                  {t('category')} · {t('source')}
                </th>
                <th>
                  {t('place')} · {t('grid')}
                </th>
                <th>{t('state')}</th>
                <th>{t('dueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.isLoading && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('loading')}
                  </td>
                </tr>
              )}
              {list.data?.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('noOrders')}
                  </td>
                </tr>
              )}
              {list.data?.map((o) => (
                <tr
                  key={o.id}
                  data-testid={`wo-${o.code}`}
                  data-state={o.state}
                  className={selected === o.id ? 'selected' : undefined}
                >
                  <td className="nowrap">
                    <button
                      type="button"
                      className={styles.titleLink}
                      aria-pressed={selected === o.id}
                      onClick={() => onSelect(selected === o.id ? null : o.id)}
                    >
                      {o.code}
                    </button>
                    <div className="muted small">{dateTime(o.openedAt)}</div>
                  </td>
                  <td>
                    {category(o.category)}
                    <div className="muted small">{t(`sources.${o.source}`)}</div>
                  </td>
                  <td>
                    {place(o)}
                    <div className="muted small">{o.grid ?? t('noGrid')}</div>
                  </td>
                  <td className="nowrap">{t(`woStates.${o.state}`)}</td>
                  <td className={`${styles.num} ${o.overdue ? styles.overdue : ''}`}>
                    {dateTime(o.dueAt)}
                    {o.overdue && <div className="small">{t('overdue')}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <aside className={`panel ${styles.woDetail}`} aria-label={t('detail')}>
          {selected === null ? (
            <p className="muted">{t('selectOrder')}</p>
          ) : (
            <WorkOrderDetail id={selected} onClose={() => onSelect(null)} />
          )}
        </aside>
      </div>
    </section>
  );
}
