'use client';
// 办结率, 解决率 and 满意率 side by side but never blended: a high 满意率 must
// not hide a low 办结率. Each cell shows its share and what it is a share of,
// so one closed order visibly moves it. Refetched on every work-order frame.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../ops.module.css';
import { useOpsLabels } from './labels';

type Row = {
  gridId: number | null;
  grid: string | null;
  total: number;
  completed: number;
  answered: number;
  solved: number;
  rated: number;
  satisfied: number;
};

function RateCells({ r }: { r: Row }) {
  const { rate } = useOpsLabels();
  return (
    <>
      <td className={styles.num}>{r.total}</td>
      <td className={styles.num} data-testid="rate-completion">
        {rate(r.completed, r.total)}
      </td>
      <td className={styles.num} data-testid="rate-resolution">
        {rate(r.solved, r.answered)}
      </td>
      <td className={styles.num} data-testid="rate-satisfaction">
        {rate(r.satisfied, r.rated)}
      </td>
    </>
  );
}

export function RatesPanel({ slug }: { slug: string }) {
  const { t, serverError } = useOpsLabels();
  const trpc = useTRPC();
  const byGrid = useQuery(trpc.workOrder.rates.queryOptions({ slug }));
  const byMonth = useQuery(trpc.workOrder.monthly.queryOptions({ slug, months: 3 }));
  const error = byGrid.error ?? byMonth.error;
  const head = (first: React.ReactNode) => (
    <thead>
      <tr>
        {first}
        <th className={styles.num}>{t('total')}</th>
        <th className={styles.num}>{t('completion')}</th>
        <th className={styles.num}>{t('resolution')}</th>
        <th className={styles.num}>{t('satisfaction')}</th>
      </tr>
    </thead>
  );
  // Newest month first, grids in order within it.
  const months = [...(byMonth.data ?? [])].sort(
    (a, b) => b.month.localeCompare(a.month) || (a.gridId ?? Infinity) - (b.gridId ?? Infinity),
  );
  return (
    <section className={styles.section} aria-labelledby="rates-h">
      <h2 id="rates-h">{t('rates')}</h2>
      {error && (
        <p role="alert" className="error">
          {t('loadError', { message: serverError(error) })}
        </p>
      )}
      <h3>{t('ratesGrid')}</h3>
      <table className={styles.table} data-testid="rates" aria-busy={byGrid.isLoading}>
        {head(<th>{t('grid')}</th>)}
        <tbody>
          {byGrid.isLoading && (
            <tr>
              <td colSpan={5} className="muted">
                {t('loading')}
              </td>
            </tr>
          )}
          {byGrid.data?.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('noRates')}
              </td>
            </tr>
          )}
          {byGrid.data?.map((r) => (
            <tr key={r.gridId ?? 'none'} data-testid={`rates-grid-${r.gridId ?? 'none'}`} data-grid={r.grid ?? ''}>
              <th scope="row">{r.grid ?? t('noGrid')}</th>
              <RateCells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('ratesMonth')}</h3>
      <table className={styles.table} data-testid="rates-monthly" aria-busy={byMonth.isLoading}>
        {head(
          <>
            <th>{t('month')}</th>
            <th>{t('grid')}</th>
          </>,
        )}
        <tbody>
          {months.map((r) => (
            <tr key={`${r.month}-${r.gridId ?? 'none'}`} data-testid={`rates-${r.month}-${r.gridId ?? 'none'}`}>
              <td className="nowrap">{r.month}</td>
              <th scope="row">{r.grid ?? t('noGrid')}</th>
              <RateCells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('ratesNote')}</p>
    </section>
  );
}
