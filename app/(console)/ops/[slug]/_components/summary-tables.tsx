import { getFormatter, getTranslations } from 'next-intl/server';
import styles from '../ops.module.css';

type PatrolRow = {
  planId: number;
  route: string;
  shift: string | null;
  startTime: string;
  due: number;
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  rate: number | null;
};

export async function PatrolTable({ rows }: { rows: PatrolRow[] }) {
  const [t, format] = await Promise.all([getTranslations('ops'), getFormatter()]);
  return (
    <section className={styles.section} aria-labelledby="patrol-h">
      <h2 id="patrol-h">{t('patrol')}</h2>
      {rows.length === 0 && <p className="muted">{t('noPatrol')}</p>}
      <table className={styles.table} data-testid="patrol" hidden={rows.length === 0}>
        <thead>
          <tr>
            <th>{t('route')}</th>
            <th>{t('shift')}</th>
            <th className={styles.num}>{t('due')}</th>
            <th className={styles.num}>{t('onTime')}</th>
            <th className={styles.num}>{t('late')}</th>
            <th className={styles.num}>{t('missed')}</th>
            <th className={styles.num}>{t('rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.planId}>
              <td>{r.route}</td>
              <td>
                {r.shift ? (t.has(`shifts.${r.shift}`) ? t(`shifts.${r.shift}`) : r.shift) : ''} {r.startTime}
              </td>
              <td className={styles.num}>{r.due}</td>
              <td className={styles.num}>{r.onTime}</td>
              <td className={styles.num}>{r.late}</td>
              <td className={`${styles.num} ${r.missed > 0 ? styles.overdue : ''}`}>{r.missed}</td>
              <td className={styles.num}>{r.rate === null ? '—' : format.number(r.rate, 'percent')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
