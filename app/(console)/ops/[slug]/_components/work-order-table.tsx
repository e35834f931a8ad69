'use client';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useTRPC } from '~/app/_trpc/client';
import styles from '../ops.module.css';

/** The newest work orders; residents' reports arrive without a live frame, so it polls gently. */
export function WorkOrderTable({ slug }: { slug: string }) {
  const t = useTranslations('ops');
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.workOrder.list.queryOptions({ slug, limit: 15 }), refetchInterval: 10_000 });
  const fmt = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <section className={styles.section} aria-labelledby="wo-h">
      <h2 id="wo-h">{t('workOrders')}</h2>
      <div className="table-scroll">
        <table className={styles.table} data-testid="work-orders">
          <thead><tr><th>{t('code')}</th><th>{t('source')}</th><th>{t('category')}</th><th>{t('place')}</th><th>{t('state')}</th><th>{t('opened')}</th><th>{t('dueAt')}</th></tr></thead>
          <tbody>
            {list.data?.map((o) => (
              <tr key={o.id} data-testid={`wo-${o.code}`}>
                <td>{o.code}</td><td>{t(`sources.${o.source}`)}</td><td>{o.category}</td><td>{o.place}</td><td>{t(`woStates.${o.state}`)}</td>
                <td className={styles.num}>{fmt.format(o.openedAt)}</td>
                <td className={`${styles.num} ${o.overdue ? styles.overdue : ''}`}>{fmt.format(o.dueAt)}{o.overdue ? ` · ${t('overdue')}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
