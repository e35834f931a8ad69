import { getLocale, getTranslations } from 'next-intl/server';
import styles from '../ops.module.css';

type RateRow = { gridId: number | null; grid: string | null; total: number; completionRate: number | null; resolutionRate: number | null; satisfactionRate: number | null };
type PatrolRow = { planId: number; route: string; shift: string | null; startTime: string; due: number; onTime: number; late: number; missed: number; pending: number; rate: number | null };

function pct(locale: string, v: number | null) {
  return v === null ? '—' : new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en', { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

/** The three rates side by side but never blended: a high 满意率 must not hide a low 办结率. */
export async function RatesTable({ rows }: { rows: RateRow[] }) {
  const [t, locale] = await Promise.all([getTranslations('ops'), getLocale()]);
  return (
    <section className={styles.section} aria-labelledby="rates-h">
      <h2 id="rates-h">{t('rates')}</h2>
      <table className={styles.table} data-testid="rates">
        <thead><tr><th>{t('grid')}</th><th className={styles.num}>{t('total')}</th><th className={styles.num}>{t('completion')}</th><th className={styles.num}>{t('resolution')}</th><th className={styles.num}>{t('satisfaction')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.gridId ?? 'none'}>
              <td>{r.grid ?? t('noGrid')}</td><td className={styles.num}>{r.total}</td>
              <td className={styles.num}>{pct(locale, r.completionRate)}</td><td className={styles.num}>{pct(locale, r.resolutionRate)}</td><td className={styles.num}>{pct(locale, r.satisfactionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export async function PatrolTable({ rows }: { rows: PatrolRow[] }) {
  const [t, locale] = await Promise.all([getTranslations('ops'), getLocale()]);
  return (
    <section className={styles.section} aria-labelledby="patrol-h">
      <h2 id="patrol-h">{t('patrol')}</h2>
      {rows.length === 0 && <p className="muted">{t('noPatrol')}</p>}
      <table className={styles.table} data-testid="patrol" hidden={rows.length === 0}>
        <thead><tr><th>{t('route')}</th><th>{t('shift')}</th><th className={styles.num}>{t('due')}</th><th className={styles.num}>{t('onTime')}</th><th className={styles.num}>{t('late')}</th><th className={styles.num}>{t('missed')}</th><th className={styles.num}>{t('rate')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.planId}>
              <td>{r.route}</td><td>{r.shift ?? r.startTime}</td><td className={styles.num}>{r.due}</td><td className={styles.num}>{r.onTime}</td>
              <td className={styles.num}>{r.late}</td><td className={`${styles.num} ${r.missed > 0 ? styles.overdue : ''}`}>{r.missed}</td><td className={styles.num}>{pct(locale, r.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
